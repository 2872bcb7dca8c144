import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';

// What a filled .docx says, as blocks the PDF renderer lays out: paragraphs (text, alignment, size, bold) and tables
// (rows of cell texts with relative widths). Reading the filled DOCX — not the data — keeps the PDF to the template's
// wording, a custom template's too.

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  align: 'left' | 'center' | 'right' | 'justify';
  /** points */
  size: number;
  bold: boolean;
  indent: boolean;
}

export interface TableBlock {
  type: 'table';
  /** relative column widths (sum 1) */
  widths: number[];
  rows: { cells: string[]; bold: boolean }[];
}

export type DocBlock = ParagraphBlock | TableBlock;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type XmlElement = {
  localName: string | null;
  namespaceURI: string | null;
  childNodes: ArrayLike<XmlElement>;
  nodeType: number;
  textContent: string | null;
  getAttributeNS(ns: string, name: string): string | null;
};

const children = (el: XmlElement, name?: string): XmlElement[] =>
  Array.from(el.childNodes).filter((c) => c.nodeType === 1 && c.namespaceURI === W && (!name || c.localName === name));
const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => (el ? children(el, name)[0] : undefined);
const attr = (el: XmlElement | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

function runText(r: XmlElement): string {
  let out = '';
  for (const c of children(r)) {
    if (c.localName === 't') out += c.textContent ?? '';
    else if (c.localName === 'tab') out += '\t';
    else if (c.localName === 'br' || c.localName === 'cr') out += '\n';
  }
  return out;
}

function paragraphText(p: XmlElement): string {
  let out = '';
  for (const c of children(p)) {
    if (c.localName === 'r') out += runText(c);
    else if (c.localName === 'hyperlink' || c.localName === 'ins' || c.localName === 'smartTag')
      for (const r of children(c, 'r')) out += runText(r);
  }
  return out;
}

function paragraph(p: XmlElement): ParagraphBlock {
  const pPr = child(p, 'pPr');
  const jc = attr(child(pPr, 'jc'), 'val');
  const firstRun = children(p, 'r').find((r) => runText(r).trim()) ?? children(p, 'r')[0];
  const rPr = child(firstRun, 'rPr');
  const sz = Number(attr(child(rPr, 'sz'), 'val'));
  const b = child(rPr, 'b');
  const ind = child(pPr, 'ind');
  return {
    type: 'paragraph',
    text: paragraphText(p),
    align: jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' ? 'justify' : 'left',
    size: Number.isFinite(sz) && sz > 0 ? Math.min(Math.max(sz / 2, 6), 48) : 12,
    bold: b !== undefined && attr(b, 'val') !== '0' && attr(b, 'val') !== 'false',
    indent: Number(attr(ind, 'firstLine') ?? 0) > 0,
  };
}

function table(tbl: XmlElement): TableBlock {
  const rows = children(tbl, 'tr').map((tr) => {
    const tcs = children(tr, 'tc');
    const cells = tcs.map((tc) => children(tc, 'p').map(paragraphText).join('\n'));
    const bold = tcs.length > 0 && tcs.every((tc) => children(tc, 'p').every((p) => paragraph(p).bold || !paragraphText(p).trim()));
    return { cells, bold };
  });
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  const grid = children(child(tbl, 'tblGrid') ?? tbl, 'gridCol').map((g) => Number(attr(g, 'w')) || 0);
  const first = children(tbl, 'tr')[0];
  const pct = first
    ? children(first, 'tc').map((tc) => {
        const w = child(child(tc, 'tcPr'), 'tcW');
        const v = attr(w, 'w') ?? '';
        return attr(w, 'type') === 'pct' ? (v.endsWith('%') ? Number(v.slice(0, -1)) : Number(v) / 50) : 0;
      })
    : [];
  const raw = pct.length === columns && pct.every((x) => x > 0) ? pct : grid.length === columns && grid.every((x) => x > 0) ? grid : [];
  const total = raw.reduce((a, b) => a + b, 0);
  const widths = raw.length ? raw.map((x) => x / total) : Array.from({ length: columns }, () => 1 / columns);
  return {
    type: 'table',
    widths,
    rows: rows.map((r) => ({ ...r, cells: [...r.cells, ...Array.from({ length: columns - r.cells.length }, () => '')] })),
  };
}

/** The blocks of a .docx body, in order. */
export function docxBlocks(content: Buffer): DocBlock[] {
  const xml = new PizZip(content).file('word/document.xml')?.asText();
  if (!xml) return [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement };
  const body = child(doc.documentElement, 'body');
  if (!body) return [];
  const out: DocBlock[] = [];
  for (const el of children(body)) {
    if (el.localName === 'p') out.push(paragraph(el));
    else if (el.localName === 'tbl') out.push(table(el));
  }
  return out;
}
