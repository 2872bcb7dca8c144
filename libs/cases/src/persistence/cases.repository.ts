import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findUnitNames, OrgUnitEntity, UserEntity } from '@app/auth';
import { EntityColumns, runQuery, runStatement, SqlConditions, Statement, statement, timelineEvents, TimelineEventRow } from '@app/kernel';
import { DataSource, EntityManager, In } from 'typeorm';
import { CaseViewer, caseVisibleTo } from '../domain/case-scope';
import { SearchTerm } from '../domain/case-search';
import { CaseStatus, CaseType } from '../domain/case-types';
import { CaseEntity } from './case.entity';
import { CaseEventEntity } from './case-event.entity';
import { CasePartyEntity } from './case-party.entity';
import { CasePatentEntity } from './case-patent.entity';
import { CASE_SWEEP_SQL, deadlineInForceSql, overdueSql, TERMINAL_STATUSES_SQL } from './case-sql';

/** How many of the newest filtered cases a search tests before looking the term up in its indexes (applySearch). */
const SEARCH_WALK_BUDGET = 1000;
/** Above this many matching ids a search term counts as common (applySearch). */
const SEARCH_ID_CAP = 5000;

/** What the response shows of a party or patent: stored rows, or the rows an intake has just written (no decrypted values). */
export type PartyFields = Omit<CasePartyEntity, 'id' | 'caseId' | 'case'>;
export type PatentFields = Pick<CasePatentEntity, 'ordinal' | 'number' | 'normalized' | 'kind' | 'title'>;
export type PartyRow = PartyFields & { caseId: string };
export type PatentRow = PatentFields & { caseId: string };

