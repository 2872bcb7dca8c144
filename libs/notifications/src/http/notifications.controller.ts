import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  AnyRole,
  ApiErrorResponses,
  ApiPage,
  AuthUser,
  CurrentUser,
  IdParam,
  ListCursor,
  Page,
  PageQuery,
  queryBoolean,
} from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { NotificationsService, NotificationView } from '../notifications.service';

/** `cursor`: the list's (createdAt, id) position, as this list encoded it */
@ListCursor('instant', 'uuid')
export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationViewDto implements NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, nullable: true })
  entityType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  entityId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

/** The caller's own inbox: lock-out alerts now; deadline reminders and escalations as the case work lands. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 404, 500)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  @ApiPage(NotificationViewDto)
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.listForUser(user.id, q);
  }

  @Post(':id/read')
  @AnyRole()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'marked read' })
  async read(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<void> {
    await this.notifications.markRead(user.id, p.id);
  }
}
