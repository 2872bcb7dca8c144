import { Logger } from '@nestjs/common';
import type { AppConfig } from '@app/kernel';
import { createPostgresBackend, Processor, Queue, Worker, WorkerOptions, withBackend } from 'bullmq';
import IORedis from 'ioredis';

export const JOBS_QUEUE = 'jobs';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * Builds the BullMQ queue and workers on Redis when REDIS_URL is set, otherwise on BullMQ's own PostgreSQL backend
 * (same queues, same processors; the zero-setup default). There is no third, home-made queue.
 */
export class QueueFactory {
  private readonly logger = new Logger(QueueFactory.name);
  private readonly redisClients: IORedis[] = [];

  constructor(private readonly config: Pick<AppConfig, 'redisUrl' | 'databaseUrl' | 'queuePrefix'>) {}

  get kind(): QueueBackendKind {
    return this.config.redisUrl ? 'redis' : 'postgres';
  }

  createQueue(): Queue {
    if (this.config.redisUrl) {
      // The producer fails fast while Redis is down: the outbox keeps the message and the relay tries again.
      const connection = this.redis({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
      return new Queue(JOBS_QUEUE, { connection, prefix: this.config.queuePrefix });
    }
    const pg = withBackend(createPostgresBackend);
    return new pg.Queue(JOBS_QUEUE, { connection: this.pgConnection(), prefix: this.config.queuePrefix }) as unknown as Queue;
  }

  createWorker(processor: Processor, opts: Omit<WorkerOptions, 'connection'>): Worker {
    if (this.config.redisUrl) {
      const connection = this.redis({ maxRetriesPerRequest: null });
      return new Worker(JOBS_QUEUE, processor, { ...opts, connection, prefix: this.config.queuePrefix });
    }
    const pg = withBackend(createPostgresBackend);
    return new pg.Worker(JOBS_QUEUE, processor, {
      ...opts,
      connection: this.pgConnection(),
      prefix: this.config.queuePrefix,
    }) as unknown as Worker;
  }

  async closeClients(): Promise<void> {
    // quit() waits for a reply that never comes while Redis is away; disconnect() does not wait.
    await Promise.all(
      this.redisClients.map((c) =>
        c.status === 'ready'
          ? c.quit().then(
              () => undefined,
              () => c.disconnect(),
            )
          : Promise.resolve(c.disconnect()),
      ),
    );
  }

  private pgConnection() {
    return { connectionString: this.config.databaseUrl, migrate: true, max: 5 };
  }

  private redis(opts: { maxRetriesPerRequest: number | null; enableOfflineQueue?: boolean }): IORedis {
    const client = new IORedis(this.config.redisUrl as string, { ...opts, lazyConnect: false });
    let last = 0;
    client.on('error', (err: Error) => {
      if (Date.now() - last < 10_000) return; // one line per outage, not one per reconnect attempt
      last = Date.now();
      this.logger.warn({ err: err.message }, 'redis connection error');
    });
    this.redisClients.push(client);
    return client;
  }
}