export const CASE_SORTS = ['newest', 'deadline'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The key a deadline-ordered list sorts on: the deadline in force, ended cases last. */
const DEADLINE_ORDER = (a: string) => `coalesce(${deadlineInForceSql(a)}, '9999-12-31'::date)`;

export interface CaseListFilter {
  status?: CaseStatus;
  type?: CaseType;
  orgUnitCode?: string;
  filedFrom?: string;
  filedTo?: string;
  overdue?: boolean;
  /** an officer's id: the cases they are assigned to */
  assignedTo?: string;
  /** open cases whose deadline in force is before this date */
  dueBefore?: string;
  sort?: CaseSort;
  /** the cursor: (created_at, id) newest first, or (deadline order, id) by deadline */
  after?: [string | number, string | number];
  search?: SearchTerm;
}

/** A case waiting for a supervisor: a proposed decision or an extension request, with who asked and when. */
export interface AwaitingApprovalRow {
  id: string;
  kind: 'decision' | 'legal_review' | 'extension';
  receiptNo: string;
  caseNo: string | null;
  type: string;
  orgUnitCode: string;
  orgUnitName: string;
  summary: string;
  requestedAt: Date;
  requestedById: string | null;
  requestedByName: string | null;
  payload: Record<string, unknown> | null;
  version: number;
}

/** A deadline alert the sweep took (sent = false when another sweeper sent it first). */
export interface CaseAlertRow {
  case_id: string;
  kind: 'reminder' | 'overdue';
  due_on: string;
  org_unit_code: string;
  assigned_officer_ids: string[];
  label: string;
  sent: boolean;
}

export interface ServiceAlertRow {
  case_id: string;
  kind: 'service_reminder' | 'service_overdue';
  due_on: string;
  org_unit_code: string;
  assigned_officer_ids: string[];
  label: string;
}

export interface PreservationAlertRow {
  id: string;
  case_id: string;
  file_name: string;
  due: string;
  org_unit_code: string;
  assigned_officer_ids: string[];
  label: string;
}

/** What the response shows of a party and of a patent (PartyRow, PatentRow): the lists and the case page use the same. */
const PARTY_COLUMNS = `case_id AS "caseId", role, ordinal, kind, name, requester_role AS "requesterRole", uscc,
  id_number_masked AS "idNumberMasked", legal_representative AS "legalRepresentative", address,
  phone_masked AS "phoneMasked", NULL AS "idNumberEnc", NULL AS "phoneEnc"`;
const PATENT_COLUMNS = `case_id AS "caseId", ordinal, number, normalized, kind, title`;
/** The parties and patents of a page of cases (prepared: every list page asks). */
const PARTIES_OF_CASES = statement<PartyRow>(`SELECT ${PARTY_COLUMNS} FROM case_parties WHERE case_id = ANY($1::uuid[])`);
const PATENTS_OF_CASES = statement<PatentRow>(`SELECT ${PATENT_COLUMNS} FROM case_patents WHERE case_id = ANY($1::uuid[])`);

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

/**
 * Every statement of the cases context. Reads of a case go through the one scope rule: `visibleTo` (SQL) and
 * `caseVisibleTo` (domain/case-scope.ts) say the same thing, from the same viewer fields.
 */
@Injectable()
export class CasesRepository {
  private readonly columns: EntityColumns<CaseEntity>;
  private readonly partyColumns: EntityColumns<CasePartyEntity>;
  private readonly patentColumns: EntityColumns<CasePatentEntity>;
  private readonly eventColumns: EntityColumns<CaseEventEntity>;
  /** the hot reads of one case, as prepared statements (kernel/database/prepared.ts) */
  private readonly byId: Statement<Record<string, unknown>>;
  /** `SELECT <every column> FROM`, for list pages (page) */
  private readonly listSelect: string;
  private readonly byIdForUpdate: Statement<Record<string, unknown>>;
  private readonly byIdWithParties: Statement<Record<string, unknown> & { __parties: PartyRow[]; __patents: PatentRow[] }>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = new EntityColumns(dataSource, CaseEntity);
    this.partyColumns = new EntityColumns(dataSource, CasePartyEntity);
    this.patentColumns = new EntityColumns(dataSource, CasePatentEntity);
    this.eventColumns = new EntityColumns(dataSource, CaseEventEntity);
    const select = `SELECT ${this.columns.selectList('c')}`;
    this.listSelect = `${select} FROM cases c`;
    this.byId = statement(`${select} FROM cases c WHERE c.id = $1`);
    this.byIdForUpdate = statement(`${select} FROM cases c WHERE c.id = $1 FOR UPDATE`);
    // the case page in one round trip: the row, its parties and its patents (as partiesAndPatents shapes them)
    this.byIdWithParties = statement(
      `${select},
        (SELECT coalesce(json_agg(p ORDER BY p.role, p.ordinal), '[]'::json)
           FROM (SELECT ${PARTY_COLUMNS} FROM case_parties WHERE case_id = c.id) p) AS "__parties",
        (SELECT coalesce(json_agg(t ORDER BY t.ordinal), '[]'::json)
           FROM (SELECT ${PATENT_COLUMNS} FROM case_patents WHERE case_id = c.id) t) AS "__patents"
       FROM cases c WHERE c.id = $1`,
    );
  }

  /** caseVisibleTo as SQL, on the alias `c`, its values bound by `bind`. */
  visibleTo(viewer: CaseViewer, bind: (value: unknown) => string): string {
    const viewerId = bind(viewer.id);
    const notRecused = `NOT (${viewerId} = ANY(c.recused_officer_ids))`;
    return viewer.scope.allUnits
      ? notRecused
      : `(c.org_unit_code = ANY(${bind(viewer.scope.unitCodes)}) OR ${viewerId} = ANY(c.assigned_officer_ids)) AND ${notRecused}`;
  }

  /** The case, when the viewer may see it; null otherwise (the caller answers 404 either way). */
  async findVisible(viewer: CaseViewer, id: string, em: EntityManager = this.dataSource.manager): Promise<CaseEntity | null> {
    const c = await this.findById(em, id);
    return c && caseVisibleTo(viewer, c) ? c : null;
  }

  /** The case with its parties and patents (the case page), when the viewer may see it. */
  async findVisibleWithParties(
    viewer: CaseViewer,
    id: string,
  ): Promise<{ case: CaseEntity; parties: PartyRow[]; patents: PatentRow[] } | null> {
    const [row] = await runStatement(this.dataSource, this.byIdWithParties, [id]);
    if (!row) return null;
    const c = this.columns.read(row);
    return caseVisibleTo(viewer, c) ? { case: c, parties: row.__parties, patents: row.__patents } : null;
  }

  /** The case locked for update in the caller's transaction, when the viewer may see it. */
  async lockVisible(em: EntityManager, viewer: CaseViewer, id: string): Promise<CaseEntity | null> {
    const c = await this.columns.one(em, this.byIdForUpdate, [id]);
    return c && caseVisibleTo(viewer, c) ? c : null;
  }

  /** A case by id, whoever may see it: for other contexts' own rules (e.g. a ticket linking to a case). */
  findById(em: EntityManager, id: string): Promise<CaseEntity | null> {
    return this.columns.one(em, this.byId, [id]);
  }

  /** One page (limit + 1 rows, newest first) of the cases the viewer may see that match the filter. */
  async list(viewer: CaseViewer, f: CaseListFilter, limit: number, today: string): Promise<CaseEntity[]> {
    const w = new SqlConditions();
    const bind = w.bind;
    w.and(this.visibleTo(viewer, bind));
    if (f.status) w.and(`c.status = ${bind(f.status)}`);
    if (f.type) w.and(`c.type = ${bind(f.type)}`);
    if (f.orgUnitCode) w.and(`c.org_unit_code = ${bind(f.orgUnitCode)}`);
    if (f.filedFrom) w.and(`c.filed_on >= ${bind(f.filedFrom)}`);
    if (f.filedTo) w.and(`c.filed_on <= ${bind(f.filedTo)}`);
    if (f.overdue !== undefined) {
      const overdue = overdueSql('c', bind(today));
      w.and(f.overdue ? overdue : `NOT ${overdue}`);
    }
    if (f.assignedTo) w.and(`${bind(f.assignedTo)} = ANY(c.assigned_officer_ids)`);
    if (f.dueBefore) w.and(`${deadlineInForceSql('c')} < ${bind(f.dueBefore)}`);
    if (f.sort === 'deadline') {
      if (f.after) w.and(`(${DEADLINE_ORDER('c')}, c.id) > (${bind(f.after[0])}::date, ${bind(f.after[1])})`);
      // a worklist is short: the search term is tested on its rows (the walk of applySearch follows the newest order)
      if (f.search) w.and(searchPredicate(f.search, bind));
      return this.page(w, `ORDER BY ${DEADLINE_ORDER('c')} ASC, c.id ASC LIMIT ${limit + 1}`);
    }
    if (f.after) w.and(`(c.created_at, c.id) < (${bind(f.after[0])}, ${bind(f.after[1])})`);
    if (f.search && (await this.applySearch(w, f.search, limit))) {
      // a set of ids drives: fetch those rows by key, then order them. Left to the planner, the list's order and limit
      // win — it walks the newest-first index testing each row against the set, and when the matches are old cases
      // that is most of the table (司123 in a million cases: 918 ms; by key: 31 ms)
      return this.page(w, `ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit + 1}`, true);
    }
    return this.page(w, `ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`);
  }

  /**
   * The page of cases matching `w` in `order` (with its LIMIT), every column selected and hydrated; `byKey`: the matching
   * rows are materialised first and `order` (on the select's aliases) applies to them.
   */
  private async page(w: SqlConditions, order: string, byKey = false): Promise<CaseEntity[]> {
    const sql = `${this.listSelect} ${w.where()}`;
    const rows = await runQuery<Record<string, unknown>>(
      this.dataSource,
      byKey ? `WITH m AS MATERIALIZED (${sql}) SELECT * FROM m ${order}` : `${sql} ${order}`,
      w.values,
    );
    return rows.map((row) => this.columns.read(row));
  }

  /** Kept counts (case_status_counts) of the units given (null: every unit), by unit, status and type. */
  counts(units: readonly string[] | null): Promise<{ orgUnitCode: string; status: string; type: string; n: number }[]> {
    return this.dataSource.query(
      `SELECT org_unit_code AS "orgUnitCode", status, type, n::int AS n FROM case_status_counts
        WHERE n > 0 AND ($1::text[] IS NULL OR org_unit_code = ANY($1::text[]))`,
      [units],
    );
  }

  /** The cases of these units (null: every unit) waiting for a supervisor (a decision, its legal review, an extension), oldest request first. */
  awaitingApproval(units: readonly string[] | null, limit: number): Promise<AwaitingApprovalRow[]> {
    return this.dataSource.query(
      // a major decision (法制审核, Art. 58) not yet reviewed waits for its legal review before its approval
      `SELECT c.id,
              CASE WHEN w.kind = 'decision' AND c.decision->>'major' = 'true' AND c.procedure->'legalReview' IS NULL
                   THEN 'legal_review' ELSE w.kind END AS kind,
              c.receipt_no AS "receiptNo", c.case_no AS "caseNo", c.type, c.org_unit_code AS "orgUnitCode",
              o.name AS "orgUnitName", left(c.summary, 200) AS summary, e.at AS "requestedAt", e.actor_id AS "requestedById",
              u.display_name AS "requestedByName", e.payload, c.version
         FROM cases c
         JOIN org_units o ON o.code = c.org_unit_code
         CROSS JOIN LATERAL (VALUES ('decision', 'propose_decision'), ('extension', 'request_extension')) w(kind, action)
         LEFT JOIN LATERAL (SELECT at, actor_id, payload FROM case_events ev
                             WHERE ev.case_id = c.id AND ev.action = w.action ORDER BY ev.id DESC LIMIT 1) e ON true
         LEFT JOIN users u ON u.id = e.actor_id
        WHERE (c.status = 'pending_decision' OR c.extension_pending)
          AND ($1::text[] IS NULL OR c.org_unit_code = ANY($1::text[]))
          AND ((w.kind = 'decision' AND c.status = 'pending_decision') OR (w.kind = 'extension' AND c.extension_pending))
        ORDER BY e.at ASC NULLS FIRST, c.id
        LIMIT $2`,
      [units, limit],
    );
  }

  /**
   * Free-text search that stays fast whether the term is rare or common, in three steps:
   * 1. walk the newest SEARCH_WALK_BUDGET cases of the filtered list (list-order index) and test each: a common term
   *    (公司) fills a page here, and those are exactly the first matches in list order;
   * 2. otherwise collect the matching case ids through the trigram (two characters: bigram) indexes, capped at
   *    SEARCH_ID_CAP: a rare term (a USCC, a patent, a company's name) gives a small set that drives the query;
   * 3. a term in between (more than the cap, sparser than the walk) is tested row by row along the list order.
   * Answers whether a set of ids now drives the query (steps 1 and 2): the page is then read by key, not along the order.
   */
  private async applySearch(w: SqlConditions, term: SearchTerm, limit: number): Promise<boolean> {
    const walkW = w.copy();
    const walkPredicate = searchPredicate(term, walkW.bind);
    const walk = await this.dataSource.query<{ id: string | null; walked: number }[]>(
      `WITH w AS MATERIALIZED (SELECT c.id, c.created_at, c.receipt_no, c.case_no FROM cases c ${w.where()}
                               ORDER BY c.created_at DESC, c.id DESC LIMIT ${SEARCH_WALK_BUDGET})
       SELECT m.id, k.walked FROM (SELECT count(*)::int AS walked FROM w) k
         LEFT JOIN LATERAL (SELECT c.id, c.created_at FROM w c WHERE ${walkPredicate}
                             ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}) m ON true`,
      walkW.values,
    );
    const found = walk.flatMap((r) => (r.id ? [r.id] : []));
    if (found.length > limit || walk[0].walked < SEARCH_WALK_BUDGET) {
      w.and(`c.id = ANY(${w.bind(found)}::uuid[])`);
      return true;
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
      w.and(`c.id = ANY(${w.bind([...new Set(rows.map((r) => r.id))])}::uuid[])`);
      return true;
    }
    w.and(searchPredicate(term, w.bind));
    return false;
  }

  /**
   * The parties and patents of some cases, as the response shows them: plain SQL into the mapper's shapes (the list
   * reads up to 200 cases' worth per request, and entity hydration was a tenth of its CPU).
   */
  partiesAndPatents(caseIds: string[]): Promise<[PartyRow[], PatentRow[]]> {
    if (!caseIds.length) return Promise.resolve([[], []]);
    return Promise.all([
      runStatement(this.dataSource, PARTIES_OF_CASES, [caseIds]),
      runStatement(this.dataSource, PATENTS_OF_CASES, [caseIds]),
    ]);
  }

  /** The parties of one case, in the caller's transaction (filing checks its requesters and respondents). */
  parties(em: EntityManager, caseId: string): Promise<CasePartyEntity[]> {
    return em.findBy(CasePartyEntity, { caseId });
  }

  party(em: EntityManager, caseId: string, role: 'requester' | 'respondent', ordinal: number): Promise<CasePartyEntity | null> {
    return em.findOneBy(CasePartyEntity, { caseId, role, ordinal });
  }

  countPatents(em: EntityManager, caseId: string): Promise<number> {
    return em.countBy(CasePatentEntity, { caseId });
  }

  /** The timeline of a case, oldest first, with each actor's display name. */
  events(caseId: string): Promise<Required<TimelineEventRow>[]> {
    return timelineEvents(this.dataSource.manager, 'case_events', caseId);
  }

  /** Writes a new case with its parties and patents; returns the saved case row (ids and defaults filled in). */
  async insert(
    em: EntityManager,
    row: Partial<CaseEntity>,
    parties: readonly PartyFields[],
    patents: readonly PatentFields[],
  ): Promise<CaseEntity> {
    const [saved] = await this.columns.insert(em, [row]);
    await this.partyColumns.insert(
      em,
      parties.map((p) => ({ ...p, caseId: saved.id })),
    );
    await this.patentColumns.insert(
      em,
      patents.map((p) => ({ ...p, caseId: saved.id })),
    );
    return saved;
  }

  /** Replaces the case's parties of one role (an amendment gives the whole list). */
  async replaceParties(em: EntityManager, caseId: string, role: 'requester' | 'respondent', rows: readonly PartyFields[]): Promise<void> {
    await em.delete(CasePartyEntity, { caseId, role });
    if (rows.length)
      await em.insert(
        CasePartyEntity,
        rows.map((p) => ({ ...p, caseId })),
      );
  }

  async replacePatents(em: EntityManager, caseId: string, rows: readonly PatentFields[]): Promise<void> {
    await em.delete(CasePatentEntity, { caseId });
    if (rows.length)
      await em.insert(
        CasePatentEntity,
        rows.map((p) => ({ ...p, caseId })),
      );
  }

  save(em: EntityManager, c: CaseEntity): Promise<CaseEntity> {
    return em.save(c);
  }

  insertEvent(em: EntityManager, event: Omit<CaseEventEntity, 'id'>): Promise<unknown> {
    return this.eventColumns.insert(em, [event]);
  }

  /** Every org unit's name by code (a few dozen rows), for exports that show names, not codes. */
  unitNames(): Promise<Map<string, string>> {
    return findUnitNames(this.dataSource.manager);
  }

  orgUnit(em: EntityManager, code: string): Promise<OrgUnitEntity> {
    return em.findOneByOrFail(OrgUnitEntity, { code });
  }

  users(em: EntityManager, ids: string[]): Promise<UserEntity[]> {
    return ids.length ? em.findBy(UserEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  /** Open cases after `after` in id order, locked for update: the calendar recomputation walks them in batches. */
  lockOpenCasesAfter(em: EntityManager, after: string, limit: number): Promise<CaseEntity[]> {
    return em
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where(`c.status NOT IN ${TERMINAL_STATUSES_SQL} AND c.id > :after`, { after })
      .orderBy('c.id')
      .limit(limit)
      .getMany();
  }

  updateDeadlines(
    em: EntityManager,
    id: string,
    fields: Pick<CaseEntity, 'filingDecisionDue' | 'closingDue' | 'extendedClosingDue' | 'version'>,
  ): Promise<unknown> {
    return em.update(CaseEntity, { id }, fields);
  }

  /** One batch of the deadline sweep (CASE_SWEEP_SQL): marks and returns the alerts it takes. */
  sweepDeadlines(em: EntityManager, horizon: string, today: string, batch: number): Promise<CaseAlertRow[]> {
    return em.query<CaseAlertRow[]>(CASE_SWEEP_SQL, [horizon, today, batch]);
  }

  /**
   * Decided cases whose decision is to be served soon (reminder) or was due to be served (overdue, Art. 61): one alert
   * per (case, kind, due date), inserted here, so a second sweeper gets nothing back. Reads the partial index of decided cases.
   */
  sweepServiceDeadlines(em: EntityManager, horizon: string, today: string): Promise<ServiceAlertRow[]> {
    return em.query<ServiceAlertRow[]>(
      `WITH due AS (
         SELECT c.id, c.org_unit_code, c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label, c.service_due_on AS due_on,
                CASE WHEN c.service_due_on < $2 THEN 'service_overdue' ELSE 'service_reminder' END AS kind
           FROM cases c
          WHERE c.status = 'decided' AND c.service_due_on IS NOT NULL AND c.service_due_on <= $1 AND NOT c.suspended
       ), inserted AS (
         INSERT INTO case_deadline_alerts (case_id, kind, due_on) SELECT id, kind, due_on FROM due
         ON CONFLICT DO NOTHING RETURNING case_id, kind
       )
       SELECT d.id AS case_id, d.kind, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.org_unit_code, d.assigned_officer_ids, d.label
         FROM due d JOIN inserted i ON i.case_id = d.id AND i.kind = d.kind`,
      [horizon, today],
    );
  }

  /** 登记保存 decisions past their limit, marked escalated in the same statement (a second sweeper skips them). */
  escalateOverduePreservations(em: EntityManager, today: string): Promise<PreservationAlertRow[]> {
    return em.query<PreservationAlertRow[]>(
      // (a CTE so that the driver answers rows, not [rows, count] as it does for a bare UPDATE)
      `WITH escalated AS (
       UPDATE case_evidence e SET preservation_escalated = true
         FROM cases c
        WHERE c.id = e.case_id AND e.preservation_due IS NOT NULL AND e.preservation_decided_on IS NULL
          AND NOT e.preservation_escalated AND e.preservation_due < $1
       RETURNING e.id, e.case_id, e.file_name, to_char(e.preservation_due, 'YYYY-MM-DD') AS due, c.org_unit_code,
                 c.assigned_officer_ids, coalesce(c.case_no, c.receipt_no) AS label)
       SELECT * FROM escalated`,
      [today],
    );
  }
}
