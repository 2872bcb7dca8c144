import { CountCell, queryCells } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { HOTLINE_CENTRE_CODE } from '../hotline-settings';

/**
 * The hotline's counts from the ticket timeline, for `metrics:rebuild`: the same definitions as `ticketCountDeltas`
 * (ticket-counts.ts) in SQL. Each counted step's event carries its instant and the unit it counted for; the first
 * resolution is measured against the resolution due date set at intake (the `create` event's `due`), which a later
 * reopening replaces on the ticket.
 */
const RECOMPUTE_SQL = `
WITH ev AS (
  SELECT e.id, e.ticket_id, e.action, e.payload, coalesce(e.org_unit_code, $1) AS org_unit_code,
         (e.at AT TIME ZONE 'Asia/Shanghai')::date AS on_day
    FROM hotline_ticket_events e WHERE e.action IN ('respond', 'forward', 'convert', 'close', 'callback')
), answered AS (
  SELECT DISTINCT ON (ev.ticket_id) ev.org_unit_code, ev.on_day, ev.on_day <= t.first_response_due AS on_time
    FROM ev JOIN hotline_tickets t ON t.id = ev.ticket_id
   WHERE ev.action IN ('respond', 'forward', 'convert') ORDER BY ev.ticket_id, ev.id
), resolved AS (
  SELECT DISTINCT ON (ev.ticket_id) ev.org_unit_code, ev.on_day,
         ev.on_day <= coalesce((c.payload->'due'->>'resolution')::date, t.resolution_due) AS on_time
    FROM ev JOIN hotline_tickets t ON t.id = ev.ticket_id
    LEFT JOIN hotline_ticket_events c ON c.ticket_id = ev.ticket_id AND c.action = 'create'
   WHERE ev.action IN ('close', 'forward', 'convert') ORDER BY ev.ticket_id, ev.id
), callbacks AS (
  SELECT org_unit_code, on_day, (payload->>'satisfaction')::int AS score FROM ev
   WHERE action = 'callback' AND payload->>'satisfaction' IS NOT NULL
)
SELECT 'hotline.first_responded' AS metric, org_unit_code, date_trunc('month', on_day)::date AS period, '' AS dimension,
       count(*) AS value
  FROM answered GROUP BY 2, 3
UNION ALL
SELECT 'hotline.first_response_on_time', org_unit_code, date_trunc('month', on_day)::date, '', count(*)
  FROM answered WHERE on_time GROUP BY 2, 3
UNION ALL
SELECT 'hotline.resolved', org_unit_code, date_trunc('month', on_day)::date, '', count(*) FROM resolved GROUP BY 2, 3
UNION ALL
SELECT 'hotline.resolved_on_time', org_unit_code, date_trunc('month', on_day)::date, '', count(*)
  FROM resolved WHERE on_time GROUP BY 2, 3
UNION ALL
SELECT 'hotline.satisfaction_sum', org_unit_code, date_trunc('month', on_day)::date, '', sum(score) FROM callbacks GROUP BY 2, 3
UNION ALL
SELECT 'hotline.satisfaction_count', org_unit_code, date_trunc('month', on_day)::date, '', count(*) FROM callbacks GROUP BY 2, 3`;

/** The hotline's metric cells recomputed from the ticket timeline (metrics:rebuild). */
export function recomputeTicketCounts(em: EntityManager): Promise<CountCell[]> {
  return queryCells(em, RECOMPUTE_SQL, [HOTLINE_CENTRE_CODE]);
}
