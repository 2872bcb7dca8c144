import type { EntityManager } from 'typeorm';
import type { TimelineEventRow } from '../http/timeline';

/** The timeline tables: each has (id, <owner>, at, actor_id, action, from_status, to_status, payload). */
const TIMELINE_TABLES = {
  case_events: 'case_id',
  hotline_ticket_events: 'ticket_id',
  transfer_events: 'transfer_id',
} as const;

export type TimelineTable = keyof typeof TIMELINE_TABLES;

/**
 * One record's timeline, oldest first, each event with its actor's display name (people read names, not ids): the
 * one query the case, ticket and transfer timelines share.
 */
export function timelineEvents(manager: EntityManager, table: TimelineTable, ownerId: string): Promise<Required<TimelineEventRow>[]> {
  return manager.query(
    `SELECT e.id, e.at, e.actor_id AS "actorId", e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
            e.payload, u.display_name AS "actorName"
       FROM ${table} e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.${TIMELINE_TABLES[table]} = $1 ORDER BY e.id`,
    [ownerId],
  );
}
