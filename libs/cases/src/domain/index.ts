export * from './case-types';
export * from './case-lifecycle';
export * from './case-rules';
export * from './case-deadlines';
export * from './case-search';
export * from './deadline-in-force';
export * from './case-scope';
