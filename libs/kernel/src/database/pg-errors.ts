/** Narrowing helpers for errors raised by node-postgres through TypeORM. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (err: unknown): boolean => pgErrorCode(err) === '23505';
export const isSerializationFailure = (err: unknown): boolean => pgErrorCode(err) === '40001';
