import { shanghaiDate, shanghaiDateTime, shanghaiDayStart, todayInShanghai } from './shanghai-date';

describe('Shanghai dates', () => {
  const check = (): void => {
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(shanghaiDate(new Date('2026-03-01T23:59:59+08:00'))).toBe('2026-03-01');
    expect(todayInShanghai(new Date('2026-11-25T14:51:00Z'))).toBe('2026-11-25');
    expect(todayInShanghai(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    expect(shanghaiDayStart('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(shanghaiDayStart('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z');
  };

  it('turns instants into Shanghai calendar dates (UTC+8, no daylight saving)', check);

  it('never reads the process time zone', () => {
    // Jest sandboxes process.env, so TZ cannot be switched here (working-day-calendar.spec runs child processes);
    // instead every local-time accessor of Date throws while the functions run.
    const local = ['getDate', 'getDay', 'getMonth', 'getFullYear', 'getHours', 'getTimezoneOffset', 'setDate', 'setHours'] as const;
    const spies = local.map((m) =>
      jest.spyOn(Date.prototype, m).mockImplementation(() => {
        throw new Error(`Date.prototype.${m} used`);
      }),
    );
    try {
      check();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('round-trips the start of every day of a year', () => {
    for (let t = Date.parse('2024-01-01T00:00:00Z'); t < Date.parse('2025-01-01T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const start = shanghaiDayStart(date);
      expect(shanghaiDate(start)).toBe(date);
      expect(shanghaiDate(new Date(start.getTime() - 1))).not.toBe(date);
    }
  });

  it('refuses invalid instants and dates', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => shanghaiDayStart('2026-02-29')).toThrow(RangeError);
  });

  it('shows instants as Shanghai wall-clock time, the way exports and documents print them', () => {
    expect(shanghaiDateTime(new Date('2026-12-02T03:45:14.789Z'))).toBe('2026-12-02 11:45:14');
    expect(shanghaiDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
    expect(() => shanghaiDateTime(new Date('x'))).toThrow(RangeError);
  });
});
