import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery, queryBoolean } from '@app/kernel';
import { LIAISON_ACTIONS, LIAISON_CHANNELS, LIAISON_OUTCOMES, LIAISON_STATUSES } from '../../domain/liaison-rules';
import type { LiaisonAction, LiaisonOutcome } from '../../domain/liaison-rules';
import { REFERRAL_ACTIONS, REFERRAL_OUTCOMES, REFERRAL_ROUTES, REFERRAL_STATUSES } from '../../domain/referral-rules';
import type { ReferralAction, ReferralOutcome } from '../../domain/referral-rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateLiaisonDto {
  @IsIn(LIAISON_CHANNELS, { message: `must be one of ${LIAISON_CHANNELS.join(', ')}` })
  @ApiProperty({ enum: LIAISON_CHANNELS })
  channel!: string;

  @IsString()
  @MaxLength(40)
  @ApiProperty()
  kind!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  platform?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  storeName?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl({}, { each: true, message: 'must be URLs' })
  @ApiPropertyOptional({ type: [String] })
  listingUrls?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  port?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  actionOn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  @ApiProperty()
  sentOn!: string;

  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  @ApiPropertyOptional()
  replyDue?: string;
}

export class LiaisonActionParams {
  @IsUUID('all', { message: 'must be a UUID' }) id!: string;
  @IsIn(LIAISON_ACTIONS, { message: `must be one of ${LIAISON_ACTIONS.join(', ')}` }) action!: LiaisonAction;
}

export class LiaisonActionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reply?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  repliedOn?: string;
  @ApiPropertyOptional({ enum: LIAISON_OUTCOMES })
  @IsOptional()
  @IsIn(LIAISON_OUTCOMES, { message: `must be one of ${LIAISON_OUTCOMES.join(', ')}` })
  outcome?: LiaisonOutcome;
}

export class LiaisonQueryDto extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;
  @ApiPropertyOptional({ enum: LIAISON_CHANNELS })
  @IsOptional()
  @IsIn(LIAISON_CHANNELS, { message: `must be one of ${LIAISON_CHANNELS.join(', ')}` })
  channel?: string;
  @ApiPropertyOptional({ enum: LIAISON_STATUSES })
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
  @IsUUID('all', { message: 'must be a UUID' }) id!: string;
  @IsIn(REFERRAL_ACTIONS, { message: `must be one of ${REFERRAL_ACTIONS.join(', ')}` }) action!: ReferralAction;
}

export class ReferralActionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  receivingBody?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES })
  @IsOptional()
  @IsIn(REFERRAL_OUTCOMES, { message: `must be one of ${REFERRAL_OUTCOMES.join(', ')}` })
  outcome?: ReferralOutcome;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  outcomeOn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export class ReferralQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_ROUTES })
  @IsOptional()
  @IsIn(REFERRAL_ROUTES, { message: `must be one of ${REFERRAL_ROUTES.join(', ')}` })
  route?: string;
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, { message: `must be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ftz?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;
}

export class ReferralSummaryQuery {
  @ApiProperty()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  from!: string;
  @ApiProperty()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  to!: string;
}
