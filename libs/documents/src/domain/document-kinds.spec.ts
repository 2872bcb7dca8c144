import { CASE_STATUSES, CASE_TYPES } from '@app/cases/domain';
import { documentData, DocumentSource, officeName, unknownTags } from './document-fields';
import { ApplicabilityFacts, DOCUMENT_KINDS, documentNotApplicable, ownNumberTemplate } from './document-kinds';

const facts = (over: Partial<ApplicabilityFacts>): ApplicabilityFacts => ({
  type: 'passing_off',
  status: 'decided',
  caseNo: '津滨知执〔2026〕0001号',
  decisionNo: '津滨知执决〔2026〕0001号',
  decisionKind: 'penalty',
  hearingOn: null,
  ...over,
});

describe('which document may be generated when', () => {
  it('answers every kind × type × status without throwing, with an English and a Chinese reason', () => {
    for (const kind of DOCUMENT_KINDS)
      for (const type of CASE_TYPES)
        for (const status of CASE_STATUSES) {
          const r = documentNotApplicable(kind, facts({ type, status }));
          if (r) {
            expect(r.reason).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）()〔〕]+$/);
            expect(r.reasonZh).toMatch(/[\u4e00-\u9fff]/);
          }
        }
  });

  it('takes a penalty decision only for a decided penalty of a passing-off case', () => {
    expect(documentNotApplicable('penalty_decision', facts({}))).toBeNull();
    expect(documentNotApplicable('penalty_decision', facts({ status: 'served' }))).toBeNull();
    expect(documentNotApplicable('penalty_decision', facts({ status: 'pending_decision', decisionNo: null }))?.reason).toMatch(
      /not approved/,
    );
    expect(documentNotApplicable('penalty_decision', facts({ decisionKind: 'no_penalty' }))?.reason).toMatch(/not a penalty/);
    expect(documentNotApplicable('penalty_decision', facts({ type: 'infringement_dispute' }))?.reason).toMatch(/passing-off/);
  });

  it('takes a ruling only for a decided infringement dispute', () => {
    expect(documentNotApplicable('dispute_ruling', facts({ type: 'infringement_dispute', decisionKind: 'ruling' }))).toBeNull();
    expect(documentNotApplicable('dispute_ruling', facts({ decisionKind: 'ruling' }))).not.toBeNull();
    expect(documentNotApplicable('dispute_ruling', facts({ type: 'dispute_mediation', decisionKind: 'ruling' }))).not.toBeNull();
  });

  it('notices follow the procedure', () => {
    const dispute = facts({ type: 'infringement_dispute', status: 'investigating', decisionNo: null, decisionKind: null });
    expect(documentNotApplicable('acceptance_notice', dispute)).toBeNull();
    expect(documentNotApplicable('answer_notice', dispute)).toBeNull();
    expect(documentNotApplicable('refusal_notice', dispute)).not.toBeNull();
    expect(documentNotApplicable('refusal_notice', { ...dispute, status: 'not_filed', caseNo: null })).toBeNull();
    expect(documentNotApplicable('oral_hearing_notice', dispute)?.reason).toBe('no hearing is scheduled');
    expect(documentNotApplicable('oral_hearing_notice', { ...dispute, hearingOn: '2026-12-20' })).toBeNull();
    expect(documentNotApplicable('filing_approval', { ...dispute, caseNo: null, status: 'received' })).not.toBeNull();
    expect(documentNotApplicable('closing_report', facts({}))).not.toBeNull();
    expect(documentNotApplicable('closing_report', facts({ status: 'closed' }))).toBeNull();
    expect(documentNotApplicable('penalty_advance_notice', facts({ status: 'pending_decision', decisionNo: null }))).toBeNull();
  });

  it('numbers notices on their own counter and decisions with the decision number', () => {
    expect(ownNumberTemplate('acceptance_notice')).toBe('{unitAbbr}知执受〔{year}〕{seq}号');
    expect(ownNumberTemplate('penalty_decision')).toBeNull();
    expect(ownNumberTemplate('closing_report')).toBeNull();
  });
});

