import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from './job-names';

/** Records a job to run after the surrounding transaction commits. Returns the outbox id (= the BullMQ job id). */
@Injectable()
export class OutboxWriter {
  async enqueue<N extends JobName>(
    em: EntityManager,
    name: N,
    payload: JobPayloads[N],
    opts: { availableAt?: Date } = {},
  ): Promise<string> {
    const rows = await em.query<{ id: string }[]>(
      'INSERT INTO outbox_messages (job_name, payload, available_at) VALUES ($1, $2::jsonb, coalesce($3::timestamptz, now())) RETURNING id',
      [name, JSON.stringify(payload), opts.availableAt?.toISOString() ?? null],
    );
    return rows[0].id;
  }
}
