import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@app/kernel';
import { CASE_TYPES, CaseType, PartyDto, PatentRefDto, QUALIFYING_REQUESTER_ROLES } from '@app/cases';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/**
 * The body of `POST /hotline/tickets/:id/actions/:action`: `expectedVersion` plus the action's own fields (the service
 * checks that exactly those are present, see TICKET_ACTION_FIELDS).
 */
export class TicketActionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiPropertyOptional({ description: 'assign, convert: the enforcement unit' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  orgUnitCode?: string;

  @ApiPropertyOptional({ description: 'respond: the answer given' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  response?: string;

  @ApiPropertyOptional({ description: 'triage, close, forward, callback' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'reopen' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'callback: 1 (very dissatisfied) – 5 (very satisfied)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;

  @ApiPropertyOptional({ description: 'forward: the agency the ticket went to', example: '天津市市场监督管理委员会' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  agency?: string;

  @ApiPropertyOptional({ description: 'convert: link to this existing case instead of creating one' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ enum: CASE_TYPES, enumName: 'CaseType', description: 'convert: the new case type' })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: CaseType;

  @ApiPropertyOptional({ description: 'convert: case summary (default: the ticket subject and description)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({ description: 'convert: date of receipt (default: the day the ticket was taken)' })
  @IsOptional()
  @IsCalendarDate({ notBefore: 'receivedOnEarliest' })
  receivedOn?: string;

  @ApiPropertyOptional({
    enum: [...QUALIFYING_REQUESTER_ROLES, 'other'],
    enumName: 'RequesterRole',
    description: "convert: the requester's standing (patentee / interested party), given to the caller's party",
  })
  @IsOptional()
  @IsIn([...QUALIFYING_REQUESTER_ROLES, 'other'])
  requesterRole?: string;

  @ApiPropertyOptional({ type: [PartyDto], description: "convert: default the caller's organisation, or the caller (unless anonymous)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PartyDto)
  requesters?: PartyDto[];

  @ApiPropertyOptional({ type: [PartyDto], description: 'convert: default the ticket respondent (as an organisation)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PartyDto)
  respondents?: PartyDto[];

  @ApiPropertyOptional({ type: [PatentRefDto], description: 'convert: default the ticket patents' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @IsObject({ each: true, message: 'each item must be an object' })
  @Type(() => PatentRefDto)
  patents?: PatentRefDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  ftz?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  fastTrack?: boolean;

  @ApiPropertyOptional({ description: 'convert: default true for a report (举报)' })
  @IsOptional()
  @IsBoolean()
  reportReceived?: boolean;
}

const CONVERT_CASE_FIELDS = [
  'summary',
  'requesterRole',
  'receivedOn',
  'requesters',
  'respondents',
  'patents',
  'ftz',
  'fastTrack',
  'reportReceived',
] as const;

type Field = Exclude<keyof TicketActionDto, 'expectedVersion'>;

/** Fields each action requires and accepts (convert: either `caseId` alone, or `type` + `orgUnitCode` and case fields). */
export const TICKET_ACTION_FIELDS: Record<string, { required: Field[]; optional?: Field[] }> = {
  triage: { required: [], optional: ['note'] },
  assign: { required: ['orgUnitCode'] },
  start: { required: [] },
  respond: { required: ['response'] },
  close: { required: [], optional: ['note'] },
  reopen: { required: ['reason'] },
  convert: { required: ['type', 'orgUnitCode'], optional: [...CONVERT_CASE_FIELDS] },
  'convert:link': { required: ['caseId'] },
  forward: { required: ['agency'], optional: ['note'] },
  callback: { required: ['satisfaction'], optional: ['note'] },
};
