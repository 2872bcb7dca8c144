/** The kinds of org unit (product.md "Users"; api.md `GET /org-units`). */
export const ORG_UNIT_KINDS = ['bureau', 'district', 'hotline_center', 'partner'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Units that enforce (the city bureau and the districts): they take cases, tickets are assigned to them, targets are set for them. */
export function isEnforcementUnit<U extends { kind: OrgUnitKind }>(unit: U | null | undefined): unit is U {
  return !!unit && (unit.kind === 'bureau' || unit.kind === 'district');
}
