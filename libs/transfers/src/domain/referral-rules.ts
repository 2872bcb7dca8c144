// Referrals that report back (FTZ four-in-one, item 16): a case `refer`red to a court, arbitration or people's
// mediation is followed until its outcome comes back. Plain TypeScript.

/** The routes of a `refer` (REFER_TARGETS of the cases context). The first three report an outcome back. */
export const REFERRAL_ROUTES = ['court', 'arbitration', 'people_mediation', 'police', 'market_regulation'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export const REPORTING_ROUTES = ['court', 'arbitration', 'people_mediation'] as const satisfies readonly ReferralRoute[];

export const REFERRAL_OUTCOMES = ['judgment', 'award', 'mediation_agreement', 'withdrawn'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Which outcomes each route can return (a court judges, an arbitration awards, mediation agrees; any may be withdrawn). */
export const OUTCOMES_BY_ROUTE: Record<ReferralRoute, readonly ReferralOutcome[]> = {
  court: ['judgment', 'mediation_agreement', 'withdrawn'],
  arbitration: ['award', 'mediation_agreement', 'withdrawn'],
  people_mediation: ['mediation_agreement', 'withdrawn'],
  police: ['withdrawn'],
  market_regulation: ['withdrawn'],
};

export const REFERRAL_STATUSES = ['referred', 'acknowledged', 'concluded'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = ['acknowledge', 'record_outcome'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export const REFERRAL_TRANSITIONS: { readonly [A in ReferralAction]: { from: readonly ReferralStatus[]; to: ReferralStatus } } = {
  acknowledge: { from: ['referred', 'acknowledged'], to: 'acknowledged' },
  record_outcome: { from: ['referred', 'acknowledged'], to: 'concluded' },
};

export function referralNext(status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const rule = REFERRAL_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

export const allowedReferralActions = (status: ReferralStatus): ReferralAction[] =>
  REFERRAL_ACTIONS.filter((a) => referralNext(status, a) !== null);

export const isReferralRoute = (v: unknown): v is ReferralRoute =>
  typeof v === 'string' && (REFERRAL_ROUTES as readonly string[]).includes(v);

/** Null when the outcome fits the route, else why not. */
export function checkOutcome(route: ReferralRoute, outcome: string): string | null {
  const allowed = OUTCOMES_BY_ROUTE[route];
  return (allowed as readonly string[]).includes(outcome) ? null : `a ${route} referral ends with one of ${allowed.join(', ')}`;
}
