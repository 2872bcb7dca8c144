import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { ActorContext, AuthUser, Clock, decodeCursor, DomainError, Page, systemActor, toPage, TransactionRunner } from '@app/kernel';
import { DataSource, EntityManager, In } from 'typeorm';
import { WARNING_KINDS, WarningKind } from './domain';
import { HotlineService } from './hotline.service';
import { HotlineSettings } from './hotline-settings';
import { AlertQueryDto } from './http/dto/ticket-query.dto';
import { AlertResponse } from './http/dto/ticket-response';
import { HotlineAlertEntity } from './persistence/hotline-alert.entity';
import { TicketEntity } from './persistence/ticket.entity';

/** Only one replica evaluates at a time (transaction-level advisory lock); the unique open-alert index backs it up. */
const EARLY_WARNING_LOCK = 727_110;
const TICKETS_PER_ALERT = 200;

interface Group {
  key: string;
  label: string;
  n: number;
}

/** One grouped query per kind over the created_at window (an index range), never a loop over tickets. */
const GROUP_SQL: Record<WarningKind, string> = {
  respondent: `SELECT respondent_key AS key, min(respondent_name) AS label, count(*)::int AS n FROM hotline_tickets
                WHERE created_at >= $1 AND respondent_key IS NOT NULL GROUP BY respondent_key HAVING count(*) >= $2`,
  patent: `SELECT normalized AS key, normalized AS label, count(*)::int AS n FROM hotline_ticket_patents
            WHERE created_at >= $1 GROUP BY normalized HAVING count(*) >= $2`,
  industry: `SELECT industry_key AS key, min(industry) AS label, count(*)::int AS n FROM hotline_tickets
              WHERE created_at >= $1 AND industry_key IS NOT NULL GROUP BY industry_key HAVING count(*) >= $2`,
};

const TICKETS_SQL: Record<WarningKind, string> = {
  respondent: `SELECT id FROM hotline_tickets WHERE respondent_key = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT $3`,
  patent: `SELECT ticket_id AS id FROM hotline_ticket_patents WHERE normalized = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT $3`,
  industry: `SELECT id FROM hotline_tickets WHERE industry_key = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT $3`,
};

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly tickets: HotlineService,
    private readonly clock: Clock,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  async run(): Promise<{ raised: number; cleared: number; skipped?: boolean }> {
    const { windowDays, thresholds } = this.settings.earlyWarning;
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - windowDays * 86_400_000);
    const result = await this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [EARLY_WARNING_LOCK]);
      if (!locked) return { raised: 0, cleared: 0, skipped: true };
      const bureaus = (await em.query<{ code: string }[]>(`SELECT code FROM org_units WHERE kind = 'bureau'`)).map((r) => r.code);
      const actor = systemActor();
      let raised = 0;
      let cleared = 0;
      for (const kind of WARNING_KINDS) {
        const groups = await em.query<Group[]>(GROUP_SQL[kind], [windowStart, thresholds[kind]]);
        const clearedRows = await em.query<{ id: string; key: string }[]>(
          // wrapped in a CTE so the driver returns the rows (a bare UPDATE answers [rows, count])
          `WITH c AS (UPDATE hotline_alerts SET cleared_at = $3, version = version + 1
                       WHERE kind = $1 AND cleared_at IS NULL AND NOT (key = ANY($2::text[])) RETURNING id, key)
           SELECT id, key FROM c`,
          [kind, groups.map((g) => g.key), now],
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
        const upserted = await em.query<{ id: string; key: string; label: string; ticket_count: number; inserted: boolean }[]>(
          `INSERT INTO hotline_alerts (kind, key, label, window_days, threshold, ticket_count, ticket_ids, raised_at)
           SELECT $1, g.key, g.label, $2, $3, g.n, '{}', $4 FROM unnest($5::text[], $6::text[], $7::int[]) AS g(key, label, n)
           ON CONFLICT (kind, key) WHERE cleared_at IS NULL
           DO UPDATE SET ticket_count = EXCLUDED.ticket_count
           RETURNING id, key, label, ticket_count, (xmax = 0) AS inserted`,
          [kind, windowDays, thresholds[kind], now, groups.map((g) => g.key), groups.map((g) => g.label), groups.map((g) => g.n)],
        );
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
    const ids = (await em.query<{ id: string }[]>(TICKETS_SQL[kind], [a.key, windowStart, TICKETS_PER_ALERT])).map((r) => r.id);
    await em.query('UPDATE hotline_alerts SET ticket_ids = $2 WHERE id = $1', [a.id, ids]);
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
    const qb = this.dataSource.getRepository(HotlineAlertEntity).createQueryBuilder('a');
    if (q.open !== undefined) qb.andWhere(q.open ? 'a.cleared_at IS NULL' : 'a.cleared_at IS NOT NULL');
    const cursor = decodeCursor(q.cursor, 2);
    if (cursor) qb.andWhere('(a.raised_at, a.id) < (:cAt, :cId)', { cAt: cursor[0], cId: cursor[1] });
    const rows = await qb
      .orderBy('a.raised_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const tickets = await this.ticketsOf(user, rows.slice(0, limit));
    return toPage(
      rows,
      limit,
      (a) => toAlertResponse(a, tickets),
      (a) => [a.raisedAt.toISOString(), a.id],
    );
  }

  /** A supervisor acknowledges an alert (it stays open until the count drops); versioned and audited. */
  async acknowledge(user: AuthUser, actor: ActorContext, id: string, expectedVersion: number): Promise<AlertResponse> {
    const saved = await this.tx.run(async (em) => {
      const a = await em.findOne(HotlineAlertEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw DomainError.notFound('alert');
      if (a.version !== expectedVersion) throw DomainError.versionConflict(expectedVersion, a.version);
      if (a.acknowledgedAt) throw new DomainError('ILLEGAL_TRANSITION', 'the alert is already acknowledged', { allowedActions: [] });
      a.acknowledgedAt = this.clock.now();
      a.acknowledgedBy = user.id;
      a.version += 1;
      await em.save(a);
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
  private async ticketsOf(user: AuthUser, alerts: HotlineAlertEntity[]): Promise<Map<string, TicketEntity>> {
    const ids = [...new Set(alerts.flatMap((a) => a.ticketIds))];
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(TicketEntity).find({
      where: { id: In(ids) },
      select: { id: true, ticketNo: true, createdAt: true, orgUnitCode: true },
    });
    return new Map(rows.filter((t) => this.tickets.canSee(user, t)).map((t) => [t.id, t]));
  }
}

function toAlertResponse(a: HotlineAlertEntity, tickets: Map<string, TicketEntity>): AlertResponse {
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
      .filter((t): t is TicketEntity => t !== undefined)
      .map((t) => ({ id: t.id, ticketNo: t.ticketNo, createdAt: t.createdAt.toISOString() })),
    raisedAt: a.raisedAt.toISOString(),
    clearedAt: a.clearedAt?.toISOString() ?? null,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
    version: a.version,
  };
}
