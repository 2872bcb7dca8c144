export * from './crypto-error';
export * from './key-ring';
export * from './field-cipher';
export * from './blind-index';
