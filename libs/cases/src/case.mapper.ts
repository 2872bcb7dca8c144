import type { Role } from '@app/kernel';
import { isCaseOverdue } from './domain/deadline-in-force';
import { allowedActions } from './domain/case-lifecycle';
import { paymentState } from './domain/penalty-payment';
import { procedureStepBlock } from './domain/penalty-procedure';
import { CaseProcedureResponse, CaseResponse, PartyResponse } from './http/dto/case-response';
import { CaseEntity } from './persistence/case.entity';
import type { PartyFields, PatentFields } from './persistence/cases.repository';

function party(p: PartyFields): PartyResponse {
  return {
    kind: p.kind,
    name: p.name,
    role: p.requesterRole,
    uscc: p.uscc,
    idNumber: p.idNumberMasked,
    legalRepresentative: p.legalRepresentative,
    address: p.address,
    phone: p.phoneMasked,
  };
}

export function toCaseResponse(
  c: CaseEntity,
  parties: readonly PartyFields[],
  patents: readonly PatentFields[],
  ctx: { roles: Role[]; today: string },
): CaseResponse {
  const byOrdinal = (a: { ordinal: number }, b: { ordinal: number }) => a.ordinal - b.ordinal;
  return {
    id: c.id,
    receiptNo: c.receiptNo,
    caseNo: c.caseNo,
    type: c.type,
    source: c.source,
    status: c.status,
    suspended: c.suspended,
    extensionPending: c.extensionPending,
    orgUnitCode: c.orgUnitCode,
    receivedOn: c.receivedOn,
    filedOn: c.filedOn,
    closedOn: c.closedOn,
    deadlines: { filingDecisionDue: c.filingDecisionDue, closingDue: c.closingDue, extendedClosingDue: c.extendedClosingDue },
    overdue: isCaseOverdue(c, ctx.today),
    pausedDays: c.pausedDays,
    summary: c.summary,
    ftz: c.ftz,
    fastTrack: c.fastTrack,
    reportReceived: c.reportReceived,
    ecommerce: c.ecommerce,
    assignedOfficerIds: c.assignedOfficerIds,
    requesters: parties
      .filter((p) => p.role === 'requester')
      .sort(byOrdinal)
      .map(party),
    respondents: parties
      .filter((p) => p.role === 'respondent')
      .sort(byOrdinal)
      .map(party),
    patents: [...patents].sort(byOrdinal).map((p) => ({ number: p.number, normalized: p.normalized, kind: p.kind, title: p.title })),
    decision: c.decision,
    outcome: c.outcome,
    procedure: procedure(c, ctx.today),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
    allowedActions: allowedActions({ status: c.status, suspended: c.suspended, extensionPending: c.extensionPending }, ctx.roles).filter(
      // transfer_out is requested through the transfers flow, not the action endpoint; a procedure step that does not
      // fit the record yet (a statement before any notice, a dispute step on a passing-off case) is not offered
      (a) => a !== 'transfer_out' && procedureStepBlock(a, c) === null,
    ),
  };
}

function procedure(c: CaseEntity, today: string): CaseProcedureResponse {
  const p = c.procedure ?? {};
  const d = (c.decision ?? {}) as { kind?: string; major?: boolean; fineFen?: number; confiscatedFen?: number };
  const state =
    d.kind === 'penalty' && p.paymentDueOn
      ? paymentState({ fineFen: d.fineFen ?? 0, confiscatedFen: d.confiscatedFen ?? 0, dueOn: p.paymentDueOn }, p.payments ?? [], today)
      : null;
  return {
    notice: p.notice ? { ...p.notice } : null,
    statement: p.statement ? { ...p.statement } : null,
    hearing: p.hearing ? { ...p.hearing } : null,
    legalReview: p.legalReview ? { ...p.legalReview } : null,
    legalReviewRequired: d.major === true,
    dispute: p.dispute ? { ...p.dispute } : null,
    serviceDueOn: c.serviceDueOn,
    serviceRecordCount: p.serviceRecords?.length ?? 0,
    payment: state
      ? {
          dueOn: state.dueOn,
          principalFen: state.principalFen,
          paidFen: state.paidFen,
          surchargeFen: state.surchargeFen,
          paidInFull: state.paidInFull,
          payments: (p.payments ?? []).map((x) => ({ id: x.id, paidOn: x.paidOn, amountFen: x.amountFen, receiptNo: x.receiptNo })),
        }
      : null,
    amountOwedTodayFen: state ? state.owedFen : null,
    enforcement: p.enforcement ?? null,
  };
}
