import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEntity } from '@app/cases';
import { EntityColumns, Statement, statement, timelineEvents, TimelineEventRow } from '@app/kernel';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DuplicateHit } from '../domain/duplicate-rules';
import { TicketReach, ticketReach, TicketViewer, ticketVisibleTo } from '../domain/ticket-scope';
import { TicketSort } from '../domain/ticket-overdue';
import { TicketCategory, TicketChannel, TicketStatus } from '../domain/ticket-types';
import { TicketEntity } from './ticket.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketPatentEntity } from './ticket-patent.entity';
import { TICKET_NEXT_DUE_SQL, TICKET_OVERDUE_SQL } from './ticket-sql';

export interface TicketListFilter {
  status?: TicketStatus;
  category?: TicketCategory;
  channel?: TicketChannel;
  orgUnitCode?: string;
  caseId?: string;
  /** created at or after this instant */
  createdFrom?: Date;
  /** created before this instant */
  createdBefore?: Date;
  overdue?: boolean;
  /** free text: the ticket number, subject, respondent or caller name (ILIKE `like`), the respondent key, a patent,
   * a caller phone's blind index */
  text?: TicketSearchText;
  sort?: TicketSort;
  /** the cursor: (created_at, id) newest first, or (next SLA date, id) by SLA */
  after?: (string | number)[];
}

export interface TicketSearchText {
  text: string;
  like: string;
  respondentKey: string;
  patent: string;
  /** the blind index of the text read as a phone number ('' when it is not one) */
  phoneIndex: string;
}

/** The number and status of a linked case: all a ticket shows of it. */
export interface LinkedCaseRow {
  id: string;
  receiptNo: string;
  caseNo: string | null;
  status: CaseEntity['status'];
  orgUnitCode: string;
}

/**
 * Every statement on tickets, their patents and their timeline. Reads go through the one scope rule: `visibleTo`
 * (SQL) and `ticketVisibleTo` (domain/ticket-scope.ts) both follow `ticketReach`.
 */
@Injectable()
export class TicketsRepository {
  private readonly columns: EntityColumns<TicketEntity>;
  /** a ticket by id, plain and FOR UPDATE: prepared statements (kernel/database/prepared.ts) */
  private readonly byId: Statement<Record<string, unknown>>;
  private readonly byIdForUpdate: Statement<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = new EntityColumns(dataSource, TicketEntity);
    this.byId = statement(`SELECT ${this.columns.selectList('t')} FROM hotline_tickets t WHERE t.id = $1`);
    this.byIdForUpdate = statement(`${this.byId.text} FOR UPDATE`);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** ticketVisibleTo as SQL, on the alias `alias`. */
  visibleTo<T extends object>(qb: SelectQueryBuilder<T>, viewer: TicketViewer, alias = 't'): SelectQueryBuilder<T> {
    const reach: TicketReach = ticketReach(viewer);
    switch (reach.kind) {
      case 'all':
        return qb;
      case 'none':
        return qb.andWhere('FALSE');
      case 'units':
        return qb.andWhere(`${alias}.org_unit_code = ANY(:scopeUnits)`, { scopeUnits: reach.unitCodes });
    }
  }

  canSee(viewer: TicketViewer, t: Pick<TicketEntity, 'orgUnitCode'>): boolean {
    return ticketVisibleTo(viewer, t);
  }

  /** The ticket if the viewer may open it (null otherwise, or when there is none); locked for update on request. */
  async findVisible(em: EntityManager, viewer: TicketViewer, id: string, lock = false): Promise<TicketEntity | null> {
    const t = await this.columns.one(em, lock ? this.byIdForUpdate : this.byId, [id]);
    return t && this.canSee(viewer, t) ? t : null;
  }

