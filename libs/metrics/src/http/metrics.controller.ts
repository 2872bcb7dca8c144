import { Body, Controller, Get, Logger, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, ActorContext, ApiErrorResponses, ApiExportResponse, AuthUser, CurrentUser, Roles, sendExport } from '@app/kernel';
import { KpisResponse, MetricsQueryService, TargetProgressResponse } from '../metrics-query.service';
import { MetricsReportService, REPORT_COLUMNS } from '../metrics-report';
import { TargetsResponse, TargetsService } from '../targets.service';
import { KpiQuery, ReportQuery, SetTargetsDto, TargetProgressQuery, YearParam } from './dto/metrics.dto';
import { KpisResponseDto, TargetProgressResponseDto, TargetsResponseDto } from './dto/metrics-response';

async function* iterate<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

/** /api/v1/metrics/…: targets, progress, KPIs, the monthly report (Prometheus text is GET /metrics, outside the prefix). */
@ApiTags('metrics')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger(MetricsController.name);

  constructor(
    private readonly query: MetricsQueryService,
    private readonly targets: TargetsService,
    private readonly report: MetricsReportService,
  ) {}

  @Get('target-progress')
  @Roles('supervisor', 'admin', 'officer')
  @ApiOkResponse({ type: TargetProgressResponseDto })
  targetProgress(@CurrentUser() user: AuthUser, @Query() q: TargetProgressQuery): Promise<TargetProgressResponse> {
    return this.query.targetProgress(user, q);
  }

  @Get('kpis')
  @Roles('supervisor', 'admin', 'officer')
  @ApiOkResponse({ type: KpisResponseDto })
  kpis(@CurrentUser() user: AuthUser, @Query() q: KpiQuery): Promise<KpisResponse> {
    return this.query.kpis(user, q);
  }

  @Get('targets/:year')
  @Roles('supervisor', 'admin', 'officer')
  @ApiOkResponse({ type: TargetsResponseDto })
  getTargets(@CurrentUser() user: AuthUser, @Param() p: YearParam): Promise<TargetsResponse> {
    return this.targets.get(user, p.year);
  }

  /** City-bureau supervisors and admins (a district supervisor gets 403). */
  @Put('targets/:year')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: TargetsResponseDto })
  setTargets(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Param() p: YearParam,
    @Body() dto: SetTargetsDto,
  ): Promise<TargetsResponse> {
    return this.targets.set(user, actor, p.year, dto);
  }

  /** 月度统计报表: XLSX (default) or CSV with Chinese headers; audited as an export. */
  @Get('report')
  @Roles('supervisor', 'admin')
  @ApiExportResponse()
  async monthlyReport(
    @CurrentUser() user: AuthUser,
    @Actor() actor: ActorContext,
    @Query() q: ReportQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = q.format ?? 'xlsx';
    const rows = await this.report.rows(user, actor, { ...q, format });
    await sendExport(reply, {
      format,
      rows: iterate(rows),
      columns: REPORT_COLUMNS,
      filenameBase: `月度统计报表-${q.year}-${String(q.month).padStart(2, '0')}`,
      onError: (err) => this.logger.error({ err: err.message, requestId: actor.requestId }, 'metrics report failed mid-stream'),
    });
  }
}
