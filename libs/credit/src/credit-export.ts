import type { ExportColumn } from '@app/kernel';
import { CREDIT_RECORD_FIELDS, CreditRecord } from './domain/credit-record';

/** The standard's columns in its order, Chinese headers: the file adapter's batch files and the export endpoint. */
export const CREDIT_RECORD_COLUMNS: ExportColumn<CreditRecord>[] = CREDIT_RECORD_FIELDS.map((f) => ({
  header: f.header,
  value: (r: CreditRecord) => r[f.key],
  width: f.maxLength > 200 ? 40 : undefined,
}));
