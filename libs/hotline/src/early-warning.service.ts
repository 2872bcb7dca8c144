import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { ActorContext, AuthUser, Clock, decodeCursor, DomainError, Page, systemActor, toPage, TransactionRunner } from '@app/kernel';
import { EntityManager } from 'typeorm';
import { alertAcknowledgeableBy, TicketViewer, WARNING_KINDS, WarningKind } from './domain';
import { HotlineSettings } from './hotline-settings';
import { AlertQueryDto } from './http/dto/ticket-query.dto';
import { AlertResponse } from './http/dto/ticket-response';
import { HotlineAlertEntity } from './persistence/hotline-alert.entity';
import { HotlineAlertsRepository } from './persistence/hotline-alerts.repository';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketsRepository } from './persistence/tickets.repository';

type AlertTicket = Pick<TicketEntity, 'id' | 'ticketNo' | 'createdAt'>;

const TICKETS_PER_ALERT = 200;

const KIND_LABELS: Record<WarningKind, string> = { respondent: '被反映对象', patent: '专利', industry: '行业' };

/**
 * Early warning (专利预警): respondents, patents or industries whose tickets within the sliding window reach the
 * configured threshold. Raises one alert per crossing (the unique open-alert index), tells the city bureau's supervisors,
 * keeps the count of an open alert current, and clears it when the count drops below the threshold — so a later
 * crossing raises a new alert. Safe to run from several workers at once.
 */
@Injectable()
export class EarlyWarningService {
  private readonly logger = new Logger(EarlyWarningService.name);

  constructor(
    private readonly alerts: HotlineAlertsRepository,
    private readonly tickets: TicketsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  async run(): Promise<{ raised: number; cleared: number; skipped?: boolean }> {
    const { windowDays, thresholds } = this.settings.earlyWarning;
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - windowDays * 86_400_000);
    const result = await this.alerts.transaction(async (em) => {
      if (!(await this.alerts.tryEvaluationLock(em))) return { raised: 0, cleared: 0, skipped: true };
      const bureaus = await this.alerts.bureauCodes(em);
      const actor = systemActor();
      let raised = 0;
      let cleared = 0;
      for (const kind of WARNING_KINDS) {
        const groups = await this.alerts.groups(em, kind, windowStart, thresholds[kind]);
        const clearedRows = await this.alerts.clearOthers(
          em,
          kind,
          groups.map((g) => g.key),
          now,
        );
        cleared += clearedRows.length;
        if (clearedRows.length)
          await this.audit.writeMany(
            em,
            actor,
            clearedRows.map((r) => ({
              action: 'hotline_alert.cleared',
              entityType: 'hotline_alert' as const,
              entityId: r.id,
              after: { kind, key: r.key },
            })),
          );
        if (!groups.length) continue;
        const upserted = await this.alerts.upsertOpen(em, kind, { windowDays, threshold: thresholds[kind], now }, groups);
        for (const a of upserted.filter((u) => u.inserted)) {
          raised++;
          await this.raise(em, actor, kind, a, windowStart, windowDays, bureaus);
        }
      }
      return { raised, cleared };
    });
    if (result.raised || result.cleared) this.logger.log(result, 'early warning evaluated');
    return result;
  }

  private async raise(
    em: EntityManager,
    actor: ActorContext,
    kind: WarningKind,
    a: { id: string; key: string; label: string; ticket_count: number },
    windowStart: Date,
    windowDays: number,
    bureaus: string[],
  ): Promise<void> {
    const ids = await this.alerts.attachTickets(em, a.id, kind, a.key, windowStart, TICKETS_PER_ALERT);
    await this.audit.write(em, actor, {
      action: 'hotline_alert.raised',
      entityType: 'hotline_alert',
      entityId: a.id,
      after: { kind, key: a.key, label: a.label, ticketCount: a.ticket_count, windowDays, ticketIds: ids },
    });
    await this.notifications.publish(em, {
      kind: 'hotline.early_warning',
      title: `专利预警 / Early warning: ${KIND_LABELS[kind]} ${a.label}`,
      body: `${windowDays} 天内 ${a.ticket_count} 件工单 / ${a.ticket_count} tickets in ${windowDays} days`,
      entityType: 'hotline_alert',
      entityId: a.id,
      audience: { roles: ['supervisor'], orgUnitCodes: bureaus },
    });
  }

  async list(user: AuthUser, q: AlertQueryDto): Promise<Page<AlertResponse>> {
    const limit = q.limit ?? 50;
    const rows = await this.alerts.list({ open: q.open, after: decodeCursor(q.cursor, 2) ?? undefined }, limit);
    const tickets = await this.ticketsOf(user, rows.slice(0, limit));
    return toPage(
      rows,
      limit,
      (a) => toAlertResponse(a, tickets),
      (a) => [a.raisedAt.toISOString(), a.id],
    );
  }

  /**
   * A supervisor acknowledges an alert (it stays open until the count drops); versioned and audited. Only a supervisor
   * who may open every ticket behind the alert (domain/ticket-scope.ts, alertAcknowledgeableBy): for anyone else the
   * alert answers 404 like a missing one.
   */
  async acknowledge(user: AuthUser, actor: ActorContext, id: string, expectedVersion: number): Promise<AlertResponse> {
    const saved = await this.tx.run(async (em) => {
      const a = await this.alerts.lock(em, id);
      if (!a || !alertAcknowledgeableBy(user, await this.tickets.unitsOf(em, a.ticketIds))) throw DomainError.notFound('alert');
      if (a.version !== expectedVersion) throw DomainError.versionConflict(expectedVersion, a.version);
      if (a.acknowledgedAt) throw new DomainError('ILLEGAL_TRANSITION', 'the alert is already acknowledged', { allowedActions: [] });
      a.acknowledgedAt = this.clock.now();
      a.acknowledgedBy = user.id;
      a.version += 1;
      await this.alerts.save(em, a);
      await this.audit.write(em, actor, {
        action: 'hotline_alert.acknowledged',
        entityType: 'hotline_alert',
        entityId: a.id,
        before: { acknowledgedAt: null, version: expectedVersion },
        after: { acknowledgedAt: a.acknowledgedAt.toISOString(), version: a.version },
      });
      return a;
    });
    return toAlertResponse(saved, await this.ticketsOf(user, [saved]));
  }

  /** The tickets behind alerts, limited to those the caller may see. */
  private async ticketsOf(viewer: TicketViewer, alerts: HotlineAlertEntity[]): Promise<Map<string, AlertTicket>> {
    const rows = await this.tickets.visibleAmong(
      viewer,
      alerts.flatMap((a) => a.ticketIds),
    );
    return new Map(rows.map((t) => [t.id, t]));
  }
}

function toAlertResponse(a: HotlineAlertEntity, tickets: Map<string, AlertTicket>): AlertResponse {
  return {
    id: a.id,
    kind: a.kind,
    key: a.key,
    label: a.label,
    windowDays: a.windowDays,
    threshold: a.threshold,
    ticketCount: a.ticketCount,
    tickets: a.ticketIds
      .map((id) => tickets.get(id))
      .filter((t): t is AlertTicket => t !== undefined)
      .map((t) => ({ id: t.id, ticketNo: t.ticketNo, createdAt: t.createdAt.toISOString() })),
    raisedAt: a.raisedAt.toISOString(),
    clearedAt: a.clearedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
    version: a.version,
  };
}
