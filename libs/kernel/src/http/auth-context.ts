import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ActorContext } from './actor-context';

export const ROLES = ['officer', 'hotline_operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which org units' records the caller may see. Computed once at authentication from the caller's roles and unit
 * (admin and city-bureau supervisors: all; everyone else: their own unit); every query that lists or loads an
 * org-unit-owned record filters by it, and an out-of-scope record answers 404.
 */
export interface DataScope {
  allUnits: boolean;
  unitCodes: string[];
}

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitCode: string;
  orgUnit: { code: string; name: string; kind: 'bureau' | 'district' | 'hotline_center' | 'partner' };
  sessionId: string;
  scope: DataScope;
}

export function inScope(scope: DataScope, orgUnitCode: string | null | undefined): boolean {
  return scope.allUnits || (orgUnitCode != null && scope.unitCodes.includes(orgUnitCode));
}

export const IS_PUBLIC = 'ped:isPublic';
export const REQUIRED_ROLES = 'ped:roles';

/** Opts a route out of authentication. Everything else needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles allowed on a route. Deny by default: an authenticated route without @Roles is refused,
 * so a forgotten decorator closes a route instead of opening it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
export const AnyRole = () => SetMetadata(REQUIRED_ROLES, [...ROLES]);

type AuthedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

/** The audit context of the current request: who, on whose behalf, request id and client address. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): ActorContext => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return { actorId: req.user?.id ?? null, onBehalfOfId: null, requestId: String(req.id), ip: req.ip ?? null };
});

/**
 * Named powers that reach past a user's data scope, each granted by one rule here (never by widening the scope):
 * - `intake_for_any_unit`: the 12330 centre's operators take in a case for whichever district it belongs to (a ticket
 *   converted into a case); they still read cases only as the hotline context allows.
 */
export type Authority = 'intake_for_any_unit';

export function hasAuthority(user: Pick<AuthUser, 'roles' | 'orgUnit'>, authority: Authority): boolean {
  switch (authority) {
    case 'intake_for_any_unit':
      return user.roles.includes('hotline_operator') && user.orgUnit.kind === 'hotline_center';
  }
}
