import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, decodeCursor, inScope, timelineEvents, TimelineEventRow } from '@app/kernel';
import { DataSource, EntityManager, In, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AWAITING_REPLY_IN, AWAITING_REPLY_OUT, OPEN_OUT_STATUSES, TransferDirection, TransferKind } from '../domain/transfer-types';
import { ExchangeNonceEntity } from './exchange-nonce.entity';
import { LiaisonEntity } from './liaison.entity';
import { PartnerEntity } from './partner.entity';
import { ReferralEntity } from './referral.entity';
import { TransferEventEntity } from './transfer-event.entity';
import { TransferFileEntity } from './transfer-file.entity';
import { TransferMessageEntity } from './transfer-message.entity';
import { TransferEntity } from './transfer.entity';

/**
 * The context's one scope rule: a transfer, liaison or referral belongs to an org unit (the case's, or the unit an
 * inbound request was routed to); a user sees it when that unit is in their data scope (admins and city-bureau
 * supervisors: all). `visibleTo` is the rule in SQL for every list and count, `canSee` the same rule for a loaded row;
 * a row outside it answers 404 like a missing one.
 */
export function visibleTo(user: AuthUser, alias: string): { sql: string; params: Record<string, unknown> } {
  if (user.scope.allUnits) return { sql: 'true', params: {} };
  return { sql: `${alias}.org_unit_code = ANY(:scopeUnits)`, params: { scopeUnits: user.scope.unitCodes } };
}

export function canSee(user: AuthUser, row: { orgUnitCode: string }): boolean {
  return inScope(user.scope, row.orgUnitCode);
}

export interface AwaitingTransferRow {
  id: string;
  kind: string;
  caseId: string | null;
  label: string | null;
  orgUnitCode: string;
  orgUnitName: string;
  partnerCode: string;
  partnerName: string | null;
  reason: string;
  requestedItems: string[];
  requestedAt: Date;
  requestedById: string | null;
  requestedByName: string | null;
  version: number;
}

export interface TransferFilters {
  direction?: TransferDirection;
  status?: string;
  kind?: string;
  caseId?: string;
  overdue?: boolean;
  today: string;
  limit: number;
  cursor?: string;
}

export interface DueRow {
  id: string;
  orgUnitCode: string;
  due: string;
  remindedFor: string | null;
  escalatedFor: string | null;
}

function scoped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, alias: string): SelectQueryBuilder<T> {
  const v = visibleTo(user, alias);
  return qb.andWhere(v.sql, v.params);
}

function pageAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, cursor: string | undefined, limit: number) {
  const c = decodeCursor(cursor, 2);
  if (c) qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:cAt, :cId)`, { cAt: c[0], cId: c[1] });
  return qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1)
    .getMany();
}

@Injectable()
export class TransfersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  // partners
  partner(code: string, em: EntityManager = this.manager): Promise<PartnerEntity | null> {
    return em.findOneBy(PartnerEntity, { code });
  }

  lockPartner(em: EntityManager, code: string): Promise<PartnerEntity | null> {
    return em.findOne(PartnerEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  partners(): Promise<PartnerEntity[]> {
    return this.manager.find(PartnerEntity, { order: { code: 'ASC' } });
  }

  newPartner(values: Partial<PartnerEntity>): PartnerEntity {
    return this.manager.create(PartnerEntity, values);
  }

  async savePartner(em: EntityManager, p: PartnerEntity): Promise<PartnerEntity> {
    return em.save(p);
  }

  /** Demo partners from the org units of kind `partner` (inactive, no endpoint): once, never overwriting. */
  async seedPartnersFromOrgUnits(em: EntityManager, replyDueWorkingDays: number): Promise<number> {
    const rows = await em.query<unknown[]>(
      `INSERT INTO exchange_partners (code, name, reply_due_working_days)
       SELECT code, name, $1 FROM org_units WHERE kind = 'partner' ON CONFLICT (code) DO NOTHING RETURNING code`,
      [replyDueWorkingDays],
    );
    return rows.length;
  }

  /** The bureau (where inbound requests without a known target unit are routed: its intake). */
  bureau(em: EntityManager): Promise<{ code: string }[]> {
    return em.query(`SELECT code FROM org_units WHERE kind = 'bureau' ORDER BY parent_code NULLS FIRST, code LIMIT 1`);
  }

  // transfers
  newTransfer(values: Partial<TransferEntity>): TransferEntity {
    return this.manager.create(TransferEntity, values);
  }

  saveTransfer(em: EntityManager, t: TransferEntity): Promise<TransferEntity> {
    return em.save(t);
  }

  lockTransfer(em: EntityManager, id: string): Promise<TransferEntity | null> {
    return em.findOne(TransferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  transfer(id: string, em: EntityManager = this.manager): Promise<TransferEntity | null> {
    return em.findOneBy(TransferEntity, { id });
  }

  /** A transfer the user may see, or null (missing and out of scope look the same). */
  async visibleTransfer(user: AuthUser, id: string): Promise<TransferEntity | null> {
    const t = await this.transfer(id);
    return t && canSee(user, t) ? t : null;
  }

  /** An inbound transfer by the sender's id, locked (receipt and duplicates of one dossier serialise on it). */
  inboundByExchange(em: EntityManager, partnerCode: string, exchangeId: string, lock = false): Promise<TransferEntity | null> {
    return em.findOne(TransferEntity, {
      where: { direction: 'in', partnerCode, exchangeId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The open outbound transfer of a case and kind, if any. */
  openOutbound(em: EntityManager, caseId: string, kind: TransferKind): Promise<TransferEntity | null> {
    return em.findOneBy(TransferEntity, { direction: 'out', caseId, kind, status: In([...OPEN_OUT_STATUSES]) });
  }

  async listTransfers(user: AuthUser, f: TransferFilters): Promise<TransferEntity[]> {
    const qb = scoped(this.manager.getRepository(TransferEntity).createQueryBuilder('t'), user, 't');
    if (f.direction) qb.andWhere('t.direction = :direction', { direction: f.direction });
    if (f.status) qb.andWhere('t.status = :status', { status: f.status });
    if (f.kind) qb.andWhere('t.kind = :kind', { kind: f.kind });
    if (f.caseId) qb.andWhere('t.case_id = :caseId', { caseId: f.caseId });
    if (f.overdue !== undefined) {
      const overdue = `((t.direction = 'out' AND t.status IN (:...awOut)) OR (t.direction = 'in' AND t.status IN (:...awIn))) AND t.reply_due < :today`;
      qb.andWhere(f.overdue ? `(${overdue})` : `NOT (${overdue})`, {
        awOut: [...AWAITING_REPLY_OUT],
        awIn: [...AWAITING_REPLY_IN],
        today: f.today,
      });
    }
    return pageAfter(qb, 't', f.cursor, f.limit);
  }

  /** Outbound requests waiting for a supervisor's approval in the user's scope, oldest first (the approval inbox). */
  awaitingApproval(user: AuthUser, limit: number): Promise<AwaitingTransferRow[]> {
    return scoped(this.manager.getRepository(TransferEntity).createQueryBuilder('t'), user, 't')
      .select(['t.id AS id', 't.kind AS kind', 't.case_id AS "caseId"', 'coalesce(c.case_no, c.receipt_no) AS label'])
      .addSelect(['t.org_unit_code AS "orgUnitCode"', 'o.name AS "orgUnitName"', 't.partner_code AS "partnerCode"'])
      .addSelect(['p.name AS "partnerName"', 't.reason AS reason', 't.requested_items AS "requestedItems"'])
      .addSelect(['t.created_at AS "requestedAt"', 't.requested_by AS "requestedById"', 'u.display_name AS "requestedByName"'])
      .addSelect('t.version', 'version')
      .innerJoin('org_units', 'o', 'o.code = t.org_unit_code')
      .leftJoin('cases', 'c', 'c.id = t.case_id')
      .leftJoin('exchange_partners', 'p', 'p.code = t.partner_code')
      .leftJoin('users', 'u', 'u.id = t.requested_by')
      .andWhere(`t.direction = 'out' AND t.status = 'requested'`)
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit)
      .getRawMany<AwaitingTransferRow>();
  }

  insertEvent(em: EntityManager, e: Omit<TransferEventEntity, 'id'>): Promise<unknown> {
    return em.save(em.create(TransferEventEntity, e));
  }

  /** The timeline of a transfer, oldest first, with each actor's display name (people read names, not ids). */
  events(transferId: string): Promise<Required<TimelineEventRow>[]> {
    return timelineEvents(this.manager, 'transfer_events', transferId);
  }

  /** Transfers waiting for a reply whose reminder or escalation may be due (the sweep decides which). */
  awaitingReply(em: EntityManager, remindFrom: string, limit: number): Promise<(DueRow & { direction: TransferDirection })[]> {
    return em.query(
      `SELECT id, direction, org_unit_code AS "orgUnitCode", to_char(reply_due, 'YYYY-MM-DD') AS due,
              to_char(reminded_for, 'YYYY-MM-DD') AS "remindedFor", to_char(escalated_for, 'YYYY-MM-DD') AS "escalatedFor"
         FROM transfers
        WHERE ((direction = 'out' AND status = ANY($1)) OR (direction = 'in' AND status = ANY($2)))
          AND reply_due IS NOT NULL AND reply_due <= $3 AND escalated_for IS DISTINCT FROM reply_due
        ORDER BY reply_due LIMIT $4 FOR UPDATE SKIP LOCKED`,
      [[...AWAITING_REPLY_OUT], [...AWAITING_REPLY_IN], remindFrom, limit],
    );
  }

  markAlerted(em: EntityManager, table: 'transfers' | 'case_liaisons', id: string, column: 'reminded_for' | 'escalated_for', due: string) {
    return em.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [id, due]);
  }

  /** Outbound deliveries and status messages left unsent (lost jobs): ids to enqueue again. */
  stuckDeliveries(em: EntityManager, olderThanMs: number): Promise<{ id: string }[]> {
    return em.query(
      `SELECT id FROM transfers WHERE direction = 'out' AND status IN ('approved', 'sending')
          AND updated_at < now() - $1 * interval '1 millisecond' LIMIT 200`,
      [olderThanMs],
    );
  }

  // files
  newFile(values: Partial<TransferFileEntity>): TransferFileEntity {
    return this.manager.create(TransferFileEntity, values);
  }

  saveFile(em: EntityManager, f: TransferFileEntity): Promise<TransferFileEntity> {
    return em.save(f);
  }

  files(transferId: string, em: EntityManager = this.manager): Promise<TransferFileEntity[]> {
    return em.find(TransferFileEntity, { where: { transferId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  file(transferId: string, id: string): Promise<TransferFileEntity | null> {
    return this.manager.findOneBy(TransferFileEntity, { transferId, id });
  }

  unfetched(transferId: string): Promise<TransferFileEntity[]> {
    return this.manager.find(TransferFileEntity, { where: { transferId, source: 'remote', storageKey: IsNull() }, order: { id: 'ASC' } });
  }

  setFetched(id: string, storageKey: string, sha256: string): Promise<unknown> {
    return this.manager.query('UPDATE transfer_files SET storage_key = $2, fetched_sha256 = $3 WHERE id = $1 AND storage_key IS NULL', [
      id,
      storageKey,
      sha256,
    ]);
  }

  // messages
  newMessage(values: Partial<TransferMessageEntity>): TransferMessageEntity {
    return this.manager.create(TransferMessageEntity, values);
  }

  saveMessage(em: EntityManager, m: TransferMessageEntity): Promise<TransferMessageEntity> {
    return em.save(m);
  }

  lockMessage(em: EntityManager, id: string): Promise<TransferMessageEntity | null> {
    return em.findOne(TransferMessageEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  inboundMessage(em: EntityManager, messageId: string): Promise<TransferMessageEntity | null> {
    return em.findOneBy(TransferMessageEntity, { direction: 'in', messageId });
  }

  // nonces
  /** Records a nonce of a verified signature; false when the partner used it before (a replay). */
  async claimNonce(partnerCode: string, nonce: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      'INSERT INTO exchange_nonces (partner_code, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce',
      [partnerCode, nonce],
    );
    return rows.length === 1;
  }

  /** Drops nonces older than the signature window (a signature that old is refused for its `created` anyway). */
  purgeNonces(olderThanSeconds: number): Promise<unknown> {
    return this.manager.query(`DELETE FROM exchange_nonces WHERE seen_at < now() - $1 * interval '1 second'`, [olderThanSeconds]);
  }

  nonceCount(): Promise<number> {
    return this.manager.count(ExchangeNonceEntity);
  }

  // liaisons
  newLiaison(values: Partial<LiaisonEntity>): LiaisonEntity {
    return this.manager.create(LiaisonEntity, values);
  }

  saveLiaison(em: EntityManager, l: LiaisonEntity): Promise<LiaisonEntity> {
    return em.save(l);
  }

  lockLiaison(em: EntityManager, id: string): Promise<LiaisonEntity | null> {
    return em.findOne(LiaisonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async visibleLiaison(user: AuthUser, id: string): Promise<LiaisonEntity | null> {
    const l = await this.manager.findOneBy(LiaisonEntity, { id });
    return l && canSee(user, l) ? l : null;
  }

  listLiaisons(
    user: AuthUser,
    f: {
      caseId?: string;
      channel?: string;
      status?: string;
      open?: boolean;
      overdue?: boolean;
      today: string;
      limit: number;
      cursor?: string;
    },
  ): Promise<LiaisonEntity[]> {
    const qb = scoped(this.manager.getRepository(LiaisonEntity).createQueryBuilder('l'), user, 'l');
    if (f.caseId) qb.andWhere('l.case_id = :caseId', { caseId: f.caseId });
    if (f.channel) qb.andWhere('l.channel = :channel', { channel: f.channel });
    if (f.status) qb.andWhere('l.status = :status', { status: f.status });
    if (f.open !== undefined) qb.andWhere(f.open ? "l.status = 'open'" : "l.status <> 'open'");
    if (f.overdue !== undefined) {
      const overdue = "(l.status = 'open' AND l.reply_due < :today)";
      qb.andWhere(f.overdue ? overdue : `NOT ${overdue}`, { today: f.today });
    }
    return pageAfter(qb, 'l', f.cursor, f.limit);
  }

  liaisonsDue(em: EntityManager, remindFrom: string, limit: number): Promise<(DueRow & { caseId: string })[]> {
    return em.query(
      `SELECT id, case_id AS "caseId", org_unit_code AS "orgUnitCode", to_char(reply_due, 'YYYY-MM-DD') AS due,
              to_char(reminded_for, 'YYYY-MM-DD') AS "remindedFor", to_char(escalated_for, 'YYYY-MM-DD') AS "escalatedFor"
         FROM case_liaisons WHERE status = 'open' AND reply_due <= $1 AND escalated_for IS DISTINCT FROM reply_due
        ORDER BY reply_due LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [remindFrom, limit],
    );
  }

  // referrals
  newReferral(values: Partial<ReferralEntity>): ReferralEntity {
    return this.manager.create(ReferralEntity, values);
  }

  saveReferral(em: EntityManager, r: ReferralEntity): Promise<ReferralEntity> {
    return em.save(r);
  }

  lockReferral(em: EntityManager, id: string): Promise<ReferralEntity | null> {
    return em.findOne(ReferralEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async visibleReferral(user: AuthUser, id: string): Promise<ReferralEntity | null> {
    const r = await this.manager.findOneBy(ReferralEntity, { id });
    return r && canSee(user, r) ? r : null;
  }

  listReferrals(
    user: AuthUser,
    f: { route?: string; status?: string; ftz?: boolean; caseId?: string; limit: number; cursor?: string },
  ): Promise<ReferralEntity[]> {
    const qb = scoped(this.manager.getRepository(ReferralEntity).createQueryBuilder('r'), user, 'r');
    if (f.route) qb.andWhere('r.route = :route', { route: f.route });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.ftz !== undefined) qb.andWhere('r.ftz = :ftz', { ftz: f.ftz });
    if (f.caseId) qb.andWhere('r.case_id = :caseId', { caseId: f.caseId });
    return pageAfter(qb, 'r', f.cursor, f.limit);
  }

  /** Referrals by route, FTZ flag and outcome over referral dates, in the user's scope (the same rule as the lists). */
  referralSummary(
    user: AuthUser,
    f: { from: string; to: string },
  ): Promise<{ route: string; ftz: boolean; outcome: string | null; n: number }[]> {
    const qb = scoped(this.manager.getRepository(ReferralEntity).createQueryBuilder('r'), user, 'r')
      .select('r.route', 'route')
      .addSelect('r.ftz', 'ftz')
      .addSelect('r.outcome', 'outcome')
      .addSelect('count(*)::int', 'n')
      .andWhere('r.referred_on BETWEEN :from AND :to', f)
      .groupBy('r.route')
      .addGroupBy('r.ftz')
      .addGroupBy('r.outcome')
      .orderBy('r.route');
    return qb.getRawMany();
  }
}
