export * from './docx-template';
export * from './docx-blocks';
export * from './pdf-render';
export * from './default-templates';
