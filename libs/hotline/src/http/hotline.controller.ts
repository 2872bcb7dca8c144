import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
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
  TimelineEventDto,
} from '@app/kernel';
import { shanghaiDate } from '@app/kernel/calendar';
import { IsInt, Matches, Min } from 'class-validator';
import { EarlyWarningService } from '../early-warning.service';
import { HotlineService } from '../hotline.service';
import { TicketActionsService } from '../ticket-actions.service';
import { ticketExportColumns } from '../ticket-export';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketActionDto } from './dto/ticket-action.dto';
import { AlertQueryDto, TicketExportQuery, TicketQueryDto } from './dto/ticket-query.dto';
import { AlertResponse, TicketCallerResponse, TicketEventResponse, TicketResponse } from './dto/ticket-response';

class ActionParams extends IdParam {
  @ApiProperty({ description: 'a ticket action (allowedActions of the ticket)' })
  @Matches(/^[a-z_]{1,40}$/, { message: 'is not an action' })
  action!: string;
}

class AcknowledgeDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@ApiTags('hotline')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('hotline')
export class HotlineController {
  private readonly logger = new Logger(HotlineController.name);

  constructor(
    private readonly tickets: HotlineService,
    private readonly actions: TicketActionsService,
    private readonly warnings: EarlyWarningService,
  ) {}

  /** A ticket from a call, web form, email, letter or visit: number, SLA due dates, likely duplicates. */
  @Post('tickets')
  @Roles('hotline_operator', 'supervisor')
  @Idempotent()
  @ApiCreatedResponse({ type: TicketResponse })
  create(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext, @Body() dto: CreateTicketDto): Promise<TicketResponse> {
    return this.tickets.create(user, actor, dto);
  }

  @Get('tickets')
  @Roles('hotline_operator', 'officer', 'supervisor')
  @ApiPage(TicketResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: TicketQueryDto): Promise<Page<TicketResponse>> {
    return this.tickets.list(user, q);
  }

  /** CSV or XLSX of the filtered list, Chinese headers, personal data masked, streamed; audited. */
  @Get('tickets/export')
  @Roles('hotline_operator', 'supervisor')
  @ApiExportResponse()
  async export(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Query() q: TicketExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filters } = q;
    await this.tickets.auditExport(user, actor, { ...filters, format });
    const day = shanghaiDate(new Date());
    const units = await this.tickets.unitNames();
    await sendExport(reply, {
      format,
      rows: this.tickets.exportRows(user, filters),
      columns: ticketExportColumns((code) => units.get(code) ?? code),
      filenameBase: `12330工单导出-${day}`,
      asciiBase: `tickets-${day}`,
      onError: (err) => this.logger.error({ err: err.message, requestId: actor.requestId }, 'ticket export failed mid-stream'),
    });
  }

  @Get('tickets/:id')
  @Roles('hotline_operator', 'officer', 'supervisor')
  @ApiOkResponse({ type: TicketResponse })
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<TicketResponse> {
    return this.tickets.get(user, p.id);
  }

  @Get('tickets/:id/events')
  @Roles('hotline_operator', 'officer', 'supervisor')
  @ApiOkResponse({ type: TimelineEventDto, isArray: true })
  events(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<TicketEventResponse[]> {
    return this.tickets.events(user, p.id);
  }

  /** The caller unmasked (operators, supervisors); every call is an audited sensitive read. */
  @Get('tickets/:id/caller')
  @Roles('hotline_operator', 'supervisor')
  @ApiOkResponse({ type: TicketCallerResponse })
  unmaskedCaller(@CurrentUser() user: AuthUser, @Actor() actor: ActorContext, @Param() p: IdParam): Promise<TicketCallerResponse> {
    return this.tickets.unmaskedCaller(user, actor, p.id);
  }

  @Post('tickets/:id/actions/:action')
  @Roles('hotline_operator', 'officer', 'supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketResponse })
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: ActionParams,
    @Body() dto: TicketActionDto,
  ): Promise<TicketResponse> {
    return this.actions.act(user, actor, p.id, p.action, dto);
  }

  /** Early-warning alerts (专利预警), newest first, with the tickets behind each that the caller may see. */
  @Get('alerts')
  @Roles('hotline_operator', 'supervisor')
  @ApiPage(AlertResponse)
  alerts(@CurrentUser() user: AuthUser, @Query() q: AlertQueryDto): Promise<Page<AlertResponse>> {
    return this.warnings.list(user, q);
  }

  @Post('alerts/:id/acknowledge')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: AlertResponse })
  acknowledge(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: IdParam,
    @Body() dto: AcknowledgeDto,
  ): Promise<AlertResponse> {
    return this.warnings.acknowledge(user, actor, p.id, dto.expectedVersion);
  }
}
