import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, AuthUser, CurrentUser, Idempotent, Page, Roles } from '@app/kernel';
import { IsUUID, Matches } from 'class-validator';
import { CaseActionsService } from '../case-actions.service';
import { CaseActionDto } from './dto/case-action.dto';
import { CasesService } from '../cases.service';
import { CaseQueryDto } from './dto/case-query.dto';
import { CaseResponse } from './dto/case-response';
import { CreateCaseDto } from './dto/create-case.dto';

class CaseIdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

class CaseActionParams extends CaseIdParam {
  @Matches(/^[a-z_]{1,40}$/, { message: 'is not an action' })
  action!: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
  ) {}

  /** 收案: officers and supervisors take in a case for a unit in their scope. */
  @Post()
  @Roles('officer', 'supervisor')
  @Idempotent()
  create(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext, @Body() dto: CreateCaseDto): Promise<CaseResponse> {
    return this.cases.intake(user, actor, dto);
  }

  @Get()
  @Roles('officer', 'supervisor')
  list(@CurrentUser() user: AuthUser, @Query() q: CaseQueryDto): Promise<Page<CaseResponse>> {
    return this.cases.list(user, q);
  }

  @Post(':id/actions/:action')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: CaseActionParams,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.actions.act(user, actor, p.id, p.action, dto);
  }

  @Get(':id')
  @Roles('officer', 'supervisor')
  get(@CurrentUser() user: AuthUser, @Param() p: CaseIdParam): Promise<CaseResponse> {
    return this.cases.get(user, p.id);
  }
}
