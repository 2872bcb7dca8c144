import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser, DomainError, IS_PUBLIC, REQUIRED_ROLES, Role } from '@app/kernel';

/** Global, after authentication: a route must name its roles with @Roles(); one that does not is closed. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger(RolesGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!roles || roles.length === 0) {
      this.logger.error({ handler: context.getHandler().name }, 'route has no @Roles(); refusing (deny by default)');
      throw new DomainError('FORBIDDEN', 'this action is not allowed');
    }
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !user.roles.some((r) => roles.includes(r))) throw new DomainError('FORBIDDEN', 'your role does not allow this action');
    return true;
  }
}
