import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditChainService } from '@app/audit';
import { APP_CONFIG, AppConfig, IntervalLoop } from '@app/kernel';

/** Links newly committed audit entries into the hash chain every AUDIT_SEAL_INTERVAL_MS (worker processes). */
@Injectable()
export class AuditSealerTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: IntervalLoop;

  constructor(chain: AuditChainService, @Inject(APP_CONFIG) config: AppConfig) {
    this.loop = new IntervalLoop(AuditSealerTask.name, config.auditSealIntervalMs, async () => {
      await chain.sealPending();
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
