import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, ApiErrorResponses, ApiPage, AuthUser, CurrentUser, IdParam, Idempotent, Page, Roles } from '@app/kernel';
import { LiaisonResponse, LiaisonsReferralsService, ReferralResponse } from '../liaisons-referrals.service';
import {
  CreateLiaisonDto,
  LiaisonActionDto,
  LiaisonActionParams,
  LiaisonQueryDto,
  ReferralActionDto,
  ReferralActionParams,
  ReferralQueryDto,
  ReferralSummaryQuery,
} from './dto/liaison.dto';
import { LiaisonResponseDto, ReferralResponseDto, ReferralSummaryResponseDto } from './dto/transfer-response';

@ApiTags('liaisons')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller()
export class LiaisonsController {
  constructor(private readonly service: LiaisonsReferralsService) {}

  @Post('cases/:id/liaisons')
  @Roles('officer', 'supervisor')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: LiaisonResponseDto })
  create(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: CreateLiaisonDto,
  ): Promise<LiaisonResponse> {
    return this.service.createLiaison(user, actor, p.id, dto);
  }

  @Get('cases/:id/liaisons')
  @Roles('officer', 'supervisor')
  @ApiPage(LiaisonResponseDto)
  ofCase(@CurrentUser() user: AuthUser, @Param() p: IdParam, @Query() q: LiaisonQueryDto): Promise<Page<LiaisonResponse>> {
    return this.service.liaisonsOfCase(user, p.id, q);
  }

  /** For supervisors: open liaisons (`open=true`), overdue ones (`overdue=true`), by channel. */
  @Get('liaisons')
  @Roles('supervisor')
  @ApiPage(LiaisonResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() q: LiaisonQueryDto): Promise<Page<LiaisonResponse>> {
    return this.service.listLiaisons(user, q);
  }

  @Post('liaisons/:id/actions/:action')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: LiaisonResponseDto })
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: LiaisonActionParams,
    @Body() dto: LiaisonActionDto,
  ): Promise<LiaisonResponse> {
    return this.service.actLiaison(user, actor, p.id, p.action, dto);
  }

  @Get('referrals')
  @Roles('officer', 'supervisor')
  @ApiPage(ReferralResponseDto)
  referrals(@CurrentUser() user: AuthUser, @Query() q: ReferralQueryDto): Promise<Page<ReferralResponse>> {
    return this.service.listReferrals(user, q);
  }

  @Get('referrals/summary')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: ReferralSummaryResponseDto })
  summary(@CurrentUser() user: AuthUser, @Query() q: ReferralSummaryQuery): Promise<ReferralSummaryResponseDto> {
    return this.service.referralSummary(user, q);
  }

  @Post('referrals/:id/actions/:action')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralResponseDto })
  actReferral(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: ReferralActionParams,
    @Body() dto: ReferralActionDto,
  ): Promise<ReferralResponse> {
    return this.service.actReferral(user, actor, p.id, p.action, dto);
  }
}
