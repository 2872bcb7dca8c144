import { Injectable } from '@nestjs/common';
import { StatutoryCalendar } from '@app/calendar';
import { ActorContext, AuthUser, DomainError, ErrorDetail, TransactionRunner } from '@app/kernel';
import { CaseChangeRecorder } from './case-change.recorder';
import { CasePartyRows } from './case-party-rows';
import { CasesService } from './cases.service';
import { closingDeadlines, filingDecisionDue } from './domain/case-deadlines';
import { FIELDS_FIXED_BY_FILING, isAmendable } from './domain/case-rules';
import { AmendCaseDto } from './http/dto/amend-case.dto';
import { CaseResponse } from './http/dto/case-response';
import { CaseEntity } from './persistence/case.entity';
import { CasesRepository, PartyFields } from './persistence/cases.repository';

const SCALARS = ['type', 'source', 'summary', 'ftz', 'fastTrack', 'reportReceived', 'ecommerce'] as const;

/** What the audit trail and the timeline show of parties: names and masks, never an identifier in clear. */
const shownParties = (rows: readonly Pick<PartyFields, 'name' | 'kind' | 'uscc' | 'idNumberMasked' | 'requesterRole'>[]) =>
  rows.map((p) => ({ kind: p.kind, name: p.name, uscc: p.uscc, idNumber: p.idNumberMasked, role: p.requesterRole }));

/**
 * 补正: `PATCH /cases/:id` corrects a case after intake (a ticket converted without the requester's role, a misspelt
 * respondent, a missing patent). Validated exactly as intake; refused once decided or closed; the deadlines are
 * computed again when what they depend on changed, and the timeline says so; the timeline and the audit trail carry a
 * before/after of what changed (names and masks only).
 */
@Injectable()
export class CaseAmendmentService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: CasesRepository,
    private readonly rows: CasePartyRows,
    private readonly recorder: CaseChangeRecorder,
    private readonly calendar: StatutoryCalendar,
    private readonly cases: CasesService,
  ) {}

  async amend(user: AuthUser, actor: ActorContext, id: string, dto: AmendCaseDto): Promise<CaseResponse> {
    const problems: ErrorDetail[] = [];
    const requesters = dto.requesters && this.rows.parties(dto.requesters, 'requester', 'requesters', problems);
    const respondents = dto.respondents && this.rows.parties(dto.respondents, 'respondent', 'respondents', problems);
    const patents = dto.patents && this.rows.patents(dto.patents, 'patents', problems);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

    await this.tx.run(async (em) => {
      const c = await this.repo.lockVisible(em, user, id);
      if (!c) throw DomainError.notFound('case');
      if (c.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, c.version);
      if (!isAmendable(c.status))
        throw new DomainError('CASE_NOT_AMENDABLE', `a case that is ${c.status} can no longer be amended`, { status: c.status });
      const fixed = FIELDS_FIXED_BY_FILING.filter((f) => dto[f] !== undefined && dto[f] !== c[f]);
      if (c.status !== 'received' && fixed.length)
        throw DomainError.validation(fixed[0], 'cannot change once the case is filed (its number and time limits depend on it)');
      const source = dto.source ?? c.source;
      if (source === 'ecommerce' && (dto.ecommerce ?? c.ecommerce) === null)
        throw DomainError.validation('ecommerce', 'is required for an e-commerce case');

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const f of SCALARS) {
        const next = f === 'ecommerce' ? (dto.ecommerce ? { ...dto.ecommerce } : undefined) : dto[f];
        if (next === undefined || JSON.stringify(next) === JSON.stringify(c[f])) continue;
        before[f] = c[f];
        after[f] = next;
      }
      const counted = { type: c.type, source: c.source, ftz: c.ftz, ecommerce: c.ecommerce };
      Object.assign(c, after);

      const [oldParties, oldPatents] = await this.repo.partiesAndPatents([c.id]);
      for (const [role, list] of [
        ['requester', requesters],
        ['respondent', respondents],
      ] as const) {
        if (!list) continue;
        await this.repo.replaceParties(em, c.id, role, list);
        before[`${role}s`] = shownParties(oldParties.filter((p) => p.role === role));
        after[`${role}s`] = shownParties(list);
      }
      if (patents) {
        await this.repo.replacePatents(em, c.id, patents);
        before.patents = oldPatents.map((p) => p.normalized);
        after.patents = patents.map((p) => p.normalized);
      }
      if (!Object.keys(after).length) throw DomainError.validation('body', 'changes nothing: give at least one field with a new value');

      const deadlines = this.recomputeDeadlines(c);
      c.version += 1;
      await this.repo.save(em, c);
      const changed = Object.keys(after);
      await this.recorder.record(em, user.id, actor, c, {
        action: 'amend',
        auditAction: 'case.amended',
        fromStatus: c.status,
        payload: { changed, before, after, ...(deadlines ? { deadlines } : {}), counted },
        before: { ...before, version: dto.expectedVersion },
        after: { ...after, ...(deadlines ? { deadlines: deadlines.after } : {}), version: c.version },
      });
    });
    return this.cases.get(user, id);
  }

  /** New deadlines when what they depend on changed; null when none moved. */
  private recomputeDeadlines(c: CaseEntity) {
    const cal = this.calendar.current;
    // the filing decision is due only while the case waits for it; once filed its deadline is history
    const filing =
      c.status === 'received'
        ? filingDecisionDue(cal, {
            type: c.type,
            source: c.source,
            receivedOn: c.receivedOn,
            reportReceived: c.reportReceived,
            fastTrack: c.fastTrack,
          })
        : c.filingDecisionDue;
    const closing = c.filedOn
      ? closingDeadlines(cal, {
          type: c.type,
          filedOn: c.filedOn,
          fastTrack: c.fastTrack,
          pausedDays: c.pausedDays,
          extensionDays: c.extensionDays,
        })
      : { closingDue: c.closingDue, extendedClosingDue: c.extendedClosingDue };
    const before = { filingDecisionDue: c.filingDecisionDue, closingDue: c.closingDue, extendedClosingDue: c.extendedClosingDue };
    const after = { filingDecisionDue: filing, ...closing };
    if (JSON.stringify(before) === JSON.stringify(after)) return null;
    Object.assign(c, after);
    return { before, after };
  }
}
