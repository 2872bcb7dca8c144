import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import { AuditModule } from '@app/audit';
import { NotificationsCoreModule } from '@app/notifications';
import { OutboxModule } from '@app/outbox';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './guards/jwt-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { AuthController } from './http/auth.controller';
import { OrgUnitsController } from './http/org-units.controller';
import { UsersController } from './http/users.controller';
import { OrgUnitsService } from './org-units.service';
import { OrgUnitsRepository } from './persistence/org-units.repository';
import { SessionsRepository } from './persistence/sessions.repository';
import { UsersRepository } from './persistence/users.repository';
import { PasswordHasher } from './password.hasher';
import { DemoSeeder } from './seed/demo-seeder';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { UsersService } from './users.service';

const services = [AuthService, UsersService, OrgUnitsService, PasswordHasher, DemoSeeder];
const repositories = [OrgUnitsRepository, UsersRepository, SessionsRepository];

/** Users, org units, login and tokens (no HTTP, no guards): for the worker and the cli. */
@Module({
  imports: [
    AuditModule,
    OutboxModule,
    NotificationsCoreModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [...services, ...repositories],
  exports: services,
})
export class AuthCoreModule {}

/** The HTTP side: controllers, strategies, the global deny-by-default guards and login rate limiting. */
@Module({
  imports: [
    AuthCoreModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }] }),
    }),
  ],
  controllers: [AuthController, UsersController, OrgUnitsController],
  providers: [LocalStrategy, JwtStrategy, { provide: APP_GUARD, useClass: JwtAuthGuard }, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthModule {}