describe('template fields', () => {
  const tag = (name: string, inner: string[] = [], section = inner.length > 0) => ({
    name,
    section,
    inner: inner.map((n) => ({ name: n, section: false, inner: [] })),
  });

  it('knows the kind’s fields and the loops’ item fields, and names the others', () => {
    expect(unknownTags('penalty_decision', [tag('documentNo'), tag('fineUpper'), tag('parties', ['name', 'code', 'officeName'])])).toEqual(
      [],
    );
    expect(unknownTags('acceptance_notice', [tag('fineUpper'), tag('parties', ['nmae']), tag('bogus')])).toEqual([
      'bogus',
      'fineUpper',
      'nmae',
    ]);
    // a section on a known field is a condition
    expect(unknownTags('penalty_decision', [tag('warning', ['warning'])])).toEqual([]);
  });

  const source: DocumentSource = {
    kind: 'penalty_decision',
    issuedOn: '2026-12-02',
    documentNo: '津滨知执决〔2026〕0001号',
    office: { code: '120116', name: '天津市滨海新区知识产权局' },
    case: {
      receiptNo: 'R1',
      caseNo: '津滨知执〔2026〕0001号',
      decisionNo: '津滨知执决〔2026〕0001号',
      type: 'passing_off',
      source: 'inspection',
      status: 'decided',
      summary: '假冒专利',
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
        fineFen: 5_000_000,
        confiscatedFen: 123_456,
        facts: '标注失效专利号',
        legalBasis: '《专利法》第六十八条',
      },
      outcome: null,
    },
    parties: [
      {
        role: 'respondent',
        kind: 'organization',
        name: '某科技有限公司',
        uscc: '91120116MA05XXXX0X',
        idNumberMasked: null,
        legalRepresentative: '王五',
        address: '滨海新区某路1号',
      },
      {
        role: 'respondent',
        kind: 'individual',
        name: '张三',
        uscc: null,
        idNumberMasked: '1201**********123X',
        legalRepresentative: null,
        address: null,
      },
    ],
    patents: [],
    officers: ['李四', '赵六'],
  };

  it('fills a penalty decision: Chinese dates, yuan and uppercase amounts, masked ID numbers', () => {
    const d = documentData(source);
    expect(d).toMatchObject({
      title: '行政处罚决定书',
      documentNo: '津滨知执决〔2026〕0001号',
      issuedDate: '二〇二六年十二月二日',
      decidedDate: '二〇二六年十二月一日',
      fine: '¥50,000.00',
      fineUpper: '伍万元整',
      fineInWords: '人民币伍万元整（¥50,000.00）',
      confiscated: '¥1,234.56',
      confiscatedUpper: '壹仟贰佰叁拾肆元伍角陆分',
      respondentNames: '某科技有限公司、张三',
      officerNames: '李四、赵六',
    });
    expect(d.parties).toEqual([
      expect.objectContaining({ roleLabel: '当事人', codeLabel: '统一社会信用代码', code: '91120116MA05XXXX0X' }),
      expect.objectContaining({ name: '张三', codeLabel: '身份证号码', code: '1201**********123X' }),
    ]);
    expect(d.illegalGains).toBe('');
  });

  it('names the issuing office formally', () => {
    expect(officeName('滨海新区', '天津市知识产权局')).toBe('天津市滨海新区知识产权局');
    expect(officeName('天津市知识产权局', null)).toBe('天津市知识产权局');
    expect(officeName('和平区', null)).toBe('和平区知识产权局');
  });

  it('fills the 送达回证 with the served date and method in Chinese', () => {
    const d = documentData({ ...source, kind: 'service_receipt', case: { ...source.case, servedOn: '2026-12-03', serviceMethod: 'mail' } });
    expect(d).toMatchObject({ servedDate: '二〇二六年十二月三日', serviceMethod: '邮寄送达', decisionTitle: '行政处罚决定书' });
  });

  it('gives a kind only its own fields', () => {
    const d = documentData({ ...source, kind: 'acceptance_notice' });
    expect(d.fine).toBeUndefined();
    expect(d.caseNo).toBe('津滨知执〔2026〕0001号');
  });
});
