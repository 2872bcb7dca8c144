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

export interface StoredRefresh {
  usedAt: Date | null;
  expiresAt: Date;
  sessionRevokedAt: Date | null;
  sessionExpiresAt: Date;
  userActive: boolean;
}

/**
 * What presenting a (genuine) refresh token means:
 * - `rotate`: first use, still valid → issue a new pair, mark this one used;
 * - `reuse`: it was used before → someone holds a copy: revoke the whole session;
 * - `invalid`: expired, revoked session or inactive user → 401, nothing else.
 */
export function classifyRefresh(t: StoredRefresh, now: Date): 'rotate' | 'reuse' | 'invalid' {
  if (t.sessionRevokedAt !== null || !t.userActive) return 'invalid';
  if (t.usedAt !== null) return 'reuse';
  if (t.expiresAt.getTime() <= now.getTime() || t.sessionExpiresAt.getTime() <= now.getTime()) return 'invalid';
  return 'rotate';
}
