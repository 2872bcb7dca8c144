import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, ActorContext, AnyRole, ApiErrorResponses, AuthUser, CurrentUser, Public } from '@app/kernel';
import { AuthService, MeView, TokenPair } from '../auth.service';
import { LocalAuthGuard } from '../guards/local-auth.guard';
import { UserEntity } from '../persistence/user.entity';
import { LoginDto, RefreshDto } from './dto/auth.dto';
import { MeResponseDto, TokenPairDto } from './dto/auth-response';

@ApiTags('auth')
@ApiErrorResponses(400, 401, 429, 500)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Req() req: { user: UserEntity }, @Actor() actor: ActorContext): Promise<TokenPair> {
    return this.auth.login(req.user, actor);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto, @Actor() actor: ActorContext): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken, actor);
  }

  @Post('logout')
  @AnyRole()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the refresh tokens of the session are revoked' })
  async logout(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext): Promise<void> {
    await this.auth.logout(user, actor);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentUser() user: AuthUser): { user: MeView } {
    // Everything was loaded with the access check: no second query.
    const { id, username, displayName, roles, orgUnit } = user;
    return { user: { id, username, displayName, roles, orgUnit } };
  }
}
