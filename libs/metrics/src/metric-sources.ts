import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CountCell, MetricSource } from './domain/metric-names';

/** A library that keeps counts: what `metrics:rebuild` recomputes from its own tables. */
export interface MetricSourceDeclaration {
  source: MetricSource;
  /** every counter cell of this source's metrics, recomputed from the source tables (zero cells may be omitted) */
  recompute(em: EntityManager): Promise<CountCell[]>;
}

/**
 * Which sources keep their counts. KPIs of a source nobody declared answer `available: false`. The cases source is
 * declared by this library; libs/hotline and libs/credit declare theirs in `onModuleInit` (they call
 * `MetricCounters.add` from their own transactions; the dependency runs from them to this library, never back).
 */
@Injectable()
export class MetricSources {
  private readonly declared = new Map<MetricSource, MetricSourceDeclaration>();

  declare(d: MetricSourceDeclaration): void {
    if (this.declared.has(d.source)) throw new Error(`metric source ${d.source} declared twice`);
    this.declared.set(d.source, d);
  }

  isLive(source: MetricSource): boolean {
    return this.declared.has(source);
  }

  all(): MetricSourceDeclaration[] {
    return [...this.declared.values()];
  }
}
