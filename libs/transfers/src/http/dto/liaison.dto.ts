import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, ListCursor, PageQuery, queryBoolean } from '@app/kernel';
import { LIAISON_ACTIONS, LIAISON_CHANNELS, LIAISON_KINDS, LIAISON_OUTCOMES, LIAISON_STATUSES } from '../../domain/liaison-rules';
import type { LiaisonAction, LiaisonOutcome } from '../../domain/liaison-rules';
import { REFERRAL_ACTIONS, REFERRAL_OUTCOMES, REFERRAL_ROUTES, REFERRAL_STATUSES } from '../../domain/referral-rules';
import type { ReferralAction, ReferralOutcome } from '../../domain/referral-rules';

const LIAISON_KIND_VALUES = [...new Set(Object.values(LIAISON_KINDS).flat())];

export class CreateLiaisonDto {
  @ApiProperty({ enum: LIAISON_CHANNELS, enumName: 'LiaisonChannel' })
  @IsIn(LIAISON_CHANNELS, { message: `must be one of ${LIAISON_CHANNELS.join(', ')}` })
  channel!: string;

  @ApiProperty({
    enum: LIAISON_KIND_VALUES,
    enumName: 'LiaisonKind',
    description: 'ecommerce: takedown, information_request; customs: joint_action, detention',
  })
  @IsString()
  @MaxLength(40)
  kind!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  platform?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  storeName?: string;

  @ApiPropertyOptional({ type: [String], format: 'uri', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl({}, { each: true, message: 'must be URLs' })
  listingUrls?: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  port?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  actionOn?: string;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  sentOn!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  replyDue?: string;
}

export class LiaisonActionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
  @ApiProperty({ enum: LIAISON_ACTIONS, enumName: 'LiaisonAction' })
  @IsIn(LIAISON_ACTIONS, { message: `must be one of ${LIAISON_ACTIONS.join(', ')}` })
  action!: LiaisonAction;
}

export class LiaisonActionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reply?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  repliedOn?: string;
  @ApiPropertyOptional({ enum: LIAISON_OUTCOMES, enumName: 'LiaisonOutcome' })
  @IsOptional()
  @IsIn(LIAISON_OUTCOMES, { message: `must be one of ${LIAISON_OUTCOMES.join(', ')}` })
  outcome?: LiaisonOutcome;
}

@ListCursor('instant', 'uuid')
export class LiaisonQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;
  @ApiPropertyOptional({ enum: LIAISON_CHANNELS, enumName: 'LiaisonChannel' })
  @IsOptional()
  @IsIn(LIAISON_CHANNELS, { message: `must be one of ${LIAISON_CHANNELS.join(', ')}` })
  channel?: string;
  @ApiPropertyOptional({ enum: LIAISON_STATUSES, enumName: 'LiaisonStatus' })
  @IsOptional()
  @IsIn(LIAISON_STATUSES, { message: `must be one of ${LIAISON_STATUSES.join(', ')}` })
  status?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  open?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;
}

export class ReferralActionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
  @ApiProperty({ enum: REFERRAL_ACTIONS, enumName: 'ReferralAction' })
  @IsIn(REFERRAL_ACTIONS, { message: `must be one of ${REFERRAL_ACTIONS.join(', ')}` })
  action!: ReferralAction;
}

export class ReferralActionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @ApiPropertyOptional({ maxLength: 300, description: 'acknowledge: the body that took the referral' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  receivingBody?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES, enumName: 'ReferralOutcome' })
  @IsOptional()
  @IsIn(REFERRAL_OUTCOMES, { message: `must be one of ${REFERRAL_OUTCOMES.join(', ')}` })
  outcome?: ReferralOutcome;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  outcomeOn?: string;
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

@ListCursor('instant', 'uuid')
export class ReferralQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_ROUTES, enumName: 'ReferralRoute' })
  @IsOptional()
  @IsIn(REFERRAL_ROUTES, { message: `must be one of ${REFERRAL_ROUTES.join(', ')}` })
  route?: string;
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, { message: `must be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ftz?: boolean;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;
}

export class ReferralSummaryQuery {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  from!: string;
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  to!: string;
}
