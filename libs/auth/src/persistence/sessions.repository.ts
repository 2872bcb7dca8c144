import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runStatement, statement } from '@app/kernel';
import type { Role } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgUnitKind } from '../domain/org-unit-kinds';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

/** The caller behind an access token: the user, their unit and whether the session is still open. */
export interface AccessRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  org_unit_code: string;
  unit_name: string;
  kind: OrgUnitKind;
  active: boolean;
  revoked_at: Date | null;
}

/** Every authenticated request runs it (the session check of the JWT guard): prepared once per connection. */
const ACCESS = statement<AccessRow>(
  `SELECT u.id, u.username, u.display_name, u.roles, u.org_unit_code, o.name AS unit_name, o.kind, u.active, s.revoked_at
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.code = u.org_unit_code
    WHERE s.id = $1 AND u.id = $2`,
);

/** The statements of login, refresh and logout: sessions, refresh tokens and the lock-out fields of users. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Usernames are matched case-insensitively. */
  findUserByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  lockUser(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setLockout(
    em: EntityManager,
    userId: string,
    state: Pick<UserEntity, 'failedLoginCount' | 'firstFailedAt' | 'lockedUntil'>,
  ): Promise<void> {
    await em.update(UserEntity, { id: userId }, state);
  }

  openSession(em: EntityManager, fields: Pick<SessionEntity, 'userId' | 'expiresAt' | 'ip'>): Promise<SessionEntity> {
    return em.save(em.create(SessionEntity, fields));
  }

  async revokeSession(em: EntityManager, id: string, at: Date, reason: string): Promise<void> {
    await em.update(SessionEntity, { id }, { revokedAt: at, revokeReason: reason });
  }

  /** The refresh token locked for update, with its session and user (both must exist once the token does). */
  async lockRefreshToken(
    em: EntityManager,
    tokenId: string,
  ): Promise<{ token: RefreshTokenEntity; session: SessionEntity; user: UserEntity } | null> {
    const token = await em.findOne(RefreshTokenEntity, { where: { id: tokenId }, lock: { mode: 'pessimistic_write' } });
    if (!token) return null;
    const session = await em.findOneByOrFail(SessionEntity, { id: token.sessionId });
    const user = await em.findOneByOrFail(UserEntity, { id: session.userId });
    return { token, session, user };
  }

  async markRefreshTokenUsed(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(RefreshTokenEntity, { id }, { usedAt: at });
  }

  /** Whether a token of the session was used after `at`. */
  async tokenUsedAfter(em: EntityManager, sessionId: string, at: Date): Promise<boolean> {
    const [row] = await em.query<{ used: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE session_id = $1 AND used_at > $2) AS used',
      [sessionId, at],
    );
    return row.used;
  }

  /** Marks the session's unused tokens used at `at` (a rotation retried: the successor its client never got). */
  async voidUnusedRefreshTokens(em: EntityManager, sessionId: string, at: Date): Promise<void> {
    await em.query('UPDATE refresh_tokens SET used_at = $2 WHERE session_id = $1 AND used_at IS NULL', [sessionId, at]);
  }

  async insertRefreshToken(
    em: EntityManager,
    token: Pick<RefreshTokenEntity, 'id' | 'sessionId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<void> {
    await em.insert(RefreshTokenEntity, token);
  }

  /** One statement per request: the session, its user and the user's unit. */
  async access(sessionId: string, userId: string): Promise<AccessRow | null> {
    const rows = await runStatement(this.dataSource, ACCESS, [sessionId, userId]);
    return rows[0] ?? null;
  }
}
