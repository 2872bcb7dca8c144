import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/outbox';
import { NotificationsController } from './http/notifications.controller';
import { NotificationFanoutJob } from './jobs/notification-fanout.job';
import { NotificationsService } from './notifications.service';

/** The inbox and its fan-out job, without HTTP: every context that tells people something imports this. */
@Module({ imports: [OutboxModule], providers: [NotificationsService, NotificationFanoutJob], exports: [NotificationsService] })
export class NotificationsCoreModule {}

/** The caller's own inbox over HTTP. */
@Module({ imports: [NotificationsCoreModule], controllers: [NotificationsController] })
export class NotificationsModule {}
