import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, metricsRegistry, withTimeout } from '@app/kernel';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QueueFactory } from './queue.factory';

/** The process's producer handle on the jobs queue (api and worker both hold one). */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  readonly factory: QueueFactory;
  readonly queue: Queue;
  private readonly logger = new Logger(JobQueue.name);
  private lastErrorLog = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.factory = new QueueFactory(config);
    this.queue = this.factory.createQueue();
    // Without a listener an 'error' event would crash the process; the outbox keeps the work while the backend is away.
    this.queue.on('error', (err: Error) => {
      if (Date.now() - this.lastErrorLog < 10_000) return;
      this.lastErrorLog = Date.now();
      this.logger.warn({ err: err.message }, 'queue backend unavailable');
    });
    this.registerDepthGauge();
  }

  /** For readiness: the queue backend answers within the timeout. */
  async ping(timeoutMs = 2000): Promise<void> {
    await withTimeout(this.queue.getJobCounts('waiting'), timeoutMs, 'queue backend did not answer');
  }

  async onApplicationShutdown(): Promise<void> {
    await withTimeout(this.queue.close(), 3000, 'queue close timed out').catch(() => undefined);
    await this.factory.closeClients();
  }

  private registerDepthGauge(): void {
    const name = 'ped_queue_jobs';
    metricsRegistry.removeSingleMetric(name);
    const queue = this.queue;
    new Gauge({
      name,
      help: 'Jobs in the BullMQ queue by state',
      labelNames: ['state'] as const,
      registers: [metricsRegistry],
      async collect() {
        try {
          const counts = await withTimeout(queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'), 1000, 'timeout');
          for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
        } catch {
          // queue backend unreachable: leave the last values; /health/ready reports the outage
        }
      },
    });
  }
}
