import ExcelJS from 'exceljs';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { patentNumber, residentId, uscc } from '../utils/identifiers';

describe('case timeline and export', () => {
  let t: TestApp;
  let officer: string;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    officer = await t.token('off.binhai1');
    const res = await t.http
      .post('/api/v1/cases')
      .set(auth(officer))
      .send({
        type: 'infringement_dispute',
        source: 'ecommerce',
        orgUnitCode: '120116',
        receivedOn: '2026-11-02',
        summary: '电商平台销售侵权产品, "含引号", 逗号',
        requesters: [{ kind: 'organization', name: '导出请求人有限公司', uscc: uscc(21), role: 'patentee' }],
        respondents: [{ kind: 'individual', name: '导出被请求人', idNumber: residentId(21) }],
        patents: [{ number: patentNumber(21) }],
        ecommerce: { platform: '某电商平台', listingUrl: 'https://shop.example.com/item/1' },
      })
      .expect(201);
    caseId = res.body.id;
    await t.http.post(`/api/v1/cases/${caseId}/actions/file`).set(auth(officer)).send({ expectedVersion: 1 }).expect(200);
  });
  afterAll(() => t.close());

  it('shows the timeline, oldest first', async () => {
    const res = await t.http.get(`/api/v1/cases/${caseId}/events`).set(auth(officer)).expect(200);
    expect(res.body.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
      ['receive', 'received'],
      ['file', 'filed'],
    ]);
    // people read names: each step says who took it
    const me = (await t.http.get('/api/v1/auth/me').set(auth(officer)).expect(200)).body.user as { id: string; displayName: string };
    expect(res.body[1].actor).toEqual({ id: me.id, displayName: me.displayName });
    const heping = await t.token('off.heping1');
    await t.http.get(`/api/v1/cases/${caseId}/events`).set(auth(heping)).expect(404);
  });

  it('exports CSV with Chinese headers and no ID numbers, and audits the export', async () => {
    const res = await t.http.get('/api/v1/cases/export?format=csv').set(auth(officer)).buffer(true).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    // a readable ASCII fallback for clients that ignore filename*
    expect(res.headers['content-disposition']).toMatch(/filename="cases-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = res.text.replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['收案号', '案号', '案件类型', '案件来源', '状态']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('专利侵权纠纷处理');
    expect(rows[0].split(',')[5]).toBe('滨海新区'); // 承办单位: the unit by name, not 120116
    expect(rows[0]).toContain('"电商平台销售侵权产品, ""含引号"", 逗号"');
    expect(text).not.toContain(residentId(21));
    const audit = await t.http
      .get('/api/v1/audit?action=case.exported')
      .set(auth(await t.token('sup.binhai')))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'case.exported', after: { filters: { format: 'csv' } } });
  });

  it('exports XLSX that Excel-compatible readers open, with the same rows', async () => {
    const res = await t.http
      .get('/api/v1/cases/export?format=xlsx&type=infringement_dispute')
      .set(auth(officer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('收案号');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).text).toMatch(/^津滨知执〔\d{4}〕0001号$/);
  });

  it('rejects an unknown format', async () => {
    const res = await t.http.get('/api/v1/cases/export?format=pdf').set(auth(officer)).expect(400);
    expect(res.body.details[0].field).toBe('format');
  });
});
