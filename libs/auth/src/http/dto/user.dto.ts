import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListCursor, PageQuery, queryBoolean, Role, ROLES } from '@app/kernel';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { OrgUnitKind } from '../../domain/org-unit-kinds';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'off.binhai4' })
  @IsString()
  @Matches(USERNAME, { message: 'must be 3-40 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ example: '120116' })
  @IsString()
  @MaxLength(40)
  orgUnitCode!: string;
}

export class UpdateUserDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ minLength: 10 })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'clear a lock-out' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;
}

/** `cursor`: the list's username position, as this list encoded it */
@ListCursor('text')
export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'username or display name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface UserResponse {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnit: { code: string; name: string; kind: OrgUnitKind };
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
