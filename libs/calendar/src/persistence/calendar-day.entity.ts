import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A day of an official schedule loaded by an admin (a newer year, or a correction); it beats the packaged data. */
@Entity({ name: 'calendar_days' })
@Check('ck_calendar_days_kind', `"kind" IN ('workday', 'holiday')`)
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'text' })
  kind!: 'workday' | 'holiday';

  /** where the schedule came from, e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
  @Column({ type: 'text' })
  source!: string;

  @CreateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;
}
