import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitEntity } from '@app/auth';
import { EntityColumns, runStatement, statement, inTransaction } from '@app/kernel';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CreditRecord } from '../domain/credit-record';
import { publicationReach, PublicationViewer, publicationVisibleTo } from '../domain/publication-scope';
import { PublicationStatus } from '../domain/publication-status';
import { CreditPublicationEntity } from './credit-publication.entity';
import { DELIVERABLE_SQL, PUBLICATION_OVERDUE_SQL } from './publication-sql';

export interface RespondentRow {
  id: string;
  kind: 'organization' | 'individual';
  name: string;
  uscc: string | null;
  legal_representative: string | null;
  id_number_masked: string | null;
}

/** What a platform answer stores on a publication still to be delivered (CreditDeliveryService's outcomeChange). */
export interface DeliveryChange {
  status: PublicationStatus;
  platformReceiptId: string | null;
  publishedAt: Date | null;
  lastError: string | null;
}

export interface PublicationListFilter {
  status?: PublicationStatus;
  caseId?: string;
  overdue?: boolean;
  /** the cursor's (created_at, id) */
  after?: (string | number)[];
}

export interface PublicationExportFilter {
  from?: string;
  to?: string;
  status?: PublicationStatus;
  /** the last row's (decided_on, id) */
  after?: [string, string];
}

/**
 * Every statement on publications. Reads go through the one scope rule: `visibleTo` (SQL) and `publicationVisibleTo`
 * (domain/publication-scope.ts) both follow `publicationReach`.
 */
