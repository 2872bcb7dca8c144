import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Gapless numbers per org unit, year and kind; call inside the transaction that uses the number. */
@Injectable()
export class NumberingService {
  async next(em: EntityManager, key: { orgUnitCode: string; year: number; kind: string }): Promise<number> {
    const rows = await em.query<{ last_value: number }[]>(
      `INSERT INTO number_sequences (org_unit_code, year, kind, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (org_unit_code, year, kind) DO UPDATE SET last_value = number_sequences.last_value + 1
       RETURNING last_value`,
      [key.orgUnitCode, key.year, key.kind],
    );
    return rows[0].last_value;
  }
}
