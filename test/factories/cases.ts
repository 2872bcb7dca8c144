import { shanghaiDate } from '@app/kernel';
import { auth, TestApp } from '../utils/test-app';
import { patentNumber, residentId, uscc } from '../utils/identifiers';
import { actOk, Versioned } from './actions';

export interface CaseRef extends Versioned {
  [k: string]: unknown;
}

export type Respondent = Record<string, unknown>;

export const orgRespondent = (serial: number): Respondent => ({
  kind: 'organization',
  name: `被处罚科技有限公司${serial}`,
  uscc: uscc(serial),
  legalRepresentative: '王五',
  address: '滨海新区某路1号',
  phone: '13800138000',
});

export const individualRespondent = (serial: number): Respondent => ({
  kind: 'individual',
  name: `个人${serial}`,
  idNumber: residentId(serial),
  address: '和平区某街2号',
  phone: '13900139000',
});

/** A valid intake body (`POST /cases`): an infringement dispute in 滨海新区 with a patentee, a respondent and a patent. */
export function caseIntake(overrides: Record<string, unknown> = {}, serial = 1): Record<string, unknown> {
  return {
    type: 'infringement_dispute',
    source: 'complaint',
    orgUnitCode: '120116',
    receivedOn: '2026-11-02',
    summary: '案情摘要',
    requesters: [{ kind: 'organization', name: `请求人有限公司${serial}`, uscc: uscc(serial + 10), role: 'patentee' }],
    respondents: [{ kind: 'individual', name: '被请求人', idNumber: residentId(serial + 2) }],
    patents: [{ number: patentNumber(serial + 4) }],
    ...overrides,
  };
}

/**
 * Takes a passing-off case in 滨海新区 through the whole flow to an approved decision over the HTTP api — intake, filing,
 * two officers, a proposed decision, the district supervisor's approval — and returns the decided case.
 */
export async function takePassingOffCaseToDecision(
  t: TestApp,
  decision: Record<string, unknown>,
  respondents: Respondent[] = [orgRespondent(1)],
): Promise<CaseRef> {
  const officer = await t.token('off.binhai1');
  const supervisor = await t.token('sup.binhai');
  const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisor)).expect(200);
  const officerIds = (users.body.items as { id: string }[]).map((u) => u.id).slice(0, 2);
  let c = (
    await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'passing_off',
        source: 'inspection',
        orgUnitCode: '120116',
        receivedOn: '2026-11-02',
        summary: '假冒专利检查',
        requesters: [],
        respondents,
        patents: [],
      })
      .expect(201)
  ).body as CaseRef;
  const act = async (action: string, body: Record<string, unknown>, token = officer) => {
    c = await actOk(t, 'cases', c, action, body, token);
  };
  await act('file', {});
  await act('assign', { officerIds });
  c = await notifyPenaltyWaived(t, c, decision, officer);
  await act('propose_decision', { decision: { kind: 'penalty', summary: '罚款', legalBasis: '《专利法》第六十八条', ...decision } });
  if ((c.decision as { major?: boolean } | null)?.major)
    await act('record_legal_review', { opinion: '事实清楚，适用法律正确，程序合法', conclusion: 'approve' }, supervisor);
  await act('approve_decision', {}, supervisor);
  return c;
}

/**
 * 行政处罚法 Art. 44: the advance notice of the penalty the decision will carry, served today, and the party's waiver
 * of its statement and hearing (so the 5-working-day period need not run out): what every penalty needs before approval.
 */
export async function notifyPenaltyWaived<T extends Versioned>(
  t: TestApp,
  c: T,
  decision: Record<string, unknown>,
  officer: string,
  servedOn = shanghaiDate(new Date()),
): Promise<T> {
  const intendedPenalty = {
    summary: '拟处罚款',
    legalBasis: '《专利法》第六十八条',
    fineFen: (decision.fineFen as number | undefined) ?? 0,
    confiscatedFen: (decision.confiscatedFen as number | undefined) ?? 0,
  };
  const noticed = await actOk(t, 'cases', c, 'notify_penalty', { servedOn, method: 'direct', intendedPenalty }, officer);
  return actOk(t, 'cases', noticed, 'record_statement', { receivedOn: servedOn, waived: true }, officer);
}

export const PENALTY = {
  summary: '责令改正并处罚款五万元，没收违法所得一千二百三十四元五角六分',
  facts: '当事人在其销售的产品包装上标注已失效的专利号',
  fineFen: 5_000_000,
  illegalGainsFen: 123_456,
  confiscatedFen: 123_456,
  actDate: '2026-09-01',
};