@Injectable()
export class PublicationsRepository {
  private readonly columns: EntityColumns<CreditPublicationEntity>;
  /** What a delivery sends: a read (no transaction, nothing written before the call) */
  private readonly deliverableSt = statement<{ record: CreditRecord }>(
    `SELECT p.record FROM credit_publications p WHERE p.id = $1 AND ${DELIVERABLE_SQL}`,
  );
  private readonly recordSt: ReturnType<typeof statement<Record<string, unknown>>>;
  private readonly lateReceiptSt = statement(
    `UPDATE credit_publications SET platform_receipt_id = $2, updated_at = now()
      WHERE id = $1 AND platform_receipt_id IS NULL AND status <> 'published'`,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = new EntityColumns(dataSource, CreditPublicationEntity);
    // the row locked and changed in one statement, only while it is still to be delivered: answered as it was
    // (`p`, before_…) and as it is now (`t`, after_…)
    this.recordSt = statement(
      `UPDATE credit_publications t
          SET status = $2, platform_receipt_id = coalesce($3, t.platform_receipt_id), published_at = coalesce($4, t.published_at),
              last_error = $5, version = t.version + CASE WHEN t.status <> $2 THEN 1 ELSE 0 END,
              attempts = t.attempts + 1, last_attempt_at = $6, updated_at = now()
         FROM (SELECT * FROM credit_publications WHERE id = $1 FOR UPDATE) p
        WHERE t.id = p.id AND ${DELIVERABLE_SQL}
        RETURNING ${this.columns.selectList('p', 'before_')}, ${this.columns.selectList('t', 'after_')}`,
    );
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  /** publicationVisibleTo as SQL, on the alias `p`. */
  visibleTo<T extends object>(qb: SelectQueryBuilder<T>, viewer: PublicationViewer): SelectQueryBuilder<T> {
    const reach = publicationReach(viewer);
    return reach.kind === 'all' ? qb : qb.andWhere('p.org_unit_code = ANY(:scopeUnits)', { scopeUnits: reach.unitCodes });
  }

  async findVisible(viewer: PublicationViewer, id: string): Promise<CreditPublicationEntity | null> {
    const p = await this.dataSource.getRepository(CreditPublicationEntity).findOneBy({ id });
    return p && publicationVisibleTo(viewer, p) ? p : null;
  }

  async lockVisible(em: EntityManager, viewer: PublicationViewer, id: string): Promise<CreditPublicationEntity | null> {
    const p = await this.lock(em, id);
    return p && publicationVisibleTo(viewer, p) ? p : null;
  }

  /** For the jobs, which act for no user: the row locked for update. */
  lock(em: EntityManager, id: string): Promise<CreditPublicationEntity | null> {
    return em.findOne(CreditPublicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** One page (limit + 1 rows) of the viewer's publications, newest first. */
  list(viewer: PublicationViewer, f: PublicationListFilter, limit: number, today: string): Promise<CreditPublicationEntity[]> {
    const qb = this.visibleTo(this.dataSource.getRepository(CreditPublicationEntity).createQueryBuilder('p'), viewer);
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.caseId) qb.andWhere('p.case_id = :caseId', { caseId: f.caseId });
    if (f.overdue !== undefined) qb.andWhere(f.overdue ? PUBLICATION_OVERDUE_SQL : `NOT ${PUBLICATION_OVERDUE_SQL}`, { today });
    if (f.after) qb.andWhere('(p.created_at, p.id) < (:cAt, :cId)', { cAt: f.after[0], cId: f.after[1] });
    return qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /** One page of the export (`max` rows by decision date, then id) of the viewer's records. */
  exportPage(
    viewer: PublicationViewer,
    f: PublicationExportFilter,
    max: number,
  ): Promise<{ id: string; decided: string; record: CreditRecord }[]> {
    const qb = this.visibleTo(
      this.dataSource
        .getRepository(CreditPublicationEntity)
        .createQueryBuilder('p')
        .select('p.id', 'id')
        .addSelect(`to_char(p.decided_on, 'YYYY-MM-DD')`, 'decided')
        .addSelect('p.record', 'record'),
      viewer,
    );
    if (f.from) qb.andWhere('p.decided_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('p.decided_on <= :to', { to: f.to });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.after) qb.andWhere('(p.decided_on, p.id) > (CAST(:aDay AS date), CAST(:aId AS uuid))', { aDay: f.after[0], aId: f.after[1] });
    return qb.orderBy('p.decided_on').addOrderBy('p.id').limit(max).getRawMany();
  }

  create(em: EntityManager, fields: Partial<CreditPublicationEntity>): Promise<CreditPublicationEntity> {
    return em.save(em.create(CreditPublicationEntity, fields));
  }

  async save(em: EntityManager, p: CreditPublicationEntity): Promise<void> {
    await em.save(p);
  }

  /**
   * The record to send if the publication is still to be sent (DELIVERABLE_SQL); null when there is nothing to send
   * (gone, delivered, withdrawn, rejected, incomplete).
   */
  async deliverableRecord(id: string): Promise<CreditRecord | null> {
    const [row] = await runStatement(this.dataSource, this.deliverableSt, [id]);
    return row ? row.record : null;
  }

  /**
   * Stores a delivery's outcome and counts its attempt (started at `attemptAt`), in the caller's transaction, if the
   * publication is still to be delivered, answering it before and after (locked until commit); null when another run
   * recorded first or it was withdrawn meanwhile. The version moves with the status.
   */
  async recordDelivery(
    em: EntityManager,
    id: string,
    attemptAt: Date,
    change: DeliveryChange,
  ): Promise<{ before: CreditPublicationEntity; after: CreditPublicationEntity } | null> {
    const [row] = await runStatement(em, this.recordSt, [
      id,
      change.status,
      change.platformReceiptId,
      change.publishedAt,
      change.lastError,
      attemptAt,
    ]);
    return row ? { before: this.columns.read(row, 'before_'), after: this.columns.read(row, 'after_') } : null;
  }

  /** A receipt learned after the publication left delivery (withdrawn meanwhile): kept so the record stays findable. */
  async recordLateReceipt(id: string, platformReceiptId: string): Promise<void> {
    await runStatement(this.dataSource, this.lateReceiptSt, [id, platformReceiptId]);
  }

  /** The removal's bookkeeping written while the row is locked: an attempt started. */
  async recordRemovalAttempt(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(CreditPublicationEntity, { id }, { lastAttemptAt: at });
  }

  /** The deciding unit (处罚机关) and the data-source unit (its parent bureau, or itself for the bureau). */
  async authorityAndSource(em: EntityManager, orgUnitCode: string): Promise<{ unit: OrgUnitEntity; source: OrgUnitEntity }> {
    const unit = await em.findOneByOrFail(OrgUnitEntity, { code: orgUnitCode });
    const source = unit.parentCode ? ((await em.findOneBy(OrgUnitEntity, { code: unit.parentCode })) ?? unit) : unit;
    return { unit, source };
  }

  /** The respondents of a case, in order (the cases context's parties, read for these columns only). */
  respondentsOf(em: EntityManager, caseId: string): Promise<RespondentRow[]> {
    return em.query<RespondentRow[]>(
      `SELECT id, kind, name, uscc, legal_representative, id_number_masked FROM case_parties
        WHERE case_id = $1 AND role = 'respondent' ORDER BY ordinal`,
      [caseId],
    );
  }
}
