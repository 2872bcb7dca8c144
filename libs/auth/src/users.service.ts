import { Injectable } from '@nestjs/common';
import {
  ActorContext,
  AuthUser,
  Clock,
  decodeCursor,
  DomainError,
  isUniqueViolation,
  Page,
  Role,
  toPage,
  TransactionRunner,
} from '@app/kernel';
import { AuditWriter } from '@app/audit';
import { EntityManager } from 'typeorm';
import { UserViewer } from './domain/user-scope';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserResponse } from './http/dto/user.dto';
import { PasswordHasher } from './password.hasher';
import { UserEntity } from './persistence/user.entity';
import { UsersRepository } from './persistence/users.repository';

/** The audit view of a user: never the password hash. */
function auditView(u: UserEntity) {
  return {
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    orgUnitCode: u.orgUnitCode,
    active: u.active,
    version: u.version,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async create(actor: ActorContext, dto: CreateUserDto): Promise<UserResponse> {
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await this.tx.run(async (em) => {
      await this.requireUnit(em, dto.orgUnitCode, 'orgUnitCode');
      let user: UserEntity;
      try {
        user = await this.users.insert(em, {
          username: dto.username,
          displayName: dto.displayName,
          passwordHash,
          roles: dedupe(dto.roles),
          orgUnitCode: dto.orgUnitCode,
          active: true,
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new DomainError('DUPLICATE', `username ${dto.username} is taken`, [{ field: 'username', message: 'is taken' }]);
        throw err;
      }
      await this.audit.write(em, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        orgUnitCode: user.orgUnitCode,
        after: auditView(user),
      });
      return user.id;
    });
    return this.getById(id);
  }

  async update(actor: ActorContext, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    await this.tx.run(async (em) => {
      const user = await this.users.lock(em, id);
      if (!user) throw DomainError.notFound('user');
      if (user.version !== dto.expectedVersion) throw DomainError.versionConflict(dto.expectedVersion, user.version);
      if (dto.orgUnitCode) await this.requireUnit(em, dto.orgUnitCode, 'orgUnitCode');
      const before = auditView(user);
      const changes: Partial<UserEntity> = {
        ...(dto.displayName !== undefined && { displayName: dto.displayName }),
        ...(dto.roles !== undefined && { roles: dedupe(dto.roles) }),
        ...(dto.orgUnitCode !== undefined && { orgUnitCode: dto.orgUnitCode }),
        ...(dto.active !== undefined && { active: dto.active }),
        ...(passwordHash && { passwordHash, failedLoginCount: 0, firstFailedAt: null, lockedUntil: null }),
        ...(dto.unlock && { failedLoginCount: 0, firstFailedAt: null, lockedUntil: null }),
        version: user.version + 1,
      };
      await this.users.update(em, id, changes);
      // A new password, a deactivation or a change of roles or unit ends the user's sessions: old tokens carry old rights.
      if (passwordHash || dto.active === false || dto.roles || dto.orgUnitCode) {
        await this.users.revokeSessions(em, id, this.clock.now(), 'user_changed');
      }
      const after = {
        ...before,
        ...auditView(Object.assign(new UserEntity(), user, changes)),
        ...(passwordHash && { passwordChanged: true }),
      };
      await this.audit.write(em, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        orgUnitCode: changes.orgUnitCode ?? user.orgUnitCode,
        before,
        after,
      });
    });
    return this.getById(id);
  }

  /** 404 when the user is outside the caller's scope: existence is not revealed. */
  async getScoped(caller: AuthUser, id: string): Promise<UserResponse> {
    const user = await this.users.findVisible(caller, id);
    if (!user) throw DomainError.notFound('user');
    return toResponse(user);
  }

  async list(viewer: UserViewer, q: ListUsersQuery): Promise<Page<UserResponse>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor, 1);
    const rows = await this.users.list(
      viewer,
      {
        orgUnitCode: q.orgUnitCode,
        role: q.role,
        active: q.active,
        like: q.q ? `%${escapeLike(q.q)}%` : undefined,
        after: cursor ? String(cursor[0]) : undefined,
      },
      limit,
    );
    return toPage(rows, limit, toResponse, (u) => [u.username]);
  }

  private async getById(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('user');
    return toResponse(user);
  }

  private async requireUnit(em: EntityManager, code: string, field: string) {
    const unit = await this.users.findUnit(em, code);
    if (!unit) throw DomainError.validation(field, `unknown org unit ${code}`);
    if (unit.kind === 'partner') throw DomainError.validation(field, 'users cannot belong to a partner office');
    return unit;
  }
}

function dedupe(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function toResponse(u: UserEntity): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    orgUnit: u.orgUnit
      ? { code: u.orgUnit.code, name: u.orgUnit.name, kind: u.orgUnit.kind }
      : { code: u.orgUnitCode, name: '', kind: 'district' },
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}
