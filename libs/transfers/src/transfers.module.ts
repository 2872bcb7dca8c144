import { Module, OnModuleInit } from '@nestjs/common';
import path from 'node:path';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CalendarModule } from '@app/calendar';
import { CaseChangeHooks, CasesCoreModule } from '@app/cases';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { MetricsCoreModule } from '@app/metrics';
import { NotificationsCoreModule } from '@app/notifications';
import { OutboxModule } from '@app/outbox';
import { ExchangeService, TRANSFER_FILE_STORE } from './exchange.service';
import { ExchangeClient } from './exchange/exchange-client';
import { ExchangeIdentity } from './exchange/exchange-identity';
import { ExchangeVerifier } from './exchange/exchange-verifier';
import { ExchangeController } from './http/exchange.controller';
import { LiaisonsController } from './http/liaisons.controller';
import { TransfersController } from './http/transfers.controller';
import { LiaisonsReferralsService } from './liaisons-referrals.service';
import { TransferDeliverJob, TransferFetchFilesJob, TransferSendStatusJob } from './jobs/transfer-delivery.job';
import { TransfersSweepTask } from './jobs/transfers-sweep.task';
import { PartnersService } from './partners.service';
import { TransferFileStore } from './persistence/transfer-file-store';
import { TransfersRepository } from './persistence/transfers.repository';
import { TransferApprovals } from './transfer-approvals';
import { TransferCountsSource } from './transfer-counts.source';
import { TransferEffects } from './transfer-effects';
import { TransfersService } from './transfers.service';
import { TransfersSweep } from './transfers-sweep';

const services = [
  TransfersRepository,
  ExchangeIdentity,
  ExchangeClient,
  ExchangeVerifier,
  TransferEffects,
  ExchangeService,
  TransfersService,
  PartnersService,
  TransfersSweep,
  LiaisonsReferralsService,
  {
    provide: TRANSFER_FILE_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new TransferFileStore(path.join(config.evidenceDir, 'exchange')),
  },
];

/**
 * Transfers without HTTP or loops, for the api, the worker and the cli: partners, the exchange's signing and
 * verification, outbound and inbound use cases, the job processors, the reply sweep, and the transfer KPI's source.
 */
@Module({
  imports: [AuditModule, AuthCoreModule, CalendarModule, NotificationsCoreModule, OutboxModule, CasesCoreModule, MetricsCoreModule],
  providers: [...services, TransferDeliverJob, TransferSendStatusJob, TransferFetchFilesJob, TransferCountsSource, TransferApprovals],
  exports: [
    TransfersService,
    LiaisonsReferralsService,
    PartnersService,
    ExchangeService,
    ExchangeVerifier,
    TransfersSweep,
    ExchangeIdentity,
  ],
})
export class TransfersCoreModule implements OnModuleInit {
  constructor(
    private readonly hooks: CaseChangeHooks,
    private readonly referrals: LiaisonsReferralsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register('transfers-referral', (em, change) => this.referrals.onCaseChange(em, change));
  }
}

@Module({ imports: [TransfersCoreModule], controllers: [TransfersController, ExchangeController, LiaisonsController] })
export class TransfersModule {}

/** The worker's periodic transfer work: reply reminders and escalations. */
@Module({ imports: [TransfersCoreModule], providers: [TransfersSweepTask] })
export class TransfersWorkerModule {}
