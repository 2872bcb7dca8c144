// E-commerce and customs liaison (items 15–16): requests a case sends to a platform or to customs, each with its own
// reply deadline. Plain TypeScript.

export const LIAISON_CHANNELS = ['ecommerce', 'customs'] as const;
export type LiaisonChannel = (typeof LIAISON_CHANNELS)[number];

/** What is asked: of a platform a takedown or information; of customs a joint action or a detention (扣留). */
export const LIAISON_KINDS = {
  ecommerce: ['takedown', 'information_request'],
  customs: ['joint_action', 'detention'],
} as const satisfies Record<LiaisonChannel, readonly string[]>;
export type LiaisonKind = (typeof LIAISON_KINDS)[LiaisonChannel][number];

export const LIAISON_OUTCOMES = [
  'removed',
  'information_provided',
  'refused',
  'no_reply',
  'detained',
  'released',
  'joint_action_done',
  'other',
] as const;
export type LiaisonOutcome = (typeof LIAISON_OUTCOMES)[number];

export const LIAISON_STATUSES = ['open', 'replied', 'closed'] as const;
export type LiaisonStatus = (typeof LIAISON_STATUSES)[number];

export const LIAISON_ACTIONS = ['record_reply', 'close'] as const;
export type LiaisonAction = (typeof LIAISON_ACTIONS)[number];

/** Default reply deadlines in working days: platforms answer notices quickly; customs has its own procedure. */
export const LIAISON_DUE_WORKING_DAYS: Record<LiaisonChannel, number> = { ecommerce: 5, customs: 10 };

export const LIAISON_TRANSITIONS: { readonly [A in LiaisonAction]: { from: readonly LiaisonStatus[]; to: LiaisonStatus } } = {
  record_reply: { from: ['open'], to: 'replied' },
  close: { from: ['open', 'replied'], to: 'closed' },
};

export function liaisonNext(status: LiaisonStatus, action: LiaisonAction): LiaisonStatus | null {
  const rule = LIAISON_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

export const allowedLiaisonActions = (status: LiaisonStatus): LiaisonAction[] =>
  LIAISON_ACTIONS.filter((a) => liaisonNext(status, a) !== null);

export interface LiaisonInput {
  channel: string;
  kind: string;
  platform?: string;
  storeName?: string;
  listingUrls?: string[];
  port?: string;
  reference?: string;
  sentOn: string;
  replyDue?: string;
  actionOn?: string;
}

/** The fields each channel needs, each problem naming its field. */
export function checkLiaison(l: LiaisonInput, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!(LIAISON_CHANNELS as readonly string[]).includes(l.channel)) {
    problems.push({ field: 'channel', message: `must be one of ${LIAISON_CHANNELS.join(', ')}` });
    return problems;
  }
  const channel = l.channel as LiaisonChannel;
  const kinds: readonly string[] = LIAISON_KINDS[channel];
  if (!kinds.includes(l.kind)) problems.push({ field: 'kind', message: `must be one of ${kinds.join(', ')} for ${channel}` });
  if (channel === 'ecommerce') {
    if (!l.platform) problems.push({ field: 'platform', message: 'is required for an e-commerce liaison' });
    if (l.kind === 'takedown' && !l.listingUrls?.length)
      problems.push({ field: 'listingUrls', message: 'a takedown names at least one listing' });
    if (l.port !== undefined) problems.push({ field: 'port', message: 'is for customs liaisons' });
  } else {
    if (!l.port) problems.push({ field: 'port', message: 'is required for a customs liaison' });
    if (l.kind === 'detention' && !l.reference) problems.push({ field: 'reference', message: 'a detention carries the customs reference' });
    if (l.platform !== undefined || l.listingUrls !== undefined)
      problems.push({ field: 'platform', message: 'is for e-commerce liaisons' });
  }
  if (l.sentOn > today) problems.push({ field: 'sentOn', message: 'cannot be in the future' });
  if (l.replyDue !== undefined && l.replyDue < l.sentOn) problems.push({ field: 'replyDue', message: 'cannot be before sentOn' });
  return problems;
}
