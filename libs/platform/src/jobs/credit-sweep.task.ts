import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CreditSweep } from '@app/credit';
import { APP_CONFIG, AppConfig, IntervalLoop } from '@app/kernel';

/** Credit publications: expiry, overdue escalation, stuck-delivery re-enqueue; every CREDIT_SWEEP_INTERVAL_MS (idempotent). */
@Injectable()
export class CreditSweepTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;
  private readonly firstDelayMs: number;

  constructor(sweep: CreditSweep, @Inject(APP_CONFIG) config: AppConfig) {
    this.firstDelayMs = Math.min(config.credit.sweepIntervalMs, 30_000);
    this.loop = new IntervalLoop(CreditSweepTask.name, config.credit.sweepIntervalMs, async () => {
      await sweep.run();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(this.firstDelayMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
