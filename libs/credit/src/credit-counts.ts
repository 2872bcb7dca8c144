import { shanghaiDate } from '@app/kernel';
import type { CountDelta } from '@app/metrics';

/**
 * What a publication reaching `published` adds to the credit counters, by the Shanghai date it was published and the
 * publication's org unit (the unit that decided the penalty): `credit.published`, and `credit.published_on_time` when
 * published on or before `dueOn` (7 working days after the decision). A publication is published at most once (never
 * twice), and a later withdrawal or expiry does not undo the count: it was published then.
 */
export function publicationCountDeltas(p: { orgUnitCode: string; dueOn: string; publishedAt: Date }): CountDelta[] {
  const on = shanghaiDate(p.publishedAt);
  return [
    { metric: 'credit.published', orgUnitCode: p.orgUnitCode, on, value: 1 },
    ...(on <= p.dueOn ? [{ metric: 'credit.published_on_time' as const, orgUnitCode: p.orgUnitCode, on, value: 1 }] : []),
  ];
}
