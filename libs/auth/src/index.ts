export * from './auth.module';
export * from './auth.service';
export * from './users.service';
export * from './org-units.service';
export * from './password.hasher';
export * from './seed/demo-seeder';
export * from './seed/org-units.data';
export * from './domain/data-scope';
export { OrgUnitEntity } from './persistence/org-unit.entity';
export * from './domain/org-unit-kinds';
export { findBureauCodes, findEnforcementUnit, findUnitNames } from './persistence/org-units.repository';
export { UserEntity } from './persistence/user.entity';

import { OrgUnitEntity } from './persistence/org-unit.entity';
import { RefreshTokenEntity } from './persistence/refresh-token.entity';
import { SessionEntity } from './persistence/session.entity';
import { UserEntity } from './persistence/user.entity';
export const AUTH_ENTITIES = [OrgUnitEntity, UserEntity, SessionEntity, RefreshTokenEntity];
