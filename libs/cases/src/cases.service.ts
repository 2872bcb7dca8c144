import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@app/audit';
import { OrgUnitEntity } from '@app/auth';
import {
  ActorContext,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  ErrorDetail,
  FieldCipher,
  formatNumber,
  inScope,
  isCalendarDate,
  maskPhone,
  maskResidentId,
  NumberingService,
  Page,
  parsePatentNumber,
  shanghaiDate,
  toPage,
  TransactionRunner,
  validateResidentId,
  validateUscc,
} from '@app/kernel';
import { DataSource, EntityManager, In } from 'typeorm';
import { CaseCalendar } from './calendar/case-calendar';
import { CaseChangeHooks } from './case-change.hooks';
import { toCaseResponse } from './case.mapper';
import { filingDecisionDue } from './domain/case-deadlines';
import { CaseEventResponse, CaseResponse } from './http/dto/case-response';
import { CaseQueryDto } from './http/dto/case-query.dto';
import { CreateCaseDto, PartyDto } from './http/dto/create-case.dto';
import { CaseEntity } from './persistence/case.entity';
import { CaseEventEntity } from './persistence/case-event.entity';
import { CasePartyEntity } from './persistence/case-party.entity';
import { CasePatentEntity } from './persistence/case-patent.entity';

/** 收案号 template; 案号 and 文书编号 use the product's default template when filing and deciding. */
export const RECEIPT_NUMBER_TEMPLATE = '{unitAbbr}知收〔{year}〕{seq}号';

