import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { findEnforcementUnit } from '@app/auth';
import {
  ActorContext,
  allPages,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  ErrorDetail,
  formatNumber,
  hasAuthority,
  inScope,
  isCalendarDate,
  NumberingService,
  Page,
  shanghaiDate,
  toPage,
  toTimelineEvent,
  TransactionRunner,
} from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChangeRecorder } from './case-change.recorder';
import { CasePartyRows } from './case-party-rows';
import { toCaseResponse } from './case.mapper';
import { filingDecisionDue } from './domain/case-deadlines';
import { deadlineInForce } from './domain/deadline-in-force';
import { CaseViewer, caseVisibleTo } from './domain/case-scope';
import { MIN_SEARCH_LENGTH, searchTerm } from './domain/case-search';
import { CaseCountsResponse, CaseEventResponse, CaseResponse } from './http/dto/case-response';
import { CaseCountsQuery, CaseQueryDto } from './http/dto/case-query.dto';
import { CreateCaseDto } from './http/dto/create-case.dto';
import { CaseEntity } from './persistence/case.entity';
import { CasesRepository } from './persistence/cases.repository';

/** 收案号 template; 案号 and 文书编号 use the product's default template when filing and deciding. */
export const RECEIPT_NUMBER_TEMPLATE = '{unitAbbr}知收〔{year}〕{seq}号';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: CasesRepository,
    private readonly recorder: CaseChangeRecorder,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly numbering: NumberingService,
    private readonly rows: CasePartyRows,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
  ) {}

  /** 收案: validates every identifier, computes the filing-decision deadline, numbers the receipt; one transaction. */
  async intake(user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<CaseResponse> {
    const plan = await this.planIntake(this.dataSource.manager, user, dto);
    // A receipt number needs no gapless sequence (product.md: only 案号 and 文书编号 do), so it is taken in its own
    // statement before the transaction: concurrent intakes of one unit do not queue on the sequence row's lock for
    // the whole transaction. A failed write after this leaves a gap in the receipt numbers, nothing else.
    const seq = await this.numbering.reserve(this.dataSource.manager, plan.numberKey);
    // the case row as the INSERT returned it (defaults and timestamps); its parties and patents are the rows just written
    const c = await this.tx.run((em) => this.writeIntake(em, user, actor, dto, plan, seq));
    return toCaseResponse(c, [...plan.requesters, ...plan.respondents], plan.patents, {
      roles: user.roles,
      today: shanghaiDate(this.clock.now()),
    });
  }

  /**
   * Intake inside the caller's transaction (e.g. a hotline ticket converted into a case, linked in the same commit);
   * returns the new case's id. Validation errors are thrown before anything is written.
   */
  async intakeIn(em: EntityManager, user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<string> {
    const plan = await this.planIntake(em, user, dto);
    return (await this.writeIntake(em, user, actor, dto, plan, await this.numbering.next(em, plan.numberKey))).id;
  }

  /** Checks every field of an intake and works out what to write; reads only (the org unit). */
  private async planIntake(em: EntityManager, user: AuthUser, dto: CreateCaseDto) {
    const today = shanghaiDate(this.clock.now());
    const problems: ErrorDetail[] = [];
    if (!isCalendarDate(dto.receivedOn)) problems.push({ field: 'receivedOn', message: 'is not a real date' });
    else if (dto.receivedOn > today) problems.push({ field: 'receivedOn', message: 'cannot be in the future' });
    const requesters = this.rows.parties(dto.requesters, 'requester', 'requesters', problems);
    const respondents = this.rows.parties(dto.respondents, 'respondent', 'respondents', problems);
    const patents = this.rows.patents(dto.patents, 'patents', problems);
    if (dto.ecommerce === undefined && dto.source === 'ecommerce')
      problems.push({ field: 'ecommerce', message: 'is required for an e-commerce case' });
    const unit = await findEnforcementUnit(em, dto.orgUnitCode);
    if (!unit) {
      problems.push({ field: 'orgUnitCode', message: 'is not an enforcement unit' });
    } else if (!inScope(user.scope, unit.code) && !hasAuthority(user, 'intake_for_any_unit')) {
      problems.push({ field: 'orgUnitCode', message: 'is not a unit you may take in cases for' });
    }
    if (problems.length || !unit) {
      throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    }

    const due = filingDecisionDue(this.calendar.current, {
      type: dto.type,
      source: dto.source,
      receivedOn: dto.receivedOn,
      reportReceived: dto.reportReceived,
      fastTrack: dto.fastTrack,
    });
    const year = Number(today.slice(0, 4));
    return { unit, requesters, respondents, patents, due, numberKey: { orgUnitCode: unit.code, year, kind: 'receipt' } };
  }

  private async writeIntake(
    em: EntityManager,
    user: AuthUser,
    actor: ActorContext,
    dto: CreateCaseDto,
    plan: Awaited<ReturnType<CasesService['planIntake']>>,
    seq: number,
  ): Promise<CaseEntity> {
    const { unit, requesters, respondents, patents, due } = plan;
    const year = plan.numberKey.year;
    const receiptNo = formatNumber(RECEIPT_NUMBER_TEMPLATE, { unitAbbr: unit.abbr, year, seq });
    const saved = await this.repo.insert(
      em,
      {
        receiptNo,
        type: dto.type,
        source: dto.source,
        status: 'received',
        orgUnitCode: unit.code,
        receivedOn: dto.receivedOn,
        filingDecisionDue: due,
        summary: dto.summary,
        ftz: dto.ftz ?? false,
        fastTrack: dto.fastTrack ?? false,
        reportReceived: dto.reportReceived ?? false,
        ecommerce: dto.ecommerce ? { ...dto.ecommerce } : null,
        createdBy: user.id,
      },
      [...requesters, ...respondents],
      patents,
    );
    await this.recorder.record(em, user.id, actor, saved, {
      action: 'receive',
      auditAction: 'case.received',
      fromStatus: null,
      payload: { receiptNo },
      // names and masks only: never an ID number or phone in clear in the audit trail
      after: {
        receiptNo,
        type: dto.type,
        source: dto.source,
        receivedOn: dto.receivedOn,
        filingDecisionDue: due,
        requesters: requesters.map((p) => ({ name: p.name, uscc: p.uscc, idNumber: p.idNumberMasked })),
        respondents: respondents.map((p) => ({ name: p.name, uscc: p.uscc, idNumber: p.idNumberMasked })),
        patents: patents.map((p) => p.normalized),
      },
    });
    return saved;
  }

  /** A case the caller may see (domain/case-scope.ts); otherwise 404, as if it did not exist. */
  /** The case entity, when the user may see it (404 otherwise). */
  async visibleEntity(user: AuthUser, id: string): Promise<CaseEntity> {
    const c = await this.repo.findVisible(user, id);
    if (!c) throw DomainError.notFound('case');
    return c;
  }

  async get(user: AuthUser, id: string): Promise<CaseResponse> {
    const found = await this.repo.findVisibleWithParties(user, id);
    if (!found) throw DomainError.notFound('case');
    return toCaseResponse(found.case, found.parties, found.patents, { roles: user.roles, today: shanghaiDate(this.clock.now()) });
  }

  async list(user: AuthUser, q: CaseQueryDto): Promise<Page<CaseResponse>> {
    const limit = q.limit ?? 50;
    const today = shanghaiDate(this.clock.now());
    const search = q.q ? searchTerm(q.q, this.clock.now()) : undefined;
    if (search && [...search.text].length < MIN_SEARCH_LENGTH)
      throw DomainError.validation('q', `must be at least ${MIN_SEARCH_LENGTH} characters`);
    const cursor = decodeCursor(q.cursor, 2);
    const byDeadline = q.sort === 'deadline';
    const rows = await this.repo.list(
      user,
      {
        assignedTo: q.assignedTo === 'me' ? user.id : q.assignedTo,
        dueBefore: q.dueBefore,
        sort: q.sort,
        status: q.status,
        type: q.type,
        orgUnitCode: q.orgUnitCode,
        filedFrom: q.filedFrom,
        filedTo: q.filedTo,
        overdue: q.overdue,
        after: cursor ? [cursor[0], cursor[1]] : undefined,
        search,
      },
      limit,
      today,
    );
    const [parties, patents] = await this.repo.partiesAndPatents(rows.slice(0, limit).map((r) => r.id));
    return toPage(
      rows,
      limit,
      (c) =>
        toCaseResponse(
          c,
          parties.filter((p) => p.caseId === c.id),
          patents.filter((p) => p.caseId === c.id),
          { roles: user.roles, today },
        ),
      (c) => (byDeadline ? [deadlineInForce(c) ?? '9999-12-31', c.id] : [c.createdAt.toISOString(), c.id]),
    );
  }

  /** List headers: kept counts in the caller's scope (or one unit of it), by status, type or unit. */
  async counts(user: AuthUser, q: CaseCountsQuery): Promise<CaseCountsResponse> {
    if (q.orgUnitCode && !inScope(user.scope, q.orgUnitCode)) throw DomainError.notFound('org unit');
    const units = q.orgUnitCode ? [q.orgUnitCode] : user.scope.allUnits ? null : user.scope.unitCodes;
    const groupBy = q.groupBy ?? 'status';
    const rows = await this.repo.counts(units);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = groupBy === 'status' ? r.status : groupBy === 'type' ? r.type : r.orgUnitCode;
      counts.set(key, (counts.get(key) ?? 0) + r.n);
    }
    return {
      groupBy,
      total: rows.reduce((sum, r) => sum + r.n, 0),
      counts: [...counts].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
    };
  }

  /** The timeline of a case the caller may see, oldest first. */
  async events(user: AuthUser, id: string): Promise<CaseEventResponse[]> {
    await this.get(user, id);
    return (await this.repo.events(id)).map(toTimelineEvent);
  }

  /**
   * A party's phone and ID number unmasked, for an officer working the case: a sensitive read, audited (masks and the
   * reason only) in the same transaction as the read.
   */
  async partyContact(
    user: AuthUser,
    actor: ActorContext,
    id: string,
    role: 'requester' | 'respondent',
    ordinal: number,
    reason: string | undefined,
  ): Promise<{ name: string; idNumber: string | null; phone: string | null }> {
    return this.tx.run(async (em) => {
      const c = await this.repo.findVisible(user, id, em);
      const p = c && (await this.repo.party(em, c.id, role, ordinal));
      if (!c || !p) throw DomainError.notFound('party');
      await this.audit.write(em, actor, {
        action: 'case.party_unmasked',
        entityType: 'case',
        entityId: c.id,
        orgUnitCode: c.orgUnitCode,
        after: { role, ordinal, name: p.name, idNumber: p.idNumberMasked, phone: p.phoneMasked, reason: reason ?? null },
      });
      return { name: p.name, ...this.rows.unmask(p) };
    });
  }

  unitNames(): Promise<Map<string, string>> {
    return this.repo.unitNames();
  }

  /** Records the export (a sensitive read) in the audit trail before any row leaves. */
  async auditExport(user: AuthUser, actor: ActorContext, filters: Record<string, unknown>): Promise<void> {
    await this.tx.run((em) => this.audit.writeExport(em, actor, { entityType: 'case', orgUnitCode: user.orgUnitCode, filters }));
  }

  /** Every case matching the list filters, in pages of 200, for streaming exports (bounded memory). */
  exportRows(user: AuthUser, q: Omit<CaseQueryDto, 'limit' | 'cursor'>): AsyncGenerator<CaseResponse> {
    return allPages((cursor) => this.list(user, { ...q, limit: 200, cursor }));
  }

  /** The cases' one scope rule (domain/case-scope.ts), for other contexts that hold a case row. */
  canSee(viewer: CaseViewer, c: CaseEntity): boolean {
    return caseVisibleTo(viewer, c);
  }
}
