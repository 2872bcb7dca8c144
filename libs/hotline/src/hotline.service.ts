import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { findEnforcementUnit, findUnitNames } from '@app/auth';
import { StatutoryCalendar } from '@app/calendar';
import {
  ActorContext,
  allPages,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  ErrorDetail,
  FieldCipher,
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
import { EntityManager } from 'typeorm';
import {
  callerProblems,
  duplicateWindowStart,
  mergeDuplicates,
  nextSlaDue,
  normalizeIndustry,
  normalizeRespondentName,
  PossibleDuplicate,
  ticketDue,
  ticketReach,
  TicketViewer,
  ticketVisibleTo,
} from './domain';
import { HOTLINE_CENTRE_CODE, HotlineSettings } from './hotline-settings';
import { CreateTicketDto } from './http/dto/create-ticket.dto';
import { TicketQueryDto } from './http/dto/ticket-query.dto';
import { TicketCallerResponse, TicketEventResponse, TicketResponse } from './http/dto/ticket-response';
import { toTicketResponse } from './ticket.mapper';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketSearchText, TicketsRepository } from './persistence/tickets.repository';

/** AAD of the encrypted caller fields: a token copied into another column does not decrypt. */
export const CALLER_PHONE_AAD = 'hotline_tickets.caller_phone';
export const CALLER_ID_AAD = 'hotline_tickets.caller_id_number';

/** `12330-2026-000123` */
export function formatTicketNo(year: number, seq: number): string {
  return `12330-${year}-${String(seq).padStart(6, '0')}`;
}

