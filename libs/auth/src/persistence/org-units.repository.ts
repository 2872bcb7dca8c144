import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EntityColumns, Statement, statement } from '@app/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { isEnforcementUnit } from '../domain/org-unit-kinds';
import { OrgUnitEntity } from './org-unit.entity';

/** A unit by code, as a prepared statement (every intake and conversion asks): one reader per data source. */
const unitByCode = new WeakMap<DataSource, { columns: EntityColumns<OrgUnitEntity>; byCode: Statement<Record<string, unknown>> }>();

/** The enforcement unit with this code, or null (unknown, or a hotline centre or partner). */
export async function findEnforcementUnit(em: EntityManager, code: string): Promise<OrgUnitEntity | null> {
  let read = unitByCode.get(em.connection);
  if (!read) {
    const columns = new EntityColumns(em.connection, OrgUnitEntity);
    read = { columns, byCode: statement(`SELECT ${columns.selectList('o')} FROM org_units o WHERE o.code = $1`) };
    unitByCode.set(em.connection, read);
  }
  const unit = await read.columns.one(em, read.byCode, [code]);
  return isEnforcementUnit(unit) ? unit : null;
}

/** The codes of the city bureau(s): whose supervisors hear of what the centre holds and of city-wide alerts. */
/** Every org unit's name by code (a few dozen rows), for exports and screens that show names, not codes. */
export async function findUnitNames(em: EntityManager): Promise<Map<string, string>> {
  const rows = await em.getRepository(OrgUnitEntity).find({ select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function findBureauCodes(em: EntityManager): Promise<string[]> {
  const rows = await em.getRepository(OrgUnitEntity).find({ where: { kind: 'bureau' }, select: { code: true } });
  return rows.map((r) => r.code);
}

/** Every statement on org units. */
@Injectable()
export class OrgUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listActive(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ where: { active: true }, order: { code: 'ASC' } });
  }

  findByCode(code: string, em: EntityManager = this.dataSource.manager): Promise<OrgUnitEntity | null> {
    return em.getRepository(OrgUnitEntity).findOneBy({ code });
  }

  lockByCode(em: EntityManager, code: string): Promise<OrgUnitEntity | null> {
    return em.findOne(OrgUnitEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  async update(em: EntityManager, code: string, fields: Partial<OrgUnitEntity>): Promise<void> {
    await em.update(OrgUnitEntity, { code }, fields);
  }

  async insert(em: EntityManager, unit: Omit<OrgUnitEntity, 'createdAt' | 'updatedAt' | 'version'>): Promise<void> {
    await em.insert(OrgUnitEntity, unit);
  }
}
