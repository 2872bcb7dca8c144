import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { DELIVERABLE_SQL, UNDELIVERED_STATUSES_SQL } from './publication-sql';

/**
 * The sweep's statements. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas may run them at once; UPDATE …
 * RETURNING answers [rows, affected] through TypeORM's query().
 */
@Injectable()
export class CreditSweepRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** Published records whose display period ended before `today`: marked expired, their removal pending. */
  async expire(em: EntityManager, today: string, batch: number): Promise<{ id: string; org_unit_code: string }[]> {
    const [rows] = await em.query<[{ id: string; org_unit_code: string }[], number]>(
      `UPDATE credit_publications p SET status = 'expired', removal_pending = true, version = version + 1, updated_at = now()
        WHERE p.id IN (SELECT id FROM credit_publications WHERE status = 'published' AND display_until < $1
                        ORDER BY display_until LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.org_unit_code`,
      [today, batch],
    );
    return rows;
  }

  /** Undelivered publications past due and not yet escalated: marked notified. */
  async takeOverdue(
    em: EntityManager,
    today: string,
    batch: number,
  ): Promise<{ id: string; org_unit_code: string; due_on: string; status: string; document_no: string | null }[]> {
    const [rows] = await em.query<
      [{ id: string; org_unit_code: string; due_on: string; status: string; document_no: string | null }[], number]
    >(
      `UPDATE credit_publications p SET overdue_notified_at = now()
        WHERE p.id IN (SELECT id FROM credit_publications p
                        WHERE status IN ${UNDELIVERED_STATUSES_SQL} AND due_on < $1 AND overdue_notified_at IS NULL
                        ORDER BY due_on LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.org_unit_code, to_char(p.due_on, 'YYYY-MM-DD') AS due_on, p.status, p.record->>'documentNo' AS document_no`,
      [today, batch],
    );
    return rows;
  }

  /** Deliveries and removals idle for `idleMs`: touched, to be given a fresh job. */
  async takeIdle(em: EntityManager, idleMs: number, batch: number): Promise<{ id: string; removal: boolean }[]> {
    const [rows] = await em.query<[{ id: string; removal: boolean }[], number]>(
      `UPDATE credit_publications p SET updated_at = now()
        WHERE p.id IN (SELECT id FROM credit_publications p
                        WHERE (${DELIVERABLE_SQL} OR removal_pending)
                          AND updated_at < now() - $1 * interval '1 millisecond'
                        LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.removal_pending AS removal`,
      [idleMs, batch],
    );
    return rows;
  }
}
