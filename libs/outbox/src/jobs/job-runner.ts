import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, metricsRegistry, runStatement, statement, withTimeout } from '@app/kernel';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { Counter } from 'prom-client';
import { JobQueue } from '../queue.provider';
import { JobRegistry } from './job-registry';

/** The BullMQ worker of this process: dispatches each job by name to its one processor. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private worker: Worker | null = null;
  private closing = false;
  private readonly processed: Counter<'job' | 'result'>;
  /** outbox ids of finished jobs not yet written, and the writes in flight */
  private finished: string[] = [];
  private finishTimer: NodeJS.Timeout | null = null;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly jobQueue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    metricsRegistry.removeSingleMetric('ped_jobs_processed_total');
    this.processed = new Counter({
      name: 'ped_jobs_processed_total',
      help: 'Jobs finished by this worker, by job name and result',
      labelNames: ['job', 'result'] as const,
      registers: [metricsRegistry],
    });
  }

  onApplicationBootstrap(): void {
    this.registry.load();
    this.worker = this.jobQueue.factory.createWorker((job: Job) => this.process(job), {
      concurrency: this.config.workerConcurrency,
      // A worker killed mid-job stops renewing its lock; once the lock lapses, another worker's stalled check
      // (every stalledInterval) takes the job back. Short in tests, BullMQ's defaults in production.
      lockDuration: this.config.workerLockMs,
      stalledInterval: this.config.workerStalledIntervalMs,
      maxStalledCount: 3,
    });
    this.worker.on('failed', (job, err) => {
      this.processed.inc({ job: job?.name ?? 'unknown', result: 'failed' });
      this.logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message }, 'job failed');
    });
    this.worker.on('completed', (job) => this.processed.inc({ job: job.name, result: 'completed' }));
    // once the process is closing, its connections being cut (the embedded server stopping after the app) is expected
    this.worker.on('error', (err) =>
      this.closing
        ? this.logger.debug({ err: err.message }, 'worker error while closing')
        : this.logger.warn({ err: err.message }, 'worker error'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    this.closing = true;
    // Finish the jobs in hand and take no new ones; if the backend is unreachable that never completes, so give
    // up after one lock period: the unfinished jobs stall and another worker takes them over.
    const worker = this.worker;
    await withTimeout(worker.close(), Math.min(this.config.workerLockMs, 10_000), 'worker close timed out').catch(() =>
      withTimeout(worker.close(true), 2000, 'forced close timed out').catch(() => undefined),
    );
    await withTimeout(Promise.all([this.flushFinished(), ...this.flushing]), 2000, 'outbox finish timed out').catch(() => undefined);
  }

  private async process(job: Job): Promise<void> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`no processor for job ${job.name}`);
    await handler.handle(job.data as never, job);
    this.markFinished(job.id);
  }

  /**
   * The outbox row (job id = outbox id) is done once its job is: from then on the relay no longer reconciles it.
   * Rows finished close together are closed in one statement (a commit per job cost a WAL flush each under load),
   * at most FINISH_DELAY_MS later, and on shutdown. If the write fails or the process dies first, the relay later
   * finds the job completed in the queue and closes the row itself, or hands over again a job the queue no longer
   * holds — every handler is idempotent, as for any redelivery.
   */
  private markFinished(jobId: string | undefined): void {
    if (!jobId) return;
    this.finished.push(jobId);
    if (this.finished.length >= FINISH_BATCH) void this.flushFinished();
    else this.finishTimer ??= setTimeout(() => void this.flushFinished(), FINISH_DELAY_MS);
  }

  private async flushFinished(): Promise<void> {
    if (this.finishTimer) clearTimeout(this.finishTimer);
    this.finishTimer = null;
    const ids = this.finished.splice(0);
    if (!ids.length) return;
    const write = runStatement(this.dataSource, FINISH_ROWS, [ids])
      .then(() => undefined)
      .catch((err: Error) =>
        this.logger.warn({ rows: ids.length, err: err.message }, 'could not mark outbox rows finished; the relay will'),
      );
    this.flushing.add(write);
    await write;
    this.flushing.delete(write);
  }
}

const FINISH_BATCH = 100;
const FINISH_DELAY_MS = 20;
const FINISH_ROWS = statement(`UPDATE outbox_messages SET finished_at = now() WHERE id = ANY($1::uuid[]) AND finished_at IS NULL`);
