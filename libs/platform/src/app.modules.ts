import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule, AuthModule } from '@app/auth';
import { CalendarController, CalendarModule } from '@app/calendar';
import { CasesCoreModule, CasesModule } from '@app/cases';
import { CreditCoreModule, CreditModule } from '@app/credit';
import { DocumentsModule } from '@app/documents';
import { HotlineCoreModule, HotlineModule, HotlineWorkerModule } from '@app/hotline';
import { AppConfig } from '@app/kernel';
import { MetricsCoreModule, MetricsModule, MetricsWorkerModule } from '@app/metrics';
import { NotificationsModule } from '@app/notifications';
import { OutboxModule, OutboxWorkerModule } from '@app/outbox';
import { TransfersCoreModule, TransfersModule, TransfersWorkerModule } from '@app/transfers';
import { AuditSealerTask } from './jobs/audit-sealer.task';
import { CaseDeadlineSweepTask } from './jobs/case-deadline-sweep.task';
import { CreditSweepTask } from './jobs/credit-sweep.task';
import { RetentionTask } from './jobs/retention.task';
import { ApprovalsController } from './ops/approvals.controller';
import { HealthController } from './ops/health.controller';
import { MetricsController } from './ops/metrics.controller';
import { PlatformModule } from './platform.module';
import { DemoHistorySeeder } from './demo-history.seeder';

/** The demo's lived-in year (npm start's first run, `seed:demo -- --history`): seeded through the real services. */
@Module({ imports: [CasesCoreModule, HotlineCoreModule, MetricsCoreModule], providers: [DemoHistorySeeder], exports: [DemoHistorySeeder] })
export class DemoModule {}

/** Everything a worker process runs: the outbox relay, the job runner with every context's processors, sweeps. */
@Module({
  imports: [
    AuditModule,
    AuthCoreModule,
    CasesCoreModule,
    OutboxWorkerModule,
    CreditCoreModule,
    HotlineWorkerModule,
    MetricsWorkerModule,
    TransfersWorkerModule,
  ],
  providers: [AuditSealerTask, RetentionTask, CaseDeadlineSweepTask, CreditSweepTask],
})
export class WorkerFeaturesModule {}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(config), WorkerFeaturesModule] };
  }
}

/** The HTTP api; with `withWorker` the same process also runs the worker (the embedded all-in-one default). */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, opts: { withWorker: boolean }): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        AuditModule,
        CalendarModule,
        OutboxModule,
        AuthModule,
        NotificationsModule,
        CasesModule,
        CreditModule,
        HotlineModule,
        MetricsModule,
        DemoModule,
        TransfersModule,
        DocumentsModule,
        ...(opts.withWorker ? [WorkerFeaturesModule] : []),
      ],
      controllers: [HealthController, MetricsController, ApprovalsController, CalendarController],
    };
  }
}

/** For one-off commands: the services without HTTP or background loops. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        PlatformModule.forRoot(config),
        AuditModule,
        OutboxModule,
        AuthCoreModule,
        CasesCoreModule,
        CreditCoreModule,
        HotlineCoreModule,
        MetricsCoreModule,
        DemoModule,
        TransfersCoreModule,
      ],
    };
  }
}
