import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CASE_SOURCES,
  CASE_TYPES,
  CaseSource,
  CaseType,
  PARTY_KINDS,
  PartyKind,
  QUALIFYING_REQUESTER_ROLES,
} from '../../domain/case-types';

export class PartyDto {
  @ApiProperty({ enum: PARTY_KINDS, enumName: 'PartyKind' })
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;

  @ApiProperty({ example: '天津某某科技有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 (organisations)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  uscc?: string;

  @ApiPropertyOptional({ description: '居民身份证号 (individuals); stored encrypted, returned masked' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  idNumber?: string;

  @ApiPropertyOptional({
    enum: [...QUALIFYING_REQUESTER_ROLES, 'other'],
    enumName: 'RequesterRole',
    description: 'requesters: patentee or interested party',
  })
  @IsOptional()
  @IsIn([...QUALIFYING_REQUESTER_ROLES, 'other'])
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  legalRepresentative?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\-() ]{5,30}$/, { message: 'must be a phone number' })
  phone?: string;
}

export class PatentRefDto {
  @ApiProperty({ example: 'ZL201510958772.0' })
  @IsString()
  @MaxLength(40)
  number!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
}

export class EcommerceDto {
  @ApiProperty({ example: '淘宝' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  platform!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  storeName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  listingUrl?: string;
}

export class CreateCaseDto {
  @ApiProperty({ enum: CASE_TYPES, enumName: 'CaseType' })
  @IsIn(CASE_TYPES)
  type!: CaseType;

  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' })
  @IsIn(CASE_SOURCES)
  source!: CaseSource;

  @ApiProperty({ example: '120116' })
  @IsString()
  @MaxLength(40)
  orgUnitCode!: string;

  @ApiProperty({ example: '2026-03-02', description: 'date of receipt (Shanghai)' })
  @IsCalendarDate({ notBefore: 'receivedOnEarliest' })
  receivedOn!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PartyDto)
  requesters!: PartyDto[];

  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PartyDto)
  respondents!: PartyDto[];

  @ApiProperty({ type: [PatentRefDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PatentRefDto)
  patents!: PatentRefDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  ftz?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  fastTrack?: boolean;

  @ApiPropertyOptional({ type: EcommerceDto })
  @IsOptional()
  @ValidateNested()
  @IsObject({ message: 'must be an object' })
  @Type(() => EcommerceDto)
  ecommerce?: EcommerceDto;

  @ApiPropertyOptional({ description: 'passing off: a report (举报) was received (10 working days to decide on filing)' })
  @IsOptional()
  @IsBoolean()
  reportReceived?: boolean;
}
