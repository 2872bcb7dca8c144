import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApprovalInbox, ApprovalItem, AuthUser } from '@app/kernel';
import { TransfersRepository } from './persistence/transfers.repository';

/**
 * The transfers' part of the supervisor's inbox (`GET /approvals`, kind `transfer`): outbound requests waiting for
 * approval in the supervisor's scope (through the repository's scope rule), oldest first.
 */
@Injectable()
export class TransferApprovals implements OnModuleInit {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly inbox: ApprovalInbox,
  ) {}

  onModuleInit(): void {
    this.inbox.register('transfers', (user, limit) => this.list(user, limit));
  }

  async list(user: AuthUser, limit: number): Promise<ApprovalItem[]> {
    const rows = await this.repo.awaitingApproval(user, limit);
    return rows.map((r) => ({
      kind: 'transfer',
      entityType: 'transfer',
      entityId: r.id,
      label: r.label ?? r.id,
      orgUnit: { code: r.orgUnitCode, name: r.orgUnitName },
      requestedAt: new Date(r.requestedAt).toISOString(),
      requestedBy: r.requestedById ? { id: r.requestedById, displayName: r.requestedByName ?? '' } : null,
      summary: `${r.partnerName ?? r.partnerCode}：${r.reason}`.slice(0, 200),
      detail: {
        transferKind: r.kind,
        caseId: r.caseId,
        partner: { code: r.partnerCode, name: r.partnerName ?? r.partnerCode },
        reason: r.reason,
        requestedItems: r.requestedItems,
      },
      version: r.version,
    }));
  }
}
