import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../calendar/calendar-date';
import { hasUnsafeText } from './input-guard';

/**
 * The dates any date field or filter accepts: real calendar dates (the one check, `isCalendarDate`, that intake's
 * `receivedOn` always used) within years the calendar, the counters and PostgreSQL's date arithmetic all handle.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** Bounds set from configuration at start (createHttpApp); the defaults are the configuration's defaults. */
const bounds = { receivedOnEarliest: '2000-01-01' };

export function configureDateBounds(b: { receivedOnEarliest: string }): void {
  bounds.receivedOnEarliest = b.receivedOnEarliest;
}

export type DateBound = keyof typeof bounds;

const BOUND_SETTING: Record<DateBound, string> = { receivedOnEarliest: 'RECEIVED_ON_EARLIEST' };

/** Why `value` is not an acceptable date, or null when it is. */
export function calendarDateProblem(value: unknown, notBefore?: DateBound): string | null {
  if (!isCalendarDate(value)) return 'must be a real date YYYY-MM-DD';
  if (value < DATE_RANGE.min || value > DATE_RANGE.max) return `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;
  if (notBefore && value < bounds[notBefore]) {
    return `must be on or after ${bounds[notBefore]} (the earliest accepted, ${BOUND_SETTING[notBefore]})`;
  }
  return null;
}

/** A `YYYY-MM-DD` date that exists (2026-02-30 does not), in {@link DATE_RANGE}, optionally not before a configured bound. */
export function IsCalendarDate(opts: { notBefore?: DateBound } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown) => calendarDateProblem(value, opts.notBefore) === null,
        defaultMessage: (args?: ValidationArguments) =>
          calendarDateProblem(args?.value, opts.notBefore) ?? 'must be a real date YYYY-MM-DD',
      },
    });
}

/** What one position of a list's cursor holds (as encoded by that list's `toPage`). */
export type CursorPart = 'instant' | 'date' | 'uuid' | 'digits' | 'text';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partOk(kind: CursorPart, v: unknown): boolean {
  switch (kind) {
    case 'instant':
      return typeof v === 'string' && INSTANT.test(v) && isCalendarDate(v.slice(0, 10)) && Number.isFinite(Date.parse(v));
    case 'date':
      return isCalendarDate(v);
    case 'uuid':
      return typeof v === 'string' && UUID.test(v);
    case 'digits':
      return typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n;
    case 'text':
      return typeof v === 'string' && v.length <= 200 && !hasUnsafeText(v);
  }
}

/** Whether `cursor` decodes to exactly the values the list of `parts` encodes (so a hand-made one never reaches SQL). */
export function isListCursor(cursor: unknown, parts: readonly CursorPart[]): boolean {
  if (typeof cursor !== 'string') return false;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.length === parts.length && parts.every((kind, i) => partOk(kind, values[i]));
  } catch {
    return false;
  }
}

/**
 * On a list's query class (a PageQuery): its `?cursor=` is a 400 VALIDATION_FAILED on `cursor` unless it decodes to
 * the values that list encodes (`parts`, in order).
 */
export function ListCursor(...parts: CursorPart[]): ClassDecorator {
  return ListCursorBy(() => parts);
}

/** As {@link ListCursor}, for a list whose cursor holds other values by its sort order (`partsOf` the query). */
export function ListCursorBy(partsOf: (query: Record<string, unknown>) => readonly CursorPart[]): ClassDecorator {
  return (target) =>
    registerDecorator({
      name: 'isListCursor',
      target,
      propertyName: 'cursor',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value === undefined || isListCursor(value, partsOf((args?.object ?? {}) as Record<string, unknown>)),
        defaultMessage: () => 'is not a cursor this API returned',
      },
    });
}

const INSTANT_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Why `value` is neither a calendar date (as {@link IsCalendarDate}) nor an ISO-8601 instant with a zone, or null. */
export function dateOrInstantProblem(value: unknown): string | null {
  if (typeof value === 'string') {
    const m = INSTANT_WITH_ZONE.exec(value);
    if (m) return calendarDateProblem(m[1]) === null && Number.isFinite(Date.parse(value)) ? null : calendarDateProblem(m[1]);
  }
  const dateProblem = calendarDateProblem(value);
  return dateProblem && `${dateProblem}, or an ISO-8601 instant with a zone`;
}

/** A calendar date `YYYY-MM-DD` or an instant `YYYY-MM-DDThh:mm[:ss[.fff]]Z|±hh:mm`; nothing else reaches SQL. */
export function IsDateOrInstant(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOrInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => dateOrInstantProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => dateOrInstantProblem(args?.value) ?? 'must be a date or an instant',
      },
    });
}
