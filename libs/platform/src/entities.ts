import { AUDIT_ENTITIES } from '@app/audit';
import { AUTH_ENTITIES } from '@app/auth';
import { CASES_ENTITIES } from '@app/cases';
import { CREDIT_ENTITIES } from '@app/credit';
import { DOCUMENTS_ENTITIES } from '@app/documents';
import { HOTLINE_ENTITIES } from '@app/hotline';
import { METRICS_ENTITIES } from '@app/metrics';
import { OUTBOX_ENTITIES } from '@app/outbox';
import { NOTIFICATIONS_ENTITIES } from '@app/notifications';
import { CALENDAR_ENTITIES } from '@app/calendar';
import { TRANSFERS_ENTITIES } from '@app/transfers';
import { MIGRATIONS } from '@app/migrations';
import { IdempotencyKeyEntity, NumberSequenceEntity } from '@app/kernel';

/** Every entity of every context: the schema the migrations must produce (checked by `migration:check`). */
export const ALL_ENTITIES = [
  IdempotencyKeyEntity,
  NumberSequenceEntity,
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...OUTBOX_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...CALENDAR_ENTITIES,
  ...CASES_ENTITIES,
  ...CREDIT_ENTITIES,
  ...HOTLINE_ENTITIES,
  ...METRICS_ENTITIES,
  ...TRANSFERS_ENTITIES,
  ...DOCUMENTS_ENTITIES,
];
export { MIGRATIONS };
