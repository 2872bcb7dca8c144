import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ActorContext, APP_CONFIG, AppConfig, AuthUser, Clock, DomainError, Role, TransactionRunner } from '@app/kernel';
import { AuditWriter } from '@app/audit';
import { EntityManager } from 'typeorm';
import { computeScope } from './domain/data-scope';
import { CLEARED, isLocked, LockoutState, registerFailure } from './domain/lockout';
import { classifyRefresh, mintRefreshToken, parseRefreshToken, secretMatches } from './domain/refresh-rotation';
import { NotificationsService } from '@app/notifications';
import { PasswordHasher } from './password.hasher';
import type { OrgUnitKind } from './domain/org-unit-kinds';
import { SessionsRepository } from './persistence/sessions.repository';
import { UserEntity } from './persistence/user.entity';
import { UsersRepository } from './persistence/users.repository';

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

/**
 * An access token must say who (`sub`), which session (`sid`), when it was issued (`iat`) and until when it holds
 * (`exp`; the signature check enforces it only when present): a token without any of them is refused.
 */
export function hasRequiredClaims(claims: unknown): claims is AccessClaims & { exp: number; iat: number } {
  const c = claims as Partial<Record<'sub' | 'sid' | 'typ' | 'exp' | 'iat', unknown>> | null;
  return (
    !!c &&
    c.typ === 'access' &&
    typeof c.sub === 'string' &&
    UUID.test(c.sub) &&
    typeof c.sid === 'string' &&
    UUID.test(c.sid) &&
    Number.isFinite(c.exp) &&
    Number.isFinite(c.iat)
  );
}

export interface MeView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnit: { code: string; name: string; kind: OrgUnitKind };
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: MeView;
}

