import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntervalLoop } from '@app/kernel';
import { DataSource } from 'typeorm';

const HOUR = 3_600_000;

/**
 * Hourly clean-up of bookkeeping rows that have served their purpose: relayed outbox rows after 7 days (BullMQ
 * keeps completed jobs as long, so a late duplicate hand-over is still deduplicated), idempotency keys after
 * 24 hours, ended sessions after 30 days. Bounded batches; replicas may run it at once harmlessly.
 */
@Injectable()
export class RetentionTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionTask.name);
  private readonly loop: IntervalLoop;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.loop = new IntervalLoop(RetentionTask.name, HOUR, async () => {
      await this.run();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(60_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  async run(): Promise<Record<string, number>> {
    const removed = {
      outbox: await this.deleteBatched(
        `SELECT id FROM outbox_messages WHERE finished_at < now() - interval '7 days'`,
        'outbox_messages',
        'id',
      ),
      idempotencyKeys: (
        await this.dataSource.query<[unknown[], number]>(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`)
      )[1],
      sessions: await this.deleteBatched(
        `SELECT id FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
        'sessions',
        'id',
      ),
    };
    if (Object.values(removed).some((n) => n > 0)) this.logger.log(removed, 'retention clean-up');
    return removed;
  }

  private async deleteBatched(select: string, table: string, key: string): Promise<number> {
    let total = 0;
    for (;;) {
      const [, n] = await this.dataSource.query<[unknown[], number]>(`DELETE FROM ${table} WHERE ${key} IN (${select} LIMIT 5000)`);
      total += n;
      if (n < 5000) return total;
    }
  }
}
