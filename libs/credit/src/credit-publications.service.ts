import { Inject, Injectable } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { StatutoryCalendar } from '@app/calendar';
import { CaseChange } from '@app/cases';
import {
  ActorContext,
  APP_CONFIG,
  AppConfig,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  Page,
  shanghaiDate,
  toPage,
  TransactionRunner,
} from '@app/kernel';
import { OutboxWriter } from '@app/outbox';
import { EntityManager } from 'typeorm';
import { applyCorrection, mapPenaltyRecord, MappingInput, validateRecord } from './domain/credit-mapping';
import { DisplayPeriodRule, needsPublication, publicationDates, WITHDRAWAL_DUE_WORKING_DAYS } from './domain/publication-rules';
import { allowedPublicationActions, canTakeAction, PublicationAction } from './domain/publication-status';
import { PublicationActionDto, PublicationExportQuery, PublicationQueryDto, PublicationResponse } from './http/dto/publication.dto';
import { PublicationsRepository } from './persistence/publications.repository';
import { publicationSnapshot, toPublicationResponse } from './publication.mapper';
import type { CreditRecord } from './domain/credit-record';

type Decision = MappingInput['decision'] & { kind?: string };

/**
 * Credit-platform publications of penalty decisions: created inside the approval's transaction (a CaseChangeHooks
 * listener), listed and acted on by supervisors; delivery is the `credit.deliver` job (CreditDeliveryService).
 */
@Injectable()
export class CreditPublicationsService {
  private readonly rule: DisplayPeriodRule;

  constructor(
    private readonly publications: PublicationsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly calendar: StatutoryCalendar,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rule = {
      smallFineMaxFen: config.credit.smallFineMaxFen,
      smallFineMonths: config.credit.displayMonthsSmall,
      otherMonths: config.credit.displayMonths,
    };
  }

  /**
   * On approval of a penalty with a fine or a confiscation: one publication per respondent, in the approval's
   * transaction, with its delivery job in the outbox. A record that cannot be completed is kept `pending` with its
   * mapping errors (nothing is sent until `correct` fills them in); it never fails the approval.
   */
  async onCaseChange(em: EntityManager, change: CaseChange): Promise<void> {
    const c = change.case;
    const d = (c.decision ?? {}) as Decision;
    if (change.action !== 'approve_decision' || d.kind !== 'penalty' || !needsPublication(d)) return;
    const decidedOn = c.decidedOn ?? shanghaiDate(change.at);
    const { dueOn, displayUntil } = publicationDates(this.calendar.current, decidedOn, d, this.rule);
    // 数据来源单位: the bureau that runs this system (the unit's parent, or the unit itself for the bureau)
    const { unit, source } = await this.publications.authorityAndSource(em, c.orgUnitCode);
    const respondents = await this.publications.respondentsOf(em, c.id);
    const actor: ActorContext = { actorId: change.actorId, onBehalfOfId: null, requestId: null, ip: null };
    for (const r of respondents) {
      const record = mapPenaltyRecord({
        case: { type: c.type, decisionNo: c.decisionNo, decidedOn },
        decision: d,
        party: {
          kind: r.kind,
          name: r.name,
          uscc: r.uscc,
          legalRepresentative: r.legal_representative,
          idNumberMasked: r.id_number_masked,
        },
        authority: { name: unit.name, uscc: unit.uscc },
        sourceUnit: { name: source.name, uscc: source.uscc },
        displayUntil,
      });
      const mappingErrors = validateRecord(record);
      const p = await this.publications.create(em, {
        caseId: c.id,
        partyId: r.id,
        orgUnitCode: c.orgUnitCode,
        status: 'pending',
        decidedOn,
        dueOn,
        displayUntil,
        record,
        mappingErrors,
        lastError: mappingErrors.length ? `record incomplete: ${mappingErrors.map((e) => e.field).join(', ')}` : null,
      });
      if (!mappingErrors.length) await this.outbox.enqueue(em, 'credit.deliver', { publicationId: p.id });
      await this.audit.write(em, actor, {
        action: 'publication.created',
        entityType: 'publication',
        entityId: p.id,
        orgUnitCode: p.orgUnitCode,
        after: publicationSnapshot(p),
      });
    }
  }

  async get(user: AuthUser, id: string): Promise<PublicationResponse> {
    const p = await this.publications.findVisible(user, id);
    if (!p) throw DomainError.notFound('publication');
    return toPublicationResponse(p, { roles: user.roles, today: shanghaiDate(this.clock.now()) });
  }

