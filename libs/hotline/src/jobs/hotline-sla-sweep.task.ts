import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalLoop } from '@app/kernel';
import { HotlineSettings } from '../hotline-settings';
import { HotlineSlaSweep } from '../hotline-sla-sweep';

/** SLA reminders and escalations every HOTLINE_SWEEP_INTERVAL_MS (worker processes; idempotent). */
@Injectable()
export class HotlineSlaSweepTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;

  constructor(sweep: HotlineSlaSweep, @Inject(HotlineSettings) settings: HotlineSettings) {
    this.loop = new IntervalLoop(HotlineSlaSweepTask.name, settings.sweepIntervalMs, async () => {
      await sweep.run();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(30_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
