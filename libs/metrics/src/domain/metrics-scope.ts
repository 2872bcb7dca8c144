/**
 * Whose figures a viewer may read (product.md "Data scope"): the bureau's code stands for the whole city and needs a
 * city-wide scope (city-bureau supervisors, admins); a district (or the 12330 centre) needs to be in the viewer's
 * scope; a partner office has no figures. The one rule of the metrics context: every answer (target progress, KPIs,
 * the report, targets) resolves its unit through it and then reads the counts of `selectionUnits(unit)` only.
 */
export interface MetricsViewer {
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

export interface MetricsUnit {
  code: string;
  kind: 'bureau' | 'district' | 'hotline_center' | 'partner';
}

export function metricsUnitVisibleTo(viewer: MetricsViewer, unit: MetricsUnit): boolean {
  switch (unit.kind) {
    case 'partner':
      return false;
    case 'bureau':
      return viewer.scope.allUnits;
    case 'district':
    case 'hotline_center':
      return viewer.scope.allUnits || viewer.scope.unitCodes.includes(unit.code);
  }
}

/** The units whose counts a unit's figures sum: null for the bureau (every unit, the city), else the unit itself. */
export function selectionUnits(unit: MetricsUnit): string[] | null {
  return unit.kind === 'bureau' ? null : [unit.code];
}

/** Targets are set by a supervisor of the city bureau (a city-wide scope) or an admin. */
export function maySetTargets(viewer: MetricsViewer & { roles: readonly string[] }): boolean {
  return viewer.roles.includes('admin') || (viewer.roles.includes('supervisor') && viewer.scope.allUnits);
}
