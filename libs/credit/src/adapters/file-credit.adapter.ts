import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { writeCsv } from '@app/kernel';
import { CREDIT_RECORD_COLUMNS } from '../credit-export';
import type { CreditRecord } from '../domain/credit-record';
import { CreditPlatformAdapter, RemoveOutcome, SubmitOutcome } from './credit-platform.adapter';

async function* one<T>(row: T): AsyncGenerator<T> {
  yield row;
}

/**
 * For offices that upload to the platform by hand: each publication becomes a one-row batch file in the standard's
 * CSV layout (UTF-8 with BOM, Chinese headers, standard column order) under CREDIT_EXPORT_DIR/publish, named by its
 * idempotency key so a repeated delivery rewrites the same file; withdrawals go to CREDIT_EXPORT_DIR/withdraw. The
 * receipt id is the file name. `GET /credit/publications/export` gives the same columns for a date range as CSV/XLSX.
 */
export class FileCreditAdapter implements CreditPlatformAdapter {
  readonly name = 'file' as const;

  constructor(private readonly dir: string) {}

  async submit(idempotencyKey: string, record: CreditRecord): Promise<SubmitOutcome> {
    const name = `${idempotencyKey}.csv`;
    try {
      await this.writeAtomically(path.join(this.dir, 'publish'), name, record);
      return { kind: 'accepted', receiptId: `file:${name}` };
    } catch (err) {
      return { kind: 'retry', error: `could not write the batch file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }

  async remove(receiptId: string, record: CreditRecord): Promise<RemoveOutcome> {
    try {
      await this.writeAtomically(path.join(this.dir, 'withdraw'), path.basename(receiptId.replace(/^file:/, '')), record);
      return { kind: 'removed' };
    } catch (err) {
      return {
        kind: 'retry',
        error: `could not write the withdrawal file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      };
    }
  }

  /** Written under a temporary name and renamed: a reader never sees half a file. */
  private async writeAtomically(dir: string, name: string, record: CreditRecord): Promise<void> {
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
    await writeCsv(one(record), CREDIT_RECORD_COLUMNS, createWriteStream(tmp));
    await rename(tmp, path.join(dir, name));
  }
}
