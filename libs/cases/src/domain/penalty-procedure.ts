import type { WorkingDayCalendar } from '@app/kernel/calendar';
import type { CaseType, PartyKind } from './case-types';

// The steps the Administrative Penalty Law (行政处罚法 2021) puts before and after a penalty decision, as data and pure
// functions. Art. 85: the law's 二日/三日/五日/七日 are working days; its 十五日 are calendar days.

/** Art. 64(1): a hearing is requested within 5 (working) days of the advance notice; the statement period is the same. */
export const STATEMENT_PERIOD_WORKING_DAYS = 5;
/** Art. 64(2): the party is told of the hearing's time and place 7 (working) days before it. */
export const PENALTY_HEARING_NOTICE_WORKING_DAYS = 7;
/** Art. 61: the decision is served within 7 (working) days when it was not handed over on the spot. */
export const DECISION_SERVICE_WORKING_DAYS = 7;
/** Art. 67: the fine is paid within 15 days of service. */
export const PAYMENT_DAYS = 15;
/** 专利纠纷行政裁决和调解办法: the respondent answers within 15 days of being served the request. */
export const DISPUTE_ANSWER_DAYS = 15;

/** 较大数额: the amounts from which a fine or a confiscation gives the right to a hearing (Art. 63), per kind of party. */
export interface HearingThresholds {
  fineIndividualFen: number;
  fineOrganizationFen: number;
  confiscationIndividualFen: number;
  confiscationOrganizationFen: number;
}

/** The penalty an advance notice announces (and the decision may not exceed, Art. 45(2)). */
export interface IntendedPenalty {
  fineFen: number;
  confiscatedFen: number;
}

/**
 * Whether the party may request a hearing: a large fine or a large confiscation (Art. 63(1)1–2) against any of the
 * respondents. With several respondents, the threshold of each respondent's kind is checked (the notice goes to each).
 */
export function hearingRight(t: HearingThresholds, p: IntendedPenalty, respondentKinds: readonly PartyKind[]): boolean {
  const kinds = respondentKinds.length ? respondentKinds : (['organization'] as const);
  return kinds.some((k) =>
    k === 'individual'
      ? p.fineFen >= t.fineIndividualFen || p.confiscatedFen >= t.confiscationIndividualFen
      : p.fineFen >= t.fineOrganizationFen || p.confiscatedFen >= t.confiscationOrganizationFen,
  );
}

/** The last day of the statement and hearing-request period: 5 working days after the notice was served (Art. 64). */
export function statementPeriodEnd(cal: WorkingDayCalendar, noticeServedOn: string): string {
  return cal.addWorkingDays(noticeServedOn, STATEMENT_PERIOD_WORKING_DAYS);
}

/** The earliest day a penalty hearing notified today may be held (Art. 64(2), 7 working days). */
export function earliestPenaltyHearing(cal: WorkingDayCalendar, today: string): string {
  return cal.addWorkingDays(today, PENALTY_HEARING_NOTICE_WORKING_DAYS);
}

/** The day by which the decision must be served (Art. 61). */
export function decisionServiceDue(cal: WorkingDayCalendar, decidedOn: string): string {
  return cal.addWorkingDays(decidedOn, DECISION_SERVICE_WORKING_DAYS);
}

/** The respondent's answer is due 15 days after service of the request, rolled to a working day. */
export function disputeAnswerDue(cal: WorkingDayCalendar, servedOn: string): string {
  return cal.addCalendarPeriod(servedOn, { days: DISPUTE_ANSWER_DAYS });
}

/** What the procedure record of a case holds (the `procedure` jsonb column). Dates are Shanghai dates. */
export interface PenaltyNoticeRecord {
  servedOn: string;
  method: string;
  summary: string;
  legalBasis: string;
  fineFen: number;
  confiscatedFen: number;
  hearingRight: boolean;
  periodEndsOn: string;
  notifiedBy: string;
}

export interface StatementRecord {
  receivedOn: string;
  summary: string | null;
  /** the party waived stating a defence and a hearing (放弃陈述、申辩和听证) */
  waived: boolean;
}

export interface PenaltyHearingRecord {
  requestedOn: string;
  scheduledOn: string | null;
  notifiedOn: string | null;
  heldOn: string | null;
  recordSummary: string | null;
}

export interface LegalReviewRecord {
  reviewedOn: string;
  reviewerId: string;
  opinion: string;
  conclusion: 'approve' | 'revise';
}

export interface DisputeProcedureRecord {
  requestServedOn: string | null;
  answerDueOn: string | null;
  answer: { receivedOn: string; summary: string; late: boolean } | null;
  requesterNotifiedOn: string | null;
}

export interface ProcedureRecord {
  notice?: PenaltyNoticeRecord;
  statement?: StatementRecord;
  hearing?: PenaltyHearingRecord;
  legalReview?: LegalReviewRecord;
  dispute?: DisputeProcedureRecord;
  serviceRecords?: ServiceRecord[];
  /** Art. 67: set when a penalty decision is served (15 days later, rolled to a working day) */
  paymentDueOn?: string;
  payments?: PaymentRecord[];
  enforcement?: EnforcementOutcome;
}

export const SERVICE_DOCUMENTS = [
  'penalty_notice',
  'hearing_notice',
  'decision',
  'dispute_request',
  'acceptance_notice',
  'refusal_notice',
  'other',
] as const;
export type ServiceDocument = (typeof SERVICE_DOCUMENTS)[number];

