import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WarningKind } from '../domain';

/**
 * An early-warning alert (专利预警): the tickets about one respondent, patent or industry reached the threshold within
 * the sliding window. One open alert per (kind, key) — a unique partial index — is the "once per crossing" rule: the
 * job marks it cleared when the count drops under the threshold, and a later crossing raises a new alert.
 */
@Entity({ name: 'hotline_alerts' })
@Index('ux_hotline_alerts_open', ['kind', 'key'], { unique: true, where: 'cleared_at IS NULL' })
@Index('ix_hotline_alerts_raised', ['raisedAt', 'id'])
export class HotlineAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: WarningKind;

  /** the normalised group key (respondent key, patent number, industry key) */
  @Column({ type: 'text' })
  key!: string;

  /** what people read: the respondent or industry as typed on the latest ticket, or the patent number */
  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'window_days', type: 'int' })
  windowDays!: number;

  @Column({ type: 'int' })
  threshold!: number;

  /** tickets in the window when the alert was raised (updated while it stays open) */
  @Column({ name: 'ticket_count', type: 'int' })
  ticketCount!: number;

  /** the tickets behind the alert (the newest 200) */
  @Column({ name: 'ticket_ids', type: 'uuid', array: true })
  ticketIds!: string[];

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt!: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}
