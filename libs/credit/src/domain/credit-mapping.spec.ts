import { residentIdCheckCharacter, usccCheckCharacter, organizationCodeCheckCharacter, maskResidentId } from '@app/kernel';
import { applyCorrection, mapPenaltyRecord, MappingInput, validateRecord } from './credit-mapping';
import { CREDIT_RECORD_FIELDS } from './credit-record';

const uscc = (region: string, body: string) => {
  const f = `91${region}${body}${organizationCodeCheckCharacter(body)}`;
  return f + usccCheckCharacter(f);
};
const ORG = uscc('120116', '12345678');
const BUREAU = uscc('120000', 'MB120000');
const ID = (() => {
  const f = '12010119800101123';
  return f + residentIdCheckCharacter(f);
})();

const input = (over: Partial<MappingInput> = {}): MappingInput => ({
  case: { type: 'passing_off', decisionNo: '津滨知执决〔2026〕0001号', decidedOn: '2026-11-10' },
  decision: {
    summary: '罚款五万元',
    legalBasis: '《专利法》第六十八条',
    facts: '在产品上标注失效专利号',
    fineFen: 5_000_000,
    confiscatedFen: 123_456,
  },
  party: { kind: 'organization', name: '某某科技有限公司', uscc: ORG, legalRepresentative: '张三', idNumberMasked: null },
  authority: { name: '滨海新区', uscc: BUREAU },
  sourceUnit: { name: '天津市知识产权局', uscc: BUREAU },
  displayUntil: '2029-11-12',
  ...over,
});

describe('penalty → 行政处罚信息 record', () => {
  it('maps an organisation completely: codes, amounts in 万元 to the fen, dates in the standard format', () => {
    const r = mapPenaltyRecord(input());
    expect(r).toMatchObject({
      partyName: '某某科技有限公司',
      partyCategory: '法人及非法人组织',
      partyCode: ORG,
      legalRepresentative: '张三',
      idType: null,
      idNumber: null,
      documentNo: '津滨知执决〔2026〕0001号',
      violationType: '假冒专利',
      violationFacts: '在产品上标注失效专利号',
      legalBasis: '《专利法》第六十八条',
      penaltyCategories: '罚款;没收违法所得',
      penaltyContent: '罚款五万元',
      fineWanYuan: '5.000000',
      confiscatedWanYuan: '0.123456',
      decidedOn: '2026/11/10',
      validUntil: '2099/12/31',
      displayUntil: '2029/11/12',
      authorityUscc: BUREAU,
    });
    expect(validateRecord(r)).toEqual([]);
    expect(Object.keys(r)).toEqual(CREDIT_RECORD_FIELDS.map((f) => f.key));
  });

  it('maps an individual with the masked ID number only, and no credit code', () => {
    const r = mapPenaltyRecord(
      input({ party: { kind: 'individual', name: '李四', uscc: null, legalRepresentative: null, idNumberMasked: maskResidentId(ID) } }),
    );
    expect(r).toMatchObject({ partyCategory: '自然人', idType: '身份证', idNumber: '120101********123' + ID[17], partyCode: null });
    expect(JSON.stringify(r)).not.toContain(ID);
    expect(validateRecord(r)).toEqual([]);
  });

  it('names every missing mandatory field instead of failing', () => {
    const r = mapPenaltyRecord(
      input({
        decision: { summary: '罚款', legalBasis: '专利法', fineFen: 100 },
        party: { kind: 'organization', name: '某公司', uscc: null, legalRepresentative: null, idNumberMasked: null },
        authority: { name: '滨海新区', uscc: null },
      }),
    );
    expect(validateRecord(r).map((p) => p.field)).toEqual(['violationFacts', 'authorityUscc', 'partyCode', 'legalRepresentative']);
  });

  it('rejects an unmasked ID number, a bad USCC, a wrong amount precision and a malformed date', () => {
    const base = mapPenaltyRecord(
      input({ party: { kind: 'individual', name: '李四', uscc: null, legalRepresentative: null, idNumberMasked: maskResidentId(ID) } }),
    );
    const problems = validateRecord({
      ...base,
      idNumber: ID,
      authorityUscc: BUREAU.slice(0, 17) + 'Y',
      fineWanYuan: '5.00',
      decidedOn: '2026-11-10',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['authorityUscc', 'decidedOn', 'fineWanYuan', 'idNumber']);
  });

  it('requires the amount of each category given, and no amount without its category', () => {
    const r = mapPenaltyRecord(input());
    expect(validateRecord({ ...r, fineWanYuan: null }).map((p) => p.field)).toEqual(['fineWanYuan']);
    expect(validateRecord({ ...r, penaltyCategories: '罚款' }).map((p) => p.field)).toEqual(['confiscatedWanYuan']);
    expect(validateRecord({ ...r, penaltyCategories: '罚款;吊销执照;没收违法所得' }).map((p) => p.message)).toEqual([
      'unknown category 吊销执照',
    ]);
  });

  it('lists a warning among the categories', () => {
    expect(mapPenaltyRecord(input({ decision: { ...input().decision, warning: true, confiscatedFen: 0 } })).penaltyCategories).toBe(
      '警告;罚款',
    );
  });

  it('applies a correction to known fields only', () => {
    const r = mapPenaltyRecord(input({ decision: { summary: '罚款', legalBasis: '专利法', fineFen: 100 } }));
    const fixed = applyCorrection(r, { violationFacts: ' 事实 ', remarks: null });
    expect(fixed.problems).toEqual([]);
    expect(fixed.record.violationFacts).toBe('事实');
    expect(validateRecord(fixed.record)).toEqual([]);
    expect(applyCorrection(r, { address: '某路1号', fineWanYuan: 5 }).problems.map((p) => p.field)).toEqual(['address', 'fineWanYuan']);
  });
});
