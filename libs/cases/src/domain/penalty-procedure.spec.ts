import { WorkingDayCalendar } from '@app/kernel/calendar';
import {
  approvalBlock,
  ApprovalInput,
  decisionServiceDue,
  disputeAnswerDue,
  earliestPenaltyHearing,
  hearingRight,
  isMajorDecision,
  PenaltyNoticeRecord,
  procedureStepBlock,
  ProcedureRecord,
  statementPeriodEnd,
} from './penalty-procedure';
import type { CaseType } from './case-types';

const cal = new WorkingDayCalendar();

describe('penalty procedure deadlines (Art. 85: working days)', () => {
  it('ends the statement and hearing-request period 5 working days after the notice, across the National Day week', () => {
    // 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12
    expect(statementPeriodEnd(cal, '2026-09-29')).toBe('2026-10-12');
    expect(statementPeriodEnd(cal, '2026-11-02')).toBe('2026-11-09');
  });

  it('product.md example: 5 working days after 2017-09-28 is 2017-10-11', () => {
    expect(statementPeriodEnd(cal, '2017-09-28')).toBe('2017-10-11');
  });

  it('needs 7 working days of notice before a penalty hearing', () => {
    expect(earliestPenaltyHearing(cal, '2026-11-02')).toBe('2026-11-11');
    // 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12
    expect(earliestPenaltyHearing(cal, '2026-09-25')).toBe('2026-10-12');
  });

  it('serves the decision within 7 working days', () => {
    expect(decisionServiceDue(cal, '2026-12-02')).toBe('2026-12-11');
    // 10-08, 10-09, 10-10 (make-up Saturday), 10-12 … 10-15
    expect(decisionServiceDue(cal, '2026-09-30')).toBe('2026-10-15');
  });

  it('gives the dispute respondent 15 calendar days, rolled to a working day', () => {
    expect(disputeAnswerDue(cal, '2026-11-02')).toBe('2026-11-17');
    expect(disputeAnswerDue(cal, '2026-09-16')).toBe('2026-10-08');
  });
});

describe('hearing right (Art. 63: large fines and confiscations)', () => {
  const t = {
    fineIndividualFen: 1_000_000,
    fineOrganizationFen: 10_000_000,
    confiscationIndividualFen: 1_000_000,
    confiscationOrganizationFen: 10_000_000,
  };

  it('uses the threshold of the respondent kind, inclusive', () => {
    expect(hearingRight(t, { fineFen: 1_000_000, confiscatedFen: 0 }, ['individual'])).toBe(true);
    expect(hearingRight(t, { fineFen: 999_999, confiscatedFen: 0 }, ['individual'])).toBe(false);
    expect(hearingRight(t, { fineFen: 1_000_000, confiscatedFen: 0 }, ['organization'])).toBe(false);
    expect(hearingRight(t, { fineFen: 10_000_000, confiscatedFen: 0 }, ['organization'])).toBe(true);
  });

  it('counts a large confiscation alone', () => {
    expect(hearingRight(t, { fineFen: 0, confiscatedFen: 10_000_000 }, ['organization'])).toBe(true);
    expect(hearingRight(t, { fineFen: 0, confiscatedFen: 9_999_999 }, ['organization'])).toBe(false);
  });

  it('gives the right when any respondent reaches its threshold', () => {
    expect(hearingRight(t, { fineFen: 2_000_000, confiscatedFen: 0 }, ['organization', 'individual'])).toBe(true);
  });
});

