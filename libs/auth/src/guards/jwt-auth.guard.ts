import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, IS_PUBLIC, isDatabaseUnavailable } from '@app/kernel';

/** Global: every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    // a refusal with its own code, or the database being unreachable (→ 503): never reported as bad credentials
    if (err instanceof DomainError || isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new DomainError('UNAUTHENTICATED', 'a valid access token is required');
    return user;
  }
}
