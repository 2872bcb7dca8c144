import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthUser, CurrentUser, ListCursor, Page, PageQuery, queryBoolean } from '@app/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { NotificationsService, NotificationView } from '../notifications/notifications.service';
import { IdParam } from './dto/id-param.dto';

/** `cursor`: the list's (createdAt, id) position, as this list encoded it */
@ListCursor('instant', 'uuid')
export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

/** The caller's own inbox: lock-out alerts now; deadline reminders and escalations as the case work lands. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.listForUser(user.id, q);
  }

  @Post(':id/read')
  @AnyRole()
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<void> {
    await this.notifications.markRead(user.id, p.id);
  }
}
