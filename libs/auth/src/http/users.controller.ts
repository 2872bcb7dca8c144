import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, ApiErrorResponses, ApiPage, AuthUser, CurrentUser, Idempotent, Page, Roles } from '@app/kernel';
import { UsersService } from '../users.service';
import { IdParam } from '@app/kernel';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserResponse } from './dto/user.dto';
import { UserResponseDto } from './dto/auth-response';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto, @Actor() actor: ActorContext): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponseDto })
  update(@Param() p: IdParam, @Body() dto: UpdateUserDto, @Actor() actor: ActorContext): Promise<UserResponse> {
    return this.users.update(actor, p.id, dto);
  }

  /** Officers and supervisors see the users of their scope (to pick colleagues for a case); admins see all. */
  @Get()
  @Roles('admin', 'supervisor', 'officer')
  @ApiPage(UserResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() q: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(user, q);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'officer')
  @ApiOkResponse({ type: UserResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<UserResponse> {
    return this.users.getScoped(user, p.id);
  }
}
