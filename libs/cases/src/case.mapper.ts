import type { Role } from '@app/kernel';
import { isCaseOverdue } from './domain/deadline-in-force';
import { allowedActions } from './domain/case-lifecycle';
import { CaseResponse, PartyResponse } from './http/dto/case-response';
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
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
    allowedActions: allowedActions({ status: c.status, suspended: c.suspended, extensionPending: c.extensionPending }, ctx.roles).filter(
      (a) => a !== 'transfer_out', // requested through the transfers flow, not the action endpoint
    ),
  };
}
