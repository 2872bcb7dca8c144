import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, ActorContext, AnyRole, AuthUser, CurrentUser, Public } from '@app/kernel';
import { AuthService, MeView, TokenPair } from '../auth.service';
import { LocalAuthGuard } from '../guards/local-auth.guard';
import { UserEntity } from '../persistence/user.entity';
import { LoginDto, RefreshDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@Req() req: { user: UserEntity }, @Actor() actor: ActorContext): Promise<TokenPair> {
    return this.auth.login(req.user, actor);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  refresh(@Body() dto: RefreshDto, @Actor() actor: ActorContext): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, actor);
  }

  @Post('logout')
  @AnyRole()
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext): Promise<void> {
    await this.auth.logout(user, actor);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): { user: MeView } {
    // Everything was loaded with the access check: no second query.
    const { id, username, displayName, roles, orgUnit } = user;
    return { user: { id, username, displayName, roles, orgUnit } };
  }
}
