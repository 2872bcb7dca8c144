import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntervalLoop } from '@app/kernel';
import { EarlyWarningService } from '../early-warning.service';
import { HotlineSettings } from '../hotline-settings';

/** Early-warning evaluation every HOTLINE_WARNING_INTERVAL_MS (worker processes; one replica at a time). */
@Injectable()
export class EarlyWarningTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;

  constructor(warnings: EarlyWarningService, @Inject(HotlineSettings) settings: HotlineSettings) {
    this.loop = new IntervalLoop(EarlyWarningTask.name, settings.warningIntervalMs, async () => {
      await warnings.run();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(45_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
