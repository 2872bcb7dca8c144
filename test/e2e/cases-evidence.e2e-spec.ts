import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auth, createTestApp, TestApp } from '../utils/test-app';
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
});
