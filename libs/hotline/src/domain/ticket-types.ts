// The vocabulary of 12330 hotline tickets (docs/product.md "12330 hotline tickets"); plain TypeScript, no framework.

/** Re-declared here so the domain stays free of imports; it must match ROLES in @app/kernel. */
export type Role = 'officer' | 'hotline_operator' | 'supervisor' | 'admin';

export const TICKET_CHANNELS = ['phone', 'web', 'email', 'letter', 'visit'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_CATEGORIES = ['consultation', 'complaint', 'report', 'assistance'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_STATUSES = ['new', 'triaged', 'assigned', 'in_progress', 'responded', 'closed', 'reopened', 'converted'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses whose SLA clocks have stopped: the ticket was answered and closed, or became a case. */
export const FINISHED_STATUSES = ['closed', 'converted'] as const satisfies readonly TicketStatus[];

/**
 * `forward` hands the ticket to another agency (market regulation, a court…): it closes the ticket with the outcome
 * recorded, so the callback and the 15-day reopen window apply to it like to any closed ticket.
 */
export const TICKET_ACTIONS = ['triage', 'assign', 'start', 'respond', 'close', 'reopen', 'convert', 'forward', 'callback'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = {
  phone: '电话',
  web: '网站',
  email: '电子邮件',
  letter: '信函',
  visit: '来访',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  consultation: '咨询',
  complaint: '投诉',
  report: '举报',
  assistance: '维权援助申请',
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  new: '新建',
  triaged: '已分拣',
  assigned: '已分派',
  in_progress: '办理中',
  responded: '已答复',
  closed: '已办结',
  reopened: '已重启',
  converted: '已转案件',
};

function member<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isTicketAction = member(TICKET_ACTIONS);
export const isTicketStatus = member(TICKET_STATUSES);
export const isTicketCategory = member(TICKET_CATEGORIES);
