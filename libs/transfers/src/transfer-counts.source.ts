import { Injectable, OnModuleInit } from '@nestjs/common';
import { CountCell, MetricSources, queryCells } from '@app/metrics';
import { EntityManager } from 'typeorm';

/** `replyCountDeltas` (transfer-effects.ts) in SQL, for `metrics:rebuild`: a reply is stored once with its working days. */
const RECOMPUTE_SQL = `
SELECT 'transfer.reply_days' AS metric, org_unit_code, date_trunc('month', replied_on)::date AS period,
       reply_working_days::text AS dimension, count(*) AS value
  FROM transfers WHERE direction = 'out' AND reply_working_days IS NOT NULL AND replied_on IS NOT NULL
 GROUP BY 2, 3, 4`;

/** Declares the transfers source: the reply-days histogram is counted in the transaction that stores a partner's reply. */
@Injectable()
export class TransferCountsSource implements OnModuleInit {
  constructor(private readonly sources: MetricSources) {}

  onModuleInit(): void {
    this.sources.declare({ source: 'transfers', recompute: (em) => this.recompute(em) });
  }

  recompute(em: EntityManager): Promise<CountCell[]> {
    return queryCells(em, RECOMPUTE_SQL);
  }
}
