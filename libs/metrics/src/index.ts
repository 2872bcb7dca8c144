import { MetricCountEntity } from './persistence/metric-count.entity';
import { MetricGaugeEntity } from './persistence/metric-gauge.entity';
import { MetricTargetEntity } from './persistence/metric-target.entity';

export * from './domain/metric-names';
export * from './domain/kpi-definitions';
export * from './domain/case-counts';
export * from './domain/target-progress';
export * from './persistence/metric-counters';
export * from './metric-sources';
export * from './metrics-rebuild.service';
export * from './metrics-rollup';
export * from './metrics.module';
export const METRICS_ENTITIES = [MetricCountEntity, MetricTargetEntity, MetricGaugeEntity];
export * from './targets.service';
