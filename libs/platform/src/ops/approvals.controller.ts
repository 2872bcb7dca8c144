import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApprovalInbox, ApprovalItem, AuthUser, CurrentUser, Roles, TimelineActorDto } from '@app/kernel';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ApprovalsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ApprovalOrgUnitDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class ApprovalItemDto implements ApprovalItem {
  @ApiProperty({ description: 'what is to be approved: decision, extension, …' })
  kind!: string;

  @ApiProperty()
  entityType!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty({ description: 'the number people know it by (案号, or 收案号 before filing)' })
  label!: string;

  @ApiProperty({ type: ApprovalOrgUnitDto })
  orgUnit!: ApprovalOrgUnitDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  requestedAt!: string | null;

  @ApiProperty({ type: TimelineActorDto, nullable: true })
  requestedBy!: TimelineActorDto | null;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'what the request carries' })
  detail!: Record<string, unknown> | null;

  @ApiProperty({ description: "the record's version, for the approving action's expectedVersion" })
  version!: number;
}

export class ApprovalsResponseDto {
  @ApiProperty({ type: [ApprovalItemDto] })
  items!: ApprovalItemDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'how many wait, by kind' })
  counts!: Record<string, number>;

  @ApiProperty()
  total!: number;
}

/** The supervisor's inbox: everything waiting for them in their scope, oldest first, with counts by kind. */
@ApiTags('approvals')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 500)
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly inbox: ApprovalInbox) {}

  @Get()
  @Roles('supervisor')
  @ApiOkResponse({ type: ApprovalsResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() q: ApprovalsQuery): Promise<ApprovalsResponseDto> {
    return this.inbox.list(user, q.limit ?? 100);
  }
}
