/**
 * Every queued job: its name and its payload. Payloads carry ids only (never personal data or secrets): the
 * processor loads what it needs from PostgreSQL, which keeps the payload small and the job safe to retry.
 */
export interface JobPayloads {
  /** fan a notification event out to the inboxes of its audience */
  'notification.fanout': { eventId: string };
  /** push a credit publication to the platform (HTTP or file adapter) */
  'credit.deliver': { publicationId: string };
  /** delete a withdrawn or expired publication at the platform */
  'credit.remove': { publicationId: string };
}

export type JobName = keyof JobPayloads;

export interface JobDefinition {
  attempts: number;
  /** first retry delay; doubles on each further attempt */
  backoffMs: number;
}

/** Retry policy per job; `satisfies` makes a missing or unknown job name a compile error. */
export const JOB_DEFINITIONS = {
  'notification.fanout': { attempts: 10, backoffMs: 1_000 },
  // 2 s doubling: 12 retries span ~2.3 h, so an hour-long platform outage is ridden out before `failed`
  'credit.deliver': { attempts: 13, backoffMs: 2_000 },
  'credit.remove': { attempts: 13, backoffMs: 2_000 },
} as const satisfies Record<JobName, JobDefinition>;

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_DEFINITIONS, name);
}
