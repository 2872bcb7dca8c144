// Writes the default document templates (文书模板) to libs/documents/templates/<kind>.docx with the `docx` library:
// plain A4 pages with docxtemplater {tags} (the fields of libs/documents/src/domain/document-fields.ts). The produced
// files are committed; run `node scripts/document-templates.mjs` after editing this file, and the unit test
// (libs/documents/src/render/default-templates.spec.ts) checks each one parses and uses only its kind's fields.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'libs/documents/templates');
const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };

const run = (text, o = {}) => new TextRun({ text, font: FONT, size: o.size ?? 28, bold: o.bold ?? false });
const p = (text, o = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: { after: o.after ?? 120, line: 420 },
    indent: o.indent ? { firstLine: 560 } : undefined,
    children: [run(text, o)],
  });
const body = (text) => p(text, { indent: true });
const cell = (text, width, bold = false) =>
  new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [p(text, { size: 24, bold, after: 0 })] });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const table = (rows, widths) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((cells, i) => new TableRow({ children: cells.map((c, j) => cell(c, widths[j], i === 0 && rows.header)) })),
  });
/** A two-column form (立案审批表, 送达回证 …): label | value. */
const form = (pairs) => table(pairs, [28, 72]);
/** The parties, one row each (a docxtemplater row loop). */
const partiesTable = (loop = 'parties') => {
  const rows = [
    ['身份', '名称/姓名', '统一社会信用代码/身份证号码', '住所/地址'],
    [`{#${loop}}{roleLabel}`, '{name}', '{code}', `{address}{/${loop}}`],
  ];
  rows.header = true;
  return table(rows, [14, 30, 30, 26]);
};

const header = (numbered) => [
  p('{officeName}', { align: AlignmentType.CENTER, size: 32, bold: true, after: 60 }),
  p('{title}', { align: AlignmentType.CENTER, size: 44, bold: true, after: 120 }),
  p(numbered ? '{documentNo}' : '案号：{caseNo}', { align: AlignmentType.CENTER, size: 28, after: 240 }),
];
const signature = () => [
  p(' ', { after: 240 }),
  p('{officeName}（印章）', { align: AlignmentType.RIGHT }),
  p('{issuedDate}', { align: AlignmentType.RIGHT }),
];

const RIGHTS =
  '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';

