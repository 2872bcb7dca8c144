// The vocabulary of cross-region transfers (docs/product.md "Cross-region transfers", docs/api.md "Transfers").
// Plain TypeScript: no framework, no database.

/** Re-declared so the domain stays free of imports; it must match ROLES in @app/kernel. */
export type Role = 'officer' | 'hotline_operator' | 'supervisor' | 'admin';

export const TRANSFER_KINDS = ['transfer', 'assist_investigation', 'assist_service', 'assist_enforcement'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const TRANSFER_DIRECTIONS = ['out', 'in'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];

/** Outbound: requested → approved → sending → delivered → accepted | declined | answered; returned; failed. */
export const OUT_STATUSES = [
  'requested',
  'returned',
  'approved',
  'sending',
  'delivered',
  'accepted',
  'declined',
  'answered',
  'failed',
] as const;
export type OutStatus = (typeof OUT_STATUSES)[number];

/** Inbound: received → accepted | declined | answered. */
export const IN_STATUSES = ['received', 'accepted', 'declined', 'answered'] as const;
export type InStatus = (typeof IN_STATUSES)[number];

export type TransferStatus = OutStatus | InStatus;
export const TRANSFER_STATUSES = [...new Set<TransferStatus>([...OUT_STATUSES, ...IN_STATUSES])];

/** A transfer still waiting for something: a second one of the same case and kind is refused while one is open. */
export const OPEN_OUT_STATUSES = ['requested', 'approved', 'sending', 'delivered', 'failed'] as const satisfies readonly OutStatus[];
/** Waiting for the partner's reply: the reply deadline runs. */
export const AWAITING_REPLY_OUT = ['delivered'] as const satisfies readonly OutStatus[];
export const AWAITING_REPLY_IN = ['received'] as const satisfies readonly InStatus[];

/** What users do (POST /transfers/:id/actions/:action). */
export const USER_ACTIONS = ['approve', 'return', 'retry', 'accept', 'decline', 'answer'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** What the system does: the worker's delivery and the partner's replies through the signed exchange. */
export const SYSTEM_EVENTS = ['dispatch', 'deliver', 'fail', 'partner_accept', 'partner_decline', 'partner_answer'] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/** The replies a status message may carry (POST /exchange/transfers/:id/status). */
export const REPLY_STATUSES = ['accepted', 'declined', 'answered', 'evidence_rejected'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

export const SIGNATURE_ALGORITHMS = ['ed25519', 'sm2-sm3'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

function member<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isTransferKind = member(TRANSFER_KINDS);
export const isUserAction = member(USER_ACTIONS);
export const isReplyStatus = member(REPLY_STATUSES);
export const isSignatureAlgorithm = member(SIGNATURE_ALGORITHMS);
export const isAssistance = (kind: TransferKind): boolean => kind !== 'transfer';
