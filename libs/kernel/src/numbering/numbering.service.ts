import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NumberKey {
  orgUnitCode: string;
  year: number;
  kind: string;
}

/** Numbers per org unit, year and kind, from one counter row each. */
@Injectable()
export class NumberingService {
  /**
   * Gapless: call inside the transaction that uses the number. The counter row stays locked until that transaction
   * ends, so a rollback gives the number back and concurrent takers queue.
   */
  next(em: EntityManager, key: NumberKey): Promise<number> {
    return this.take(em, key);
  }

  /**
   * Unique and increasing, not gapless: `em` must not be inside a transaction, so the statement commits on its own
   * and the row lock lasts only that statement. A number whose use then fails is skipped.
   */
  reserve(em: EntityManager, key: NumberKey): Promise<number> {
    if (em.queryRunner?.isTransactionActive) throw new Error('reserve() takes a number outside any transaction');
    return this.take(em, key);
  }

  private async take(em: EntityManager, key: NumberKey): Promise<number> {
    const rows = await em.query<{ last_value: number }[]>(
      `INSERT INTO number_sequences (org_unit_code, year, kind, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (org_unit_code, year, kind) DO UPDATE SET last_value = number_sequences.last_value + 1
       RETURNING last_value`,
      [key.orgUnitCode, key.year, key.kind],
    );
    return rows[0].last_value;
  }
}
