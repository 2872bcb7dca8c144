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
  /** build, sign and deliver an approved outbound transfer's dossier to the partner */
  'transfers.deliver': { transferId: string };
  /** send one status message (accepted, declined, answered, evidence refused) to the partner */
  'transfers.send_status': { messageId: string };
  /** fetch the partner's files listed in a dossier or an answer, with signed GETs, into our store */
  'transfers.fetch_files': { transferId: string };
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
  // a partner office may be down for hours: 2 s doubling over 14 retries spans ~4.5 h before `failed`
  'transfers.deliver': { attempts: 15, backoffMs: 2_000 },
  'transfers.send_status': { attempts: 15, backoffMs: 2_000 },
  'transfers.fetch_files': { attempts: 15, backoffMs: 2_000 },
} as const satisfies Record<JobName, JobDefinition>;

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_DEFINITIONS, name);
}