  /** One page (limit + 1 rows) of the viewer's tickets, newest first. */
  list(viewer: TicketViewer, f: TicketListFilter, limit: number, today: string): Promise<TicketEntity[]> {
    const qb = this.visibleTo(this.dataSource.getRepository(TicketEntity).createQueryBuilder('t'), viewer);
    if (f.status) qb.andWhere('t.status = :status', { status: f.status });
    if (f.category) qb.andWhere('t.category = :category', { category: f.category });
    if (f.channel) qb.andWhere('t.channel = :channel', { channel: f.channel });
    if (f.orgUnitCode) qb.andWhere('t.org_unit_code = :unit', { unit: f.orgUnitCode });
    if (f.caseId) qb.andWhere('t.case_id = :caseId', { caseId: f.caseId });
    if (f.createdFrom) qb.andWhere('t.created_at >= :from', { from: f.createdFrom });
    if (f.createdBefore) qb.andWhere('t.created_at < :to', { to: f.createdBefore });
    if (f.overdue !== undefined) qb.andWhere(f.overdue ? TICKET_OVERDUE_SQL : `NOT ${TICKET_OVERDUE_SQL}`, { today });
    if (f.text) {
      qb.andWhere(
        `(t.ticket_no = :text OR t.subject ILIKE :like OR t.respondent_name ILIKE :like OR t.caller_name ILIKE :like
          OR t.respondent_key = :key OR t.caller_phone_index = :phoneIndex
          OR t.id IN (SELECT ticket_id FROM hotline_ticket_patents WHERE normalized = :patent))`,
        { text: f.text.text, like: f.text.like, key: f.text.respondentKey, patent: f.text.patent, phoneIndex: f.text.phoneIndex },
      );
    }
    if (f.sort === 'sla') {
      if (f.after)
        qb.andWhere(`(${TICKET_NEXT_DUE_SQL}, t.id) > (CAST(:cDue AS date), CAST(:cId AS uuid))`, { cDue: f.after[0], cId: f.after[1] });
      return qb
        .orderBy(TICKET_NEXT_DUE_SQL, 'ASC')
        .addOrderBy('t.id', 'ASC')
        .limit(limit + 1)
        .getMany();
    }
    if (f.after) qb.andWhere('(t.created_at, t.id) < (:cAt, :cId)', { cAt: f.after[0], cId: f.after[1] });
    return qb
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /** Of these tickets, the ones the viewer may open (the same scope rule, as SQL): id, number, creation, unit. */
  async visibleAmong(
    viewer: TicketViewer,
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Pick<TicketEntity, 'id' | 'ticketNo' | 'createdAt' | 'orgUnitCode'>[]> {
    if (!ids.length) return [];
    const qb = em
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.ticketNo', 't.createdAt', 't.orgUnitCode'])
      .where('t.id = ANY(:ids)', { ids: [...new Set(ids)] });
    return this.visibleTo(qb, viewer).getMany();
  }

  /** The units of these tickets (null: with the centre), whoever asks: for rules that must see every one of them. */
  async unitsOf(em: EntityManager, ids: readonly string[]): Promise<Pick<TicketEntity, 'id' | 'orgUnitCode'>[]> {
    if (!ids.length) return [];
    return em.getRepository(TicketEntity).find({ where: { id: In([...new Set(ids)]) }, select: { id: true, orgUnitCode: true } });
  }

  /**
   * Likely duplicates within the window starting at `since`: three lookups, each an index range scan —
   * (respondent_key, created_at), (normalized, created_at) of the patents, (caller_phone_index, created_at) — capped
   * at 20 rows each.
   */
  async duplicateHits(
    em: EntityManager,
    keys: { respondentKey: string | null; patents: string[]; phoneIndex: string | null; since: Date },
  ): Promise<DuplicateHit[]> {
    const rows = await em.query<{ id: string; ticket_no: string; reason: DuplicateHit['reason'] }[]>(
      `(SELECT id, ticket_no, 'respondent' AS reason FROM hotline_tickets
         WHERE respondent_key = $1 AND created_at >= $4 ORDER BY created_at DESC LIMIT 20)
       UNION ALL
       (SELECT t.id, t.ticket_no, 'patent' AS reason
          FROM (SELECT DISTINCT ticket_id, created_at FROM hotline_ticket_patents
                 WHERE normalized = ANY($2::text[]) AND created_at >= $4 ORDER BY created_at DESC LIMIT 20) p
          JOIN hotline_tickets t ON t.id = p.ticket_id)
       UNION ALL
       (SELECT id, ticket_no, 'caller_phone' AS reason FROM hotline_tickets
         WHERE caller_phone_index = $3 AND created_at >= $4 ORDER BY created_at DESC LIMIT 20)`,
      [keys.respondentKey, keys.patents, keys.phoneIndex, keys.since],
    );
    return rows.map((r) => ({ id: r.id, ticketNo: r.ticket_no, reason: r.reason }));
  }

  /** A new ticket with its patents: plain INSERTs (save() would first SELECT the preset id). */
  async insert(em: EntityManager, ticket: TicketEntity): Promise<void> {
    // jsonb columns defeat TypeORM's deep-partial type
    await em.insert(TicketEntity, ticket as QueryDeepPartialEntity<TicketEntity>);
    if (ticket.patentNumbers.length)
      await em.insert(
        TicketPatentEntity,
        ticket.patentNumbers.map((normalized) => ({ ticketId: ticket.id, normalized, createdAt: ticket.createdAt })),
      );
  }

  create(em: EntityManager, fields: Partial<TicketEntity>): TicketEntity {
    return em.create(TicketEntity, fields);
  }

  async setNumber(em: EntityManager, id: string, ticketNo: string): Promise<void> {
    await em.update(TicketEntity, { id }, { ticketNo });
  }

  async save(em: EntityManager, t: TicketEntity): Promise<void> {
    await em.save(t);
  }

  async addEvent(em: EntityManager, event: Omit<TicketEventEntity, 'id' | 'ticket'>): Promise<void> {
    await em.save(em.create(TicketEventEntity, event));
  }

  /** The timeline of a ticket, oldest first, with each actor's display name. */
  events(ticketId: string): Promise<Required<TimelineEventRow>[]> {
    return timelineEvents(this.dataSource.manager, 'hotline_ticket_events', ticketId);
  }

  /** Some ticket was already converted into (or linked to) this case. */
  async isConversionTarget(em: EntityManager, caseId: string): Promise<boolean> {
    return (await em.getRepository(TicketEntity).countBy({ caseId })) > 0;
  }

  /** The number and status of the linked cases (the cases context's entity, read for these columns only). */
  async linkedCases(ids: readonly string[]): Promise<Map<string, LinkedCaseRow>> {
    if (!ids.length) return new Map();
    const cases = await this.dataSource.getRepository(CaseEntity).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, receiptNo: true, caseNo: true, status: true, orgUnitCode: true },
    });
    return new Map(
      cases.map((c) => [c.id, { id: c.id, receiptNo: c.receiptNo, caseNo: c.caseNo, status: c.status, orgUnitCode: c.orgUnitCode }]),
    );
  }

  findCase(em: EntityManager, id: string): Promise<CaseEntity | null> {
    return em.findOneBy(CaseEntity, { id });
  }

  findCaseOrFail(em: EntityManager, id: string): Promise<CaseEntity> {
    return em.findOneByOrFail(CaseEntity, { id });
  }
}
