import { Injectable, OnModuleInit } from '@nestjs/common';
import { CountCell, MetricSources, MetricsRollup } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { publicationBacklog, recomputeCreditCounts } from './persistence/credit-counts.repository';

/**
 * Declares the credit source (its counts are added by CreditDeliveryService when a publication is published) and
 * registers the publication backlog with the metrics roll-up: publications per unit not yet on the platform
 * (pending, submitted, rejected, failed), read through the partial index of undelivered publications.
 */
@Injectable()
export class CreditCountsSource implements OnModuleInit {
  constructor(
    private readonly sources: MetricSources,
    private readonly rollup: MetricsRollup,
  ) {}

  onModuleInit(): void {
    this.sources.declare({ source: 'credit', recompute: (em) => this.recompute(em) });
    this.rollup.register('credit.publication_backlog', (em) => this.backlog(em));
  }

  recompute(em: EntityManager): Promise<CountCell[]> {
    return recomputeCreditCounts(em);
  }

  backlog(em: EntityManager): Promise<Map<string, number>> {
    return publicationBacklog(em);
  }
}
