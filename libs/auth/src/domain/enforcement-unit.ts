import type { EntityManager } from 'typeorm';
import { OrgUnitEntity } from '../persistence/org-unit.entity';

/** Units that enforce (the city bureau and the districts): they take cases, tickets are assigned to them, targets are set for them. */
export function isEnforcementUnit(unit: Pick<OrgUnitEntity, 'kind'> | null | undefined): unit is OrgUnitEntity {
  return !!unit && (unit.kind === 'bureau' || unit.kind === 'district');
}

/** The enforcement unit with this code, or null (unknown, or a hotline centre or partner). */
export async function findEnforcementUnit(em: EntityManager, code: string): Promise<OrgUnitEntity | null> {
  const unit = await em.getRepository(OrgUnitEntity).findOneBy({ code });
  return isEnforcementUnit(unit) ? unit : null;
}
