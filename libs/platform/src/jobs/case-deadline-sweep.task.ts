import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseDeadlineSweep } from '@app/cases';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig, IntervalLoop } from '@app/kernel';

/** Reminders before and escalations after case deadlines and 登记保存 decisions, every CASE_SWEEP_INTERVAL_MS (worker processes; idempotent). */
@Injectable()
export class CaseDeadlineSweepTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;

  constructor(sweep: CaseDeadlineSweep, @Inject(APP_CONFIG) config: AppConfig) {
    this.loop = new IntervalLoop(CaseDeadlineSweepTask.name, config.caseSweepIntervalMs, async () => {
      await sweep.run();
      await sweep.runPreservations();
      await sweep.runServiceDeadlines();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(30_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
