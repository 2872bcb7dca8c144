import type { EntityManager } from 'typeorm';
import { isEnforcementUnit } from '../domain/org-unit-kinds';
import { OrgUnitEntity } from './org-unit.entity';

/** The enforcement unit with this code, or null (unknown, or a hotline centre or partner). */
export async function findEnforcementUnit(em: EntityManager, code: string): Promise<OrgUnitEntity | null> {
  const unit = await em.getRepository(OrgUnitEntity).findOneBy({ code });
  return isEnforcementUnit(unit) ? unit : null;
}
