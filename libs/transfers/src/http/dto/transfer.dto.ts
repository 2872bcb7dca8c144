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
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListCursor, PageQuery, queryBoolean } from '@app/kernel';
import { SIGNATURE_ALGORITHMS, TRANSFER_DIRECTIONS, TRANSFER_KINDS, TRANSFER_STATUSES, USER_ACTIONS } from '../../domain/transfer-types';
import type { SignatureAlgorithm, TransferKind, UserAction } from '../../domain/transfer-types';

export class RequestTransferDto {
  @ApiProperty({ pattern: '^\\d{6}$', description: 'partner office code (6-digit division code)' })
  @Matches(/^\d{6}$/, { message: 'must be a partner office code (6 digits)' })
  partnerCode!: string;

  @ApiProperty({ enum: TRANSFER_KINDS, enumName: 'TransferKind' })
  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  kind!: TransferKind;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 50, description: 'assistance: what is asked for' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  requestedItems?: string[];
}

export class TransferActionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @ApiProperty({ enum: USER_ACTIONS, enumName: 'TransferAction' })
  @IsIn(USER_ACTIONS, { message: `must be one of ${USER_ACTIONS.join(', ')}` })
  action!: UserAction;
}

export class TransferActionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional({ maxLength: 5000, description: 'return, decline: why' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'answer: the result of the assistance' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  result?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'answer: ids of uploaded answer files' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be ids of uploaded answer files' })
  files?: string[];
}

@ListCursor('instant', 'uuid')
export class TransferQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: TRANSFER_DIRECTIONS, enumName: 'TransferDirection' })
  @IsOptional()
  @IsIn(TRANSFER_DIRECTIONS, { message: 'must be in or out' })
  direction?: 'in' | 'out';

  @ApiPropertyOptional({ enum: TRANSFER_STATUSES, enumName: 'TransferStatus' })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES, { message: `must be one of ${TRANSFER_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: TRANSFER_KINDS, enumName: 'TransferKind' })
  @IsOptional()
  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'awaiting a reply past its due date' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}

export class PartnerKeyDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._:-]{1,100}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be 1-100 letters, digits, . _ : -' })
  keyId!: string;

  @ApiProperty({ enum: SIGNATURE_ALGORITHMS, enumName: 'SignatureAlgorithm' })
  @IsIn(SIGNATURE_ALGORITHMS, { message: `must be one of ${SIGNATURE_ALGORITHMS.join(', ')}` })
  algorithm!: SignatureAlgorithm;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  publicKey!: string;
}

export class PutPartnerDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: "the partner's exchange base URL" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  endpoint?: string | null;

  @ApiPropertyOptional({ type: [PartnerKeyDto], maxItems: 4 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => PartnerKeyDto)
  keys?: PartnerKeyDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  replyDueWorkingDays?: number;
}

export class PartnerCodeParam {
  @ApiProperty({ pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit division code' })
  code!: string;
}

export class ExchangeIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class ExchangeFileParam extends ExchangeIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  fileId!: string;
}
