import { auth, createTestApp, TestApp } from '../utils/test-app';

interface CalendarYear {
  year: number;
  official: boolean;
  workingDays: number;
  coveredYears: number[];
  days: { date: string; kind: string; origin: string; source: string | null; loadedAt: string | null }[];
}

describe('the working-day calendar: every role reads a year, an admin loads one', () => {
  let t: TestApp;
  let officer: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    [officer, admin] = await Promise.all(['off.binhai1', 'admin'].map((u) => t.token(u)));
  });
  afterAll(() => t.close());

  const year = async (y: number, token = officer) =>
    (await t.http.get(`/api/v1/calendar/${y}`).set(auth(token)).expect(200)).body as CalendarYear;

  it("shows a packaged year's holidays and make-up working days", async () => {
    const y2026 = await year(2026);
    expect(y2026.official).toBe(true);
    expect(y2026.coveredYears).toContain(2026);
    expect(y2026.days).toEqual(
      expect.arrayContaining([
        { date: '2026-10-01', kind: 'holiday', origin: 'package', source: null, loadedAt: null },
        { date: '2026-01-04', kind: 'workday', origin: 'package', source: null, loadedAt: null },
      ]),
    );
    // 365 days less weekends and holidays, plus the make-up days: the statutory count is about 250
    expect(y2026.workingDays).toBeGreaterThan(240);
    expect(y2026.workingDays).toBeLessThan(255);
    await t.http.get('/api/v1/calendar/2026').expect(401);
    await t.http.get('/api/v1/calendar/1999').set(auth(officer)).expect(400);
  });

  it('loads a newer year (admin only, audited); bad schedules are refused and change nothing', async () => {
    const before = await year(2027);
    expect(before.official).toBe(false);
    expect(before.days).toEqual([]);
    const schedule = {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08'],
      workdays: ['2027-02-20'],
    };
    await t.http.put('/api/v1/calendar/2027').set(auth(officer)).send(schedule).expect(403);

    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await t.http.put('/api/v1/calendar/2027').set(auth(admin)).send(body).expect(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
      return res;
    };
    const other = await refused({ ...schedule, holidays: ['2026-12-31'] }, 'holidays');
    expect(other.body.details[0].message).toBe('must be days of 2027');
    await refused({ ...schedule, holidays: ['2027-02-30'] }, 'holidays');
    await refused({ ...schedule, workdays: 'soon' }, 'workdays');
    await refused({ ...schedule, source: '' }, 'source');
    await refused({ ...schedule, workdays: ['2027-01-01'] }, 'holidays');
    const zh = await t.http
      .put('/api/v1/calendar/2027')
      .set(auth(admin))
      .set('accept-language', 'zh-CN')
      .send({ ...schedule, holidays: ['2026-12-31'] })
      .expect(400);
    expect(zh.body.details[0].message).toBe('必须是 2027 年的日期');
    expect((await year(2027)).days).toEqual([]);

    const loaded = await t.http.put('/api/v1/calendar/2027').set(auth(admin)).send(schedule).expect(200);
    expect(loaded.body).toMatchObject({ days: 4, recomputed: 0, calendar: { year: 2027, official: true } });
    const after = await year(2027);
    expect(after.days.map((d) => [d.date, d.kind, d.origin])).toEqual([
      ['2027-01-01', 'holiday', 'loaded'],
      ['2027-02-05', 'holiday', 'loaded'],
      ['2027-02-08', 'holiday', 'loaded'],
      ['2027-02-20', 'workday', 'loaded'],
    ]);
    expect(after.days[0].source).toBe(schedule.source);
    expect(after.workingDays).toBe(before.workingDays - 3 + 1);
    const audit = await t.http.get('/api/v1/audit?action=calendar.loaded').set(auth(admin)).expect(200);
    expect(audit.body.items).toHaveLength(1);
  });
});
