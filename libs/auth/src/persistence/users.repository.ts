import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@app/kernel';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { userReach, UserViewer, userVisibleTo } from '../domain/user-scope';
import { OrgUnitEntity } from './org-unit.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export interface UserListFilter {
  orgUnitCode?: string;
  role?: Role;
  active?: boolean;
  /** ILIKE pattern on username or display name */
  like?: string;
  /** usernames after this one */
  after?: string;
}

/**
 * Every statement on users (and the sessions a user change ends). Reads for a viewer go through the one scope rule:
 * `visibleTo` (SQL) and `userVisibleTo` (domain/user-scope.ts) both follow `userReach`.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** userVisibleTo as SQL, on the alias `u`. */
  visibleTo(qb: SelectQueryBuilder<UserEntity>, viewer: UserViewer): SelectQueryBuilder<UserEntity> {
    const reach = userReach(viewer);
    return reach.kind === 'all' ? qb : qb.andWhere('u.org_unit_code = ANY(:scopeUnits)', { scopeUnits: reach.unitCodes });
  }

  /** With its org unit. */
  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).findOne({ where: { id }, relations: { orgUnit: true } });
  }

  async findVisible(viewer: UserViewer, id: string): Promise<UserEntity | null> {
    const u = await this.findById(id);
    return u && userVisibleTo(viewer, u) ? u : null;
  }

  /** One page (limit + 1 rows) of the viewer's users, by username. */
  list(viewer: UserViewer, f: UserListFilter, limit: number): Promise<UserEntity[]> {
    const qb = this.visibleTo(
      this.dataSource.getRepository(UserEntity).createQueryBuilder('u').leftJoinAndSelect('u.orgUnit', 'o'),
      viewer,
    );
    if (f.orgUnitCode) qb.andWhere('u.org_unit_code = :unit', { unit: f.orgUnitCode });
    if (f.role) qb.andWhere(':role = ANY(u.roles)', { role: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.like) qb.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: f.like });
    if (f.after !== undefined) qb.andWhere('u.username > :after', { after: f.after });
    return qb
      .orderBy('u.username', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  lock(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(em: EntityManager, fields: Partial<UserEntity>): Promise<UserEntity> {
    return em.save(em.create(UserEntity, fields));
  }

  async update(em: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await em.update(UserEntity, { id }, changes);
  }

  /** Ends the user's open sessions (old tokens carry old rights). */
  async revokeSessions(em: EntityManager, userId: string, at: Date, reason: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at, revokeReason: reason })
      .where('user_id = :id AND revoked_at IS NULL', { id: userId })
      .execute();
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  findUnit(em: EntityManager, code: string): Promise<OrgUnitEntity | null> {
    return em.getRepository(OrgUnitEntity).findOneBy({ code });
  }
}
