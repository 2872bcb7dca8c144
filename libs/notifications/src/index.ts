export * from './notifications.module';
export * from './notifications.service';
export type { NotificationAudience } from './persistence/notification.entities';

import { NotificationEntity, NotificationEventEntity } from './persistence/notification.entities';
export const NOTIFICATIONS_ENTITIES = [NotificationEventEntity, NotificationEntity];
