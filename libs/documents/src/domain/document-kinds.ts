import type { CaseStatus, CaseType } from '@app/cases/domain';

// The documents (文书) of a case: which kinds exist, what each is called, whether and how it is numbered, and in
// which state of which case it may be generated. Plain TypeScript, no framework.

export const DOCUMENT_KINDS = [
  'acceptance_notice',
  'refusal_notice',
  'answer_notice',
  'filing_approval',
  'oral_hearing_notice',
  'penalty_advance_notice',
  'penalty_hearing_notice',
  'legal_review_opinion',
  'penalty_decision',
  'dispute_ruling',
  'service_receipt',
  'closing_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const isDocumentKind = (value: unknown): value is DocumentKind =>
  typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);

/**
 * How a kind is numbered (文书编号): `decision` — the decision's number, assigned when the supervisor approved it
 * (案件的文书编号); `own` — its own gapless number per org unit, year and kind, taken when the document is first
 * generated (a later version keeps it); `none` — internal forms that carry only the 案号.
 */
export type DocumentNumbering = 'decision' | 'own' | 'none';

export interface DocumentKindSpec {
  nameZh: string;
  numbering: DocumentNumbering;
  /** `own` numbers: the word between 知执 and 〔year〕, e.g. 受 → 津滨知执受〔2026〕0001号 */
  numberWord?: string;
}

export const DOCUMENT_KIND_SPECS: Record<DocumentKind, DocumentKindSpec> = {
  acceptance_notice: { nameZh: '受理通知书', numbering: 'own', numberWord: '受' },
  refusal_notice: { nameZh: '不予受理通知书', numbering: 'own', numberWord: '不受' },
  answer_notice: { nameZh: '答辩通知书', numbering: 'own', numberWord: '答' },
  filing_approval: { nameZh: '立案审批表', numbering: 'none' },
  oral_hearing_notice: { nameZh: '口头审理通知书', numbering: 'own', numberWord: '审' },
  penalty_advance_notice: { nameZh: '行政处罚事先告知书', numbering: 'own', numberWord: '告' },
  penalty_hearing_notice: { nameZh: '听证通知书', numbering: 'own', numberWord: '听' },
  legal_review_opinion: { nameZh: '法制审核意见', numbering: 'none' },
  penalty_decision: { nameZh: '行政处罚决定书', numbering: 'decision' },
  dispute_ruling: { nameZh: '专利侵权纠纷处理决定书', numbering: 'decision' },
  service_receipt: { nameZh: '送达回证', numbering: 'none' },
  closing_report: { nameZh: '结案报告', numbering: 'none' },
};

/** The number template of an `own`-numbered kind, in the form of product.md's default (`{seq}` padded to 4). */
export function ownNumberTemplate(kind: DocumentKind): string | null {
  const spec = DOCUMENT_KIND_SPECS[kind];
  return spec.numbering === 'own' ? `{unitAbbr}知执${spec.numberWord}〔{year}〕{seq}号` : null;
}

/** The counter of an `own`-numbered kind in number_sequences (per unit and year). */
export const documentNumberKind = (kind: DocumentKind): string => `document:${kind}`;

/** What the applicability rule reads of a case. */
export interface ApplicabilityFacts {
  type: CaseType;
  status: CaseStatus;
  caseNo: string | null;
  decisionNo: string | null;
  /** the kind of the proposed or approved decision, when there is one */
  decisionKind: string | null;
  hearingOn: string | null;
  /** the penalty procedure so far: whether the advance notice is recorded, the penalty hearing's date, the legal review */
  procedure?: { notice?: unknown; hearing?: { scheduledOn: string | null } | null; legalReview?: unknown };
}

export interface NotApplicable {
  reason: string;
  reasonZh: string;
}

const DISPUTES: readonly CaseType[] = ['infringement_dispute', 'dispute_mediation'];
const DECIDED: readonly CaseStatus[] = ['decided', 'served', 'closed'];
const PENALTY_UNDER_WAY: readonly CaseStatus[] = ['investigating', 'hearing', 'pending_decision', 'decided', 'served', 'closed'];

const no = (reason: string, reasonZh: string): NotApplicable => ({ reason, reasonZh });

