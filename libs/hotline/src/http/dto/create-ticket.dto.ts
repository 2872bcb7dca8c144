import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TICKET_CATEGORIES, TICKET_CHANNELS, TicketCategory, TicketChannel } from '../../domain';

export class CallerDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'stored encrypted, returned masked (138****5678)' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ description: '居民身份证号; stored encrypted, returned masked' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  idNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organization?: string;

  @ApiPropertyOptional({ description: 'reports (举报) only' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_CHANNELS, enumName: 'TicketChannel' })
  @IsIn(TICKET_CHANNELS)
  channel!: TicketChannel;

  @ApiProperty({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory' })
  @IsIn(TICKET_CATEGORIES)
  category!: TicketCategory;

  @ApiProperty({ type: CallerDto })
  @ValidateNested()
  @IsObject({ message: 'must be an object' })
  @Type(() => CallerDto)
  caller!: CallerDto;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  description!: string;

  @ApiPropertyOptional({ example: '天津某某科技有限公司' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  respondentName?: string;

  @ApiPropertyOptional({ type: [String], example: ['ZL201510958772.0'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  patentNumbers?: string[];

  @ApiPropertyOptional({ description: 'industry (行业), for early warning by industry', example: '医疗器械' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ example: '120116', description: 'the enforcement unit concerned, when known at intake' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;
}
