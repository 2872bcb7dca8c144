import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApprovalInbox, ApprovalItem, AuthUser } from '@app/kernel';
import { CasesRepository } from './persistence/cases.repository';

/** The cases' part of the supervisor's inbox: proposed decisions and extension requests in the supervisor's scope. */
@Injectable()
export class CaseApprovals implements OnModuleInit {
  constructor(
    private readonly repo: CasesRepository,
    private readonly inbox: ApprovalInbox,
  ) {}

  onModuleInit(): void {
    this.inbox.register('cases', (user, limit) => this.list(user, limit));
  }

  async list(user: AuthUser, limit: number): Promise<ApprovalItem[]> {
    const rows = await this.repo.awaitingApproval(user.scope.allUnits ? null : user.scope.unitCodes, limit);
    return rows.map((r) => ({
      kind: r.kind,
      entityType: 'case',
      entityId: r.id,
      label: r.caseNo ?? r.receiptNo,
      orgUnit: { code: r.orgUnitCode, name: r.orgUnitName },
      requestedAt: r.requestedAt ? new Date(r.requestedAt).toISOString() : null,
      requestedBy: r.requestedById ? { id: r.requestedById, displayName: r.requestedByName ?? '' } : null,
      summary: r.summary,
      detail: r.payload,
      version: r.version,
    }));
  }
}
