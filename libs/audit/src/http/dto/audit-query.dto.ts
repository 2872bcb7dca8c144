import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrInstant, ListCursor, PageQuery } from '@app/kernel';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_ENTITY_TYPES, AuditEntityType } from '../../audit-entity-types';

/** `cursor`: the list's entry id position, as this list encoded it */
@ListCursor('digits')
export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
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

export interface AuditEntryResponse {
  seq: string | null;
  id: string;
  at: string;
  actorId: string | null;
  onBehalfOfId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  orgUnitCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string | null;
  hash: string | null;
}
