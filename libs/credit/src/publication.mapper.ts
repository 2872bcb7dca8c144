import type { Role } from '@app/kernel';
import { allowedPublicationActions, isOverdue } from './domain/publication-status';
import type { PublicationResponse } from './http/dto/publication.dto';
import type { CreditPublicationEntity } from './persistence/credit-publication.entity';

export function toPublicationResponse(p: CreditPublicationEntity, ctx: { roles: Role[]; today: string }): PublicationResponse {
  return {
    id: p.id,
    caseId: p.caseId,
    orgUnitCode: p.orgUnitCode,
    status: p.status,
    decidedOn: p.decidedOn,
    dueOn: p.dueOn,
    overdue: isOverdue(p, ctx.today),
    displayUntil: p.displayUntil,
    record: p.record,
    mappingErrors: p.mappingErrors,
    platformReceiptId: p.platformReceiptId,
    attempts: p.attempts,
    lastError: p.lastError,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    withdrawReason: p.withdrawReason,
    removalDueOn: p.removalDueOn,
    removedAt: p.removedAt?.toISOString() ?? null,
    allowedActions: ctx.roles.includes('supervisor') ? allowedPublicationActions(p.status) : [],
    version: p.version,
  };
}

/** What the audit trail keeps of a publication: its state, never the record (it names people). */
export function publicationSnapshot(p: CreditPublicationEntity) {
  return {
    caseId: p.caseId,
    status: p.status,
    dueOn: p.dueOn,
    displayUntil: p.displayUntil,
    platformReceiptId: p.platformReceiptId,
    attempts: p.attempts,
    mappingErrors: p.mappingErrors.map((e) => e.field),
    version: p.version,
  };
}
