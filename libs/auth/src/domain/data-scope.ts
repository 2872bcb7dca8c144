import type { DataScope, Role } from '@app/kernel';
import type { OrgUnitKind } from './org-unit-kinds';

/**
 * The org units whose records a user may see (product.md "Data scope"): admins and supervisors of the city bureau
 * see the whole city; a district supervisor their district; officers and operators their own unit (the cases and
 * hotline contexts widen this for assignments and tickets).
 */
export function computeScope(roles: Role[], unit: { code: string; kind: OrgUnitKind }): DataScope {
  if (roles.includes('admin')) return { allUnits: true, unitCodes: [] };
  if (roles.includes('supervisor') && unit.kind === 'bureau') return { allUnits: true, unitCodes: [] };
  return { allUnits: false, unitCodes: [unit.code] };
}
