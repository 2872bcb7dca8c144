import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseChangeHooks } from '@app/cases';
import { EntityManager } from 'typeorm';
import { caseCountDeltas } from './domain/case-counts';
import { CountCell } from './domain/metric-names';
import { recomputeCaseCounts } from './persistence/case-counts.repository';
import { MetricCounters } from './persistence/metric-counters';
import { MetricSources } from './metric-sources';

/**
 * Counts case changes inside the case's own transaction (via CaseChangeHooks: intake, every action, recusal) and
 * declares the cases source, with its recomputation, to the rebuild.
 */
@Injectable()
export class CaseCountsSource implements OnModuleInit {
  constructor(
    private readonly hooks: CaseChangeHooks,
    private readonly counters: MetricCounters,
    private readonly sources: MetricSources,
  ) {}

  onModuleInit(): void {
    this.hooks.register('metrics', (em, change) => this.counters.add(em, caseCountDeltas(change)));
    this.sources.declare({ source: 'cases', recompute: (em) => this.recompute(em) });
  }

  recompute(em: EntityManager): Promise<CountCell[]> {
    return recomputeCaseCounts(em);
  }
}
