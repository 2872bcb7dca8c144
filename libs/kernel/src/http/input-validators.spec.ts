import { assertSafeInput, hasUnsafeText, MAX_JSON_DEPTH } from './input-guard';
import { calendarDateProblem, dateOrInstantProblem, isListCursor } from './input-validators';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('edge input checks', () => {
  it('finds NUL and unpaired surrogates, and leaves paired ones (emoji, rare CJK) alone', () => {
    expect(hasUnsafeText('a\u0000b')).toBe(true);
    expect(hasUnsafeText('\ud800')).toBe(true);
    expect(hasUnsafeText('x\udc00')).toBe(true);
    expect(hasUnsafeText('😀 𠀀 华为')).toBe(false);
  });

  it('names the field and bounds the depth without recursion', () => {
    expect(() => assertSafeInput({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toThrow(/^a\.1\.c: /);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(() => assertSafeInput(deep)).toThrow(new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels`));
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) ok = [ok];
    expect(() => assertSafeInput(ok)).not.toThrow();
  });

  it('accepts only real dates in range, and instants with a zone', () => {
    expect(calendarDateProblem('2024-02-29')).toBeNull();
    for (const bad of ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-1-01', 20260101]) {
      expect(calendarDateProblem(bad)).not.toBeNull();
    }
    expect(calendarDateProblem('1999-12-31', 'receivedOnEarliest')).toMatch(/RECEIVED_ON_EARLIEST/);
    expect(dateOrInstantProblem('2026-02-01T00:00:00+08:00')).toBeNull();
    expect(dateOrInstantProblem('2026-02-30T00:00:00Z')).not.toBeNull();
    expect(dateOrInstantProblem('2026-W05')).not.toBeNull();
  });

  it('takes a cursor only in the shape its list encodes', () => {
    const good = b64(['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']);
    expect(isListCursor(good, ['instant', 'uuid'])).toBe(true);
    expect(isListCursor(b64(['x', 'y']), ['instant', 'uuid'])).toBe(false);
    expect(isListCursor(b64(['2026-02-30T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']), ['instant', 'uuid'])).toBe(false);
    expect(isListCursor(b64(['12']), ['digits'])).toBe(true);
    expect(isListCursor(b64(['99999999999999999999']), ['digits'])).toBe(false);
    expect(isListCursor(b64(['a\u0000']), ['text'])).toBe(false);
    expect(isListCursor('%%%', ['text'])).toBe(false);
  });
});
