import { Injectable, OnModuleInit } from '@nestjs/common';
import { CountCell, MetricSources } from '@app/metrics';
import { EntityManager } from 'typeorm';
import { recomputeTicketCounts } from './persistence/ticket-counts.repository';

/** Declares the hotline source (its counts are added by TicketActionsService in each step's transaction). */
@Injectable()
export class TicketCountsSource implements OnModuleInit {
  constructor(private readonly sources: MetricSources) {}

  onModuleInit(): void {
    this.sources.declare({ source: 'hotline', recompute: (em) => this.recompute(em) });
  }

  recompute(em: EntityManager): Promise<CountCell[]> {
    return recomputeTicketCounts(em);
  }
}