const UNKNOWN_LOGINS_KEPT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const UNAUTHENTICATED = () => new DomainError('UNAUTHENTICATED', 'invalid or expired credentials');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Lock-out state of names that are no (active) account, kept like a user row's (per process). */
  private readonly unknownLogins = new Map<string, LockoutState>();

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a username and password (the passport-local strategy calls this). Wrong → 401; five wrong in 15 min
   * lock the account for 15 min → 429 ACCOUNT_LOCKED, even with the right password; admins are told.
   */
  async validateCredentials(username: string, password: string, actor: ActorContext): Promise<UserEntity> {
    const user = await this.sessions.findUserByUsername(username);
    if (!user || !user.active) {
      // Answered exactly as a real account would be (401s, then 429 ACCOUNT_LOCKED after the same number of
      // failures), so the lock-out does not tell which names exist.
      const key = username.toLowerCase();
      const state = this.unknownLogins.get(key) ?? CLEARED;
      if (isLocked(state, this.clock.now())) throw this.lockedError(state.lockedUntil as Date);
      await this.hasher.verifyNobody(password);
      const next = registerFailure(state, this.clock.now());
      this.rememberUnknown(key, next);
      if (next.locked) throw this.lockedError(next.lockedUntil as Date);
      throw UNAUTHENTICATED();
    }
    if (isLocked(user, this.clock.now())) throw this.lockedError(user.lockedUntil as Date);
    if (await this.hasher.verify(user.passwordHash, password)) return user;

    const lockedUntil = await this.tx.run(async (em) => {
      const locked = await this.sessions.lockUser(em, user.id);
      if (!locked) return null;
      const next = registerFailure(locked, this.clock.now());
      await this.sessions.setLockout(em, user.id, {
        failedLoginCount: next.failedLoginCount,
        firstFailedAt: next.firstFailedAt,
        lockedUntil: next.lockedUntil,
      });
      if (!next.locked) return null;
      await this.audit.write(
        em,
        { ...actor, actorId: null },
        {
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          orgUnitCode: user.orgUnitCode,
          after: { lockedUntil: next.lockedUntil?.toISOString(), reason: 'too many failed logins' },
        },
      );
      await this.notifications.publish(em, {
        kind: 'security.account_locked',
        title: `账号已锁定 / Account locked: ${user.username}`,
        body: `连续登录失败，账号锁定至 ${next.lockedUntil?.toISOString()} / repeated failed logins; locked until ${next.lockedUntil?.toISOString()}`,
        entityType: 'user',
        entityId: user.id,
        audience: { roles: ['admin'] },
      });
      return next.lockedUntil;
    });
    if (lockedUntil) {
      this.logger.warn({ userId: user.id }, 'account locked after repeated failed logins');
      throw this.lockedError(lockedUntil);
    }
    throw UNAUTHENTICATED();
  }

  /** Opens a session for a checked user and returns the first token pair. */
  async login(user: UserEntity, actor: ActorContext): Promise<TokenPair> {
    const now = this.clock.now();
    const { sessionId, refreshToken } = await this.tx.run(async (em) => {
      if (user.failedLoginCount > 0 || user.lockedUntil) await this.sessions.setLockout(em, user.id, { ...CLEARED });
      const session = await this.sessions.openSession(em, {
        userId: user.id,
        expiresAt: new Date(now.getTime() + this.config.refreshTtlSeconds * 1000),
        ip: actor.ip,
      });
      const token = await this.issueRefreshToken(em, session.id, now);
      await this.audit.write(
        em,
        { ...actor, actorId: user.id },
        {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          orgUnitCode: user.orgUnitCode,
          after: { sessionId: session.id },
        },
      );
      return { sessionId: session.id, refreshToken: token };
    });
    return this.pair(user.id, sessionId, refreshToken);
  }

  /**
   * Rotates a refresh token. A token used twice means a copy exists: the whole session is revoked — unless it is the
   * same client retrying within REFRESH_RETRY_GRACE_MS a refresh whose answer was lost (domain/refresh-rotation.ts).
   */
  async refresh(presented: string, actor: ActorContext): Promise<TokenPair> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw UNAUTHENTICATED();
    const now = this.clock.now();
    const outcome = await this.tx.run(async (em) => {
      const found = await this.sessions.lockRefreshToken(em, parsed.tokenId);
      if (!found || !secretMatches(parsed.secret, found.token.tokenHash)) return { kind: 'invalid' as const };
      const { token, session, user } = found;
      const verdict = classifyRefresh(
        {
          usedAt: token.usedAt,
          laterTokenUsed: token.usedAt !== null && (await this.sessions.tokenUsedAfter(em, session.id, token.usedAt)),
          expiresAt: token.expiresAt,
          sessionRevokedAt: session.revokedAt,
          sessionExpiresAt: session.expiresAt,
          userActive: user.active,
        },
        now,
      );
      if (verdict === 'invalid') return { kind: 'invalid' as const };
      if (verdict === 'reuse') {
        await this.sessions.revokeSession(em, session.id, now, 'refresh_token_reuse');
        await this.audit.write(
          em,
          { ...actor, actorId: user.id },
          {
            action: 'auth.session_revoked',
            entityType: 'user',
            entityId: user.id,
            orgUnitCode: user.orgUnitCode,
            after: { sessionId: session.id, reason: 'refresh_token_reuse' },
          },
        );
        return { kind: 'reuse' as const, userId: user.id };
      }
      // a retry: the successor issued with the lost answer is voided, as used at the same moment as the presented
      // token — so the window stays the one of the first rotation, and a retry of this retry is still a retry
      if (verdict === 'retry') await this.sessions.voidUnusedRefreshTokens(em, session.id, token.usedAt as Date);
      else await this.sessions.markRefreshTokenUsed(em, token.id, now);
      const refreshToken = await this.issueRefreshToken(em, session.id, now);
      return { kind: 'rotated' as const, userId: user.id, sessionId: session.id, refreshToken };
    });
    if (outcome.kind === 'reuse') this.logger.warn({ userId: outcome.userId }, 'refresh token reuse: session revoked');
    if (outcome.kind !== 'rotated') throw UNAUTHENTICATED();
    return this.pair(outcome.userId, outcome.sessionId, outcome.refreshToken);
  }

  async logout(user: AuthUser, actor: ActorContext): Promise<void> {
    await this.tx.run(async (em) => {
      await this.sessions.revokeSession(em, user.sessionId, this.clock.now(), 'logout');
      await this.audit.write(em, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
        orgUnitCode: user.orgUnitCode,
        after: { sessionId: user.sessionId },
      });
    });
  }

  /** Resolves an access token's claims to the caller (the JWT strategy calls this once per request). */
  async resolveAccess(claims: AccessClaims): Promise<AuthUser> {
    if (!hasRequiredClaims(claims)) throw UNAUTHENTICATED();
    const row = await this.sessions.access(claims.sid, claims.sub);
    if (!row || !row.active || row.revoked_at !== null) throw UNAUTHENTICATED();
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      orgUnitCode: row.org_unit_code,
      orgUnit: { code: row.org_unit_code, name: row.unit_name, kind: row.kind },
      sessionId: claims.sid,
      scope: computeScope(row.roles, { code: row.org_unit_code, kind: row.kind }),
    };
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.users.findById(userId);
    if (!user?.orgUnit) throw UNAUTHENTICATED();
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      orgUnit: { code: user.orgUnit.code, name: user.orgUnit.name, kind: user.orgUnit.kind },
    };
  }

  private async issueRefreshToken(em: EntityManager, sessionId: string, now: Date): Promise<string> {
    const id = randomUUID();
    const { token, hash } = mintRefreshToken(id);
    await this.sessions.insertRefreshToken(em, {
      id,
      sessionId,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + this.config.refreshTtlSeconds * 1000),
    });
    return token;
  }

  private async pair(userId: string, sessionId: string, refreshToken: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtAccessTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.jwtAccessTtlSeconds, user: await this.me(userId) };
  }

  /** Bounded: the oldest names are forgotten first (an attacker cycling names cannot grow the process). */
  private rememberUnknown(key: string, state: LockoutState): void {
    this.unknownLogins.delete(key);
    this.unknownLogins.set(key, {
      failedLoginCount: state.failedLoginCount,
      firstFailedAt: state.firstFailedAt,
      lockedUntil: state.lockedUntil,
    });
    while (this.unknownLogins.size > UNKNOWN_LOGINS_KEPT) {
      const oldest = this.unknownLogins.keys().next().value as string;
      this.unknownLogins.delete(oldest);
    }
  }

  private lockedError(until: Date): DomainError {
    return new DomainError('ACCOUNT_LOCKED', `account locked after repeated failed logins; try again after ${until.toISOString()}`, {
      lockedUntil: until.toISOString(),
    });
  }
}
