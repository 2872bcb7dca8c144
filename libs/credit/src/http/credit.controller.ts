import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  ActorContext,
  ApiErrorResponses,
  ApiExportResponse,
  ApiPage,
  AuthUser,
  CurrentUser,
  IdParam,
  Page,
  Roles,
  sendExport,
} from '@app/kernel';
import { CREDIT_RECORD_COLUMNS } from '../credit-export';
import { CreditPublicationsService } from '../credit-publications.service';
import {
  PublicationActionDto,
  PublicationActionParams,
  PublicationExportQuery,
  PublicationQueryDto,
  PublicationResponse,
} from './dto/publication.dto';

@ApiTags('credit')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('credit/publications')
export class CreditController {
  private readonly logger = new Logger(CreditController.name);

  constructor(private readonly publications: CreditPublicationsService) {}

  @Get()
  @Roles('officer', 'supervisor')
  @ApiPage(PublicationResponse)
  list(@CurrentUser() user: AuthUser, @Query() q: PublicationQueryDto): Promise<Page<PublicationResponse>> {
    return this.publications.list(user, q);
  }

  /** The standard's columns in its order, Chinese headers, CSV or XLSX, streamed; audited. */
  @Get('export')
  @Roles('officer', 'supervisor')
  @ApiExportResponse()
  async export(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Query() q: PublicationExportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filters } = q;
    await this.publications.auditExport(user, actor, { ...filters, format });
    await sendExport(reply, {
      format,
      rows: this.publications.exportRows(user, filters),
      columns: CREDIT_RECORD_COLUMNS,
      filenameBase: `行政处罚信息-${q.from ?? 'all'}-${q.to ?? 'all'}`,
      onError: (err) => this.logger.error({ err: err.message, requestId: actor.requestId }, 'publication export failed mid-stream'),
    });
  }

  @Get(':id')
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ type: PublicationResponse })
  get(@CurrentUser() user: AuthUser, @Param() p: IdParam): Promise<PublicationResponse> {
    return this.publications.get(user, p.id);
  }

  /** `retry`, `withdraw { reason }`, `correct { record }`: supervisors decide what reaches the platform. */
  @Post(':id/actions/:action')
  @Roles('supervisor')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationResponse })
  act(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: PublicationActionParams,
    @Body() dto: PublicationActionDto,
  ): Promise<PublicationResponse> {
    return this.publications.act(user, actor, p.id, p.action, dto);
  }
}
