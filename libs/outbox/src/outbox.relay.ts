import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, IntervalLoop, metricsRegistry, withTimeout, inTransaction } from '@app/kernel';
import { DataSource } from 'typeorm';
import { Gauge } from 'prom-client';
import { JOB_DEFINITIONS, isJobName } from './job-names';
import { JobQueue } from './queue.provider';

const BATCH = 200;

interface PendingRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
}

const RECONCILE_BATCH = 500;

export interface ReconcileResult {
  checked: number;
  /** rows whose job the queue no longer had: handed over again */
  requeued: number;
  /** rows whose job had finished (completed or failed for good) without the row saying so */
  finished: number;
}

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas
 * share the work; the BullMQ job id is the outbox id, so a row handed over twice (crash between add and commit)
 * is still one job. While the queue backend is down rows stay pending in PostgreSQL and are retried.
 *
 * A row is done only when its job has finished (`finished_at`, set by the job runner). Every
 * OUTBOX_RECONCILE_INTERVAL_MS the relay asks the queue about rows handed over but unfinished: a job the queue no
 * longer knows (Redis wiped, failed over, evicted) is handed over again under the same id. So every job kind is
 * back in the queue within one reconcile interval (plus a poll) of the backend answering again; processors are
 * idempotent, so a job that ran but whose end was lost with the queue may run once more, never to a second effect.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: IntervalLoop;
  private readonly reconcileLoop: IntervalLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobQueue: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const ds = dataSource;
    metricsRegistry.removeSingleMetric('ped_outbox_pending');
    new Gauge({
      name: 'ped_outbox_pending',
      help: 'Outbox messages committed but not yet handed to the queue',
      registers: [metricsRegistry],
      async collect() {
        const [{ n }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM outbox_messages WHERE dispatched_at IS NULL');
        this.set(Number(n));
      },
    });
    // A full batch means more is waiting: go again at once. A refused hand-over backs off a little.
    this.loop = new IntervalLoop(OutboxRelay.name, config.outboxPollMs, async () => {
      const moved = await this.relayBatch();
      if (moved === BATCH) return 0;
      if (moved < 0) return Math.max(config.outboxPollMs, 2000);
      return undefined;
    });
    this.reconcileLoop = new IntervalLoop(`${OutboxRelay.name}.reconcile`, config.outboxReconcileIntervalMs, async () => {
      const r = await this.reconcile();
      if (r.requeued || r.finished) this.logger.warn(r, 'outbox reconciled with the queue');
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(0);
    this.reconcileLoop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.loop.stop(), this.reconcileLoop.stop()]);
  }

  /**
   * Compares rows handed over but unfinished with the queue: jobs it no longer has are handed over again (the
   * relay picks them up at once), jobs it reports finished close their row. Public for tests and the cli.
   */
  async reconcile(): Promise<ReconcileResult> {
    const result: ReconcileResult = { checked: 0, requeued: 0, finished: 0 };
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const rows: { id: string; dispatched_at: Date }[] = await this.dataSource.query(
        `SELECT id, dispatched_at FROM outbox_messages
          WHERE dispatched_at IS NOT NULL AND finished_at IS NULL
            AND ($1::timestamptz IS NULL OR (dispatched_at, id) > ($1::timestamptz, $2::uuid))
          ORDER BY dispatched_at, id LIMIT $3`,
        [after?.at ?? null, after?.id ?? null, RECONCILE_BATCH],
      );
      if (rows.length === 0) return result;
      const states = await withTimeout(
        Promise.all(rows.map((r) => this.jobQueue.queue.getJobState(r.id))),
        10_000,
        'queue did not answer the reconciliation in time',
      );
      const missing = rows.filter((_, i) => states[i] === 'unknown').map((r) => r.id);
      const done = rows.filter((_, i) => states[i] === 'completed' || states[i] === 'failed').map((r) => r.id);
      if (missing.length) {
        const [, n] = await this.dataSource.query<[unknown, number]>(
          `UPDATE outbox_messages SET dispatched_at = NULL, available_at = now(), relay_attempts = relay_attempts + 1,
                  last_error = 'job missing from the queue; handed over again'
            WHERE id = ANY($1::uuid[]) AND finished_at IS NULL AND dispatched_at IS NOT NULL`,
          [missing],
        );
        result.requeued += n;
      }
      if (done.length) {
        const [, n] = await this.dataSource.query<[unknown, number]>(
          'UPDATE outbox_messages SET finished_at = now() WHERE id = ANY($1::uuid[]) AND finished_at IS NULL',
          [done],
        );
        result.finished += n;
      }
      result.checked += rows.length;
      const last = rows[rows.length - 1];
      after = { at: last.dispatched_at, id: last.id };
      if (rows.length < RECONCILE_BATCH) return result;
    }
  }

  /**
   * Hands one batch to the queue; returns how many rows were dispatched, or -1 when the queue refused them
   * (the rows stay pending with a back-off). Public for tests and the cli.
   */
  async relayBatch(): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const rows = await em.query<PendingRow[]>(
        `SELECT id, job_name, payload FROM outbox_messages
          WHERE dispatched_at IS NULL AND available_at <= now()
          ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const jobs = rows.map((r) => {
        const def = isJobName(r.job_name) ? JOB_DEFINITIONS[r.job_name] : { attempts: 1, backoffMs: 1000 };
        return {
          name: r.job_name,
          data: r.payload,
          opts: {
            jobId: r.id,
            attempts: def.attempts,
            backoff: { type: 'exponential', delay: def.backoffMs },
            // by age only: a count cap makes the queue trim by rank on every completion (on the PostgreSQL
            // backend 2.5× the cost of a job); a day is ample for the reconcile to read a job's end
            removeOnComplete: { age: 86400 },
            removeOnFail: { age: 30 * 86400 },
          },
        };
      });
      try {
        await withTimeout(this.jobQueue.queue.addBulk(jobs), 5000, 'queue did not accept the jobs in time');
      } catch (err) {
        // Keep the rows pending (this transaction only records the failure) and back off.
        await em.query(
          `UPDATE outbox_messages SET relay_attempts = relay_attempts + 1, last_error = $2,
                  available_at = now() + least(interval '1 second' * power(2, relay_attempts), interval '5 minutes')
            WHERE id = ANY($1::uuid[])`,
          [rows.map((r) => r.id), String((err as Error).message).slice(0, 500)],
        );
        this.logger.warn({ err: (err as Error).message, rows: rows.length }, 'queue unavailable; outbox rows kept for retry');
        return -1;
      }
      await em.query('UPDATE outbox_messages SET dispatched_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])', [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }
}
