import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../job-names';

export const JOB_PROCESSOR = 'ped:jobProcessor';

/** One class per job name; the worker refuses to start when a name has no processor or two. */
export const JobProcessor = (name: JobName) => SetMetadata(JOB_PROCESSOR, name);

export interface JobHandler<N extends JobName> {
  /** Must be idempotent: the job id is the outbox id, and a retried or stalled job runs again. */
  handle(payload: JobPayloads[N], job: Job): Promise<void>;
}
