import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../http/auth-context';

/** Something waiting for a supervisor's decision, as the inbox shows it (names, not ids). */
export interface ApprovalItem {
  /** what is to be approved: `decision`, `extension`, later `transfer`, `legal_review` … */
  kind: string;
  entityType: string;
  entityId: string;
  /** the number people know it by (案号, or 收案号 before filing) */
  label: string;
  orgUnit: { code: string; name: string };
  /** when it was asked for (ISO instant) */
  requestedAt: string | null;
  requestedBy: { id: string; displayName: string } | null;
  summary: string;
  /** what the request carries (the proposed decision, the days asked for, …) */
  detail: Record<string, unknown> | null;
  /** the record's version, for the approving action's expectedVersion */
  version: number;
}

/** A context's waiting items, in the supervisor's scope, oldest first. */
export type ApprovalSource = (user: AuthUser, limit: number) => Promise<ApprovalItem[]>;

/**
 * The supervisor's inbox (`GET /approvals`) gathers what every context has waiting: each registers its source in
 * onModuleInit (cases: decisions and extensions; transfers: outbound requests), so the inbox depends on none of them.
 */
@Injectable()
export class ApprovalInbox {
  private readonly sources = new Map<string, ApprovalSource>();

  register(name: string, source: ApprovalSource): void {
    if (this.sources.has(name)) throw new Error(`approval source ${name} registered twice`);
    this.sources.set(name, source);
  }

  async list(user: AuthUser, limit: number): Promise<{ items: ApprovalItem[]; counts: Record<string, number>; total: number }> {
    const all = (await Promise.all([...this.sources.values()].map((s) => s(user, limit)))).flat();
    all.sort((a, b) => (a.requestedAt ?? '').localeCompare(b.requestedAt ?? '') || a.entityId.localeCompare(b.entityId));
    const counts: Record<string, number> = {};
    for (const i of all) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    return { items: all.slice(0, limit), counts, total: all.length };
  }
}
