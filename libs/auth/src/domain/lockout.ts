/** 5 failed logins within 15 minutes lock the account for 15 minutes (docs/api.md "Auth"). */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export interface LockoutState {
  failedLoginCount: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt; `locked` is true when this failure locks the account. */
export function registerFailure(state: LockoutState, now: Date): LockoutState & { locked: boolean } {
  const windowOpen = state.firstFailedAt !== null && now.getTime() - state.firstFailedAt.getTime() < LOCKOUT.windowMs;
  const failedLoginCount = windowOpen ? state.failedLoginCount + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  if (failedLoginCount >= LOCKOUT.maxFailures) {
    return { failedLoginCount: 0, firstFailedAt: null, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMs), locked: true };
  }
  return { failedLoginCount, firstFailedAt, lockedUntil: state.lockedUntil, locked: false };
}

export const CLEARED: LockoutState = { failedLoginCount: 0, firstFailedAt: null, lockedUntil: null };
