import type { WorkingDayCalendar } from '@app/kernel/calendar';
import { TICKET_CATEGORIES, TicketCategory } from './ticket-types';

/** Working days allowed per category: first response (答复) and resolution (办结), each counted from the day of intake. */
export interface CategorySla {
  firstResponse: number;
  resolution: number;
}

export interface HotlineSlaConfig {
  categories: Record<TicketCategory, CategorySla>;
  /** the callback (回访) is due this many working days after the day the ticket was closed */
  callback: number;
  /** reminders go out this many working days before a due date */
  reminder: number;
}

/**
 * product.md defaults: a consultation is answered within 3 working days; a complaint, report or assistance
 * application is decided within 13; the callback is due the working day after closing. For a consultation the answer
 * is the resolution; for the others the decision (answer, conversion into a case, forwarding) is.
 */
export const DEFAULT_HOTLINE_SLA: HotlineSlaConfig = {
  categories: {
    consultation: { firstResponse: 3, resolution: 3 },
    complaint: { firstResponse: 13, resolution: 13 },
    report: { firstResponse: 13, resolution: 13 },
    assistance: { firstResponse: 13, resolution: 13 },
  },
  callback: 1,
  reminder: 1,
};

const workingDays = (v: unknown, path: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 250) throw new Error(`${path} must be an integer from 1 to 250`);
  return v;
};

/**
 * Parses HOTLINE_SLA_WORKING_DAYS: JSON overriding any part of the defaults, e.g.
 * `{"consultation":{"firstResponse":2},"complaint":{"resolution":10},"callback":1,"reminder":1}`. Throws naming the
 * bad entry (the process then refuses to start).
 */
export function parseHotlineSla(text: string | null | undefined): HotlineSlaConfig {
  if (text == null || text.trim() === '') return DEFAULT_HOTLINE_SLA;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('HOTLINE_SLA_WORKING_DAYS must be JSON, e.g. {"consultation":{"firstResponse":3}}');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('HOTLINE_SLA_WORKING_DAYS must be a JSON object');
  const cfg: HotlineSlaConfig = {
    categories: { ...DEFAULT_HOTLINE_SLA.categories },
    callback: DEFAULT_HOTLINE_SLA.callback,
    reminder: DEFAULT_HOTLINE_SLA.reminder,
  };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const path = `HOTLINE_SLA_WORKING_DAYS.${key}`;
    if (key === 'callback') cfg.callback = workingDays(value, path);
    else if (key === 'reminder') cfg.reminder = workingDays(value, path);
    else if ((TICKET_CATEGORIES as readonly string[]).includes(key)) {
      if (value === null || typeof value !== 'object') throw new Error(`${path} must be an object`);
      const entry = { ...cfg.categories[key as TicketCategory] };
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k !== 'firstResponse' && k !== 'resolution') throw new Error(`${path}.${k} is not firstResponse or resolution`);
        entry[k] = workingDays(v, `${path}.${k}`);
      }
      if (entry.firstResponse > entry.resolution) throw new Error(`${path}: firstResponse cannot be later than resolution`);
      cfg.categories[key as TicketCategory] = entry;
    } else throw new Error(`${path} is not a category (${TICKET_CATEGORIES.join(', ')}), callback or reminder`);
  }
  return cfg;
}

export interface TicketDue {
  firstResponse: string;
  resolution: string;
}

/** Due dates of a ticket taken in (or reopened) on `on`: N working days after, not counting `on` itself. */
export function ticketDue(cal: WorkingDayCalendar, sla: HotlineSlaConfig, category: TicketCategory, on: string): TicketDue {
  const c = sla.categories[category];
  return { firstResponse: cal.addWorkingDays(on, c.firstResponse), resolution: cal.addWorkingDays(on, c.resolution) };
}

/** The callback is due the configured number of working days after the closing day. */
export function callbackDue(cal: WorkingDayCalendar, sla: HotlineSlaConfig, closedOn: string): string {
  return cal.addWorkingDays(closedOn, sla.callback);
}

/** The day reminders start for a due date. */
export function reminderFrom(cal: WorkingDayCalendar, sla: HotlineSlaConfig, due: string): string {
  return cal.addWorkingDays(due, -sla.reminder);
}
