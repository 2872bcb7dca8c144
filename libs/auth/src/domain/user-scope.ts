/**
 * Whose user records a viewer may see (product.md "Data scope"): admins and the city bureau's supervisors every
 * user; anyone else the users of their scope's units (to pick colleagues for a case). The one rule of users:
 * `userVisibleTo` in TypeScript, UsersRepository.visibleTo as SQL, both from `userReach`.
 */
export interface UserViewer {
  scope: { allUnits: boolean; unitCodes: readonly string[] };
}

export type UserReach = { kind: 'all' } | { kind: 'units'; unitCodes: readonly string[] };

export function userReach(viewer: UserViewer): UserReach {
  return viewer.scope.allUnits ? { kind: 'all' } : { kind: 'units', unitCodes: viewer.scope.unitCodes };
}

export function userVisibleTo(viewer: UserViewer, u: { orgUnitCode: string }): boolean {
  const reach = userReach(viewer);
  return reach.kind === 'all' || reach.unitCodes.includes(u.orgUnitCode);
}
