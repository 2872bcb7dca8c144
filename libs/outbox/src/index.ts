export * from './job-names';
export * from './outbox.writer';
export * from './outbox.relay';
export * from './outbox.module';
export * from './queue.factory';
export * from './queue.provider';
export * from './jobs/job-processor';
export * from './jobs/job-registry';
export { OutboxMessageEntity } from './persistence/outbox-message.entity';

import { OutboxMessageEntity } from './persistence/outbox-message.entity';
export const OUTBOX_ENTITIES = [OutboxMessageEntity];
