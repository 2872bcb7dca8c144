import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, queryBoolean } from '@app/kernel';
import { SIGNATURE_ALGORITHMS, TRANSFER_DIRECTIONS, TRANSFER_KINDS, TRANSFER_STATUSES, USER_ACTIONS } from '../../domain/transfer-types';
import type { SignatureAlgorithm, TransferKind, UserAction } from '../../domain/transfer-types';

export class RequestTransferDto {
  @Matches(/^\d{6}$/, { message: 'must be a partner office code (6 digits)' })
  @ApiProperty()
  partnerCode!: string;

  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  @ApiProperty({ enum: TRANSFER_KINDS })
  kind!: TransferKind;

  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @ApiProperty()
  reason!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  @ApiPropertyOptional({ type: [String] })
  requestedItems?: string[];
}

export class TransferActionParams {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @IsIn(USER_ACTIONS, { message: `must be one of ${USER_ACTIONS.join(', ')}` })
  action!: UserAction;
}

export class TransferActionDto {
  @IsInt()
  @Min(1)
  @ApiProperty()
  expectedVersion!: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @ApiPropertyOptional()
  reason?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  @ApiPropertyOptional()
  result?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be ids of uploaded answer files' })
  @ApiPropertyOptional({ type: [String] })
  files?: string[];
}

export class TransferQueryDto extends PageQuery {
  @IsOptional()
  @IsIn(TRANSFER_DIRECTIONS, { message: 'must be in or out' })
  @ApiPropertyOptional({ enum: TRANSFER_DIRECTIONS })
  direction?: 'in' | 'out';

  @IsOptional()
  @IsIn(TRANSFER_STATUSES, { message: `must be one of ${TRANSFER_STATUSES.join(', ')}` })
  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  status?: string;

  @IsOptional()
  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  @ApiPropertyOptional({ enum: TRANSFER_KINDS })
  kind?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  @ApiPropertyOptional()
  caseId?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @ApiPropertyOptional()
  overdue?: boolean;
}

export class PartnerKeyDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be 1-100 letters, digits, . _ : -' })
  @ApiProperty()
  keyId!: string;

  @IsIn(SIGNATURE_ALGORITHMS, { message: `must be one of ${SIGNATURE_ALGORITHMS.join(', ')}` })
  @ApiProperty({ enum: SIGNATURE_ALGORITHMS })
  algorithm!: SignatureAlgorithm;

  @IsString()
  @MaxLength(500)
  @ApiProperty()
  publicKey!: string;
}

export class PutPartnerDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @ApiProperty()
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  @ApiPropertyOptional({ type: String, nullable: true })
  endpoint?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => PartnerKeyDto)
  @ApiPropertyOptional({ type: [PartnerKeyDto] })
  keys?: PartnerKeyDto[];

  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional()
  active?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  @ApiPropertyOptional()
  replyDueWorkingDays?: number;
}

export class PartnerCodeParam {
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit division code' })
  code!: string;
}

export class ExchangeIdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class ExchangeFileParam extends ExchangeIdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  fileId!: string;
}
