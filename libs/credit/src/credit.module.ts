import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CalendarModule } from '@app/calendar';
import { NotificationsCoreModule } from '@app/notifications';
import { CaseChangeHooks, CasesCoreModule } from '@app/cases';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { MetricsCoreModule } from '@app/metrics';
import { CreditSweepRepository } from './persistence/credit-sweep.repository';
import { PublicationsRepository } from './persistence/publications.repository';
import { OutboxModule } from '@app/outbox';
import { CREDIT_PLATFORM_ADAPTER, CreditPlatformAdapter } from './adapters/credit-platform.adapter';
import { FileCreditAdapter } from './adapters/file-credit.adapter';
import { HttpCreditAdapter } from './adapters/http-credit.adapter';
import { CreditCountsSource } from './credit-counts.source';
import { CreditDeliveryService } from './credit-delivery.service';
import { CreditDeliverJob, CreditRemoveJob } from './jobs/credit-delivery.job';
import { CreditPublicationsService } from './credit-publications.service';
import { CreditSweep } from './credit-sweep';
import { CreditController } from './http/credit.controller';

export function createCreditAdapter(config: AppConfig): CreditPlatformAdapter {
  return config.credit.adapter === 'file'
    ? new FileCreditAdapter(config.credit.exportDir)
    : new HttpCreditAdapter(config.credit.platformUrl, config.credit.httpTimeoutMs);
}

/**
 * Publication without HTTP, for the api, the worker and the cli: the approval hook (registered once per process, so
 * every process that runs case actions creates publications), delivery, the job processors, the sweep, and the credit
 * metrics (counted on publishing; source and backlog gauge declared to the metrics library: credit → metrics only).
 */
@Module({
  imports: [AuditModule, AuthCoreModule, CalendarModule, NotificationsCoreModule, OutboxModule, CasesCoreModule, MetricsCoreModule],
  providers: [
    CreditPublicationsService,
    CreditCountsSource,
    CreditDeliveryService,
    CreditDeliverJob,
    CreditRemoveJob,
    CreditSweep,
    PublicationsRepository,
    CreditSweepRepository,
    { provide: CREDIT_PLATFORM_ADAPTER, inject: [APP_CONFIG], useFactory: createCreditAdapter },
  ],
  exports: [CreditPublicationsService, CreditDeliveryService, CreditSweep],
})
export class CreditCoreModule implements OnModuleInit {
  constructor(
    private readonly hooks: CaseChangeHooks,
    private readonly publications: CreditPublicationsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register('credit-publication', (em, change) => this.publications.onCaseChange(em, change));
  }
}

@Module({ imports: [CreditCoreModule], controllers: [CreditController] })
export class CreditModule {}
