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

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ok = (await super.canActivate(context)) as boolean;
    // the request's log line names the caller: pino-http sees the raw request, where passport put nothing
    const req = context.switchToHttp().getRequest<{ user?: { id: string }; raw?: { userId?: string } }>();
    if (req.raw && req.user) req.raw.userId = req.user.id;
    return ok;
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    // a refusal with its own code, or the database being unreachable (→ 503): never reported as bad credentials
    if (err instanceof DomainError || isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new DomainError('UNAUTHENTICATED', 'a valid access token is required');
    return user;
  }
}
