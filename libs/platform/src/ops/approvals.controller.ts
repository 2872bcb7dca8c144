import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApprovalInbox, ApprovalItem, AuthUser, CurrentUser, Roles } from '@app/kernel';
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

/** The supervisor's inbox: everything waiting for them in their scope, oldest first, with counts by kind. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly inbox: ApprovalInbox) {}

  @Get()
  @Roles('supervisor')
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ApprovalsQuery,
  ): Promise<{ items: ApprovalItem[]; counts: Record<string, number>; total: number }> {
    return this.inbox.list(user, q.limit ?? 100);
  }
}
