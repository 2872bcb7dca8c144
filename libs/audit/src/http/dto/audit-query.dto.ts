import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrInstant, ListCursor, PageQuery } from '@app/kernel';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_ENTITY_TYPES, AuditEntityType } from '../../audit-entity-types';
import type { VerifyResult } from '../../audit-chain.service';
import type { LinkProblem } from '../../domain/audit-chain';

/** `cursor`: the list's entry id position, as this list encoded it */
@ListCursor('digits')
export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES, enumName: 'AuditEntityType' })
  @IsOptional()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 instant or YYYY-MM-DD' })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 instant or YYYY-MM-DD (exclusive)' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ type: String, nullable: true, description: 'position in the hash chain; null until sealed' })
  seq!: string | null;

  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  onBehalfOfId!: string | null;

  @ApiProperty()
  action!: string;

  @ApiProperty()
  entityType!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty({ type: String, nullable: true })
  orgUnitCode!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the record before (masked)' })
  before!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the record after (masked)' })
  after!: unknown;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true })
  prevHash!: string | null;

  @ApiProperty({ type: String, nullable: true })
  hash!: string | null;
}

export class VerifyResultDto implements VerifyResult {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'entries checked' })
  checked!: number;

  @ApiProperty({ type: String, nullable: true })
  headSeq!: string | null;

  @ApiProperty({ type: String, nullable: true })
  headHash!: string | null;

  @ApiProperty({ type: String, nullable: true })
  firstBrokenSeq!: string | null;

  @ApiProperty({ enum: ['gap', 'prev_hash_mismatch', 'entry_missing', 'hash_mismatch'], enumName: 'AuditLinkProblem', nullable: true })
  problem!: LinkProblem | null;

  @ApiProperty({ description: 'entries not sealed into the chain yet' })
  unsealed!: number;
}
