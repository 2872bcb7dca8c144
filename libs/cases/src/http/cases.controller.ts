import { Body, Controller, Get, HttpCode, Logger, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiExportResponse,
  ApiPage,
  AuthUser,
  CurrentUser,
  IdParam,
  Idempotent,
  Page,
  Roles,
  sendExport,
  shanghaiDate,
  TimelineEventDto,
} from '@app/kernel';
import { caseExportColumns } from '../case-export';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CaseActionsService } from '../case-actions.service';
import { CaseAmendmentService } from '../case-amendment.service';
import { AmendCaseDto } from './dto/amend-case.dto';
import { CaseActionDto, CreatePaymentDto, CreateServiceRecordDto, RecuseDto } from './dto/case-action.dto';
import { CasesService } from '../cases.service';
import { CaseCountsQuery, CaseExportQuery, CaseQueryDto } from './dto/case-query.dto';
import { CaseCountsResponse, CaseEventResponse, CaseResponse, PartyContactResponse, ServiceRecordResponse } from './dto/case-response';
import { CreateCaseDto } from './dto/create-case.dto';

class PartyParams extends IdParam {
  @ApiProperty({ enum: ['requester', 'respondent'], enumName: 'PartyRole' })
  @IsIn(['requester', 'respondent'])
  role!: 'requester' | 'respondent';

  @ApiProperty({ minimum: 0, maximum: 49, description: 'position in the requesters or respondents' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(49)
  ordinal!: number;
}

class UnmaskQuery {
  @ApiPropertyOptional({ description: 'why the clear value is needed (kept in the audit trail)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

class CaseActionParams extends IdParam {
  @ApiProperty({ description: 'a case action (allowedActions of the case)' })
  @Matches(/^[a-z_]{1,40}$/, { message: 'is not an action' })
  action!: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('cases')
export class CasesController {
  private readonly logger = new Logger(CasesController.name);

  constructor(
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
    private readonly amendments: CaseAmendmentService,
  ) {}

  /** 收案: officers and supervisors take in a case for a unit in their scope. */
  @Post()
  @Roles('officer', 'supervisor')
  @Idempotent()
  @ApiCreatedResponse({ type: CaseResponse })
  create(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext, @Body() dto: CreateCaseDto): Promise<CaseResponse> {
    return this.cases.intake(user, actor, dto);
  }

  @Get()
  @Roles('officer', 'supervisor')
  @ApiPage(CaseResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: CaseQueryDto): Promise<Page<CaseResponse>> {
    return this.cases.list(user, q);
  }

  /** List headers: how many cases in scope per status (or type, or unit), from kept counts. */
  @Get('counts')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: CaseCountsResponse })
  counts(@CurrentUser() user: AuthUser, @Query() q: CaseCountsQuery): Promise<CaseCountsResponse> {
    return this.cases.counts(user, q);
  }

  /** CSV or XLSX of the filtered list, Chinese headers, streamed page by page; audited. */
  @Get('export')
  @Roles('officer', 'supervisor')
  @ApiExportResponse()
  async export(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Query() q: CaseExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filters } = q;
    await this.cases.auditExport(user, actor, { ...filters, format });
    const day = shanghaiDate(new Date());
    const units = await this.cases.unitNames();
    await sendExport(reply, {
      format,
      rows: this.cases.exportRows(user, filters),
      columns: caseExportColumns((code) => units.get(code) ?? code),
      filenameBase: `案件导出-${day}`,
      asciiBase: `cases-${day}`,
      onError: (err) => this.logger.error({ err: err.message, requestId: actor.requestId }, 'case export failed mid-stream'),
    });
  }

  /** 回避: a supervisor recuses an officer from a case; the officer loses access to it. */
  @Post(':id/recusals')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseResponse })
  recuse(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext, @Param() p: IdParam, @Body() dto: RecuseDto): Promise<CaseResponse> {
    return this.actions.recuse(user, actor, p.id, dto);
  }

  @Get(':id/events')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: TimelineEventDto, isArray: true })
  events(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<CaseEventResponse[]> {
    return this.cases.events(user, p.id);
  }

  @Post(':id/actions/:action')
  @Roles('officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseResponse })
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: CaseActionParams,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.actions.act(user, actor, p.id, p.action, dto);
  }

  /** 送达记录: how and when a document of the case reached the party (mail: tracking number; electronic: consent). */
  @Post(':id/service-records')
  @Roles('officer', 'supervisor')
  @ApiCreatedResponse({ type: ServiceRecordResponse })
  addServiceRecord(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: CreateServiceRecordDto,
  ): Promise<ServiceRecordResponse> {
    return this.actions.addServiceRecord(user, actor, p.id, dto);
  }

  @Get(':id/service-records')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: ServiceRecordResponse, isArray: true })
  serviceRecords(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<ServiceRecordResponse[]> {
    return this.actions.serviceRecords(user, p.id);
  }

  /** A payment of a penalty (行政处罚法 Art. 67); the case shows what is still owed, late-payment surcharge included. */
  @Post(':id/payments')
  @Roles('officer', 'supervisor')
  @ApiCreatedResponse({ type: CaseResponse })
  addPayment(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: CreatePaymentDto,
  ): Promise<CaseResponse> {
    return this.actions.addPayment(user, actor, p.id, dto);
  }

  /** A party's phone and ID number in clear, for an officer of the case; audited, never cached. */
  @Get(':id/parties/:role/:ordinal/contact')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: PartyContactResponse })
  async partyContact(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: PartyParams,
    @Query() q: UnmaskQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PartyContactResponse> {
    void reply.header('cache-control', 'no-store');
    return this.cases.partyContact(user, actor, p.id, p.role, p.ordinal, q.reason);
  }

  /** 补正: corrects parties, patents, summary and flags until a decision is taken (validated as intake). */
  @Patch(':id')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: CaseResponse })
  amend(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: AmendCaseDto,
  ): Promise<CaseResponse> {
    return this.amendments.amend(user, actor, p.id, dto);
  }

  @Get(':id')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: CaseResponse })
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<CaseResponse> {
    return this.cases.get(user, p.id);
  }
}
