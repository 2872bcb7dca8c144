import { WorkingDayCalendar } from '@app/kernel/calendar';
import { callbackDue, DEFAULT_HOTLINE_SLA, parseHotlineSla, reminderFrom, ticketDue } from './ticket-sla';

const cal = new WorkingDayCalendar();

describe('hotline SLA arithmetic on the working-day calendar', () => {
  it('answers a consultation within 3 working days, over a weekend', () => {
    // Thursday 2026-03-05 → Fri 6, Mon 9, Tue 10
    expect(ticketDue(cal, DEFAULT_HOTLINE_SLA, 'consultation', '2026-03-05')).toEqual({
      firstResponse: '2026-03-10',
      resolution: '2026-03-10',
    });
  });

  it('skips the National Day holiday and counts the make-up working day (product.md example, 2017)', () => {
    // 5 working days after 2017-09-28 is 2017-10-11; 3 after is 2017-10-09 (09-29, 09-30 make-up, 10-09)
    expect(ticketDue(cal, DEFAULT_HOTLINE_SLA, 'consultation', '2017-09-28').firstResponse).toBe('2017-10-09');
  });

  it('decides a complaint, report or assistance application within 13 working days, across the Spring Festival', () => {
    // 2026 Spring Festival: 02-15 … 02-23 off, 02-14 (Sat) and 02-28 (Sat) make-up working days
    const due = ticketDue(cal, DEFAULT_HOTLINE_SLA, 'complaint', '2026-02-10');
    expect(cal.workingDaysBetween('2026-02-10', due.resolution)).toBe(13);
    expect(due.resolution > '2026-02-27').toBe(true);
    for (const c of ['report', 'assistance'] as const) expect(ticketDue(cal, DEFAULT_HOTLINE_SLA, c, '2026-02-10')).toEqual(due);
  });

  it('puts the callback on the working day after closing (Friday → Monday; before a holiday → after it)', () => {
    expect(callbackDue(cal, DEFAULT_HOTLINE_SLA, '2026-03-06')).toBe('2026-03-09');
    expect(callbackDue(cal, DEFAULT_HOTLINE_SLA, '2017-09-30')).toBe('2017-10-09');
  });

  it('reminds the configured number of working days before', () => {
    expect(reminderFrom(cal, DEFAULT_HOTLINE_SLA, '2026-03-09')).toBe('2026-03-06');
  });

  it('takes overrides from HOTLINE_SLA_WORKING_DAYS and refuses bad ones by name', () => {
    const sla = parseHotlineSla('{"consultation":{"firstResponse":2},"complaint":{"firstResponse":5,"resolution":10},"callback":2}');
    expect(sla.categories.consultation).toEqual({ firstResponse: 2, resolution: 3 });
    expect(sla.categories.complaint).toEqual({ firstResponse: 5, resolution: 10 });
    expect(sla.categories.report).toEqual(DEFAULT_HOTLINE_SLA.categories.report);
    expect(sla.callback).toBe(2);
    expect(parseHotlineSla(undefined)).toBe(DEFAULT_HOTLINE_SLA);
    expect(() => parseHotlineSla('{"complaint":{"resolution":0}}')).toThrow(/HOTLINE_SLA_WORKING_DAYS.complaint.resolution/);
    expect(() => parseHotlineSla('{"enquiry":{"resolution":3}}')).toThrow(/HOTLINE_SLA_WORKING_DAYS.enquiry/);
    expect(() => parseHotlineSla('not json')).toThrow(/must be JSON/);
    // lowering only the resolution below the default first response is refused rather than silently inconsistent
    expect(() => parseHotlineSla('{"complaint":{"resolution":10}}')).toThrow(/firstResponse cannot be later/);
  });
});
