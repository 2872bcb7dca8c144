/**
 * Who may see a publication (product.md "Data scope"): the units of the viewer's scope (a district's officers and
 * supervisor their district; the city bureau's supervisors and admins the whole city). The one rule of the credit
 * context: `publicationVisibleTo` in TypeScript, PublicationsRepository.visibleTo as SQL, both from `publicationReach`.
 */
export interface PublicationViewer {
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

export type PublicationReach = { kind: 'all' } | { kind: 'units'; unitCodes: readonly string[] };

export function publicationReach(viewer: PublicationViewer): PublicationReach {
  return viewer.scope.allUnits ? { kind: 'all' } : { kind: 'units', unitCodes: viewer.scope.unitCodes };
}

export function publicationVisibleTo(viewer: PublicationViewer, p: { orgUnitCode: string }): boolean {
  const reach = publicationReach(viewer);
  return reach.kind === 'all' || reach.unitCodes.includes(p.orgUnitCode);
}
