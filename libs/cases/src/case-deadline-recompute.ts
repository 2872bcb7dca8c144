import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditWriter } from '@app/audit';
import { CalendarLoader, StatutoryCalendar } from '@app/calendar';
import { ActorContext, TransactionRunner } from '@app/kernel';
import { closingDeadlines, filingDecisionDue } from './domain/case-deadlines';
import { CasesRepository } from './persistence/cases.repository';

const BATCH = 500;

/** When the calendar changes, the deadlines of open cases are computed again (product.md, "Time and calendar"). */
@Injectable()
export class CaseDeadlineRecompute implements OnModuleInit {
  private readonly logger = new Logger(CaseDeadlineRecompute.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: CasesRepository,
    private readonly audit: AuditWriter,
    private readonly calendar: StatutoryCalendar,
    private readonly loader: CalendarLoader,
  ) {}

  onModuleInit(): void {
    this.loader.onChange('case-deadlines', (actor) => this.recomputeOpenCases(actor));
  }

  /** Recomputes the deadlines of open cases in batches; a case whose deadlines changed gets a new version and an audit entry. */
  async recomputeOpenCases(actor: ActorContext): Promise<number> {
    const cal = this.calendar.current;
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const n = await this.tx.run(async (em) => {
        const rows = await this.repo.lockOpenCasesAfter(em, after, BATCH);
        for (const c of rows) {
          const filing = filingDecisionDue(cal, {
            type: c.type,
            source: c.source,
            receivedOn: c.receivedOn,
            reportReceived: c.reportReceived,
            fastTrack: c.fastTrack,
          });
          const closing = c.filedOn
            ? closingDeadlines(cal, {
                type: c.type,
                filedOn: c.filedOn,
                fastTrack: c.fastTrack,
                pausedDays: c.pausedDays,
                extensionDays: c.extensionDays,
              })
            : { closingDue: null, extendedClosingDue: null };
          if (filing === c.filingDecisionDue && closing.closingDue === c.closingDue && closing.extendedClosingDue === c.extendedClosingDue)
            continue;
          const before = { filingDecisionDue: c.filingDecisionDue, closingDue: c.closingDue, extendedClosingDue: c.extendedClosingDue };
          await this.repo.updateDeadlines(em, c.id, { filingDecisionDue: filing, ...closing, version: c.version + 1 });
          await this.audit.write(em, actor, {
            action: 'case.deadlines_recomputed',
            entityType: 'case',
            entityId: c.id,
            orgUnitCode: c.orgUnitCode,
            before,
            after: { filingDecisionDue: filing, ...closing },
          });
          changed++;
        }
        if (rows.length) after = rows[rows.length - 1].id;
        return rows.length;
      });
      if (n < BATCH) break;
    }
    if (changed) this.logger.log({ changed }, 'deadlines recomputed after a calendar change');
    return changed;
  }
}