/**
 * May a document of this kind be generated for the case now? null when it may; else why not (422
 * DOCUMENT_NOT_APPLICABLE). The table, kind by kind:
 * - 受理通知书: a dispute (infringement or mediation) that was filed (has its 案号); 不予受理通知书: a dispute not filed.
 * - 答辩通知书: a filed dispute still being handled (filed, investigating, hearing).
 * - 立案审批表: any filed case.  口头审理通知书: a dispute with a hearing date.
 * - 行政处罚事先告知书, 听证通知书, 法制审核意见: a passing-off case with a proposed (or approved) penalty.
 * - 行政处罚决定书: a passing-off case whose penalty was approved (decided, served or closed: it has the 文书编号).
 * - 专利侵权纠纷处理决定书: an infringement dispute whose ruling was approved.
 * - 送达回证: a case with an approved decision (it serves that decision).  结案报告: a closed case.
 */
export function documentNotApplicable(kind: DocumentKind, c: ApplicabilityFacts): NotApplicable | null {
  const filed = c.caseNo !== null;
  const penaltyProposed = c.type === 'passing_off' && c.decisionKind === 'penalty';
  switch (kind) {
    case 'acceptance_notice':
      if (!DISPUTES.includes(c.type))
        return no('only a dispute (infringement or mediation) is accepted by notice', '仅纠纷类案件出具受理通知书');
      return filed ? null : no('the case is not filed yet', '案件尚未立案');
    case 'refusal_notice':
      if (!DISPUTES.includes(c.type))
        return no('only a dispute (infringement or mediation) is refused by notice', '仅纠纷类案件出具不予受理通知书');
      return c.status === 'not_filed' ? null : no('the case was not declined (不予受理)', '案件未作不予受理决定');
    case 'answer_notice':
      if (!DISPUTES.includes(c.type)) return no('only a dispute has a respondent who answers', '仅纠纷类案件出具答辩通知书');
      return ['filed', 'investigating', 'hearing'].includes(c.status)
        ? null
        : no('the respondent answers while the case is filed, investigated or heard', '答辩通知书仅在立案后、作出决定前出具');
    case 'filing_approval':
      return filed ? null : no('the case is not filed yet', '案件尚未立案');
    case 'oral_hearing_notice':
      if (!DISPUTES.includes(c.type))
        return no('oral hearings (口头审理) are held in disputes; a penalty case has a 听证', '口头审理仅适用于纠纷类案件');
      return c.hearingOn ? null : no('no hearing is scheduled', '尚未安排口头审理');
    case 'penalty_advance_notice':
      if (c.type !== 'passing_off')
        return no('only a passing-off case (假冒专利) ends in an administrative penalty', '仅假冒专利案件适用行政处罚程序');
      // the notice announces the intended penalty recorded by notify_penalty (or the one proposed)
      return (c.procedure?.notice || penaltyProposed) && PENALTY_UNDER_WAY.includes(c.status)
        ? null
        : no('no intended penalty is recorded (notify_penalty) or proposed', '尚未记录拟作出的行政处罚（事先告知）或提出处罚意见');
    case 'penalty_hearing_notice':
      if (c.type !== 'passing_off')
        return no('only a passing-off case (假冒专利) ends in an administrative penalty', '仅假冒专利案件适用行政处罚程序');
      return c.procedure?.hearing?.scheduledOn ? null : no('no penalty hearing (听证) is scheduled', '尚未安排听证');
    case 'legal_review_opinion':
      if (c.type !== 'passing_off')
        return no('only a passing-off case (假冒专利) ends in an administrative penalty', '仅假冒专利案件适用行政处罚程序');
      return c.procedure?.legalReview && penaltyProposed
        ? null
        : no('no legal review (法制审核) is recorded for a proposed penalty', '尚未对处罚意见进行法制审核');
    case 'penalty_decision':
      if (c.type !== 'passing_off')
        return no('only a passing-off case (假冒专利) ends in an administrative penalty', '仅假冒专利案件适用行政处罚程序');
      if (!penaltyProposed) return no('the decision of the case is not a penalty', '案件的决定不是行政处罚');
      return DECIDED.includes(c.status) && c.decisionNo
        ? null
        : no('the penalty is not approved yet (no 文书编号)', '行政处罚决定尚未审批（无文书编号）');
    case 'dispute_ruling':
      if (c.type !== 'infringement_dispute') return no('only an infringement dispute ends in a ruling', '仅专利侵权纠纷案件出具处理决定书');
      if (c.decisionKind !== 'ruling') return no('the decision of the case is not a ruling', '案件的决定不是处理决定');
      return DECIDED.includes(c.status) && c.decisionNo
        ? null
        : no('the ruling is not approved yet (no 文书编号)', '处理决定尚未审批（无文书编号）');
    case 'service_receipt':
      return DECIDED.includes(c.status) && c.decisionNo ? null : no('there is no approved decision to serve', '没有已审批的决定可送达');
    case 'closing_report':
      return c.status === 'closed' ? null : no('the case is not closed', '案件尚未结案');
  }
}
