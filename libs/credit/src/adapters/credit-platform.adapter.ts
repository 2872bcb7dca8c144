import type { CreditRecord } from '../domain/credit-record';

/** What a delivery attempt came to. */
export type SubmitOutcome =
  | { kind: 'accepted'; receiptId: string }
  /** the platform refused the record (4xx): no retry until someone corrects it or retries by hand */
  | { kind: 'rejected'; reason: string }
  /** the platform is unreachable, timed out or failed (5xx): try again later */
  | { kind: 'retry'; error: string };

export type RemoveOutcome = { kind: 'removed' } | { kind: 'rejected'; reason: string } | { kind: 'retry'; error: string };

/** The credit platform as this system talks to it; chosen by CREDIT_ADAPTER. */
export interface CreditPlatformAdapter {
  readonly name: 'http' | 'file';
  /** Idempotent per key: the same key twice is one record at the platform, with the same receipt id. */
  submit(idempotencyKey: string, record: CreditRecord): Promise<SubmitOutcome>;
  remove(receiptId: string, record: CreditRecord): Promise<RemoveOutcome>;
}

export const CREDIT_PLATFORM_ADAPTER = Symbol('CreditPlatformAdapter');