describe('approval gates', () => {
  const notice: PenaltyNoticeRecord = {
    servedOn: '2026-11-02',
    method: 'direct',
    summary: '拟罚款',
    legalBasis: '《专利法》第六十八条',
    fineFen: 5_000_000,
    confiscatedFen: 0,
    hearingRight: false,
    periodEndsOn: '2026-11-09',
    notifiedBy: 'u1',
  };
  const base: ApprovalInput = {
    decisionKind: 'penalty',
    fineFen: 5_000_000,
    confiscatedFen: 0,
    major: false,
    procedure: { notice },
    today: '2026-11-10',
  };
  const code = (a: Partial<ApprovalInput>) => approvalBlock({ ...base, ...a })?.code ?? null;

  it('requires the advance notice for a penalty, and only for a penalty', () => {
    expect(code({ procedure: {} })).toBe('PENALTY_NOTICE_REQUIRED');
    expect(code({ procedure: {}, decisionKind: 'ruling' })).toBeNull();
  });

  it('requires a new notice when the decision is heavier than the notice', () => {
    expect(approvalBlock({ ...base, fineFen: 5_000_001 })).toMatchObject({ code: 'PENALTY_NOTICE_REQUIRED', heavier: true });
    expect(approvalBlock({ ...base, confiscatedFen: 1 })).toMatchObject({ code: 'PENALTY_NOTICE_REQUIRED', heavier: true });
    expect(code({ fineFen: 4_000_000 })).toBeNull();
  });

  it('keeps the period open until its last day, naming that day', () => {
    expect(approvalBlock({ ...base, today: '2026-11-09' })).toMatchObject({ code: 'NOTICE_PERIOD_OPEN', periodEndsOn: '2026-11-09' });
    expect(code({ today: '2026-11-10' })).toBeNull();
  });

  it('lets a statement close the period when there is no hearing right, or when the party waived', () => {
    const statement = { receivedOn: '2026-11-03', summary: '无异议', waived: false };
    expect(code({ today: '2026-11-04', procedure: { notice, statement } })).toBeNull();
    const withRight = { ...notice, hearingRight: true };
    expect(code({ today: '2026-11-04', procedure: { notice: withRight, statement } })).toBe('NOTICE_PERIOD_OPEN');
    expect(code({ today: '2026-11-04', procedure: { notice: withRight, statement: { ...statement, waived: true } } })).toBeNull();
  });

  it('waits for a requested hearing to be held', () => {
    const hearing = { requestedOn: '2026-11-04', scheduledOn: '2026-11-16', notifiedOn: '2026-11-05', heldOn: null, recordSummary: null };
    expect(code({ procedure: { notice, hearing } })).toBe('PENALTY_HEARING_PENDING');
    expect(
      code({ today: '2026-11-05', procedure: { notice, hearing: { ...hearing, heldOn: '2026-11-16', recordSummary: '笔录' } } }),
    ).toBeNull();
  });

  it('requires an approving legal review for a major decision', () => {
    expect(code({ major: true })).toBe('LEGAL_REVIEW_REQUIRED');
    const review = { reviewedOn: '2026-11-10', reviewerId: 's', opinion: '事实清楚', conclusion: 'revise' as const };
    expect(approvalBlock({ ...base, major: true, procedure: { notice, legalReview: review } })?.message).toMatch(/revision/);
    expect(code({ major: true, procedure: { notice, legalReview: { ...review, conclusion: 'approve' } } })).toBeNull();
    expect(code({ major: true, decisionKind: 'ruling', procedure: {} })).toBe('LEGAL_REVIEW_REQUIRED');
  });

  it('reads a decision as major when flagged, at the configured fine, or after a hearing (Art. 58(1)2)', () => {
    expect(isMajorDecision({ kind: 'ruling', major: true }, 100, {})).toBe(true);
    expect(isMajorDecision({ kind: 'penalty', fineFen: 100 }, 100, {})).toBe(true);
    expect(isMajorDecision({ kind: 'penalty', fineFen: 99 }, 100, {})).toBe(false);
    const held = { requestedOn: 'a', scheduledOn: 'b', notifiedOn: 'b', heldOn: '2026-11-16', recordSummary: 'x' };
    expect(isMajorDecision({ kind: 'penalty', fineFen: 99 }, 100, { hearing: held })).toBe(true);
    expect(isMajorDecision({ kind: 'ruling' }, 0, {})).toBe(false);
  });
});

