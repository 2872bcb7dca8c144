/**
 * Who may read an audit entry (product.md "Data scope"): the city-wide viewers every entry; anyone else the entries
 * recorded on a unit of their scope — an entry on no unit (system tasks, alerts) is the city's. The one rule of the
 * audit context: `auditEntryVisibleTo` in TypeScript, AuditEntriesRepository's SQL predicate, both from `auditReach`.
 */
export interface AuditViewer {
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

export type AuditReach = { kind: 'all' } | { kind: 'units'; unitCodes: readonly string[] };

export function auditReach(viewer: AuditViewer): AuditReach {
  return viewer.scope.allUnits ? { kind: 'all' } : { kind: 'units', unitCodes: viewer.scope.unitCodes };
}

export function auditEntryVisibleTo(viewer: AuditViewer, e: { orgUnitCode: string | null }): boolean {
  const reach = auditReach(viewer);
  return reach.kind === 'all' || (e.orgUnitCode !== null && reach.unitCodes.includes(e.orgUnitCode));
}
