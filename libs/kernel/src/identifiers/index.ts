export * from './identifier-result';
export * from './uscc';
export * from './resident-id';
export * from './patent-number';
export * from './phone';
export * from './examples';
