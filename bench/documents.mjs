// Document generation (文书): the time to fill the 行政处罚决定书 template (DOCX) and to render its PDF with the
// embedded CJK font, p50/p99, and the PDF's size — beside baselines from the same run: pdfkit writing a one-line
// PDF in a built-in font (no embedding), and a one-line PDF in the CJK font (the subset embedding's fixed cost).
// In-process against the built code in dist/ (no HTTP, no database: the request around it is the cases bench's).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, fmt, percentile, printTable } from './lib.mjs';

const N = 60;
const WARMUP = 5;
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(ROOT, 'dist', p));

const SOURCE = {
  kind: 'penalty_decision',
  issuedOn: '2026-12-02',
  documentNo: '津滨知执决〔2026〕0001号',
  office: { code: '120116', name: '天津市滨海新区知识产权局' },
  case: {
    receiptNo: '津滨收〔2026〕00001号',
    caseNo: '津滨知执〔2026〕0001号',
    decisionNo: '津滨知执决〔2026〕0001号',
    type: 'passing_off',
    source: 'inspection',
    status: 'decided',
    summary: '假冒专利检查',
    receivedOn: '2026-11-02',
    filedOn: '2026-11-03',
    filingDecisionDue: '2026-11-09',
    closingDue: '2026-12-03',
    hearingOn: null,
    decidedOn: '2026-12-01',
    servedOn: null,
    closedOn: null,
    decision: {
      kind: 'penalty',
      summary: '责令改正并处罚款五万元，没收违法所得一千二百三十四元五角六分',
      facts: '当事人在其销售的产品包装上标注已失效的专利号，涉案产品共计一千二百件，违法所得一千二百三十四元五角六分。'.repeat(3),
      legalBasis: '《中华人民共和国专利法》第六十八条',
      fineFen: 5_000_000,
      illegalGainsFen: 123_456,
      confiscatedFen: 123_456,
    },
    outcome: null,
  },
  parties: [
    {
      role: 'respondent',
      kind: 'organization',
      name: '被处罚科技有限公司',
      uscc: '91120116MA05XXXX0X',
      idNumberMasked: null,
      legalRepresentative: '王五',
      address: '天津市滨海新区某路1号',
    },
    {
      role: 'respondent',
      kind: 'individual',
      name: '张三',
      uscc: null,
      idNumberMasked: '120101********1023',
      legalRepresentative: null,
      address: '天津市和平区某街2号',
    },
  ],
  patents: [],
  officers: ['李四', '赵六'],
};

async function time(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms = [];
  let last;
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), last };
}

export async function run() {
  const render = dist('libs/documents/src/render/index.js');
  const domain = dist('libs/documents/src/domain/index.js');
  const PDFDocument = require(require.resolve('pdfkit', { paths: [ROOT] }));
  const onePage = (font) =>
    new Promise((resolve) => {
      const doc = new PDFDocument({ size: 'A4' });
      const chunks = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      if (font) doc.registerFont('f', font).font('f');
      doc.text(font ? '行政处罚决定书' : 'baseline');
      doc.end();
    });

  const t0 = performance.now();
  await render.renderPdf([{ type: 'paragraph', text: '字', align: 'left', size: 12, bold: false, indent: false }], {
    title: 'x',
    footer: 'x',
  });
  const fontLoadMs = performance.now() - t0;

  const template = render.defaultTemplate('penalty_decision');
  const data = domain.documentData(SOURCE);
  const docx = await time(() => render.fillTemplate(template, data));
  const blocks = render.docxBlocks(docx.last);
  const pdf = await time(() =>
    render.renderPdf(render.docxBlocks(render.fillTemplate(template, data)), { title: '行政处罚决定书', footer: SOURCE.documentNo }),
  );
  const pdfOnly = await time(() => render.renderPdf(blocks, { title: '行政处罚决定书', footer: SOURCE.documentNo }));
  const plain = await time(() => onePage(null));
  // the CJK one-liner through the same parsed font the renderer keeps (the file is parsed once per process)
  const cjkLine = await time(() =>
    render.renderPdf([{ type: 'paragraph', text: '行政处罚决定书', align: 'left', size: 12, bold: false, indent: false }], {
      title: 'x',
      footer: '',
    }),
  );

  const row = (name, r, size) => [name, fmt(r.p50, 1), fmt(r.p99, 1), size === undefined ? '-' : fmt(size / 1024, 1)];
  printTable(
    `document generation, ${N} runs each after ${WARMUP} warm-up (in process, dist/)`,
    ['what', 'p50 ms', 'p99 ms', 'KiB'],
    [
      row('baseline: one-line PDF, built-in Helvetica', plain, plain.last.length),
      row('baseline: one-line PDF, Noto Sans SC subset', cjkLine, cjkLine.last.length),
      row('行政处罚决定书 DOCX (fill template)', docx, docx.last.length),
      row('行政处罚决定书 PDF (layout + embed, from blocks)', pdfOnly, pdfOnly.last.length),
      row('行政处罚决定书 DOCX + PDF (what a request does)', pdf, pdf.last.length),
    ],
    [`first PDF of the process (parses the two ~8 MB OTF files once): ${fmt(fontLoadMs, 0)} ms`],
  );
  return {
    runs: N,
    fontLoadMs,
    baseline: {
      plainPdf: { p50Ms: plain.p50, p99Ms: plain.p99, bytes: plain.last.length },
      cjkLinePdf: { p50Ms: cjkLine.p50, p99Ms: cjkLine.p99, bytes: cjkLine.last.length },
    },
    decision: {
      docx: { p50Ms: docx.p50, p99Ms: docx.p99, bytes: docx.last.length },
      pdf: { p50Ms: pdfOnly.p50, p99Ms: pdfOnly.p99, bytes: pdfOnly.last.length },
      both: { p50Ms: pdf.p50, p99Ms: pdf.p99 },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
