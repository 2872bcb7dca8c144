import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@app/kernel';
import { findBureauCodes } from '@app/auth';
import { DataSource, EntityManager } from 'typeorm';
import { FINISHED_STATUSES_SQL } from './ticket-sql';

export interface SlaAlertRow {
  ticket_id: string;
  sla: 'first_response' | 'resolution' | 'callback';
  kind: 'reminder' | 'overdue';
  due_on: string;
  org_unit_code: string | null;
  status: string;
  ticket_no: string;
}

/**
 * The SLA sweep's statement: the due dates of open tickets (first response, resolution) and of closed ones awaiting
 * their callback, each branch on its own partial index (ticket.entity.ts), minus the alerts already taken.
 */
const TAKE_DUE_SQL = `WITH due AS (
     SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'first_response' AS sla, t.first_response_due AS due_on
       FROM hotline_tickets t
      WHERE t.status NOT IN ${FINISHED_STATUSES_SQL} AND t.first_responded_at IS NULL AND t.first_response_due <= $1
     UNION ALL
     SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'resolution', t.resolution_due
       FROM hotline_tickets t
      WHERE t.status NOT IN ${FINISHED_STATUSES_SQL} AND t.resolution_due <= $1
     UNION ALL
     SELECT t.id, t.org_unit_code, t.status, t.ticket_no, 'callback', t.callback_due
       FROM hotline_tickets t
      WHERE t.status = 'closed' AND NOT t.callback_recorded AND t.callback_due <= $1
   ), fresh AS (
     SELECT d.*, CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END AS kind FROM due d
      WHERE NOT EXISTS (SELECT 1 FROM hotline_sla_alerts a
                         WHERE a.ticket_id = d.id AND a.sla = d.sla AND a.due_on = d.due_on
                           AND a.kind = CASE WHEN d.due_on < $2 THEN 'overdue' ELSE 'reminder' END)
      LIMIT $3
   ), inserted AS (
     INSERT INTO hotline_sla_alerts (ticket_id, sla, kind, due_on)
     SELECT id, sla, kind, due_on FROM fresh ON CONFLICT DO NOTHING RETURNING ticket_id, sla, kind, due_on
   )
   SELECT i.ticket_id, i.sla, i.kind, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, f.org_unit_code, f.status, f.ticket_no
     FROM inserted i JOIN fresh f ON f.id = i.ticket_id AND f.sla = i.sla`;

@Injectable()
export class TicketSlaAlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work);
  }

  bureauCodes(): Promise<string[]> {
    return findBureauCodes(this.dataSource.manager);
  }

  /**
   * Takes up to `batch` alerts due by `horizon` (reminders) or before `today` (overdue) that no run took before: the
   * alert row's primary key makes a second run, or a second worker, a no-op.
   */
  takeDue(em: EntityManager, horizon: string, today: string, batch: number): Promise<SlaAlertRow[]> {
    return em.query<SlaAlertRow[]>(TAKE_DUE_SQL, [horizon, today, batch]);
  }
}
