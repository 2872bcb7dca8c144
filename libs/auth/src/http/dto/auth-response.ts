import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@app/kernel';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../domain/org-unit-kinds';
import type { MeView, TokenPair } from '../../auth.service';
import type { OrgUnitView } from '../../org-units.service';
import type { UserResponse } from './user.dto';

export class UserOrgUnitDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, enumName: 'OrgUnitKind' })
  kind!: OrgUnitKind;
}

export class MeViewDto implements MeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty({ type: UserOrgUnitDto })
  orgUnit!: UserOrgUnitDto;
}

export class MeResponseDto {
  @ApiProperty({ type: MeViewDto })
  user!: MeViewDto;
}

export class TokenPairDto implements TokenPair {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty()
  refreshToken!: string;

  @ApiProperty({ description: 'seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ type: MeViewDto })
  user!: MeViewDto;
}

export class UserResponseDto implements UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty({ type: UserOrgUnitDto })
  orgUnit!: UserOrgUnitDto;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty()
  version!: number;
}

export class OrgUnitViewDto implements OrgUnitView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  abbr!: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS, enumName: 'OrgUnitKind' })
  kind!: OrgUnitKind;

  @ApiProperty({ type: String, nullable: true })
  parentCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码 of an enforcement unit; null when not loaded' })
  uscc!: string | null;
}
