import { computeScope } from './data-scope';
import { CLEARED, isLocked, LOCKOUT, registerFailure } from './lockout';
import {
  classifyRefresh,
  mintRefreshToken,
  parseRefreshToken,
  REFRESH_RETRY_GRACE_MS,
  secretMatches,
  StoredRefresh,
} from './refresh-rotation';

const t0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('refresh token rotation', () => {
  const fresh: StoredRefresh = {
    usedAt: null,
    laterTokenUsed: false,
    expiresAt: at(3600_000),
    sessionRevokedAt: null,
    sessionExpiresAt: at(3600_000),
    userActive: true,
  };

  it('rotates an unused, unexpired token of a live session', () => {
    expect(classifyRefresh(fresh, t0)).toBe('rotate');
  });

  it('treats a second use as reuse (revoke the session)', () => {
    // once a later token of the session was used, or after the grace period
    expect(classifyRefresh({ ...fresh, usedAt: at(-1000), laterTokenUsed: true }, t0)).toBe('reuse');
    expect(classifyRefresh({ ...fresh, usedAt: at(-REFRESH_RETRY_GRACE_MS - 1) }, t0)).toBe('reuse');
    // even when the used token has since expired: a copy is still in someone's hands
    expect(classifyRefresh({ ...fresh, usedAt: at(-1000), expiresAt: at(-1) }, t0)).toBe('reuse');
  });

  it('takes a second use soon after the first, with nothing used since, for a retry whose answer was lost', () => {
    expect(classifyRefresh({ ...fresh, usedAt: at(-1000) }, t0)).toBe('retry');
    expect(classifyRefresh({ ...fresh, usedAt: at(-REFRESH_RETRY_GRACE_MS) }, t0)).toBe('retry');
    expect(classifyRefresh({ ...fresh, usedAt: at(-1000), sessionExpiresAt: at(-1) }, t0)).toBe('reuse');
    expect(classifyRefresh({ ...fresh, usedAt: at(-1000), sessionRevokedAt: at(-1) }, t0)).toBe('invalid');
  });

  it('refuses expired tokens, revoked sessions and inactive users without revoking anything', () => {
    expect(classifyRefresh({ ...fresh, expiresAt: t0 }, t0)).toBe('invalid');
    expect(classifyRefresh({ ...fresh, sessionExpiresAt: at(-1) }, t0)).toBe('invalid');
    expect(classifyRefresh({ ...fresh, sessionRevokedAt: at(-1), usedAt: at(-2) }, t0)).toBe('invalid');
    expect(classifyRefresh({ ...fresh, userActive: false }, t0)).toBe('invalid');
  });

  it('mints tokens whose secret only matches its own hash', () => {
    const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const a = mintRefreshToken(id);
    const b = mintRefreshToken(id);
    const parsed = parseRefreshToken(a.token);
    expect(parsed?.tokenId).toBe(id);
    expect(secretMatches(parsed!.secret, a.hash)).toBe(true);
    expect(secretMatches(parsed!.secret, b.hash)).toBe(false);
    expect(a.hash).not.toContain(parsed!.secret);
    expect(parseRefreshToken('garbage')).toBeNull();
    expect(parseRefreshToken(`${id}.short`)).toBeNull();
  });
});

describe('lock-out', () => {
  it('locks on the fifth failure within the window, for 15 minutes', () => {
    let s = { ...CLEARED };
    for (let i = 1; i < LOCKOUT.maxFailures; i++) {
      const next = registerFailure(s, at(i * 1000));
      expect(next.locked).toBe(false);
      s = next;
    }
    const fifth = registerFailure(s, at(10_000));
    expect(fifth.locked).toBe(true);
    expect(fifth.lockedUntil).toEqual(at(10_000 + 15 * 60_000));
    expect(isLocked(fifth, at(10_000 + 15 * 60_000 - 1))).toBe(true);
    expect(isLocked(fifth, at(10_000 + 15 * 60_000))).toBe(false);
  });

  it('starts counting again when the first failure is older than 15 minutes', () => {
    let s = { ...CLEARED };
    for (let i = 0; i < 4; i++) s = registerFailure(s, at(i));
    const late = registerFailure(s, at(15 * 60_000));
    expect(late).toMatchObject({ locked: false, failedLoginCount: 1, firstFailedAt: at(15 * 60_000) });
  });
});

describe('data scope', () => {
  it('gives admins and city supervisors the whole city, everyone else their unit', () => {
    expect(computeScope(['admin'], { code: '120000', kind: 'bureau' })).toEqual({ allUnits: true, unitCodes: [] });
    expect(computeScope(['supervisor'], { code: '120000', kind: 'bureau' })).toEqual({ allUnits: true, unitCodes: [] });
    expect(computeScope(['supervisor'], { code: '120116', kind: 'district' })).toEqual({ allUnits: false, unitCodes: ['120116'] });
    expect(computeScope(['officer'], { code: '120000', kind: 'bureau' })).toEqual({ allUnits: false, unitCodes: ['120000'] });
    expect(computeScope(['hotline_operator'], { code: '120000-12330', kind: 'hotline_center' })).toEqual({
      allUnits: false,
      unitCodes: ['120000-12330'],
    });
  });
});
