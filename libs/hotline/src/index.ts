export * from './domain';
export * from './hotline.module';
export * from './hotline.service';
export * from './ticket-actions.service';
export * from './hotline-sla-sweep';
export * from './early-warning.service';
export * from './hotline-settings';
export * from './ticket-counts';
export { TicketEntity } from './persistence/ticket.entity';
export type { TicketResponse } from './http/dto/ticket-response';

import { HotlineAlertEntity } from './persistence/hotline-alert.entity';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketEventEntity } from './persistence/ticket-event.entity';
import { TicketPatentEntity } from './persistence/ticket-patent.entity';
import { TicketSlaAlertEntity } from './persistence/ticket-sla-alert.entity';
export const HOTLINE_ENTITIES = [TicketEntity, TicketPatentEntity, TicketEventEntity, TicketSlaAlertEntity, HotlineAlertEntity];
