import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, Page, decodeCursor, toPage, inTransaction } from '@app/kernel';
import { OutboxWriter } from '@app/outbox';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationAudience, NotificationEntity, NotificationEventEntity } from './persistence/notification.entities';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
  audience: NotificationAudience;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Records the event in the caller's transaction; the fan-out to inboxes runs as a job after commit. */
  async publish(em: EntityManager, input: NotificationInput): Promise<string> {
    const result = await em.insert(NotificationEventEntity, {
      kind: input.kind,
      title: input.title,
      body: input.body,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      audience: input.audience,
    });
    const eventId = (result.identifiers[0] as { id: string }).id;
    await this.outbox.enqueue(em, 'notification.fanout', { eventId });
    return eventId;
  }

  /** Idempotent: a second run adds nobody twice (unique event+user). Returns how many inbox rows were added. */
  async fanOut(eventId: string): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await em.findOneBy(NotificationEventEntity, { id: eventId });
      if (!event) return 0; // nothing to deliver: the event's transaction never committed it
      const a = event.audience;
      const rows = await em.query<unknown[]>(
        `INSERT INTO notifications (event_id, user_id)
         SELECT $1, u.id FROM users u
          WHERE u.active
            AND ($2::text[] IS NULL OR u.roles && $2::text[])
            AND ($3::text[] IS NULL OR u.org_unit_code = ANY($3::text[]))
            AND ($4::uuid[] IS NULL OR u.id = ANY($4::uuid[]))
         ON CONFLICT ON CONSTRAINT ux_notifications_event_user DO NOTHING
         RETURNING id`,
        [eventId, a.roles ?? null, a.orgUnitCodes ?? null, a.userIds ?? null],
      );
      await em.update(NotificationEventEntity, { id: eventId }, { fannedOutAt: new Date() });
      return rows.length;
    });
  }

  async listForUser(userId: string, q: { unread?: boolean; limit?: number; cursor?: string }): Promise<Page<NotificationView>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor, 2);
    const rows = await this.dataSource.query<(NotificationView & { created: Date })[]>(
      `SELECT n.id, e.kind, e.title, e.body, e.entity_type AS "entityType", e.entity_id AS "entityId",
              n.created_at AS created, n.read_at AS "readAt"
         FROM notifications n JOIN notification_events e ON e.id = n.event_id
        WHERE n.user_id = $1 AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      [userId, q.unread ?? null, cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        entityType: r.entityType,
        entityId: r.entityId,
        createdAt: new Date(r.created).toISOString(),
        readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
      }),
      (r) => [new Date(r.created).toISOString(), r.id],
    );
  }

  /** Marks one of the caller's own notifications read (personal inbox state, not a business record). */
  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    if (!result.affected) throw DomainError.notFound('notification');
  }
}