type PartyRow = Omit<CasePartyEntity, 'id' | 'caseId' | 'case'>;

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly numbering: NumberingService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly calendar: CaseCalendar,
    private readonly hooks: CaseChangeHooks,
  ) {}

  /** 收案: validates every identifier, computes the filing-decision deadline, numbers the receipt; one transaction. */
  async intake(user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<CaseResponse> {
    const id = await this.tx.run((em) => this.intakeIn(em, user, actor, dto));
    return this.get(user, id);
  }

  /**
   * Intake inside the caller's transaction (e.g. a hotline ticket converted into a case, linked in the same commit);
   * returns the new case's id. Validation errors are thrown before anything is written.
   */
  async intakeIn(em: EntityManager, user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<string> {
    const today = shanghaiDate(this.clock.now());
    const problems: ErrorDetail[] = [];
    if (!isCalendarDate(dto.receivedOn)) problems.push({ field: 'receivedOn', message: 'is not a real date' });
    else if (dto.receivedOn > today) problems.push({ field: 'receivedOn', message: 'cannot be in the future' });
    const requesters = dto.requesters.map((p, i) => this.partyRow(p, 'requester', i, `requesters.${i}`, problems));
    const respondents = dto.respondents.map((p, i) => this.partyRow(p, 'respondent', i, `respondents.${i}`, problems));
    const patents = dto.patents.map((p, i) => {
      const parsed = parsePatentNumber(p.number, { now: this.clock.now() });
      if (!parsed.ok) {
        problems.push({ field: `patents.${i}.number`, message: parsed.reason });
        return null;
      }
      return { ordinal: i, number: p.number.trim(), normalized: parsed.normalized, kind: parsed.kind, title: p.title ?? null };
    });
    if (dto.ecommerce === undefined && dto.source === 'ecommerce')
      problems.push({ field: 'ecommerce', message: 'is required for an e-commerce case' });
    const unit = await em.getRepository(OrgUnitEntity).findOneBy({ code: dto.orgUnitCode });
    if (!unit || (unit.kind !== 'district' && unit.kind !== 'bureau')) {
      problems.push({ field: 'orgUnitCode', message: 'is not an enforcement unit' });
    } else if (!inScope(user.scope, unit.code)) {
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
    {
      const year = Number(today.slice(0, 4));
      const seq = await this.numbering.next(em, { orgUnitCode: unit.code, year, kind: 'receipt' });
      const receiptNo = formatNumber(RECEIPT_NUMBER_TEMPLATE, { unitAbbr: unit.abbr, year, seq });
      const saved = await em.save(
        em.create(CaseEntity, {
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
        }),
      );
      await em.insert(
        CasePartyEntity,
        [...requesters, ...respondents].map((p) => ({ ...p, caseId: saved.id })),
      );
      if (patents.length)
        await em.insert(
          CasePatentEntity,
          patents.map((p) => ({ ...p!, caseId: saved.id })),
        );
      await em.insert(CaseEventEntity, {
        caseId: saved.id,
        at: this.clock.now(),
        actorId: user.id,
        action: 'receive',
        fromStatus: null,
        toStatus: 'received',
        payload: { receiptNo },
      });
      await this.audit.write(em, actor, {
        action: 'case.received',
        entityType: 'case',
        entityId: saved.id,
        orgUnitCode: unit.code,
        // names and masks only: never an ID number or phone in clear in the audit trail
        after: {
          receiptNo,
          type: dto.type,
          source: dto.source,
          receivedOn: dto.receivedOn,
          filingDecisionDue: due,
          requesters: requesters.map((p) => ({ name: p.name, uscc: p.uscc, idNumber: p.idNumberMasked })),
          respondents: respondents.map((p) => ({ name: p.name, uscc: p.uscc, idNumber: p.idNumberMasked })),
          patents: patents.map((p) => p!.normalized),
        },
      });
      await this.hooks.emit(em, {
        case: saved,
        action: 'receive',
        fromStatus: null,
        toStatus: saved.status,
        at: this.clock.now(),
        actorId: user.id,
        payload: { receiptNo },
      });
      return saved.id;
    }
  }

  /** A case the caller may see (their unit's, or one they are assigned to); otherwise 404, as if it did not exist. */
  async get(user: AuthUser, id: string): Promise<CaseResponse> {
    const c = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (!c || !this.canSee(user, c)) throw DomainError.notFound('case');
    const [parties, patents] = await Promise.all([
      this.dataSource.getRepository(CasePartyEntity).findBy({ caseId: id }),
      this.dataSource.getRepository(CasePatentEntity).findBy({ caseId: id }),
    ]);
    return toCaseResponse(c, parties, patents, { roles: user.roles, today: shanghaiDate(this.clock.now()) });
  }

  async list(user: AuthUser, q: CaseQueryDto): Promise<Page<CaseResponse>> {
    const limit = q.limit ?? 50;
    const today = shanghaiDate(this.clock.now());
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if (!user.scope.allUnits)
      qb.andWhere('(c.org_unit_code = ANY(:units) OR :uid = ANY(c.assigned_officer_ids))', { units: user.scope.unitCodes, uid: user.id });
    qb.andWhere('NOT (:me = ANY(c.recused_officer_ids))', { me: user.id });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    if (q.orgUnitCode) qb.andWhere('c.org_unit_code = :unit', { unit: q.orgUnitCode });
    if (q.filedFrom) qb.andWhere('c.filed_on >= :filedFrom', { filedFrom: q.filedFrom });
    if (q.filedTo) qb.andWhere('c.filed_on <= :filedTo', { filedTo: q.filedTo });
    if (q.overdue !== undefined) {
      const overdueSql = `(NOT c.suspended AND CASE
          WHEN c.status = 'received' THEN c.filing_decision_due < :today
          WHEN c.status IN ('not_filed', 'closed', 'transferred_out') THEN false
          ELSE coalesce(c.extended_closing_due, c.closing_due) < :today END)`;
      qb.andWhere(q.overdue ? overdueSql : `NOT ${overdueSql}`, { today });
    }
    if (q.q) {
      // Each arm can use its own trigram index; the union of matching case ids drives the query, not a scan.
      const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        `c.id IN (SELECT id FROM cases WHERE receipt_no ILIKE :like OR case_no ILIKE :like
                  UNION SELECT case_id FROM case_parties WHERE name ILIKE :like OR uscc ILIKE :like
                  UNION SELECT case_id FROM case_patents WHERE normalized ILIKE :like OR number ILIKE :like)`,
        { like },
      );
    }
    const cursor = decodeCursor(q.cursor, 2);
    if (cursor) qb.andWhere('(c.created_at, c.id) < (:cAt, :cId)', { cAt: cursor[0], cId: cursor[1] });
    const rows = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const ids = rows.slice(0, limit).map((r) => r.id);
    const [parties, patents] = ids.length
      ? await Promise.all([
          this.dataSource.getRepository(CasePartyEntity).findBy({ caseId: In(ids) }),
          this.dataSource.getRepository(CasePatentEntity).findBy({ caseId: In(ids) }),
        ])
      : [[], []];
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
      (c) => [c.createdAt.toISOString(), c.id],
    );
  }

  /** The timeline of a case the caller may see, oldest first. */
  async events(user: AuthUser, id: string): Promise<CaseEventResponse[]> {
    await this.get(user, id);
    const rows = await this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId: id }, order: { id: 'ASC' } });
    return rows.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actorId: e.actorId,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      payload: e.payload,
    }));
  }

  /** Records the export (a sensitive read) in the audit trail before any row leaves. */
  async auditExport(user: AuthUser, actor: ActorContext, filters: Record<string, unknown>): Promise<void> {
    await this.tx.run((em) =>
      this.audit.write(em, actor, {
        action: 'case.exported',
        entityType: 'case',
        entityId: '*',
        orgUnitCode: user.orgUnitCode,
        after: { filters },
      }),
    );
  }

  /** Every case matching the list filters, in pages of 200, for streaming exports (bounded memory). */
  async *exportRows(user: AuthUser, q: Omit<CaseQueryDto, 'limit' | 'cursor'>): AsyncGenerator<CaseResponse> {
    let cursor: string | undefined;
    do {
      const page = await this.list(user, { ...q, limit: 200, cursor });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** Officers see their unit's cases and the ones they are assigned to; supervisors their scope. */
  canSee(user: AuthUser, c: CaseEntity): boolean {
    if (c.recusedOfficerIds.includes(user.id)) return false;
    return inScope(user.scope, c.orgUnitCode) || c.assignedOfficerIds.includes(user.id);
  }

  private partyRow(p: PartyDto, role: 'requester' | 'respondent', ordinal: number, path: string, problems: ErrorDetail[]): PartyRow {
    let uscc: string | null = null;
    let idNumberEnc: string | null = null;
    let idNumberMasked: string | null = null;
    if (p.uscc !== undefined) {
      if (p.kind !== 'organization') problems.push({ field: `${path}.uscc`, message: 'only organisations have a USCC' });
      const r = validateUscc(p.uscc);
      if (r.ok) uscc = r.value;
      else problems.push({ field: `${path}.uscc`, message: r.reason });
    }
    if (p.idNumber !== undefined) {
      if (p.kind !== 'individual') problems.push({ field: `${path}.idNumber`, message: 'only individuals have an ID number' });
      const r = validateResidentId(p.idNumber, { now: this.clock.now() });
      if (r.ok) {
        idNumberEnc = this.cipher.encrypt(r.value, 'case_parties.id_number');
        idNumberMasked = maskResidentId(r.value);
      } else problems.push({ field: `${path}.idNumber`, message: r.reason });
    }
    if (role === 'respondent' && p.role !== undefined) problems.push({ field: `${path}.role`, message: 'is for requesters only' });
    return {
      role,
      ordinal,
      kind: p.kind,
      name: p.name.trim(),
      requesterRole: role === 'requester' ? (p.role ?? null) : null,
      uscc,
      idNumberEnc,
      idNumberMasked,
      legalRepresentative: p.legalRepresentative ?? null,
      address: p.address ?? null,
      phoneEnc: p.phone ? this.cipher.encrypt(p.phone, 'case_parties.phone') : null,
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
    };
  }
}