describe('procedure step order', () => {
  const notice: PenaltyNoticeRecord = {
    servedOn: '2026-11-02',
    method: 'direct',
    summary: '拟罚款',
    legalBasis: '《专利法》第六十八条',
    fineFen: 20_000_000,
    confiscatedFen: 0,
    hearingRight: true,
    periodEndsOn: '2026-11-09',
    notifiedBy: 'u1',
  };
  const block = (action: string, procedure: ProcedureRecord, type: CaseType = 'passing_off') =>
    procedureStepBlock(action, { type, procedure })?.code ?? null;
  const requested = { requestedOn: '2026-11-03', scheduledOn: null, notifiedOn: null, heldOn: null, recordSummary: null };

  it('needs the notice before the party answers it', () => {
    expect(block('record_statement', {})).toBe('PENALTY_NOTICE_REQUIRED');
    expect(block('request_penalty_hearing', {})).toBe('PENALTY_NOTICE_REQUIRED');
    expect(block('record_statement', { notice })).toBeNull();
    expect(block('record_statement', { notice, statement: { receivedOn: '2026-11-03', summary: 'x', waived: false } })).toBe(
      'PROCEDURE_STEP',
    );
  });

  it('offers a hearing only with the right, once, and not after a waiver', () => {
    expect(block('request_penalty_hearing', { notice: { ...notice, hearingRight: false } })).toBe('NO_HEARING_RIGHT');
    expect(block('request_penalty_hearing', { notice })).toBeNull();
    expect(block('request_penalty_hearing', { notice, hearing: requested })).toBe('PROCEDURE_STEP');
    expect(block('request_penalty_hearing', { notice, statement: { receivedOn: '2026-11-03', summary: null, waived: true } })).toBe(
      'PROCEDURE_STEP',
    );
  });

  it('schedules a requested hearing and records a scheduled one, once', () => {
    expect(block('schedule_penalty_hearing', { notice })).toBe('PROCEDURE_STEP');
    expect(block('schedule_penalty_hearing', { notice, hearing: requested })).toBeNull();
    expect(block('record_penalty_hearing', { notice, hearing: requested })).toBe('PROCEDURE_STEP');
    const scheduled = { ...requested, scheduledOn: '2026-11-16', notifiedOn: '2026-11-04' };
    expect(block('record_penalty_hearing', { notice, hearing: scheduled })).toBeNull();
    const held = { ...scheduled, heldOn: '2026-11-16', recordSummary: '笔录' };
    expect(block('record_penalty_hearing', { notice, hearing: held })).toBe('PROCEDURE_STEP');
    expect(block('schedule_penalty_hearing', { notice, hearing: held })).toBe('PROCEDURE_STEP');
  });

  it('keeps the dispute steps to infringement disputes, in order', () => {
    expect(block('serve_dispute_request', {}, 'passing_off')).toBe('PROCEDURE_STEP');
    expect(block('serve_dispute_request', {}, 'infringement_dispute')).toBeNull();
    expect(block('record_answer', {}, 'infringement_dispute')).toBe('PROCEDURE_STEP');
    const served = { requestServedOn: '2026-11-05', answerDueOn: '2026-11-20', answer: null, requesterNotifiedOn: null };
    expect(block('record_answer', { dispute: served }, 'infringement_dispute')).toBeNull();
    const answered = { ...served, answer: { receivedOn: '2026-11-18', summary: '答辩', late: false } };
    expect(block('record_answer', { dispute: answered }, 'infringement_dispute')).toBe('PROCEDURE_STEP');
    expect(block('serve_dispute_request', { dispute: answered }, 'infringement_dispute')).toBe('PROCEDURE_STEP');
  });

  it('leaves every other action alone', () => {
    expect(block('notify_penalty', {})).toBeNull();
    expect(block('approve_decision', {})).toBeNull();
  });
});
