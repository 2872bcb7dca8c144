import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A refresh token is `<token id>.<secret>`; only sha256(secret) is stored. */
export function mintRefreshToken(tokenId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tokenId}.${secret}`, hash: sha256(secret) };
}

export function parseRefreshToken(token: string): { tokenId: string; secret: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { tokenId: m[1], secret: m[2] } : null;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A used token presented again this soon after its use, while no later token of its session has been used, is taken
 * for the same client retrying a refresh whose answer it never got — the database committed the rotation and the
 * connection broke before the reply (a restart or failover of PostgreSQL answers 503 to such a request). It gets a
 * fresh pair and the successor it never received is voided, so a copy is still caught: whoever holds that successor
 * presents a used token and the session is revoked. (Identity providers call this a rotation grace or overlap period.)
 */
export const REFRESH_RETRY_GRACE_MS = 30_000;

export interface StoredRefresh {
  usedAt: Date | null;
  /** a token of the same session was used after this one (the client went on with its successor) */
  laterTokenUsed: boolean;
  expiresAt: Date;
  sessionRevokedAt: Date | null;
  sessionExpiresAt: Date;
  userActive: boolean;
}

/**
 * What presenting a (genuine) refresh token means:
 * - `rotate`: first use, still valid → issue a new pair, mark this one used;
 * - `retry`: used within REFRESH_RETRY_GRACE_MS and nothing used since → the answer was lost: issue a new pair, void
 *   the successor;
 * - `reuse`: it was used before otherwise → someone holds a copy: revoke the whole session;
 * - `invalid`: expired, revoked session or inactive user → 401, nothing else.
 */
export function classifyRefresh(t: StoredRefresh, now: Date): 'rotate' | 'retry' | 'reuse' | 'invalid' {
  if (t.sessionRevokedAt !== null || !t.userActive) return 'invalid';
  if (t.usedAt !== null) {
    const recent = now.getTime() - t.usedAt.getTime() <= REFRESH_RETRY_GRACE_MS;
    const live = t.expiresAt.getTime() > now.getTime() && t.sessionExpiresAt.getTime() > now.getTime();
    return recent && live && !t.laterTokenUsed ? 'retry' : 'reuse';
  }
  if (t.expiresAt.getTime() <= now.getTime() || t.sessionExpiresAt.getTime() <= now.getTime()) return 'invalid';
  return 'rotate';
}