  async list(user: AuthUser, q: PublicationQueryDto): Promise<Page<PublicationResponse>> {
    const limit = q.limit ?? 50;
    const today = shanghaiDate(this.clock.now());
    const rows = await this.publications.list(
      user,
      { status: q.status, caseId: q.caseId, overdue: q.overdue, after: decodeCursor(q.cursor, 2) ?? undefined },
      limit,
      today,
    );
    return toPage(
      rows,
      limit,
      (p) => toPublicationResponse(p, { roles: user.roles, today }),
      (p) => [p.createdAt.toISOString(), p.id],
    );
  }

  /** retry / withdraw / correct: row lock, version, state table, audit, and the follow-up job, in one transaction. */
  async act(
    user: AuthUser,
    actor: ActorContext,
    id: string,
    action: PublicationAction,
    dto: PublicationActionDto,
  ): Promise<PublicationResponse> {
    if (action === 'withdraw' && !dto.reason) throw DomainError.validation('reason', 'is required to withdraw');
    if (action === 'correct' && !dto.record) throw DomainError.validation('record', 'is required to correct');
    if (action !== 'withdraw' && dto.reason !== undefined) throw DomainError.validation('reason', `is not used by ${action}`);
    if (action !== 'correct' && dto.record !== undefined) throw DomainError.validation('record', `is not used by ${action}`);
    await this.tx.run(async (em) => {
      const p = await this.publications.lockVisible(em, user, id);
      if (!p) throw DomainError.notFound('publication');
      if (p.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, p.version);
      if (!canTakeAction(p.status, action)) {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `a publication that is ${p.status} cannot be ${action === 'retry' ? 'retried' : `${action}n`}`,
          {
            allowedActions: allowedPublicationActions(p.status),
          },
        );
      }
      const before = publicationSnapshot(p);
      const today = shanghaiDate(this.clock.now());
      let after: Record<string, unknown> = {};
      switch (action) {
        case 'retry':
          p.status = 'pending';
          p.lastError = null;
          await this.outbox.enqueue(em, 'credit.deliver', { publicationId: p.id });
          break;
        case 'correct': {
          const { record, problems } = applyCorrection(p.record, dto.record as Record<string, unknown>);
          if (problems.length)
            throw new DomainError(
              'VALIDATION_FAILED',
              problems.map((e) => `record.${e.field}: ${e.message}`).join('; '),
              problems.map((e) => ({ field: `record.${e.field}`, message: e.message })),
            );
          p.record = record;
          p.mappingErrors = validateRecord(record);
          p.status = 'pending';
          p.lastError = p.mappingErrors.length ? `record incomplete: ${p.mappingErrors.map((e) => e.field).join(', ')}` : null;
          if (!p.mappingErrors.length) await this.outbox.enqueue(em, 'credit.deliver', { publicationId: p.id });
          after = { correctedFields: Object.keys(dto.record as object) };
          break;
        }
        case 'withdraw':
          // at the platform, or perhaps there (sent, answer lost): the remove job takes it off (a replay of the
          // idempotent POST tells the receipt when the first answer was lost); a rejected record is not there
          p.removalPending = p.status === 'published' || (p.status !== 'rejected' && p.attempts > 0);
          p.status = 'withdrawn';
          p.withdrawReason = dto.reason as string;
          p.removalDueOn = this.calendar.current.addWorkingDays(today, WITHDRAWAL_DUE_WORKING_DAYS);
          if (p.removalPending) await this.outbox.enqueue(em, 'credit.remove', { publicationId: p.id });
          after = { reason: dto.reason };
          break;
      }
      p.version += 1;
      await this.publications.save(em, p);
      await this.audit.write(em, actor, {
        action: `publication.${action}`,
        entityType: 'publication',
        entityId: p.id,
        orgUnitCode: p.orgUnitCode,
        before,
        after: { ...publicationSnapshot(p), ...after },
      });
    });
    return this.get(user, id);
  }

  /** The export is a sensitive read (names of parties): audited before any row leaves. */
  async auditExport(user: AuthUser, actor: ActorContext, filters: Record<string, unknown>): Promise<void> {
    await this.tx.run((em) => this.audit.writeExport(em, actor, { entityType: 'publication', orgUnitCode: user.orgUnitCode, filters }));
  }

  /** Records in the caller's scope by decision date, in pages (bounded memory), for the streamed export. */
  async *exportRows(user: AuthUser, q: Omit<PublicationExportQuery, 'format'>): AsyncGenerator<CreditRecord> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await this.publications.exportPage(user, { from: q.from, to: q.to, status: q.status, after: after ?? undefined }, 500);
      for (const r of rows) yield r.record;
      if (rows.length < 500) return;
      const last = rows[rows.length - 1];
      after = [last.decided, last.id];
    }
  }
}
