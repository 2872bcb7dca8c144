/** Narrowing helpers for errors raised by node-postgres through TypeORM. */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (err: unknown): boolean => pgErrorCode(err) === '23505';
export const isSerializationFailure = (err: unknown): boolean => pgErrorCode(err) === '40001';

/**
 * The error for a transaction whose connection went away under it: SQLSTATE 08006 (connection_failure), so
 * `isDatabaseUnavailable` answers it with 503 like the failure that caused it. `cause` keeps what was thrown.
 */
export function connectionLost(cause: unknown): Error {
  return Object.assign(new Error('the database connection was lost during the transaction', { cause }), { code: '08006' });
}

// Socket-level failures reaching (or talking to) the server.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// SQLSTATEs of a server that is going away, starting, full or cancelled the statement (statement_timeout).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
// What node-postgres and its pool say (without a code) when the server vanished or a wait ran out.
const UNAVAILABLE_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|query read timeout|not queryable|server closed the connection|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `err` says PostgreSQL could not be reached or answered in time (down, restarting, pool wait or query
 * timeout), not that a statement was wrong. The one place that decides it: the global filter answers such errors with
 * 503 SERVICE_UNAVAILABLE and the auth guards pass them on instead of turning them into 401s.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    const inner = e as { driverError?: unknown; cause?: unknown };
    e = inner.driverError ?? inner.cause;
  }
  return false;
}
