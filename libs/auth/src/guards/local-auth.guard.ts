import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, isDatabaseUnavailable, validationFailed } from '@app/kernel';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LoginDto } from '../http/dto/auth.dto';

/** passport-local, with the body validated first so a malformed login is a 400 naming the field, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(errors);
    return super.canActivate(context);
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    // a refusal with its own code, or the database being unreachable (→ 503): never reported as bad credentials
    if (err instanceof DomainError || isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new DomainError('UNAUTHENTICATED', 'invalid or expired credentials');
    return user;
  }
}
