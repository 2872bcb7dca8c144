import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One counter per org unit, year and kind of number (case number 案号, document number 文书编号, …). Taken with
 * UPDATE … RETURNING inside the business transaction: the row lock serialises concurrent takers and a rollback
 * gives the number back, so the sequence has no gaps and no repeats.
 */
@Entity({ name: 'number_sequences' })
export class NumberSequenceEntity {
  @PrimaryColumn({ name: 'org_unit_code', type: 'text' })
  orgUnitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ name: 'last_value', type: 'int', default: 0 })
  lastValue!: number;
}
