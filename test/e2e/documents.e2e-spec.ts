import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import PizZip from 'pizzip';
import type { Test } from 'supertest';
import { actOk } from '../factories/actions';
import { individualRespondent, orgRespondent, PENALTY, takePassingOffCaseToDecision } from '../factories/cases';
import { pdfText } from '../utils/pdf-text';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { sql } from '../utils/test-db';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (req: Test) =>
  req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
const docxText = (docx: Buffer) =>
  new PizZip(docx)
    .file('word/document.xml')!
    .asText()
    .replace(/<[^>]+>/g, '');

describe('documents (文书): generated from the case, DOCX + PDF with sha256, versions, templates', () => {
  let t: TestApp;
  let officer: string;
  let admin: string;
  let caseId: string;
  let decisionNo: string;
  let maskedId: string;
  let fullId: string;
  const docs = (id = caseId) => `/api/v1/cases/${id}/documents`;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
    admin = await t.token('admin');
    const individual = individualRespondent(2);
    fullId = individual.idNumber as string;
    const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(1), individual]);
    caseId = c.id;
    decisionNo = (c.decision as { documentNo: string }).documentNo;
    const full = await t.http.get(`/api/v1/cases/${caseId}`).set(auth(officer)).expect(200);
    maskedId = (full.body.respondents as { idNumber?: string; idNumberMasked?: string }[])
      .map((r) => r.idNumberMasked ?? r.idNumber)
      .find((x) => x && x.includes('*')) as string;
  });
  afterAll(() => t.close());

  let first: { id: string; version: number; pdf: { sha256: string }; docx: { sha256: string } };

  it('generates the penalty decision: PDF text and DOCX carry the parties, the 文书编号 and the amounts', async () => {
    expect(decisionNo).toMatch(/^津滨知执决〔\d{4}〕\d{4}号$/);
    const res = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_decision' }).expect(201);
    first = res.body;
    expect(res.body).toMatchObject({
      kind: 'penalty_decision',
      name: '行政处罚决定书',
      version: 1,
      supersedesId: null,
      documentNo: decisionNo,
      templateVersion: 0,
      generatedBy: { name: expect.any(String) },
    });
    expect(res.body.generatedAtShanghai).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const pdf = await binary(t.http.get(`${docs()}/${first.id}/content?format=pdf`).set(auth(officer))).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="penalty_decision-v1\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(pdf.headers['content-disposition'].split("UTF-8''")[1])).toBe(`行政处罚决定书-${decisionNo}-v1.pdf`);
    expect(sha256(pdf.body as Buffer)).toBe(first.pdf.sha256);
    const text = await pdfText(pdf.body as Buffer);
    for (const s of [
      '行政处罚决定书',
      decisionNo,
      '被处罚科技有限公司1',
      '个人2',
      maskedId,
      '人民币伍万元整（¥50,000.00）',
      '¥1,234.56',
      '壹仟贰佰叁拾肆元伍角陆分',
      '天津市滨海新区',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(fullId);

    const docx = await binary(t.http.get(`${docs()}/${first.id}/content?format=docx`).set(auth(officer))).expect(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sha256(docx.body as Buffer)).toBe(first.docx.sha256);
    const words = docxText(docx.body as Buffer);
    for (const s of [decisionNo, '被处罚科技有限公司1', '个人2', maskedId, '人民币伍万元整（¥50,000.00）', '伍万元整'])
      expect(words).toContain(s);
    expect(words).not.toContain(fullId);
    expect(words).not.toMatch(/\{[#/]?[a-zA-Z]+\}/);
  });

  it('records the generation on the timeline and in the audit trail', async () => {
    const events = await t.http.get(`/api/v1/cases/${caseId}/events`).set(auth(officer)).expect(200);
    const items = (events.body.items ?? events.body) as { action: string; payload: Record<string, unknown> }[];
    expect(items.find((e) => e.action === 'generate_document')?.payload).toMatchObject({
      documentId: first.id,
      kind: 'penalty_decision',
      version: 1,
    });
    const db = await sql(t.db.url);
    try {
      const n = await db.query("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'document.generated' AND entity_id = $1", [
        first.id,
      ]);
      expect(n.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('a second generation is version 2 superseding 1, with the same number; both stay listed', async () => {
    const res = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_decision' }).expect(201);
    expect(res.body).toMatchObject({ version: 2, supersedesId: first.id, documentNo: decisionNo });
    const list = await t.http.get(docs()).set(auth(officer)).expect(200);
    expect(list.body.map((d: { version: number }) => d.version)).toEqual([1, 2]);
    expect(list.body[0].pdf.sha256).toBe(first.pdf.sha256);
  });

  it('refuses a tampered file (500 DOCUMENT_INTEGRITY, audited, alerted) and serves the untouched format', async () => {
    const db = await sql(t.db.url);
    try {
      const key = (await db.query('SELECT pdf_key FROM case_documents WHERE id = $1', [first.id])).rows[0].pdf_key as string;
      await writeFile(path.join(t.env.EVIDENCE_DIR as string, key), '%PDF-1.7 forged');
      const res = await t.http.get(`${docs()}/${first.id}/content?format=pdf`).set(auth(officer)).expect(500);
      expect(res.body).toMatchObject({ code: 'DOCUMENT_INTEGRITY' });
      expect(res.text).not.toContain('forged');
      const audit = await db.query(
        "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'document.integrity_failed' AND entity_id = $1",
        [first.id],
      );
      expect(audit.rows[0].n).toBe(1);
      const alert = await db.query(
        "SELECT count(*)::int AS n FROM notification_events WHERE kind = 'document.integrity_failed' AND entity_id = $1",
        [first.id],
      );
      expect(alert.rows[0].n).toBe(1);
      await t.http.get(`${docs()}/${first.id}/content?format=docx`).set(auth(officer)).expect(200);
    } finally {
      await db.end();
    }
  });

  it('answers 422 DOCUMENT_NOT_APPLICABLE naming why, 409 on a stale case version, 400 naming a bad kind or format', async () => {
    const ruling = await t.http.post(docs()).set(auth(officer)).send({ kind: 'dispute_ruling' }).expect(422);
    expect(ruling.body).toMatchObject({
      code: 'DOCUMENT_NOT_APPLICABLE',
      details: { kind: 'dispute_ruling', reason: expect.stringMatching(/infringement dispute/) },
    });
    const zh = await t.http.post(docs()).set(auth(officer)).set('accept-language', 'zh-CN').send({ kind: 'closing_report' }).expect(422);
    expect(zh.body.message).toBe('当前不能生成结案报告：案件尚未结案');
    const stale = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_decision', expectedVersion: 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const bad = await t.http.post(docs()).set(auth(officer)).send({ kind: 'memo' }).expect(400);
    expect(bad.body.details[0].field).toBe('kind');
    const fmt = await t.http.get(`${docs()}/${first.id}/content?format=odt`).set(auth(officer)).expect(400);
    expect(fmt.body.details[0].field).toBe('format');
    await t.http.get(`${docs()}/00000000-0000-4000-8000-000000000000/content`).set(auth(officer)).expect(404);
  });

  it('numbers a notice on its own gapless counter, kept by its next version', async () => {
    const advance = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_advance_notice' }).expect(201);
    expect(advance.body.documentNo).toMatch(/^津滨知执告〔\d{4}〕0001号$/);
    const again = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_advance_notice' }).expect(201);
    expect(again.body.documentNo).toBe(advance.body.documentNo);
    const approval = await t.http.post(docs()).set(auth(officer)).send({ kind: 'filing_approval' }).expect(201);
    expect(approval.body.documentNo).toBeNull();
  });

  it('concurrent generations queue on the case: distinct versions, one number, no error', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_advance_notice' })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    // versions 1 and 2 came before (the test above)
    expect(answers.map((a) => a.body.version).sort()).toEqual([3, 4, 5, 6]);
    expect(new Set(answers.map((a) => a.body.documentNo)).size).toBe(1);
    expect(answers[0].body.documentNo).toMatch(/^津滨知执告〔\d{4}〕0001号$/);
  });

  it('a 送达回证 after service names the decision, the day and the method', async () => {
    const c = (await t.http.get(`/api/v1/cases/${caseId}`).set(auth(officer)).expect(200)).body as { id: string; version: number };
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await actOk(t, 'cases', c, 'serve', { servedOn: today, method: 'mail', trackingNo: 'EMS1234567890CN' }, officer);
    const receipt = await t.http.post(docs()).set(auth(officer)).send({ kind: 'service_receipt' }).expect(201);
    expect(receipt.body.documentNo).toBeNull();
    const docx = await binary(t.http.get(`${docs()}/${receipt.body.id}/content?format=docx`).set(auth(officer))).expect(200);
    const words = docxText(docx.body as Buffer);
    for (const s of [`行政处罚决定书（${decisionNo}）`, '邮寄送达', '被处罚科技有限公司1']) expect(words).toContain(s);
  });

  it('hides the case from a user out of scope (404) and keeps templates to admins (403)', async () => {
    const heping = await t.token('off.heping1');
    await t.http.get(docs()).set(auth(heping)).expect(404);
    await t.http.post(docs()).set(auth(heping)).send({ kind: 'penalty_decision' }).expect(404);
    await t.http.get(`${docs()}/${first.id}/content`).set(auth(heping)).expect(404);
    await t.http.get('/api/v1/document-templates').set(auth(officer)).expect(403);
    await t.http.get(docs()).set(auth(admin)).expect(403);
  });

  it('an admin replaces a template: listed as custom, version 1, and the next document uses it', async () => {
    const before = await t.http.get('/api/v1/document-templates').set(auth(admin)).expect(200);
    expect(before.body).toHaveLength(12);
    expect(before.body.find((x: { kind: string }) => x.kind === 'penalty_decision')).toMatchObject({
      version: 0,
      source: 'default',
      uploadedBy: null,
    });
    const current = await binary(t.http.get('/api/v1/document-templates/penalty_decision/content').set(auth(admin))).expect(200);
    const zip = new PizZip(current.body as Buffer);
    const xml = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', xml.replace('{title}', '{title}（市局修订版）'));
    const custom = zip.generate({ type: 'nodebuffer' });
    const put = await t.http
      .put('/api/v1/document-templates/penalty_decision')
      .set(auth(admin))
      .attach('file', custom, { filename: '处罚决定书-修订.docx' })
      .expect(200);
    expect(put.body).toMatchObject({
      kind: 'penalty_decision',
      version: 1,
      source: 'custom',
      sha256: sha256(custom),
      uploadedBy: { name: expect.any(String) },
    });
    const gen = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_decision' }).expect(201);
    expect(gen.body).toMatchObject({ version: 3, templateVersion: 1 });
    const pdf = await binary(t.http.get(`${docs()}/${gen.body.id}/content`).set(auth(officer))).expect(200);
    expect(await pdfText(pdf.body as Buffer)).toContain('行政处罚决定书（市局修订版）');
    const docx = await binary(t.http.get(`${docs()}/${gen.body.id}/content?format=docx`).set(auth(officer))).expect(200);
    expect(docxText(docx.body as Buffer)).toContain('行政处罚决定书（市局修订版）');
    const db = await sql(t.db.url);
    try {
      const n = await db.query("SELECT count(*)::int AS n FROM audit_entries WHERE action = 'document_template.replaced'");
      expect(n.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('refuses a bad template with 400 naming the file and what is wrong, keeping the one in force', async () => {
    const notDocx = await t.http
      .put('/api/v1/document-templates/acceptance_notice')
      .set(auth(admin))
      .attach('file', Buffer.from('just text'), { filename: 'x.docx' })
      .expect(400);
    expect(notDocx.body.details[0]).toMatchObject({ field: 'file', constraint: 'not_docx' });
    const zip = new PizZip(
      (await binary(t.http.get('/api/v1/document-templates/acceptance_notice/content').set(auth(admin))).expect(200)).body as Buffer,
    );
    const xml = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', xml.replace('{caseNo}', '{caseNumber}').replace('{receivedDate}', '{fine}'));
    const unknown = await t.http
      .put('/api/v1/document-templates/acceptance_notice')
      .set(auth(admin))
      .attach('file', zip.generate({ type: 'nodebuffer' }), { filename: 'x.docx' })
      .expect(400);
    expect(unknown.body.details[0]).toMatchObject({
      field: 'file',
      message: 'uses tags acceptance_notice does not know: caseNumber, fine',
    });
    zip.file('word/document.xml', xml.replace('{caseNo}', '{#caseNo}'));
    const broken = await t.http
      .put('/api/v1/document-templates/acceptance_notice')
      .set(auth(admin))
      .set('accept-language', 'zh-CN')
      .attach('file', zip.generate({ type: 'nodebuffer' }), { filename: 'x.docx' })
      .expect(400);
    expect(broken.body.details[0]).toMatchObject({ field: 'file', constraint: 'template_unparsable' });
    expect(broken.body.message).toMatch(/^file：不是可解析的文书模板/);
    const big = await t.http
      .put('/api/v1/document-templates/acceptance_notice')
      .set(auth(admin))
      .attach('file', Buffer.alloc(3 * 1024 * 1024, 7), { filename: 'big.docx' });
    expect(big.status).toBe(413);
    const badKind = await t.http
      .put('/api/v1/document-templates/memo')
      .set(auth(admin))
      .attach('file', Buffer.from('x'), { filename: 'x.docx' })
      .expect(400);
    expect(badKind.body.details[0].field).toBe('kind');
    const list = await t.http.get('/api/v1/document-templates').set(auth(admin)).expect(200);
    expect(list.body.find((x: { kind: string }) => x.kind === 'acceptance_notice')).toMatchObject({ version: 0, source: 'default' });
  });

  it('a stored template that cannot be filled answers 422 DOCUMENT_TEMPLATE_FAILED and stores nothing', async () => {
    const db = await sql(t.db.url);
    try {
      const adminId = (await db.query("SELECT id FROM users WHERE username = 'admin'")).rows[0].id as string;
      // past the upload check (written straight into the table): what an old or damaged row would be
      await db.query(
        `INSERT INTO document_templates (kind, version, file_name, content, sha256, uploaded_by)
         VALUES ('penalty_advance_notice', 1, 'broken.docx', $1, repeat('0', 64), $2)`,
        [Buffer.from('not a zip'), adminId],
      );
      const before = (await db.query('SELECT count(*)::int AS n FROM case_documents')).rows[0].n as number;
      const res = await t.http.post(docs()).set(auth(officer)).send({ kind: 'penalty_advance_notice' }).expect(422);
      expect(res.body).toMatchObject({ code: 'DOCUMENT_TEMPLATE_FAILED', details: { kind: 'penalty_advance_notice', templateVersion: 1 } });
      expect((await db.query('SELECT count(*)::int AS n FROM case_documents')).rows[0].n).toBe(before);
    } finally {
      await db.end();
    }
  });
});
