import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, AuthUser, CurrentUser, Idempotent, Page, Roles } from '@app/kernel';
import { UsersService } from '../users.service';
import { IdParam } from '@app/kernel';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserResponse } from './dto/user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @Idempotent()
  create(@Body() dto: CreateUserDto, @Actor() actor: ActorContext): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param() p: IdParam, @Body() dto: UpdateUserDto, @Actor() actor: ActorContext): Promise<UserResponse> {
    return this.users.update(actor, p.id, dto);
  }

  /** Officers and supervisors see the users of their scope (to pick colleagues for a case); admins see all. */
  @Get()
  @Roles('admin', 'supervisor', 'officer')
  list(@CurrentUser() user: AuthUser, @Query() q: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(user, q);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'officer')
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<UserResponse> {
    return this.users.getScoped(user, p.id);
  }
}
