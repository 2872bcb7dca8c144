import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import { UserEntity } from '../persistence/user.entity';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: FastifyRequest, username: string, password: string): Promise<UserEntity> {
    return this.auth.validateCredentials(username, password, {
      actorId: null,
      onBehalfOfId: null,
      requestId: String(req.id),
      ip: req.ip ?? null,
    });
  }
}