/** kind → [numbered?, the page between header and signature] */
const KINDS = {
  acceptance_notice: [
    true,
    () => [
      p('{requesterNames}：'),
      body(
        '你（单位）于{receivedDate}提交的专利侵权纠纷处理请求，经审查，符合《专利行政执法办法》规定的受理条件，本局决定予以受理，案号为{caseNo}。',
      ),
      body('涉案专利：{patentNumbers}。被请求人：{respondentNames}。'),
      body('请按照本局的要求提交有关证据材料，并配合案件的调查和审理。'),
    ],
  ],
  refusal_notice: [
    true,
    () => [
      p('{requesterNames}：'),
      body('你（单位）于{receivedDate}提交的请求（收案号{receiptNo}），经审查，不符合受理条件，本局决定不予受理。'),
      body('理由：{refusalReason}'),
      body('如不服本决定，可以依法申请行政复议或者提起行政诉讼。'),
    ],
  ],
  answer_notice: [
    true,
    () => [
      p('{respondentNames}：'),
      body('{requesterNames}就专利号为{patentNumbers}的专利侵权纠纷向本局提出处理请求，本局已于{filedDate}立案（案号{caseNo}）。'),
      body(
        '现将请求书副本送达你（单位），请自收到本通知书之日起{answerDays}日内提交答辩书一式两份及有关证据。逾期不提交的，不影响本局对案件的审理。',
      ),
    ],
  ],
  filing_approval: [
    false,
    () => [
      form([
        ['案件类型', '{caseType}'],
        ['案件来源', '{caseSource}'],
        ['收案号', '{receiptNo}'],
        ['收案日期', '{receivedDate}'],
        ['立案日期', '{filedDate}'],
        ['请求人', '{requesterNames}'],
        ['被请求人/当事人', '{respondentNames}'],
        ['涉案专利', '{patentNumbers}'],
        ['案情摘要', '{summary}'],
        ['承办人', '{officerNames}'],
        ['结案期限', '{closingDue}'],
        ['审批意见', '同意立案。'],
      ]),
    ],
  ],
  oral_hearing_notice: [
    true,
    () => [
      p('{requesterNames}、{respondentNames}：'),
      body('本局定于{hearingDate}对{caseNo}专利侵权纠纷一案进行口头审理，请准时参加。'),
      body('请求人无正当理由拒不参加的，按撤回请求处理；被请求人无正当理由拒不参加的，可以缺席审理。'),
    ],
  ],
  penalty_advance_notice: [
    true,
    () => [
      p('{respondentNames}：'),
      body('经查，{facts}'),
      body('你（单位）的上述行为违反了{legalBasis}的规定。本局拟作出如下行政处罚：{decisionSummary}'),
      body('{#warning}警告；{/warning}{#fine}罚款{fineInWords}；{/fine}{#confiscated}没收违法所得{confiscatedInWords}。{/confiscated}'),
      body(
        '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利；依据第六十三条、第六十四条的规定，你（单位）有权自收到本告知书之日起{defenceDays}个工作日内要求举行听证。逾期未提出的，视为放弃上述权利。',
      ),
    ],
  ],
  penalty_hearing_notice: [
    true,
    () => [
      p('{respondentNames}：'),
      body('根据你（单位）的申请，本局定于{hearingDate}就{caseNo}一案拟作出的行政处罚（{decisionSummary}）举行听证，请准时出席。'),
      body(
        '你（单位）可以委托一至二人代理参加听证；认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席的，视为放弃听证权利。',
      ),
    ],
  ],
  legal_review_opinion: [
    false,
    () => [
      form([
        ['当事人', '{respondentNames}'],
        ['违法事实', '{facts}'],
        ['处罚依据', '{legalBasis}'],
        ['拟处罚内容', '{decisionSummary}'],
        ['罚款', '{fineInWords}'],
        ['没收违法所得', '{confiscatedInWords}'],
        ['审核意见', '{reviewOpinion}'],
        ['审核结论', '{reviewConclusion}'],
        ['审核日期', '{reviewedDate}'],
      ]),
    ],
  ],
  penalty_decision: [
    true,
    () => [
      partiesTable('respondents'),
      p(' ', { after: 120 }),
      body('本局于{filedDate}对当事人涉嫌假冒专利一案立案调查（案号{caseNo}），现已调查终结。'),
      body('经查明：{facts}'),
      body('本局认为，当事人的上述行为违反了{legalBasis}的规定，构成假冒专利行为。依据{legalBasis}，本局决定：{decisionSummary}'),
      body(
        '{#warning}警告；{/warning}{#fine}罚款{fineInWords}（大写：{fineUpper}）；{/fine}{#confiscated}没收违法所得{confiscatedInWords}。{/confiscated}',
      ),
      body(
        '当事人应当自收到本决定书之日起{paymentDays}日内缴纳罚款。逾期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。',
      ),
      body(RIGHTS),
    ],
  ],
  dispute_ruling: [
    true,
    () => [
      p('请求人：'),
      partiesTable('requesters'),
      p('被请求人：'),
      partiesTable('respondents'),
      p(' ', { after: 120 }),
      body(
        '请求人与被请求人专利侵权纠纷一案（涉案专利：{patentNumbers}），本局于{filedDate}立案（案号{caseNo}）{#hearingDate}，于{hearingDate}进行了口头审理{/hearingDate}，现已审理终结。',
      ),
      body('经审理查明：{facts}'),
      body('本局认为，依据{legalBasis}，决定如下：{decisionSummary}'),
      body(
        '当事人不服本决定的，可以自收到本决定书之日起十五日内依照《中华人民共和国行政诉讼法》向人民法院起诉；期满不起诉又不停止侵权行为的，本局可以申请人民法院强制执行。',
      ),
    ],
  ],
  service_receipt: [
    false,
    () => [
      form([
        ['送达文书', '{decisionTitle}（{decisionNo}）'],
        ['受送达人', '{respondentNames}'],
        ['送达方式', '{serviceMethod}'],
        ['送达日期', '{servedDate}'],
        ['受送达人签名', ' '],
        ['送达人', '{officerNames}'],
        ['备注', ' '],
      ]),
    ],
  ],
  closing_report: [
    false,
    () => [
      form([
        ['案件类型', '{caseType}'],
        ['当事人', '{respondentNames}'],
        ['立案日期', '{filedDate}'],
        ['决定', '{decisionKind}（{decisionNo}，{decidedDate}）'],
        ['处理结果', '{decisionSummary}'],
        ['罚款', '{fine}'],
        ['没收违法所得', '{confiscated}'],
        ['送达日期', '{servedDate}'],
        ['结案日期', '{closedDate}'],
        ['执行情况', '{outcomeNote}'],
        ['承办人', '{officerNames}'],
      ]),
    ],
  ],
};

await mkdir(out, { recursive: true });
for (const [kind, [numbered, page]] of Object.entries(KINDS)) {
  const doc = new Document({
    creator: 'Patent Enforcement Desk',
    title: kind,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [...header(numbered), ...page(), ...signature()],
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  await writeFile(path.join(out, `${kind}.docx`), buf);
  console.log(`${kind}.docx ${buf.length} bytes`);
}
