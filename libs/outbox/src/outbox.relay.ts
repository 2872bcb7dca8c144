import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, IntervalLoop, metricsRegistry, withTimeout } from '@app/kernel';
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

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas
 * share the work; the BullMQ job id is the outbox id, so a row handed over twice (crash between add and commit)
 * is still one job. While the queue backend is down rows stay pending in PostgreSQL and are retried.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: IntervalLoop;

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
  }

  onApplicationBootstrap(): void {
    this.loop.start(0);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Hands one batch to the queue; returns how many rows were dispatched, or -1 when the queue refused them
   * (the rows stay pending with a back-off). Public for tests and the cli.
   */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
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
            removeOnComplete: { age: 7 * 86400, count: 100_000 },
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
