import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CalendarModule } from '@app/calendar';
import { NotificationsCoreModule } from '@app/notifications';
import { CasesCoreModule } from '@app/cases';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { MetricsCoreModule } from '@app/metrics';
import { EarlyWarningService } from './early-warning.service';
import { HotlineService } from './hotline.service';
import { HotlineSettings } from './hotline-settings';
import { HotlineSlaSweep } from './hotline-sla-sweep';
import { HotlineController } from './http/hotline.controller';
import { EarlyWarningTask } from './jobs/early-warning.task';
import { HotlineSlaSweepTask } from './jobs/hotline-sla-sweep.task';
import { HotlineAlertsRepository } from './persistence/hotline-alerts.repository';
import { TicketSlaAlertsRepository } from './persistence/ticket-sla-alerts.repository';
import { TicketsRepository } from './persistence/tickets.repository';
import { TicketActionsService } from './ticket-actions.service';
import { TicketCountsSource } from './ticket-counts.source';

const services = [
  // parsed once at start: a bad HOTLINE_* value stops the process with a message naming it
  { provide: HotlineSettings, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new HotlineSettings(config) },
  HotlineService,
  TicketActionsService,
  HotlineSlaSweep,
  EarlyWarningService,
];

/** The hotline's statements (persistence/): the only providers that touch TypeORM or SQL. */
const repositories = [TicketsRepository, HotlineAlertsRepository, TicketSlaAlertsRepository];

/**
 * The hotline services without HTTP or loops: for the api, the worker and the cli. Ticket steps count their KPIs
 * through the metrics library (hotline → metrics, never back), which learns of the hotline source in onModuleInit.
 */
@Module({
  imports: [AuditModule, AuthCoreModule, CalendarModule, NotificationsCoreModule, CasesCoreModule, MetricsCoreModule],
  providers: [...services, ...repositories, TicketCountsSource],
  exports: services,
})
export class HotlineCoreModule {}

@Module({ imports: [HotlineCoreModule], controllers: [HotlineController] })
export class HotlineModule {}

/** The worker's periodic hotline work: SLA sweep and early warning. */
@Module({ imports: [HotlineCoreModule], providers: [HotlineSlaSweepTask, EarlyWarningTask] })
export class HotlineWorkerModule {}
