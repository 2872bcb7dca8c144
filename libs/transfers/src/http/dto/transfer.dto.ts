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
  partnerCode!: string;

  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  kind!: TransferKind;

  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
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
  expectedVersion!: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  result?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be ids of uploaded answer files' })
  files?: string[];
}

export class TransferQueryDto extends PageQuery {
  @IsOptional()
  @IsIn(TRANSFER_DIRECTIONS, { message: 'must be in or out' })
  direction?: 'in' | 'out';

  @IsOptional()
  @IsIn(TRANSFER_STATUSES, { message: `must be one of ${TRANSFER_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsIn(TRANSFER_KINDS, { message: `must be one of ${TRANSFER_KINDS.join(', ')}` })
  kind?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}

export class PartnerKeyDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be 1-100 letters, digits, . _ : -' })
  keyId!: string;

  @IsIn(SIGNATURE_ALGORITHMS, { message: `must be one of ${SIGNATURE_ALGORITHMS.join(', ')}` })
  algorithm!: SignatureAlgorithm;

  @IsString()
  @MaxLength(500)
  publicKey!: string;
}

export class PutPartnerDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  endpoint?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => PartnerKeyDto)
  keys?: PartnerKeyDto[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
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