export interface ServiceRecord {
  id: string;
  document: ServiceDocument;
  method: string;
  servedOn: string;
  trackingNo: string | null;
  consent: boolean | null;
  receiptNote: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface PaymentRecord {
  id: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
  recordedBy: string;
  recordedAt: string;
}

export const ENFORCEMENT_OUTCOMES = ['paid', 'court_enforced', 'exempted'] as const;
export type EnforcementOutcome = (typeof ENFORCEMENT_OUTCOMES)[number];

/** Why a penalty decision may not be approved yet, in the order an officer fixes them; null when it may. */
export type ApprovalBlock =
  | { code: 'PENALTY_NOTICE_REQUIRED'; message: string; heavier?: boolean }
  | { code: 'NOTICE_PERIOD_OPEN'; message: string; periodEndsOn: string }
  | { code: 'PENALTY_HEARING_PENDING'; message: string }
  | { code: 'LEGAL_REVIEW_REQUIRED'; message: string };

export interface ApprovalInput {
  decisionKind: string;
  /** the proposed amounts (a penalty) */
  fineFen: number;
  confiscatedFen: number;
  /** flagged major on proposal, or by the configured amount */
  major: boolean;
  procedure: ProcedureRecord;
  today: string;
}

/** The major-decision rule of Art. 58: flagged, or a fine at or above the configured amount, or heard (经过听证程序). */
export function isMajorDecision(
  d: { kind: string; major?: boolean; fineFen?: number },
  majorFineFen: number,
  procedure: ProcedureRecord,
): boolean {
  if (d.major === true) return true;
  if (d.kind !== 'penalty') return false;
  return (d.fineFen ?? 0) >= majorFineFen || Boolean(procedure.hearing?.heldOn);
}

/**
 * The gates before `approve_decision`: a penalty needs its advance notice (not lighter than the decision, Art. 45(2)),
 * the statement period over or a statement that closes it, and no hearing requested but not held; a major decision
 * needs a legal review that concluded `approve` (Art. 58).
 */
export function approvalBlock(a: ApprovalInput): ApprovalBlock | null {
  const p = a.procedure;
  if (a.decisionKind === 'penalty') {
    const n = p.notice;
    if (!n) return { code: 'PENALTY_NOTICE_REQUIRED', message: 'a penalty needs its advance notice (行政处罚法 Art. 44) before approval' };
    if (a.fineFen > n.fineFen || a.confiscatedFen > n.confiscatedFen)
      return {
        code: 'PENALTY_NOTICE_REQUIRED',
        heavier: true,
        message: 'the decision is heavier than the penalty the notice announced: serve a new advance notice (行政处罚法 Art. 44, 45)',
      };
    const h = p.hearing;
    if (h && !h.heldOn)
      return { code: 'PENALTY_HEARING_PENDING', message: 'the party requested a hearing (行政处罚法 Art. 63, 64): hold it first' };
    // a statement closes the period when the party waived, or when it had no hearing right left to use
    const closedByStatement = p.statement !== undefined && (p.statement.waived || !n.hearingRight);
    if (!h && !closedByStatement && a.today <= n.periodEndsOn)
      return {
        code: 'NOTICE_PERIOD_OPEN',
        periodEndsOn: n.periodEndsOn,
        message: `the party may state a defence or request a hearing until ${n.periodEndsOn} (行政处罚法 Art. 44, 64: 5 working days after the notice)`,
      };
  }
  if (a.major && p.legalReview?.conclusion !== 'approve')
    return {
      code: 'LEGAL_REVIEW_REQUIRED',
      message: p.legalReview
        ? 'the legal review asked for a revision: return the decision and propose it again (行政处罚法 Art. 58)'
        : 'a major decision needs the legal review (法制审核, 行政处罚法 Art. 58) before approval',
    };
  return null;
}

export type ProcedureStepBlock = { code: 'PROCEDURE_STEP' | 'PENALTY_NOTICE_REQUIRED' | 'NO_HEARING_RIGHT'; message: string };

/**
 * Whether a procedure step fits the case's record (the lifecycle table has already checked status and role): the
 * order of the steps, and the dispute steps only for infringement disputes. Null for every other action.
 */
export function procedureStepBlock(action: string, c: { type: CaseType; procedure: ProcedureRecord }): ProcedureStepBlock | null {
  const p = c.procedure;
  const step = (message: string): ProcedureStepBlock => ({ code: 'PROCEDURE_STEP', message });
  switch (action) {
    case 'record_statement':
      if (!p.notice) return { code: 'PENALTY_NOTICE_REQUIRED', message: 'no advance notice of a penalty was served' };
      if (p.statement) return step("the party's statement is already recorded");
      return null;
    case 'request_penalty_hearing':
      if (!p.notice) return { code: 'PENALTY_NOTICE_REQUIRED', message: 'no advance notice of a penalty was served' };
      if (!p.notice.hearingRight)
        return { code: 'NO_HEARING_RIGHT', message: 'the intended penalty gives no right to a hearing (行政处罚法 Art. 63)' };
      if (p.statement?.waived) return step('the party waived the hearing');
      if (p.hearing) return step('a hearing is already requested');
      return null;
    case 'schedule_penalty_hearing':
      if (!p.hearing) return step('no hearing was requested');
      if (p.hearing.heldOn) return step('the hearing was held');
      return null;
    case 'record_penalty_hearing':
      if (!p.hearing?.scheduledOn) return step('no hearing is scheduled');
      if (p.hearing.heldOn) return step('the hearing is already recorded');
      return null;
    case 'serve_dispute_request':
      if (c.type !== 'infringement_dispute') return step('only an infringement dispute has a request to serve');
      if (p.dispute?.answer) return step("the respondent's answer is already recorded");
      return null;
    case 'record_answer':
      if (c.type !== 'infringement_dispute') return step('only an infringement dispute has an answer');
      if (!p.dispute?.requestServedOn) return step('the request was not served on the respondent yet');
      if (p.dispute.answer) return step("the respondent's answer is already recorded");
      return null;
    default:
      return null;
  }
}
