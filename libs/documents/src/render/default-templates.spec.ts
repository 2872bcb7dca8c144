import PizZip from 'pizzip';
import { DOCUMENT_KIND_SPECS, DOCUMENT_KINDS, documentData, DocumentSource } from '../domain';
import { pdfText } from '../../../../test/utils/pdf-text';
import { checkTemplate, defaultTemplate, docxBlocks, fillTemplate, renderPdf } from '.';

const source: DocumentSource = {
  kind: 'penalty_decision',
  issuedOn: '2026-12-02',
  documentNo: '津滨知执决〔2026〕0007号',
  office: { code: '120116', name: '天津市滨海新区知识产权局' },
  case: {
    receiptNo: 'R1',
    caseNo: '津滨知执〔2026〕0003号',
    decisionNo: '津滨知执决〔2026〕0007号',
    type: 'passing_off',
    source: 'inspection',
    status: 'decided',
    summary: '假冒专利',
    receivedOn: '2026-11-02',
    filedOn: '2026-11-03',
    filingDecisionDue: null,
    closingDue: null,
    hearingOn: null,
    decidedOn: '2026-12-01',
    servedOn: null,
    closedOn: null,
    decision: {
      kind: 'penalty',
      summary: '责令改正并处罚款',
      fineFen: 5_000_000,
      confiscatedFen: 123_456,
      facts: '当事人在产品包装上标注已失效的专利号。',
      legalBasis: '《专利法》第六十八条',
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
      address: '滨海新区某路1号',
    },
  ],
  patents: [],
  officers: ['李四', '赵六'],
};

describe('the default templates', () => {
  it.each(DOCUMENT_KINDS)('%s parses, uses only its fields and shows its number where it takes one', (kind) => {
    const content = defaultTemplate(kind);
    expect(() => checkTemplate(kind, content)).not.toThrow();
    const xml = new PizZip(content).file('word/document.xml')!.asText();
    expect(xml.includes('{documentNo}')).toBe(DOCUMENT_KIND_SPECS[kind].numbering !== 'none');
  });

  it('fills a penalty decision and renders it as a PDF whose text is the Chinese it says', async () => {
    const docx = fillTemplate(defaultTemplate('penalty_decision'), documentData(source));
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    expect(xml).toContain('津滨知执决〔2026〕0007号');
    expect(xml).toContain('人民币伍万元整（¥50,000.00）');
    expect(xml).not.toMatch(/\{[a-zA-Z#/]/);
    const blocks = docxBlocks(docx);
    expect(blocks[1]).toMatchObject({ type: 'paragraph', text: '行政处罚决定书', align: 'center', bold: true, size: 22 });
    expect(blocks.find((b) => b.type === 'table')).toMatchObject({
      rows: [{ bold: true }, { cells: ['当事人', '被处罚科技有限公司', '91120116MA05XXXX0X', '滨海新区某路1号'] }],
    });
    const pdf = await renderPdf(blocks, { title: '行政处罚决定书', footer: '津滨知执决〔2026〕0007号' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const flat = await pdfText(pdf);
    for (const s of [
      '行政处罚决定书',
      '津滨知执决〔2026〕0007号',
      '被处罚科技有限公司',
      '人民币伍万元整（¥50,000.00）',
      '二〇二六年十二月二日',
    ])
      expect(flat).toContain(s);
  });

  it('refuses what is not a template, and names unknown tags', () => {
    expect(() => checkTemplate('penalty_decision', Buffer.from('plain text'))).toThrow(/not a \.docx file/);
    const zip = new PizZip(defaultTemplate('acceptance_notice'));
    const xml = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', xml.replace('{caseNo}', '{caseNumber}').replace('{requesterNames}', '{fine}'));
    expect(() => checkTemplate('acceptance_notice', zip.generate({ type: 'nodebuffer' }))).toThrow(/does not know: caseNumber, fine/);
    zip.file('word/document.xml', xml.replace('{caseNo}', '{#caseNo}'));
    expect(() => checkTemplate('acceptance_notice', zip.generate({ type: 'nodebuffer' }))).toThrow(/docxtemplater can parse/);
  });
});
