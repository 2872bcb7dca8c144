export * from './chinese-format';
export * from './document-kinds';
export * from './document-fields';
