import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditChainService } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/kernel';

/** Links newly committed audit entries into the hash chain every AUDIT_SEAL_INTERVAL_MS (worker processes). */
@Injectable()
export class AuditSealerTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealerTask.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly chain: AuditChainService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.chain
        .sealPending()
        .catch((err: Error) => this.logger.warn({ err: err.message }, 'audit sealing failed; will retry'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.auditSealIntervalMs);
  }
}
