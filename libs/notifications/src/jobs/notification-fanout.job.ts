import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayloads, JobProcessor } from '@app/outbox';
import { NotificationsService } from '../notifications.service';

@Injectable()
@JobProcessor('notification.fanout')
export class NotificationFanoutJob implements JobHandler<'notification.fanout'> {
  constructor(private readonly notifications: NotificationsService) {}

  async handle(payload: JobPayloads['notification.fanout']): Promise<void> {
    await this.notifications.fanOut(payload.eventId);
  }
}
