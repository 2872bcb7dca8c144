import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, AuthUser, CurrentUser, Idempotent, Page, Roles } from '@app/kernel';
import { IsUUID } from 'class-validator';
import { CasesService } from '../cases.service';
import { CaseQueryDto } from './dto/case-query.dto';
import { CaseResponse } from './dto/case-response';
import { CreateCaseDto } from './dto/create-case.dto';

class CaseIdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

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

  @Get(':id')
  @Roles('officer', 'supervisor')
  get(@CurrentUser() user: AuthUser, @Param() p: CaseIdParam): Promise<CaseResponse> {
    return this.cases.get(user, p.id);
  }
}
