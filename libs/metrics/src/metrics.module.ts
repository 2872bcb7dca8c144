import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AuthCoreModule } from '@app/auth';
import { CalendarModule } from '@app/calendar';
import { CasesCoreModule } from '@app/cases';
import { CaseCountsSource } from './case-counts.source';
import { MetricsController } from './http/metrics.controller';
import { MetricCounters, MetricGauges } from './persistence/metric-counters';
import { MetricCountsRepository } from './persistence/metric-counts.repository';
import { MetricsRollupRepository } from './persistence/metrics-rollup.repository';
import { TargetsRepository } from './persistence/targets.repository';
import { MetricSources } from './metric-sources';
import { MetricsQueryService } from './metrics-query.service';
import { MetricsRebuildService } from './metrics-rebuild.service';
import { MetricsReportService } from './metrics-report';
import { MetricsRollup, MetricsRollupTask } from './metrics-rollup';
import { MetricsScope } from './metrics-scope';
import { MetricsPrometheusGauges } from './prometheus-gauges';
import { TargetsService } from './targets.service';

/**
 * Counting without HTTP: loaded by the api, the worker and the cli, so every process that changes cases counts the
 * change in the same transaction (the case listener registers in onModuleInit).
 */
@Module({
  imports: [AuditModule, AuthCoreModule, CalendarModule, CasesCoreModule],
  providers: [
    MetricCounters,
    MetricGauges,
    MetricSources,
    CaseCountsSource,
    MetricsRebuildService,
    MetricsRollup,
    TargetsService,
    MetricCountsRepository,
    MetricsRollupRepository,
    TargetsRepository,
  ],
  exports: [
    MetricCounters,
    MetricGauges,
    MetricSources,
    MetricsRebuildService,
    MetricsRollup,
    TargetsService,
    MetricCountsRepository,
    TargetsRepository,
  ],
})
export class MetricsCoreModule {}

/** The /api/v1/metrics routes and the Prometheus gauges (api processes). */
@Module({
  imports: [MetricsCoreModule, AuditModule, AuthCoreModule, CalendarModule, CasesCoreModule],
  providers: [MetricsScope, MetricsQueryService, MetricsReportService, MetricsPrometheusGauges],
  controllers: [MetricsController],
})
export class MetricsModule {}

/** The roll-up of live states every METRICS_ROLLUP_INTERVAL_MS (worker processes). */
@Module({ imports: [MetricsCoreModule], providers: [MetricsRollupTask] })
export class MetricsWorkerModule {}
