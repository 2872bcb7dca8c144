import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKind } from '../domain';

/**
 * The default template set: libs/documents/templates/<kind>.docx, written by scripts/document-templates.mjs and
 * committed (scripts/build.mjs copies them to dist/ beside the compiled code, at the same relative place).
 */
export const DEFAULT_TEMPLATE_DIR = path.resolve(__dirname, '../../templates');

const cache = new Map<DocumentKind, Buffer>();

export function defaultTemplate(kind: DocumentKind): Buffer {
  let content = cache.get(kind);
  if (!content) {
    content = readFileSync(path.join(DEFAULT_TEMPLATE_DIR, `${kind}.docx`));
    cache.set(kind, content);
  }
  return content;
}
