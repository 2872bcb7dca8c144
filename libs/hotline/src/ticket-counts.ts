import { shanghaiDate } from '@app/kernel';
import type { CountDelta } from '@app/metrics';
import type { TicketAction } from './domain';
import { HOTLINE_CENTRE_CODE } from './hotline-settings';

/** Steps that answer the caller for the first time: an answer, a hand-over to another agency, a conversion into a case. */
export const FIRST_RESPONSE_ACTIONS = ['respond', 'forward', 'convert'] as const satisfies readonly TicketAction[];
/** Steps that resolve a ticket (its SLA clocks stop): closing after the answer, forwarding, conversion into a case. */
export const RESOLUTION_ACTIONS = ['close', 'forward', 'convert'] as const satisfies readonly TicketAction[];

/** One ticket step as the counts see it. */
export interface CountedTicketStep {
  action: TicketAction;
  /** the step's instant (the event's `at`, the ticket's firstRespondedAt/resolvedAt) */
  at: Date;
  /** the ticket's unit after the step (null: with the 12330 centre) */
  orgUnitCode: string | null;
  /** the ticket had been answered before this step (firstRespondedAt was set) */
  answeredBefore: boolean;
  /** reopenings before this step: a resolution counts only when there were none (the ticket's first resolution) */
  reopenCount: number;
  firstResponseDue: string;
  /** the resolution due date before the step (for a first resolution: the one set at intake) */
  resolutionDue: string;
  /** the callback's score (callback only) */
  satisfaction: number | null;
}

/**
 * The org unit a ticket step counts for: the unit the ticket is assigned to after the step (for a conversion, the
 * case's unit, which takes the ticket over), else the 12330 centre. The city's figures sum every unit, the centre
 * included. The same unit is stored on the step's timeline event, which is what the rebuild groups by.
 */
export function ticketCountingUnit(orgUnitCode: string | null): string {
  return orgUnitCode ?? HOTLINE_CENTRE_CODE;
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/**
 * What one ticket step adds to the hotline counters, by the Shanghai date of the step:
 * - first response: the first `respond`/`forward`/`convert` of the ticket → `hotline.first_responded`, and
 *   `hotline.first_response_on_time` when on or before `firstResponseDue`; a reopened ticket answered again is not a
 *   first response;
 * - resolution: the ticket's first `close`/`forward`/`convert` (no reopening before it) → `hotline.resolved`, and
 *   `hotline.resolved_on_time` when on or before the intake's `resolutionDue`; closing again after a reopening does
 *   not count again, so each ticket is resolved once, at its first resolution;
 * - callback: every callback (one per round) → `hotline.satisfaction_sum` += score, `hotline.satisfaction_count` += 1.
 * Several tickets converted into one case each count as resolved tickets; the case itself counts once (case counts).
 */
export function ticketCountDeltas(step: CountedTicketStep): CountDelta[] {
  const unit = ticketCountingUnit(step.orgUnitCode);
  const on = shanghaiDate(step.at);
  const out: CountDelta[] = [];
  const add = (metric: CountDelta['metric'], value = 1) => out.push({ metric, orgUnitCode: unit, on, value });
  if (!step.answeredBefore && isOneOf(FIRST_RESPONSE_ACTIONS, step.action)) {
    add('hotline.first_responded');
    if (on <= step.firstResponseDue) add('hotline.first_response_on_time');
  }
  if (step.reopenCount === 0 && isOneOf(RESOLUTION_ACTIONS, step.action)) {
    add('hotline.resolved');
    if (on <= step.resolutionDue) add('hotline.resolved_on_time');
  }
  if (step.action === 'callback' && step.satisfaction !== null) {
    add('hotline.satisfaction_sum', step.satisfaction);
    add('hotline.satisfaction_count');
  }
  return out;
}
