import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { findBureauCodes } from '@app/auth';
import { DataSource, EntityManager } from 'typeorm';
import { WarningKind } from '../domain/early-warning';
import { HotlineAlertEntity } from './hotline-alert.entity';

/** Only one replica evaluates at a time (transaction-level advisory lock); the unique open-alert index backs it up. */
const EARLY_WARNING_LOCK = 727_110;

export interface WarningGroup {
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

/** Every statement of the early warning: the grouped counts, the alerts' upkeep, the alert list. */
@Injectable()
export class HotlineAlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  async tryEvaluationLock(em: EntityManager): Promise<boolean> {
    const [{ locked }] = await em.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [EARLY_WARNING_LOCK]);
    return locked;
  }

  bureauCodes(em: EntityManager): Promise<string[]> {
    return findBureauCodes(em);
  }

  /** The groups of `kind` with at least `threshold` tickets since `since`. */
  groups(em: EntityManager, kind: WarningKind, since: Date, threshold: number): Promise<WarningGroup[]> {
    return em.query<WarningGroup[]>(GROUP_SQL[kind], [since, threshold]);
  }

  /** Clears the open alerts of `kind` whose key is no longer among `keys`; returns them. */
  clearOthers(em: EntityManager, kind: WarningKind, keys: string[], now: Date): Promise<{ id: string; key: string }[]> {
    return em.query<{ id: string; key: string }[]>(
      // wrapped in a CTE so the driver returns the rows (a bare UPDATE answers [rows, count])
      `WITH c AS (UPDATE hotline_alerts SET cleared_at = $3, version = version + 1
                   WHERE kind = $1 AND cleared_at IS NULL AND NOT (key = ANY($2::text[])) RETURNING id, key)
       SELECT id, key FROM c`,
      [kind, keys, now],
    );
  }

  /** Opens an alert per group (or keeps an open one's count current); `inserted` marks the new ones. */
  upsertOpen(
    em: EntityManager,
    kind: WarningKind,
    settings: { windowDays: number; threshold: number; now: Date },
    groups: WarningGroup[],
  ): Promise<{ id: string; key: string; label: string; ticket_count: number; inserted: boolean }[]> {
    return em.query(
      `INSERT INTO hotline_alerts (kind, key, label, window_days, threshold, ticket_count, ticket_ids, raised_at)
       SELECT $1, g.key, g.label, $2, $3, g.n, '{}', $4 FROM unnest($5::text[], $6::text[], $7::int[]) AS g(key, label, n)
       ON CONFLICT (kind, key) WHERE cleared_at IS NULL
       DO UPDATE SET ticket_count = EXCLUDED.ticket_count
       RETURNING id, key, label, ticket_count, (xmax = 0) AS inserted`,
      [
        kind,
        settings.windowDays,
        settings.threshold,
        settings.now,
        groups.map((g) => g.key),
        groups.map((g) => g.label),
        groups.map((g) => g.n),
      ],
    );
  }

  /** Records the newest `max` tickets of the group behind a new alert; returns their ids. */
  async attachTickets(em: EntityManager, alertId: string, kind: WarningKind, key: string, since: Date, max: number): Promise<string[]> {
    const ids = (await em.query<{ id: string }[]>(TICKETS_SQL[kind], [key, since, max])).map((r) => r.id);
    await em.query('UPDATE hotline_alerts SET ticket_ids = $2 WHERE id = $1', [alertId, ids]);
    return ids;
  }

  /** One page (limit + 1 rows) of alerts, newest first. */
  list(f: { open?: boolean; after?: (string | number)[] }, limit: number): Promise<HotlineAlertEntity[]> {
    const qb = this.dataSource.getRepository(HotlineAlertEntity).createQueryBuilder('a');
    if (f.open !== undefined) qb.andWhere(f.open ? 'a.cleared_at IS NULL' : 'a.cleared_at IS NOT NULL');
    if (f.after) qb.andWhere('(a.raised_at, a.id) < (:cAt, :cId)', { cAt: f.after[0], cId: f.after[1] });
    return qb
      .orderBy('a.raised_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  lock(em: EntityManager, id: string): Promise<HotlineAlertEntity | null> {
    return em.findOne(HotlineAlertEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(em: EntityManager, a: HotlineAlertEntity): Promise<void> {
    await em.save(a);
  }
}
