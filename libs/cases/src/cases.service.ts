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
  toTimelineEvent,
  TransactionRunner,
  validateResidentId,
  validateUscc,
} from '@app/kernel';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChangeHooks } from './case-change.hooks';
import { PartyFields, PatentFields, toCaseResponse } from './case.mapper';
import { filingDecisionDue } from './domain/case-deadlines';
import { MIN_SEARCH_LENGTH, SearchTerm, searchTerm } from './domain/case-search';
import { CaseEventResponse, CaseResponse } from './http/dto/case-response';
import { CaseQueryDto } from './http/dto/case-query.dto';
import { CreateCaseDto, PartyDto } from './http/dto/create-case.dto';
import { CaseEntity } from './persistence/case.entity';
import { overdueSql } from './persistence/case-sql';
import { CaseEventEntity } from './persistence/case-event.entity';
import { CasePartyEntity } from './persistence/case-party.entity';
import { CasePatentEntity } from './persistence/case-patent.entity';

/** How many of the newest filtered cases a search tests before looking the term up in its indexes (applySearch). */
const SEARCH_WALK_BUDGET = 1000;
/** Above this many matching ids a search term counts as common (applySearch). */
const SEARCH_ID_CAP = 5000;

/** The free-text test of one case row `c` (with its id, receipt_no and case_no); `param` binds a value. */
function searchPredicate(term: SearchTerm, param: (value: unknown) => string): string {
  const like = param(term.like);
  const names = term.short
    ? `EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.name ILIKE ${like})`
    : `c.receipt_no ILIKE ${like} OR c.case_no ILIKE ${like}
       OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND (p.name ILIKE ${like}${term.uscc ? ` OR p.uscc ILIKE ${like}` : ''}))`;
  const patents = term.patentLike
    ? ` OR EXISTS (SELECT 1 FROM case_patents t WHERE t.case_id = c.id AND t.normalized ILIKE ${param(term.patentLike)})`
    : '';
  return `(${names}${patents})`;
}

/** 收案号 template; 案号 and 文书编号 use the product's default template when filing and deciding. */
export const RECEIPT_NUMBER_TEMPLATE = '{unitAbbr}知收〔{year}〕{seq}号';

