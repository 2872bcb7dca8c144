/**
 * Who may see a case (product.md "Data scope"): the units of the viewer's scope (their own unit; a district
 * supervisor's district; the whole city for admins and city-bureau supervisors) and the cases the viewer is assigned
 * to — never a case the viewer was recused from (回避). The one rule every read of a case uses: `caseVisibleTo` in
 * TypeScript, and CasesRepository.visibleTo, its SQL form, built from the same viewer fields.
 */
export interface CaseViewer {
  id: string;
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

export interface CaseScopeFields {
  orgUnitCode: string;
  assignedOfficerIds: readonly string[];
  recusedOfficerIds: readonly string[];
}

export function caseVisibleTo(viewer: CaseViewer, c: CaseScopeFields): boolean {
  if (c.recusedOfficerIds.includes(viewer.id)) return false;
  return viewer.scope.allUnits || viewer.scope.unitCodes.includes(c.orgUnitCode) || c.assignedOfficerIds.includes(viewer.id);
}
