import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, IntervalLoop } from '@app/kernel';
import { TransfersSweep } from '../transfers-sweep';

/** Reply reminders and escalations every EXCHANGE_SWEEP_INTERVAL_MS (idempotent: once per due date). */
@Injectable()
export class TransfersSweepTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;
  private readonly firstDelayMs: number;

  constructor(sweep: TransfersSweep, @Inject(APP_CONFIG) config: AppConfig) {
    this.firstDelayMs = Math.min(config.exchange.sweepIntervalMs, 30_000);
    this.loop = new IntervalLoop(TransfersSweepTask.name, config.exchange.sweepIntervalMs, async () => {
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