@Injectable()
export class HotlineService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly numbering: NumberingService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(HotlineSettings) private readonly settings: HotlineSettings,
  ) {}

  /**
   * Intake: validates the caller and every identifier (each bad field named, nothing written), looks up likely
   * duplicates on the three indexed keys, computes its SLA due dates and numbers the ticket; one transaction.
   */
  async create(user: AuthUser, actor: ActorContext, dto: CreateTicketDto): Promise<TicketResponse> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const c = dto.caller;
    const problems: ErrorDetail[] = callerProblems(c, dto.category, dto.channel);
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
    if (dto.orgUnitCode !== undefined && !(await findEnforcementUnit(this.tickets.manager, dto.orgUnitCode)))
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
      const ticket = this.tickets.create(em, {
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
      await this.tickets.insert(em, ticket);
      await this.tickets.addEvent(em, {
        ticketId: id,
        at: now,
        actorId: user.id,
        action: 'create',
        orgUnitCode: ticket.orgUnitCode,
        fromStatus: null,
        toStatus: 'new',
        payload: { due, possibleDuplicates: duplicates.length },
      });
      // Gapless numbers serialise creations on one sequence row until commit: take the number last, so that only the
      // number, the update and the audit entry run while the row is locked.
      const year = Number(today.slice(0, 4));
      const seq = await this.numbering.next(em, { orgUnitCode: HOTLINE_CENTRE_CODE, year, kind: 'ticket' });
      const ticketNo = formatTicketNo(year, seq);
      await this.tickets.setNumber(em, id, ticketNo);
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

  /** Likely duplicates within the 30 days before `at` (the rule: domain/duplicate-rules.ts; the lookups: the repository). */
  async findDuplicates(
    em: EntityManager,
    keys: { respondentKey: string | null; patents: string[]; phoneIndex: string | null; at: Date },
  ): Promise<PossibleDuplicate[]> {
    if (!keys.respondentKey && !keys.patents.length && !keys.phoneIndex) return [];
    return mergeDuplicates(await this.tickets.duplicateHits(em, { ...keys, since: duplicateWindowStart(keys.at) }));
  }

  async get(user: AuthUser, id: string): Promise<TicketResponse> {
    const t = await this.load(this.tickets.manager, user, id);
    const [linked, duplicates] = await Promise.all([
      this.tickets.linkedCases(t.caseId ? [t.caseId] : []),
      this.openableDuplicates(user, [t]),
    ]);
    return toTicketResponse(t, {
      roles: user.roles,
      today: shanghaiDate(this.clock.now()),
      linkedCase: t.caseId ? linked.get(t.caseId) : null,
      possibleDuplicates: duplicates(t),
    });
  }

  /** The ticket, if the caller may see it; otherwise 404 as if it did not exist. */
  async load(em: EntityManager, user: AuthUser, id: string, lock = false): Promise<TicketEntity> {
    const t = await this.tickets.findVisible(em, user, id, lock);
    if (!t) throw DomainError.notFound('ticket');
    return t;
  }

  /** The hotline's scope rule (domain/ticket-scope.ts), for other services of the context. */
  canSee(viewer: TicketViewer, t: Pick<TicketEntity, 'orgUnitCode'>): boolean {
    return ticketVisibleTo(viewer, t);
  }

  async list(user: AuthUser, q: Omit<TicketQueryDto, 'limit'> & { limit?: number }): Promise<Page<TicketResponse>> {
    const limit = q.limit ?? 50;
    const now = this.clock.now();
    const today = shanghaiDate(now);
    let text: TicketSearchText | undefined;
    if (q.q) {
      const t = q.q.trim();
      const patent = parsePatentNumber(t, { now });
      const phone = validateCallerPhone(t);
      text = {
        text: t,
        like: `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
        respondentKey: normalizeRespondentName(t) ?? '',
        patent: patent.ok ? patent.normalized : '',
        phoneIndex: phone.ok ? this.settings.phoneIndex(phone.value) : '',
      };
    }
    const rows = await this.tickets.list(
      user,
      {
        status: q.status,
        category: q.category,
        channel: q.channel,
        orgUnitCode: q.orgUnitCode,
        caseId: q.caseId,
        createdFrom: q.createdFrom ? shanghaiDayStart(q.createdFrom) : undefined,
        createdBefore: q.createdTo ? shanghaiDayStart(addDays(q.createdTo, 1)) : undefined,
        overdue: q.overdue,
        text,
        sort: q.sort,
        after: decodeCursor(q.cursor, 2) ?? undefined,
      },
      limit,
      today,
    );
    const page = rows.slice(0, limit);
    const [linked, duplicates] = await Promise.all([
      this.tickets.linkedCases(page.map((r) => r.caseId).filter((x): x is string => x !== null)),
      this.openableDuplicates(user, page),
    ]);
    return toPage(
      rows,
      limit,
      (t) =>
        toTicketResponse(t, {
          roles: user.roles,
          today,
          linkedCase: t.caseId ? linked.get(t.caseId) : null,
          possibleDuplicates: duplicates(t),
        }),
      (t) => (q.sort === 'sla' ? [nextSlaDue(t) ?? '9999-12-31', t.id] : [t.createdAt.toISOString(), t.id]),
    );
  }

  /**
   * The duplicate hints a reader may follow: only tickets the reader may open (the same scope rule), so a hint never
   * names a ticket of another unit. Viewers who reach every ticket skip the lookup.
   */
  private async openableDuplicates(viewer: TicketViewer, rows: TicketEntity[]): Promise<(t: TicketEntity) => PossibleDuplicate[]> {
    const ids = rows.flatMap((t) => t.possibleDuplicates.map((d) => d.id));
    if (!ids.length || ticketReach(viewer).kind === 'all') return (t) => t.possibleDuplicates;
    const open = new Set((await this.tickets.visibleAmong(viewer, ids)).map((t) => t.id));
    return (t) => t.possibleDuplicates.filter((d) => open.has(d.id));
  }

  /** Every org unit's name by code, for the export. */
  unitNames(): Promise<Map<string, string>> {
    return findUnitNames(this.tickets.manager);
  }

  async events(user: AuthUser, id: string): Promise<TicketEventResponse[]> {
    await this.load(this.tickets.manager, user, id);
    return (await this.tickets.events(id)).map(toTimelineEvent);
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
}
