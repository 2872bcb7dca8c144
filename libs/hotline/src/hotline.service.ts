import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { findEnforcementUnit } from '@app/auth';
import { CaseCalendar, CaseEntity } from '@app/cases';
import {
  ActorContext,
  allPages,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  ErrorDetail,
  FieldCipher,
  inScope,
  maskPhone,
  maskResidentId,
  NumberingService,
  Page,
  parsePatentNumber,
  shanghaiDate,
  shanghaiDayStart,
  toPage,
  toTimelineEvent,
  TransactionRunner,
  validateCallerPhone,
  validateResidentId,
} from '@app/kernel';
import { addDays } from '@app/kernel/calendar';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { duplicateWindowStart, mergeDuplicates, normalizeIndustry, normalizeRespondentName, PossibleDuplicate, ticketDue } from './domain';
import { HOTLINE_CENTRE_CODE, HotlineSettings } from './hotline-settings';
import { CreateTicketDto } from './http/dto/create-ticket.dto';
import { TicketQueryDto } from './http/dto/ticket-query.dto';
import { TicketCallerResponse, TicketEventResponse, TicketResponse } from './http/dto/ticket-response';
import { LinkedCase, OVERDUE_SQL, toTicketResponse } from './ticket.mapper';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketEventEntity } from './persistence/ticket-event.entity';
import { TicketPatentEntity } from './persistence/ticket-patent.entity';

/** AAD of the encrypted caller fields: a token copied into another column does not decrypt. */
export const CALLER_PHONE_AAD = 'hotline_tickets.caller_phone';
export const CALLER_ID_AAD = 'hotline_tickets.caller_id_number';

/** `12330-2026-000123` */
export function formatTicketNo(year: number, seq: number): string {
  return `12330-${year}-${String(seq).padStart(6, '0')}`;
}

