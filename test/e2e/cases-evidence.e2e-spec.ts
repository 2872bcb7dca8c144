import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaseDeadlineSweep } from '@app/cases';
import { auth, createTestApp, eventually, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

describe('case evidence: sha256 on upload, verified on every download', () => {
  let t: TestApp;
  let officer: string;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: true, env: { EVIDENCE_MAX_BYTES: String(64 * 1024) } });
    officer = await t.token('off.binhai1');
    const res = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'passing_off',
        source: 'inspection',
        orgUnitCode: '120116',
        receivedOn: '2026-11-02',
        summary: 's',
        requesters: [],
        respondents: [{ kind: 'organization', name: '某公司' }],
        patents: [],
      })
      .expect(201);
    caseId = res.body.id;
  });
  afterAll(() => t.close());

  const content = Buffer.from('现场检查照片 — test evidence bytes\n'.repeat(100));

  it('stores a file with its sha256, lists it, and serves the same bytes', async () => {
    const up = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(auth(officer))
      .field('description', '现场照片')
      .attach('file', content, { filename: '现场照片.txt', contentType: 'text/plain' })
      .expect(201);
    expect(up.body).toMatchObject({ fileName: '现场照片.txt', size: content.length, sha256: sha256(content) });
    const list = await t.http.get(`/api/v1/cases/${caseId}/evidence`).set(auth(officer)).expect(200);
    expect(list.body).toHaveLength(1);
    const down = await t.http
      .get(`/api/v1/cases/${caseId}/evidence/${up.body.id}/content`)
      .set(auth(officer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha256(down.body as Buffer)).toBe(up.body.sha256);
    expect(down.headers['x-content-sha256']).toBe(up.body.sha256);
    expect(down.headers['content-disposition']).toContain('attachment');
    const heping = await t.token('off.heping1');
    await t.http.get(`/api/v1/cases/${caseId}/evidence`).set(auth(heping)).expect(404);
  });

  it('refuses to serve a tampered file, audits it and alerts the supervisors', async () => {
    const up = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(auth(officer))
      .field('description', '合同')
      .attach('file', Buffer.from('original contract'), { filename: 'contract.pdf', contentType: 'application/pdf' })
      .expect(201);
    const db = await sql(t.db.url);
    const key = (await db.query('SELECT storage_key FROM case_evidence WHERE id = $1', [up.body.id])).rows[0].storage_key as string;
    await writeFile(path.join(t.env.EVIDENCE_DIR as string, key), 'forged contract');
    const res = await t.http.get(`/api/v1/cases/${caseId}/evidence/${up.body.id}/content`).set(auth(officer)).expect(500);
    expect(res.body).toMatchObject({ code: 'EVIDENCE_INTEGRITY' });
    expect(res.text).not.toContain('forged');
    const audit = await db.query(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'evidence.integrity_failed' AND entity_id = $1",
      [up.body.id],
    );
    expect(audit.rows[0].n).toBe(1);
    const alert = await db.query(
      "SELECT count(*)::int AS n FROM notification_events WHERE kind = 'evidence.integrity_failed' AND entity_id = $1",
      [up.body.id],
    );
    expect(alert.rows[0].n).toBe(1);
    await db.end();
  });

  it('answers 413 past the size limit and 400 without a description, leaving no file behind', async () => {
    const before = (await files(t.env.EVIDENCE_DIR as string)).length;
    const big = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(auth(officer))
      .field('description', '太大')
      .attach('file', Buffer.alloc(100 * 1024, 1), { filename: 'big.bin' });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const noDesc = await t.http
      .post(`/api/v1/cases/${caseId}/evidence`)
      .set(auth(officer))
      .attach('file', Buffer.from('x'), { filename: 'x.txt' })
      .expect(400);
    expect(noDesc.body.details[0].field).toBe('description');
    const leftovers = (await files(t.env.EVIDENCE_DIR as string)).filter((f) => !f.endsWith('.partial'));
    expect(leftovers.length).toBe(before);
    expect((await files(t.env.EVIDENCE_DIR as string)).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('登记保存: a decision is due in 7 days, escalated once when late, recorded once with the expected version', async () => {
    const shanghai = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const db = await sql(t.db.url);
    const count = async () => Number((await db.query('SELECT count(*) FROM case_evidence')).rows[0].count);
    try {
      const before = await count();
      await t.http
        .post(`/api/v1/cases/${caseId}/evidence`)
        .set(auth(officer))
        .field('description', '登记保存物品')
        .field('preservedOn', shanghai(2))
        .attach('file', content, { filename: 'list.txt', contentType: 'text/plain' })
        .expect(400)
        .expect((r) =>
          expect(r.body.details).toEqual([
            { field: 'preservedOn', message: expect.stringContaining('future'), constraint: expect.any(String) },
          ]),
        );
      expect(await count()).toBe(before);

      const up = await t.http
        .post(`/api/v1/cases/${caseId}/evidence`)
        .set(auth(officer))
        .field('description', '登记保存物品清单')
        .field('preservedOn', shanghai(-12))
        .attach('file', content, { filename: '登记保存清单.txt', contentType: 'text/plain' })
        .expect(201);
      expect(up.body.preservation).toMatchObject({ preservedOn: shanghai(-12), decision: null, overdue: true });
      expect(up.body.preservation.decisionDue > shanghai(-12) && up.body.preservation.decisionDue < shanghai(0)).toBe(true);

      const sweep = t.app.get(CaseDeadlineSweep);
      const [a, b] = await Promise.all([sweep.runPreservations(), sweep.runPreservations()]);
      expect(a + b).toBe(1);
      expect(await sweep.runPreservations()).toBe(0);
      const sup = await t.token('sup.binhai');
      await eventually(async () => {
        const inbox = await t.http.get('/api/v1/notifications').set(auth(sup)).expect(200);
        return inbox.body.items.some(
          (n: { kind: string; entityId: string }) => n.kind === 'evidence.preservation_overdue' && n.entityId === up.body.id,
        );
      });

      const decide = (body: Record<string, unknown>, id = up.body.id as string) =>
        t.http.post(`/api/v1/cases/${caseId}/evidence/${id}/preservation-decision`).set(auth(officer)).send(body);
      await decide({ expectedVersion: 1, decision: 'burn' })
        .expect(400)
        .expect((r) => expect(r.body.details[0].field).toBe('decision'));
      await decide({ expectedVersion: 2, decision: 'release' }).expect(409);
      const done = await decide({ expectedVersion: 1, decision: 'copy_and_release', note: '拍照复制后解除' }).expect(200);
      expect(done.body).toMatchObject({
        version: 2,
        preservation: { decision: 'copy_and_release', decidedOn: shanghai(0), overdue: false },
      });
      await decide({ expectedVersion: 2, decision: 'release' }).expect(422);

      const plain = (await t.http.get(`/api/v1/cases/${caseId}/evidence`).set(auth(officer)).expect(200)).body.find(
        (e: { preservation: unknown }) => e.preservation === null,
      );
      await decide({ expectedVersion: 1, decision: 'release' }, plain.id).expect(422);

      const events = await t.http.get(`/api/v1/cases/${caseId}/events`).set(auth(officer)).expect(200);
      expect(events.body.some((e: { action: string }) => e.action === 'decide_preservation')).toBe(true);
      const audit = await db.query("SELECT count(*) FROM audit_entries WHERE action = 'evidence.preservation_decided' AND entity_id = $1", [
        up.body.id,
      ]);
      expect(Number(audit.rows[0].count)).toBe(1);
    } finally {
      await db.end();
    }
  });
});
