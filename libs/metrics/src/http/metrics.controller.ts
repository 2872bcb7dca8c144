import { Body, Controller, Get, Logger, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, ActorContext, AuthUser, CurrentUser, Roles, sendExport } from '@app/kernel';
import { KpisResponse, MetricsQueryService, TargetProgressResponse } from '../metrics-query.service';
import { MetricsReportService, REPORT_COLUMNS } from '../metrics-report';
import { TargetsResponse, TargetsService } from '../targets.service';
import { KpiQuery, ReportQuery, SetTargetsDto, TargetProgressQuery, YearParam } from './dto/metrics.dto';

async function* iterate<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

/** /api/v1/metrics/…: targets, progress, KPIs, the monthly report (Prometheus text is GET /metrics, outside the prefix). */
@ApiTags('metrics')
@ApiBearerAuth()
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
  targetProgress(@CurrentUser() user: AuthUser, @Query() q: TargetProgressQuery): Promise<TargetProgressResponse> {
    return this.query.targetProgress(user, q);
  }

  @Get('kpis')
  @Roles('supervisor', 'admin', 'officer')
  kpis(@CurrentUser() user: AuthUser, @Query() q: KpiQuery): Promise<KpisResponse> {
    return this.query.kpis(user, q);
  }

  @Get('targets/:year')
  @Roles('supervisor', 'admin', 'officer')
  getTargets(@CurrentUser() user: AuthUser, @Param() p: YearParam): Promise<TargetsResponse> {
    return this.targets.get(user, p.year);
  }

  /** City-bureau supervisors and admins (a district supervisor gets 403). */
  @Put('targets/:year')
  @Roles('supervisor', 'admin')
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
