export * from './credit-record';
export * from './credit-mapping';
export * from './publication-rules';
export * from './publication-status';
export * from './publication-scope';
