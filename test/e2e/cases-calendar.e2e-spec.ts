import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { patentNumber, uscc } from '../utils/identifiers';
import { auth, createTestApp, TestApp } from '../utils/test-app';

const run = promisify(execFile);

describe('loading a newer year’s official schedule recomputes open cases’ deadlines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
  });
  afterAll(() => t.close());

  it('moves a closing deadline that falls in the newly loaded year', async () => {
    const officer = await t.token('off.binhai1');
    const created = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'infringement_dispute',
        source: 'complaint',
        orgUnitCode: '120116',
        receivedOn: '2026-11-20',
        summary: 's',
        requesters: [{ kind: 'organization', name: '请求人', uscc: uscc(31), role: 'patentee' }],
        respondents: [{ kind: 'organization', name: '被请求人' }],
        patents: [{ number: patentNumber(31) }],
      })
      .expect(201);
    const filed = await t.http
      .post(`/api/v1/cases/${created.body.id}/actions/file`)
      .set(auth(officer))
      .send({ expectedVersion: 1, filedOn: '2026-11-20' })
      .expect(200);
    // 2027 has no official data in the package yet: 2027-02-20 is a Saturday → Monday 2027-02-22
    expect(filed.body.deadlines.closingDue).toBe('2027-02-22');

    const dir = mkdtempSync(path.join(os.tmpdir(), 'ped-cal-'));
    const file = path.join(dir, '2027.json');
    writeFileSync(file, JSON.stringify({ source: '测试用2027年节假日安排', holidays: ['2027-02-22'], workdays: ['2027-02-20'] }));
    const cli = path.resolve(__dirname, '../../dist/apps/cli/src/main.js');
    const out = await run(process.execPath, [cli, 'calendar:load', file], { env: { ...process.env, ...t.env } });
    expect(out.stdout).toContain('2 days loaded; deadlines of 1 open cases changed');

    const after = await t.http.get(`/api/v1/cases/${created.body.id}`).set(auth(officer)).expect(200);
    expect(after.body.deadlines.closingDue).toBe('2027-02-20'); // the make-up Saturday is now a working day
    expect(after.body.version).toBe(filed.body.version + 1);
    const audit = await t.http
      .get(`/api/v1/audit?entityId=${created.body.id}&action=case.deadlines_recomputed`)
      .set(auth(await t.token('sup.binhai')))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ before: { closingDue: '2027-02-22' }, after: { closingDue: '2027-02-20' } });
  });
});
