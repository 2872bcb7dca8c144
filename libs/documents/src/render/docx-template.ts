import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { DomainError } from '@app/kernel';
import { DocumentData, DocumentKind, TemplateTag, unknownTags } from '../domain';

interface InspectedPart {
  type: string;
  value: string;
  module?: string;
  subparsed?: InspectedPart[];
}

function compile(content: Buffer, modules: InspectModule[] = []): Docxtemplater {
  return new Docxtemplater(new PizZip(content), {
    modules,
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    nullGetter: () => '',
  });
}

function tagsOf(parts: readonly InspectedPart[]): TemplateTag[] {
  return parts
    .filter((p) => p.type === 'placeholder')
    .map((p) => ({
      // a raw-XML tag ({@x}) would let a value write markup: not a field any kind knows
      name: p.module === 'rawxml' ? `@${p.value}` : p.value,
      section: p.module === 'loop',
      inner: tagsOf(p.subparsed ?? []),
    }));
}

/** docxtemplater's complaints (a tag left open, a loop closed twice …), briefly, for the 400 answer. */
function templateProblems(err: unknown): string {
  const e = err as { properties?: { errors?: { properties?: { explanation?: string } }[] }; message?: string };
  const list = e.properties?.errors?.map((x) => x.properties?.explanation).filter(Boolean) ?? [];
  return (list.length ? list.slice(0, 3).join('; ') : (e.message ?? 'unreadable')).slice(0, 300);
}

/**
 * Checks an uploaded template for `kind`: a .docx (zip with word/document.xml) docxtemplater can compile, whose tags
 * are fields the kind knows. Throws a 400 naming `file` otherwise.
 */
export function checkTemplate(kind: DocumentKind, content: Buffer): void {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw DomainError.validation('file', 'is not a .docx file (not a zip archive)');
  }
  if (!zip.file('word/document.xml')) throw DomainError.validation('file', 'is not a .docx file (no word/document.xml)');
  const inspect = new InspectModule();
  try {
    compile(content, [inspect]);
  } catch (err) {
    throw DomainError.validation('file', `is not a template docxtemplater can parse: ${templateProblems(err)}`);
  }
  const unknown = unknownTags(kind, tagsOf(inspect.getAllStructuredTags()));
  if (unknown.length) throw DomainError.validation('file', `uses tags ${kind} does not know: ${unknown.join(', ')}`);
}

/** The template filled with the document's values (a missing value prints nothing). */
export function fillTemplate(content: Buffer, data: DocumentData): Buffer {
  const doc = compile(content);
  doc.render(data);
  return doc.toBuffer({ compression: 'DEFLATE' });
}