type PartyRow = PartyFields;

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly numbering: NumberingService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    private readonly hooks: CaseChangeHooks,
  ) {}

  /** 收案: validates every identifier, computes the filing-decision deadline, numbers the receipt; one transaction. */
  async intake(user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<CaseResponse> {
    const plan = await this.planIntake(this.dataSource.manager, user, dto);
    // A receipt number needs no gapless sequence (product.md: only 案号 and 文书编号 do), so it is taken in its own
    // statement before the transaction: concurrent intakes of one unit do not queue on the sequence row's lock for
    // the whole transaction. A failed write after this leaves a gap in the receipt numbers, nothing else.
    const seq = await this.numbering.reserve(this.dataSource.manager, plan.numberKey);
    const id = await this.tx.run((em) => this.writeIntake(em, user, actor, dto, plan, seq));
    // read back the case row (its defaults and timestamps); its parties and patents are the rows just written
    const c = await this.dataSource.getRepository(CaseEntity).findOneByOrFail({ id });
    return toCaseResponse(
      c,
      [...plan.requesters, ...plan.respondents],
      plan.patents.flatMap((p) => (p ? [p] : [])),
      { roles: user.roles, today: shanghaiDate(this.clock.now()) },
    );
  }

  /**
   * Intake inside the caller's transaction (e.g. a hotline ticket converted into a case, linked in the same commit);
   * returns the new case's id. Validation errors are thrown before anything is written.
   */
  async intakeIn(em: EntityManager, user: AuthUser, actor: ActorContext, dto: CreateCaseDto): Promise<string> {
    const plan = await this.planIntake(em, user, dto);
    return this.writeIntake(em, user, actor, dto, plan, await this.numbering.next(em, plan.numberKey));
  }

  /** Checks every field of an intake and works out what to write; reads only (the org unit). */
  private async planIntake(em: EntityManager, user: AuthUser, dto: CreateCaseDto) {
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
    const unit = await findEnforcementUnit(em, dto.orgUnitCode);
    if (!unit) {
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
  ): Promise<string> {
    const { unit, requesters, respondents, patents, due } = plan;
    const year = plan.numberKey.year;
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

  /** A case the caller may see (their unit's, or one they are assigned to); otherwise 404, as if it did not exist. */
  async get(user: AuthUser, id: string): Promise<CaseResponse> {
    const c = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (!c || !this.canSee(user, c)) throw DomainError.notFound('case');
    const [parties, patents] = await this.partiesAndPatents([id]);
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
      const overdue = overdueSql('c', ':today');
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`, { today });
    }
    const cursor = decodeCursor(q.cursor, 2);
    if (cursor) qb.andWhere('(c.created_at, c.id) < (:cAt, :cId)', { cAt: cursor[0], cId: cursor[1] });
    if (q.q) await this.applySearch(qb, searchTerm(q.q, this.clock.now()), limit);
    const rows = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const ids = rows.slice(0, limit).map((r) => r.id);
    const [parties, patents] = ids.length ? await this.partiesAndPatents(ids) : [[], []];
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

  /**
   * Free-text search that stays fast whether the term is rare or common, in three steps:
   * 1. walk the newest SEARCH_WALK_BUDGET cases of the filtered list (list-order index) and test each: a common term
   *    (公司) fills a page here, and those are exactly the first matches in list order;
   * 2. otherwise collect the matching case ids through the trigram (two characters: bigram) indexes, capped at
   *    SEARCH_ID_CAP: a rare term (a USCC, a patent, a company's name) gives a small set that drives the query;
   * 3. a term in between (more than the cap, sparser than the walk) is tested row by row along the list order.
   */
  private async applySearch(qb: SelectQueryBuilder<CaseEntity>, term: SearchTerm, limit: number): Promise<void> {
    if ([...term.text].length < MIN_SEARCH_LENGTH) throw DomainError.validation('q', `must be at least ${MIN_SEARCH_LENGTH} characters`);

    const [innerSql, innerParams] = qb
      .clone()
      .select('c.id', 'id')
      .addSelect('c.created_at', 'created_at')
      .addSelect('c.receipt_no', 'receipt_no')
      .addSelect('c.case_no', 'case_no')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(SEARCH_WALK_BUDGET)
      .getQueryAndParameters();
    const walkParams: unknown[] = [...(innerParams as unknown[])];
    const walkPredicate = searchPredicate(term, (v) => `$${walkParams.push(v)}`);
    const walk = await this.dataSource.query<{ id: string | null; walked: number }[]>(
      `WITH w AS MATERIALIZED (${innerSql})
       SELECT m.id, k.walked FROM (SELECT count(*)::int AS walked FROM w) k
         LEFT JOIN LATERAL (SELECT c.id, c.created_at FROM w c WHERE ${walkPredicate}
                             ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}) m ON true`,
      walkParams,
    );
    const found = walk.flatMap((r) => (r.id ? [r.id] : []));
    if (found.length > limit || walk[0].walked < SEARCH_WALK_BUDGET) {
      qb.andWhere('c.id = ANY(:searchIds)', { searchIds: found });
      return;
    }

    const values: unknown[] = [];
    const ph = (v: unknown) => `$${values.push(v)}`;
    const like = ph(term.like);
    const arms = term.short
      ? [`SELECT case_id AS id FROM case_parties WHERE ped_bigrams(name) @> ped_bigrams(${ph(term.text)}::text) AND name ILIKE ${like}`]
      : [
          `SELECT id FROM cases WHERE receipt_no ILIKE ${like} OR case_no ILIKE ${like}`,
          `SELECT case_id FROM case_parties WHERE name ILIKE ${like}${term.uscc ? ` OR uscc ILIKE ${like}` : ''}`,
          ...(term.patentLike ? [`SELECT case_id FROM case_patents WHERE normalized ILIKE ${ph(term.patentLike)}`] : []),
        ];
    const rows = await this.dataSource.query<{ id: string }[]>(`${arms.join(' UNION ALL ')} LIMIT ${SEARCH_ID_CAP + 1}`, values);
    if (rows.length <= SEARCH_ID_CAP) {
      qb.andWhere('c.id = ANY(:searchIds)', { searchIds: [...new Set(rows.map((r) => r.id))] });
      return;
    }
    const named: Record<string, unknown> = {};
    qb.andWhere(
      searchPredicate(term, (v) => {
        const name = `search${Object.keys(named).length}`;
        named[name] = v;
        return `:${name}`;
      }),
      named,
    );
  }

  /**
   * The parties and patents of some cases, as the response shows them: plain SQL into the mapper's shapes (the list
   * reads up to 200 cases' worth per request, and entity hydration was a tenth of its CPU).
   */
  private partiesAndPatents(caseIds: string[]): Promise<[(PartyFields & { caseId: string })[], (PatentFields & { caseId: string })[]]> {
    return Promise.all([
      this.dataSource.query<(PartyFields & { caseId: string })[]>(
        `SELECT case_id AS "caseId", role, ordinal, kind, name, requester_role AS "requesterRole", uscc,
                id_number_masked AS "idNumberMasked", legal_representative AS "legalRepresentative", address,
                phone_masked AS "phoneMasked", NULL AS "idNumberEnc", NULL AS "phoneEnc"
           FROM case_parties WHERE case_id = ANY($1::uuid[])`,
        [caseIds],
      ),
      this.dataSource.query<(PatentFields & { caseId: string })[]>(
        `SELECT case_id AS "caseId", ordinal, number, normalized, kind, title FROM case_patents WHERE case_id = ANY($1::uuid[])`,
        [caseIds],
      ),
    ]);
  }

  /** The timeline of a case the caller may see, oldest first. */
  async events(user: AuthUser, id: string): Promise<CaseEventResponse[]> {
    await this.get(user, id);
    const rows = await this.dataSource.getRepository(CaseEventEntity).find({ where: { caseId: id }, order: { id: 'ASC' } });
    return rows.map(toTimelineEvent);
  }

  /** Records the export (a sensitive read) in the audit trail before any row leaves. */
  async auditExport(user: AuthUser, actor: ActorContext, filters: Record<string, unknown>): Promise<void> {
    await this.tx.run((em) => this.audit.writeExport(em, actor, { entityType: 'case', orgUnitCode: user.orgUnitCode, filters }));
  }

  /** Every case matching the list filters, in pages of 200, for streaming exports (bounded memory). */
  exportRows(user: AuthUser, q: Omit<CaseQueryDto, 'limit' | 'cursor'>): AsyncGenerator<CaseResponse> {
    return allPages((cursor) => this.list(user, { ...q, limit: 200, cursor }));
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