/** Units a ticket may be assigned to or converted for: the enforcement units (city bureau and districts). */
@Injectable()
export class HotlineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly numbering: NumberingService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly calendar: CaseCalendar,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  /**
   * Intake: validates the caller and every identifier (each bad field named, nothing written), looks up likely
   * duplicates on the three indexed keys, computes its SLA due dates and numbers the ticket; one transaction.
   */
  async create(user: AuthUser, actor: ActorContext, dto: CreateTicketDto): Promise<TicketResponse> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const problems: ErrorDetail[] = [];
    const c = dto.caller;
    if (c.anonymous) {
      if (dto.category !== 'report') problems.push({ field: 'caller.anonymous', message: 'only a report (举报) may be anonymous' });
      for (const f of ['name', 'phone', 'idNumber'] as const)
        if (c[f] !== undefined) problems.push({ field: `caller.${f}`, message: 'an anonymous caller leaves none' });
    } else {
      if (c.name === undefined) problems.push({ field: 'caller.name', message: 'is required unless the caller is anonymous' });
      if (c.phone === undefined && dto.channel === 'phone')
        problems.push({ field: 'caller.phone', message: 'is required for a phone call' });
    }
    let phone: string | null = null;
    if (c.phone !== undefined) {
      const r = validateCallerPhone(c.phone);
      if (r.ok) phone = r.value;
      else problems.push({ field: 'caller.phone', message: r.reason });
    }
    let idNumber: string | null = null;
    if (c.idNumber !== undefined) {
      const r = validateResidentId(c.idNumber, { now });
      if (r.ok) idNumber = r.value;
      else problems.push({ field: 'caller.idNumber', message: r.reason });
    }
    const patents: string[] = [];
    (dto.patentNumbers ?? []).forEach((n, i) => {
      const r = parsePatentNumber(n, { now });
      if (!r.ok) problems.push({ field: `patentNumbers.${i}`, message: r.reason });
      else if (!patents.includes(r.normalized)) patents.push(r.normalized);
    });
    if (dto.orgUnitCode !== undefined && !(await findEnforcementUnit(this.dataSource.manager, dto.orgUnitCode)))
      problems.push({ field: 'orgUnitCode', message: 'is not an enforcement unit' });
    // a district supervisor taking a call must give it to a unit of theirs: else the new ticket answers 404 to its author
    else if (!this.canSee(user, { orgUnitCode: dto.orgUnitCode ?? null }))
      problems.push({ field: 'orgUnitCode', message: 'must be a unit in your scope (you could not open the ticket otherwise)' });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

    const respondentKey = normalizeRespondentName(dto.respondentName);
    const phoneIndex = phone ? this.settings.phoneIndex(phone) : null;
    const due = ticketDue(this.calendar.current, this.settings.sla, dto.category, today);
    const id = randomUUID();
    await this.tx.run(async (em) => {
      const duplicates = await this.findDuplicates(em, { respondentKey, patents, phoneIndex, at: now });
      const ticket = em.create(TicketEntity, {
        id,
        // replaced by the real number below, in this transaction: no committed ticket ever carries it
        ticketNo: `pending:${id}`,
        channel: dto.channel,
        category: dto.category,
        status: 'new',
        callerAnonymous: c.anonymous ?? false,
        callerName: c.name?.trim() ?? null,
        callerOrganization: c.organization?.trim() ?? null,
        callerPhoneEnc: phone ? this.cipher.encrypt(phone, CALLER_PHONE_AAD) : null,
        callerPhoneMasked: phone ? maskPhone(phone) : null,
        callerPhoneIndex: phoneIndex,
        callerIdNumberEnc: idNumber ? this.cipher.encrypt(idNumber, CALLER_ID_AAD) : null,
        callerIdNumberMasked: idNumber ? maskResidentId(idNumber) : null,
        subject: dto.subject,
        description: dto.description,
        respondentName: dto.respondentName?.trim() ?? null,
        respondentKey,
        industry: dto.industry?.trim() ?? null,
        industryKey: normalizeIndustry(dto.industry),
        patentNumbers: patents,
        orgUnitCode: dto.orgUnitCode ?? null,
        firstResponseDue: due.firstResponse,
        resolutionDue: due.resolution,
        possibleDuplicates: duplicates,
        createdBy: user.id,
        createdAt: now,
      });
      // a plain INSERT (save() would first SELECT the preset id); jsonb columns defeat TypeORM's deep-partial type
      await em.insert(TicketEntity, ticket as QueryDeepPartialEntity<TicketEntity>);
      if (patents.length)
        await em.insert(
          TicketPatentEntity,
          patents.map((normalized) => ({ ticketId: id, normalized, createdAt: now })),
        );
      await em.save(
        em.create(TicketEventEntity, {
          ticketId: id,
          at: now,
          actorId: user.id,
          action: 'create',
          orgUnitCode: ticket.orgUnitCode,
          fromStatus: null,
          toStatus: 'new',
          payload: { due, possibleDuplicates: duplicates.length },
        }),
      );
      // Gapless numbers serialise creations on one sequence row until commit: take the number last, so that only the
      // number, the update and the audit entry run while the row is locked.
      const year = Number(today.slice(0, 4));
      const seq = await this.numbering.next(em, { orgUnitCode: HOTLINE_CENTRE_CODE, year, kind: 'ticket' });
      const ticketNo = formatTicketNo(year, seq);
      await em.update(TicketEntity, { id }, { ticketNo });
      await this.audit.write(em, actor, {
        action: 'ticket.created',
        entityType: 'ticket',
        entityId: id,
        orgUnitCode: ticket.orgUnitCode ?? HOTLINE_CENTRE_CODE,
        after: {
          ticketNo,
          channel: dto.channel,
          category: dto.category,
          // masks only: never a phone or ID number in clear in the audit trail
          caller: {
            name: ticket.callerName,
            phone: ticket.callerPhoneMasked,
            idNumber: ticket.callerIdNumberMasked,
            anonymous: ticket.callerAnonymous,
          },
          respondentName: ticket.respondentName,
          patentNumbers: patents,
          orgUnitCode: ticket.orgUnitCode,
          due,
          possibleDuplicates: duplicates,
        },
      });
    });
    return this.get(user, id);
  }

  /**
   * Likely duplicates within the 30 days before `at`: three lookups, each an index range scan — (respondent_key,
   * created_at), (normalized, created_at) of the patents, (caller_phone_index, created_at) — capped at 20 rows each.
   */
  async findDuplicates(
    em: EntityManager,
    keys: { respondentKey: string | null; patents: string[]; phoneIndex: string | null; at: Date },
  ): Promise<PossibleDuplicate[]> {
    if (!keys.respondentKey && !keys.patents.length && !keys.phoneIndex) return [];
    const rows = await em.query<{ id: string; ticket_no: string; reason: PossibleDuplicate['reason'] }[]>(
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
      [keys.respondentKey, keys.patents, keys.phoneIndex, duplicateWindowStart(keys.at)],
    );
    return mergeDuplicates(rows.map((r) => ({ id: r.id, ticketNo: r.ticket_no, reason: r.reason })));
  }

  async get(user: AuthUser, id: string): Promise<TicketResponse> {
    const t = await this.load(this.dataSource.manager, user, id);
    const linked = t.caseId ? await this.linkedCases([t.caseId]) : new Map<string, LinkedCase>();
    return toTicketResponse(t, {
      roles: user.roles,
      today: shanghaiDate(this.clock.now()),
      linkedCase: t.caseId ? linked.get(t.caseId) : null,
    });
  }

  /** The ticket, if the caller may see it; otherwise 404 as if it did not exist. */
  async load(em: EntityManager, user: AuthUser, id: string, lock = false): Promise<TicketEntity> {
    const t = await em.findOne(TicketEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!t || !this.canSee(user, t)) throw DomainError.notFound('ticket');
    return t;
  }

  /**
   * product.md "Data scope": operators see every ticket; a city-bureau supervisor (whole-city scope) too; officers and
   * district supervisors the tickets assigned to their unit.
   */
  canSee(user: AuthUser, t: Pick<TicketEntity, 'orgUnitCode'>): boolean {
    if (user.roles.includes('hotline_operator')) return true;
    if (!user.roles.includes('officer') && !user.roles.includes('supervisor')) return false;
    return inScope(user.scope, t.orgUnitCode);
  }

  async list(user: AuthUser, q: Omit<TicketQueryDto, 'limit'> & { limit?: number }): Promise<Page<TicketResponse>> {
    const limit = q.limit ?? 50;
    const today = shanghaiDate(this.clock.now());
    const qb = this.dataSource.getRepository(TicketEntity).createQueryBuilder('t');
    if (!user.roles.includes('hotline_operator') && !user.scope.allUnits)
      qb.andWhere('t.org_unit_code = ANY(:units)', { units: user.scope.unitCodes });
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.category) qb.andWhere('t.category = :category', { category: q.category });
    if (q.channel) qb.andWhere('t.channel = :channel', { channel: q.channel });
    if (q.orgUnitCode) qb.andWhere('t.org_unit_code = :unit', { unit: q.orgUnitCode });
    if (q.caseId) qb.andWhere('t.case_id = :caseId', { caseId: q.caseId });
    if (q.createdFrom) qb.andWhere('t.created_at >= :from', { from: shanghaiDayStart(q.createdFrom) });
    if (q.createdTo) qb.andWhere('t.created_at < :to', { to: shanghaiDayStart(addDays(q.createdTo, 1)) });
    if (q.overdue !== undefined) qb.andWhere(q.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`, { today });
    if (q.q) {
      const text = q.q.trim();
      const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const patent = parsePatentNumber(text, { now: this.clock.now() });
      const key = normalizeRespondentName(text);
      qb.andWhere(
        `(t.ticket_no = :text OR t.subject ILIKE :like OR t.respondent_name ILIKE :like OR t.respondent_key = :key
          OR t.id IN (SELECT ticket_id FROM hotline_ticket_patents WHERE normalized = :patent))`,
        { text, like, key: key ?? '', patent: patent.ok ? patent.normalized : '' },
      );
    }
    const cursor = decodeCursor(q.cursor, 2);
    if (cursor) qb.andWhere('(t.created_at, t.id) < (:cAt, :cId)', { cAt: cursor[0], cId: cursor[1] });
    const rows = await qb
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const linked = await this.linkedCases(rows.map((r) => r.caseId).filter((x): x is string => x !== null));
    return toPage(
      rows,
      limit,
      (t) => toTicketResponse(t, { roles: user.roles, today, linkedCase: t.caseId ? linked.get(t.caseId) : null }),
      (t) => [t.createdAt.toISOString(), t.id],
    );
  }

  async events(user: AuthUser, id: string): Promise<TicketEventResponse[]> {
    await this.load(this.dataSource.manager, user, id);
    const rows = await this.dataSource.getRepository(TicketEventEntity).find({ where: { ticketId: id }, order: { id: 'ASC' } });
    return rows.map(toTimelineEvent);
  }

  /** The caller unmasked: a sensitive read, audited (with masks only) in the same transaction as the read. */
  async unmaskedCaller(user: AuthUser, actor: ActorContext, id: string): Promise<TicketCallerResponse> {
    return this.tx.run(async (em) => {
      const t = await this.load(em, user, id);
      await this.audit.write(em, actor, {
        action: 'ticket.caller_viewed',
        entityType: 'ticket',
        entityId: t.id,
        orgUnitCode: t.orgUnitCode ?? HOTLINE_CENTRE_CODE,
        after: { ticketNo: t.ticketNo, phone: t.callerPhoneMasked, idNumber: t.callerIdNumberMasked },
      });
      return {
        name: t.callerName,
        phone: t.callerPhoneEnc ? this.cipher.decrypt(t.callerPhoneEnc, CALLER_PHONE_AAD) : null,
        idNumber: t.callerIdNumberEnc ? this.cipher.decrypt(t.callerIdNumberEnc, CALLER_ID_AAD) : null,
        organization: t.callerOrganization,
        anonymous: t.callerAnonymous,
      };
    });
  }

  /** The caller's decrypted phone and ID number, for a conversion inside the caller's transaction (never logged). */
  decryptCaller(t: TicketEntity): { phone: string | null; idNumber: string | null } {
    return {
      phone: t.callerPhoneEnc ? this.cipher.decrypt(t.callerPhoneEnc, CALLER_PHONE_AAD) : null,
      idNumber: t.callerIdNumberEnc ? this.cipher.decrypt(t.callerIdNumberEnc, CALLER_ID_AAD) : null,
    };
  }

  async auditExport(user: AuthUser, actor: ActorContext, filters: Record<string, unknown>): Promise<void> {
    await this.tx.run((em) => this.audit.writeExport(em, actor, { entityType: 'ticket', orgUnitCode: user.orgUnitCode, filters }));
  }

  /** Every ticket matching the filters, in pages of 200 (bounded memory), for the streamed export. */
  exportRows(user: AuthUser, q: Omit<TicketQueryDto, 'limit' | 'cursor'>): AsyncGenerator<TicketResponse> {
    return allPages((cursor) => this.list(user, { ...q, limit: 200, cursor }));
  }

  private async linkedCases(ids: string[]): Promise<Map<string, LinkedCase>> {
    if (!ids.length) return new Map();
    const cases = await this.dataSource.getRepository(CaseEntity).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, receiptNo: true, caseNo: true, status: true, orgUnitCode: true },
    });
    return new Map(
      cases.map((c) => [c.id, { id: c.id, receiptNo: c.receiptNo, caseNo: c.caseNo, status: c.status, orgUnitCode: c.orgUnitCode }]),
    );
  }
}
