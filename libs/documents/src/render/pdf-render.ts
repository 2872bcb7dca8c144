import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { DocBlock } from './docx-blocks';

/**
 * The CJK font of every PDF: Noto Sans SC (思源黑体) Regular and Bold from the @embedpdf/fonts-sc npm package — no
 * system font, no download at run time. pdfkit embeds only the glyphs a document uses (a subset), with a ToUnicode
 * map, so the text extracts as the Chinese it is.
 */
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts');
export const PDF_FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

type FontSource = Buffer | object;
let fonts: { regular: FontSource; bold: FontSource } | null = null;

/**
 * Parsed once per process: each font file is ~8 MB. The parser is pdfkit's own (fontkit, resolved from pdfkit so it
 * is the version pdfkit uses); a parsed font is shared by documents, each embedding its own subset.
 */
function loadFonts(): { regular: FontSource; bold: FontSource } {
  if (fonts) return fonts;
  const load = (file: string): FontSource => {
    const data = readFileSync(path.join(FONT_DIR, file));
    try {
      const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buf: Buffer): object };
      return fontkit.create(data);
    } catch {
      return data;
    }
  };
  fonts = { regular: load(PDF_FONT_FILES.regular), bold: load(PDF_FONT_FILES.bold) };
  return fonts;
}

const MARGIN = 72;
const CELL_PAD = 4;

export interface PdfMeta {
  title: string;
  /** the stamp at every page's foot: the document number, or the case number */
  footer: string;
}

/** The blocks of a filled document as an A4 PDF: paragraphs with their alignment and size, ruled tables, page numbers. */
export async function renderPdf(blocks: readonly DocBlock[], meta: PdfMeta): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: meta.title, Producer: 'Patent Enforcement Desk', Creator: 'Patent Enforcement Desk' },
    pdfVersion: '1.7',
  });
  doc.registerFont('cjk', f.regular as never);
  doc.registerFont('cjk-bold', f.bold as never);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  for (const b of blocks) {
    if (b.type === 'paragraph') {
      doc.font(b.bold ? 'cjk-bold' : 'cjk').fontSize(b.size);
      const text = b.text.length ? b.text : ' ';
      const opts = { width, align: b.align, lineGap: b.size * 0.3, indent: b.indent ? b.size * 2 : 0 };
      if (doc.y + doc.heightOfString(text, opts) > bottom() && doc.y > MARGIN) doc.addPage();
      doc.text(text, MARGIN, doc.y, opts);
      doc.moveDown(0.3);
    } else {
      const cols = b.widths.map((w) => w * width);
      for (const row of b.rows) {
        doc.font(row.bold ? 'cjk-bold' : 'cjk').fontSize(10.5);
        const heights = row.cells.map((t, i) => doc.heightOfString(t || ' ', { width: cols[i] - 2 * CELL_PAD, lineGap: 2 }));
        const h = Math.max(...heights) + 2 * CELL_PAD;
        if (doc.y + h > bottom()) doc.addPage();
        const top = doc.y;
        let x = MARGIN;
        row.cells.forEach((t, i) => {
          doc.rect(x, top, cols[i], h).lineWidth(0.6).stroke();
          doc.text(t, x + CELL_PAD, top + CELL_PAD, { width: cols[i] - 2 * CELL_PAD, lineGap: 2 });
          x += cols[i];
        });
        doc.x = MARGIN;
        doc.y = top + h;
      }
      doc.moveDown(0.5);
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('cjk').fontSize(9);
    const footer = `${meta.footer}    第 ${i + 1} 页 / 共 ${range.count} 页`;
    // below the bottom margin: pdfkit would otherwise open a new page for it
    doc.page.margins.bottom = 0;
    doc.text(footer, MARGIN, doc.page.height - MARGIN / 2, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
