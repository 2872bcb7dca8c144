import { Logger } from '@nestjs/common';

/**
 * Runs `work` repeatedly with `intervalMs` between the end of one run and the start of the next (never
 * overlapping); a run may return a number to choose the next delay (0: more work is waiting). A failed run is
 * logged and retried on the next tick. `stop()` waits for a run in progress.
 */
export class IntervalLoop {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<number | void>,
  ) {
    this.logger = new Logger(name);
  }

  start(firstDelayMs = this.intervalMs): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(
          (next) => next,
          (err: Error) => void this.logger.warn({ err: err.message }, 'periodic task failed; will retry'),
        )
        .then((next) => {
          this.running = null;
          this.schedule(typeof next === 'number' ? next : this.intervalMs);
        });
    }, ms);
  }
}
