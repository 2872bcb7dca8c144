import type { Role } from '@app/kernel';
import { allowedTransferActions } from '../domain/transfer-lifecycle';
import { isOverdueOn } from '../domain/reply-due';
import {
  AWAITING_REPLY_IN,
  AWAITING_REPLY_OUT,
  TransferDirection,
  TransferKind,
  TransferStatus,
  UserAction,
} from '../domain/transfer-types';
import { PartnerEntity } from '../persistence/partner.entity';
import { TransferEntity } from '../persistence/transfer.entity';
import { TransferFileEntity } from '../persistence/transfer-file.entity';

export interface TransferResponse {
  id: string;
  direction: TransferDirection;
  status: TransferStatus;
  partnerCode: string;
  kind: TransferKind;
  orgUnitCode: string;
  caseId: string | null;
  exchangeId: string;
  reason: string;
  requestedItems: string[];
  originCaseNo: string | null;
  partnerCaseNo: string | null;
  returnReason: string | null;
  declineReason: string | null;
  result: string | null;
  deliveredOn: string | null;
  replyDue: string | null;
  repliedOn: string | null;
  overdue: boolean;
  attempts: number;
  lastError: string | null;
  keyId: string | null;
  integrityProblem: TransferEntity['integrityProblem'];
  /** inbound: what the partner sent about the case (parties masked) */
  dossier: { case: unknown; parties: { role: string; kind: string; name: string; uscc: string | null }[]; patents: unknown } | null;
  version: number;
  allowedActions: UserAction[];
  createdAt: string;
  updatedAt: string;
}

export interface TransferFileResponse {
  id: string;
  role: 'evidence' | 'answer';
  source: 'local' | 'remote';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fetched: boolean;
  verified: boolean | null;
}

export interface PartnerResponse {
  code: string;
  name: string;
  endpoint: string | null;
  keys: PartnerEntity['keys'];
  active: boolean;
  replyDueWorkingDays: number;
  version: number;
}

export function toTransferResponse(t: TransferEntity, ctx: { roles: readonly Role[]; today: string }): TransferResponse {
  const awaiting = t.direction === 'out' ? (AWAITING_REPLY_OUT as readonly string[]) : (AWAITING_REPLY_IN as readonly string[]);
  return {
    id: t.id,
    direction: t.direction,
    status: t.status,
    partnerCode: t.partnerCode,
    kind: t.kind,
    orgUnitCode: t.orgUnitCode,
    caseId: t.caseId,
    exchangeId: t.exchangeId,
    reason: t.reason,
    requestedItems: t.requestedItems,
    originCaseNo: t.originCaseNo,
    partnerCaseNo: t.partnerCaseNo,
    returnReason: t.returnReason,
    declineReason: t.declineReason,
    result: t.result,
    deliveredOn: t.deliveredOn,
    replyDue: t.replyDue,
    repliedOn: t.repliedOn,
    overdue: awaiting.includes(t.status) && isOverdueOn(t.replyDue, ctx.today),
    attempts: t.attempts,
    lastError: t.lastError,
    keyId: t.keyId,
    integrityProblem: t.integrityProblem,
    dossier: t.dossier
      ? {
          case: t.dossier.case,
          parties: t.dossier.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, uscc: p.uscc })),
          patents: t.dossier.patents,
        }
      : null,
    version: t.version,
    allowedActions: allowedTransferActions({ direction: t.direction, kind: t.kind, status: t.status }, ctx.roles),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export const toTransferFileResponse = (f: TransferFileEntity): TransferFileResponse => ({
  id: f.id,
  role: f.role,
  source: f.source,
  fileName: f.fileName,
  contentType: f.contentType,
  size: Number(f.size),
  sha256: f.sha256,
  fetched: f.source === 'local' || f.storageKey !== null,
  verified: f.source === 'local' ? true : f.fetchedSha256 === null ? null : f.fetchedSha256 === f.sha256,
});

export const toPartnerResponse = (p: PartnerEntity): PartnerResponse => ({
  code: p.code,
  name: p.name,
  endpoint: p.endpoint,
  keys: p.keys,
  active: p.active,
  replyDueWorkingDays: p.replyDueWorkingDays,
  version: p.version,
});

/** What the audit trail records of a transfer (never the dossier's personal data). */
export function transferSnapshot(t: TransferEntity) {
  return {
    status: t.status,
    direction: t.direction,
    kind: t.kind,
    partnerCode: t.partnerCode,
    caseId: t.caseId,
    partnerCaseNo: t.partnerCaseNo,
    replyDue: t.replyDue,
    keyId: t.keyId,
    version: t.version,
  };
}
