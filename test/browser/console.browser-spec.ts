import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { startCreditStandin } from '@app/credit';
import { generateExchangeKeyPair } from '@app/transfers';
import { notifyPenaltyWaived, takePassingOffCaseToDecision, orgRespondent, PENALTY } from '../factories/cases';
import { patentNumber, uscc } from '../utils/identifiers';
import { auth, createTestApp, TestApp } from '../utils/test-app';
import { DEMO_PASSWORD } from '../utils/test-env';

/**
 * The console as its users drive it: Debian's chromium (playwright-core), the real api serving the built console
 * (dist/console) on a fresh database, nothing mocked. Screenshots go to CONSOLE_SCREENSHOTS (docs/screenshots when
 * refreshing the README's pictures), else test/.artifacts; the measured figures to test/.artifacts/console-figures.json.
 */
jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
const shots = process.env.CONSOLE_SCREENSHOTS
  ? path.resolve(root, process.env.CONSOLE_SCREENSHOTS)
  : path.join(root, 'test/.artifacts/screenshots');
const VIEWPORT = { width: 1366, height: 768 };
const figures: Record<string, unknown> = {};

let t: TestApp;
let base: string;
let browser: Browser;
let standin: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  standin = await startCreditStandin();
  t = await createTestApp({ env: { CONSOLE_DIR: path.join(root, 'dist/console'), CREDIT_PLATFORM_URL: standin.url } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await standin?.stop();
  await mkdir(path.join(root, 'test/.artifacts'), { recursive: true });
  await writeFile(path.join(root, 'test/.artifacts/console-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('console figures', JSON.stringify(figures));
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return { context, page };
}

async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

/** Picks an option of the antd Select labelled `label` (inside `scope`). */
async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope = page.locator('body')): Promise<void> {
  await scope.getByLabel(label, { exact: typeof label === 'string' }).click();
  // antd lists options virtually (only those in view exist): type to filter where the Select searches
  if (typeof option === 'string') await page.keyboard.type(option.replace(/[（）]/g, ''));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function apiCount(token: string, q: string): Promise<number> {
  const res = await t.http
    .get(`/api/v1/cases?q=${encodeURIComponent(q)}`)
    .set(auth(token))
    .expect(200);
  return (res.body.items as unknown[]).length;
}

describe('web console', () => {
  it('serves the login screen; a wrong password is said in Chinese; first screen size and time to interactive', async () => {
    // cold: a fresh profile, nothing cached
    const { context, page } = await newPage();
    const assets: string[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/assets/') && /\.(js|css)$/.test(u.pathname)) assets.push(u.pathname);
    });
    let started = Date.now();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('用户名').focus();
    figures.ttiColdMs = Date.now() - started;
    started = Date.now();
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    figures.ttiWarmMs = Date.now() - started;
    let gz = 0;
    for (const a of new Set(assets))
      gz += (await stat(path.join(root, 'dist/console', `${a}.gz`)).catch(() => stat(path.join(root, 'dist/console', a)))).size;
    figures.firstScreenAssets = new Set(assets).size;
    figures.firstScreenGzipKiB = Math.round(gz / 102.4) / 10;

    await shot(page, '00-login');
    await page.getByLabel('用户名').fill('off.binhai1');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('officer: intake with an invalid USCC is refused on the field and saves nothing; a valid one is taken in, filed, assigned and gets evidence', async () => {
    const { context, page } = await newPage();
    await login(page, 'off.binhai1');
    await page.getByTestId('me-name').waitFor();
    await expect(page.getByTestId('me-unit').textContent()).resolves.toBe('滨海新区');
    await page.locator('.ant-card-head-title', { hasText: '在办案件' }).waitFor();

    const officer = await t.token('off.binhai1');
    const respondentName = '浏览器测试被请求人有限公司';
    const good = uscc(4242);
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    await page.goto(`${base}/cases/new`);
    await choose(page, '案件类型', '专利侵权纠纷处理');
    await page.getByLabel('案情摘要').fill('浏览器测试：未经许可制造、销售专利产品');
    const requester = page.getByTestId('requesters-0');
    await requester.getByLabel('名称/姓名').fill('专利权人科技有限公司');
    await requester.getByLabel('统一社会信用代码').fill(uscc(4241));
    await choose(page, '身份', '专利权人', requester);
    const respondent = page.getByTestId('respondents-0');
    await respondent.getByLabel('名称/姓名').fill(respondentName);
    await respondent.getByLabel('统一社会信用代码').fill(bad);
    await page.getByLabel('专利号/申请号').fill(patentNumber(77));
    // the check runs as the code is typed, before any save
    await expect(respondent.locator('.ant-form-item-explain-error').first().textContent()).resolves.toContain('校验位应为');
    await shot(page, '11-officer-intake-invalid-uscc');
    await page.getByRole('button', { name: '保存收案' }).click();
    await page.waitForTimeout(500);
    expect(page.url()).toContain('/cases/new');
    expect(await apiCount(officer, respondentName)).toBe(0);

    await respondent.getByLabel('统一社会信用代码').fill(good);
    await page.getByRole('button', { name: '保存收案' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await apiCount(officer, respondentName)).toBe(1);
    await page.locator('.ant-tag', { hasText: '已收案' }).first().waitFor();

    await page.locator('[data-action="file"]').click();
    await page.getByTestId('action-ok').click();
    await page.locator('.ant-tag', { hasText: '已立案' }).first().waitFor();

    await page.locator('[data-action="assign"]').click();
    const modal = page.locator('.ant-modal');
    for (const u of ['off.binhai1', 'off.binhai2', 'off.binhai3']) await choose(page, '办案人员', `（${u}）`, modal);
    await modal.locator('.ant-modal-title').click(); // close the dropdown, not the dialog (as Escape might)
    await page.getByTestId('action-ok').click();
    await page.locator('.ant-tag', { hasText: '调查取证' }).first().waitFor();
    await shot(page, '12-officer-case-page');
    const caseUrl = page.url();
    const receiptNo = (await page.getByTestId('case-title').textContent())?.trim() ?? '';

    const file = Buffer.from('%PDF-1.4\n% 浏览器测试证据\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const sha256 = createHash('sha256').update(file).digest('hex');
    await page.getByRole('tab', { name: '证据' }).click();
    await page.getByLabel('证据说明').fill('现场拍摄的侵权产品照片');
    await page.locator('input[type=file]').setInputFiles({ name: '侵权产品.pdf', mimeType: 'application/pdf', buffer: file });
    await page.getByTestId('sha256').first().waitFor();
    await expect(page.getByTestId('sha256').first().textContent()).resolves.toContain(sha256);
    await shot(page, '13-officer-evidence');
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.locator('.ant-timeline-item', { hasText: '指派办案人员' }).first().waitFor();

    // 我的工作: the case assigned to this officer, by the server's deadline order
    await page.goto(`${base}/work`);
    await page.getByTestId('my-work').locator('tr.ant-table-row', { hasText: receiptNo }).waitFor();
    await page.locator('[data-testid^="count-"]').first().waitFor();
    await shot(page, '10-officer-my-work');

    // a transfer to a partner office (configured by the admin through the api here; the admin's screen is tested below)
    const admin = await t.token('admin');
    await t.http
      .put('/api/v1/partners/130000')
      .set(auth(admin))
      .send({
        name: '河北省知识产权局',
        endpoint: 'http://127.0.0.1:9/exchange',
        keys: [{ keyId: '130000-1', algorithm: 'ed25519', publicKey: generateExchangeKeyPair('ed25519').publicKey }],
        active: true,
        replyDueWorkingDays: 10,
      })
      .expect(200);
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: '移送协作' }).click();
    await page.getByTestId('request-transfer').click();
    const form = page.locator('.ant-modal');
    await choose(page, '协作机关', '河北省知识产权局', form);
    await choose(page, '类型', '案件移送', form);
    await form.getByLabel('理由').fill('被请求人住所地及侵权行为地均在河北省，依法移送');
    // (two dropdowns may be leaving at once: wait until none is left)
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'detached' });
    await shot(page, '15-officer-transfer-request');
    await page.getByTestId('action-ok').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('case-transfers').locator('tr.ant-table-row', { hasText: '待审批' }).waitFor();

    await page.goto(`${base}/cases`);
    await page.getByTestId('cases-table').locator('tr.ant-table-row').first().waitFor();
    await shot(page, '14-officer-case-list');
    await context.close();
  });

  it('operator: a ticket recorded from the first field to save with the keyboard only, then converted into a case', async () => {
    const { context, page } = await newPage();
    await login(page, 'op.12330');
    await page.waitForURL(/\/hotline\/new$/);
    await page.getByTestId('first-field').waitFor();
    await expect(page.evaluate("document.activeElement?.getAttribute('data-testid')")).resolves.toBe('first-field');
    await shot(page, '20-operator-ticket-entry');

    let keys = 0;
    const type = async (text: string) => {
      await page.keyboard.type(text);
      keys += [...text].length;
    };
    const press = async (key: string) => {
      await page.keyboard.press(key);
      keys += 1;
    };
    const started = Date.now();
    await type('13812345678');
    await press('Tab');
    await type('张先生');
    await press('Tab'); // 来电人单位
    await press('Tab'); // 类别
    await press('ArrowRight'); // 咨询 → 投诉
    await press('Tab'); // 渠道 (电话)
    await press('Tab');
    await type('反映网店销售假冒专利产品');
    await press('Tab');
    await type('来电人称某网店销售的产品标注的专利号已失效');
    await press('Tab');
    await type('某某电子商务有限公司');
    await press('Control+Enter');
    await page.getByTestId('ticket-saved').waitFor();
    figures.ticketKeystrokes = keys;
    figures.ticketEntryMs = Date.now() - started;

    const ticketNo = (await page.getByTestId('ticket-saved').locator('a').first().textContent()) ?? '';
    expect(ticketNo).toMatch(/^12330-\d{4}-\d{6}$/);
    const operator = await t.token('op.12330');
    const list = await t.http.get(`/api/v1/hotline/tickets?q=${ticketNo}`).set(auth(operator)).expect(200);
    expect(list.body.items[0]).toMatchObject({ category: 'complaint', channel: 'phone', subject: '反映网店销售假冒专利产品' });
    // the form is ready for the next call
    await expect(page.evaluate("document.activeElement?.getAttribute('data-testid')")).resolves.toBe('first-field');

    await page.getByTestId('ticket-saved').locator('a').first().click();
    await page.getByTestId('ticket-title').waitFor();
    await page.locator('[data-action="convert"]').click();
    const modal = page.locator('.ant-modal');
    await choose(page, '案件类型', '假冒专利查处', modal);
    await choose(page, '办理单位', '滨海新区', modal);
    await page.getByTestId('action-ok').click();
    await expect(page.getByTestId('ticket-status').filter({ hasText: '已转案件' }).waitFor()).resolves.toBeUndefined();
    await page.getByTestId('linked-case').waitFor();
    await shot(page, '21-operator-ticket-converted');
    await page.goto(`${base}/hotline`);
    await page.locator('.ant-card').first().waitFor();
    await shot(page, '22-operator-queue');
    await context.close();
  });

  it('supervisor: approves a proposed decision, sees its credit publication and the 630 dashboard', async () => {
    // arranged through the api as the officers would: a passing-off case with a proposed penalty
    const officer = await t.token('off.binhai1');
    const supervisorToken = await t.token('sup.binhai');
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisorToken)).expect(200);
    let c = (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({
          type: 'passing_off',
          source: 'inspection',
          orgUnitCode: '120116',
          receivedOn: '2026-11-02',
          summary: '假冒专利检查（浏览器审批）',
          requesters: [],
          respondents: [orgRespondent(9)],
          patents: [],
        })
        .expect(201)
    ).body as { id: string; version: number; caseNo: string | null };
    const act = async (action: string, body: Record<string, unknown>) => {
      const res = await t.http
        .post(`/api/v1/cases/${c.id}/actions/${action}`)
        .set(auth(officer))
        .send({ expectedVersion: c.version, ...body })
        .expect(200);
      c = res.body as typeof c;
    };
    await act('file', {});
    await act('assign', { officerIds: (users.body.items as { id: string }[]).slice(0, 2).map((u) => u.id) });
    // 行政处罚法 Art. 44: the advance notice and the party's waiver come before the decision can be approved
    c = await notifyPenaltyWaived(t, c, PENALTY, officer);
    await act('propose_decision', { decision: { kind: 'penalty', legalBasis: '《专利法》第六十八条', ...PENALTY } });
    await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(10)]); // one more decided case for the dashboard and the list

    const { context, page } = await newPage();
    await login(page, 'sup.binhai');
    await page.waitForURL(/\/approvals$/);
    const row = page.getByTestId('approvals-all').locator('tr.ant-table-row', { hasText: c.caseNo! });
    await row.waitFor();
    await shot(page, '30-supervisor-approvals');
    // answered from the inbox with the case's version
    await row.locator('[data-inbox-action="approve_decision"]').click();
    await page.getByTestId('action-ok').click();
    await row.waitFor({ state: 'detached' });
    const approved = await t.http.get(`/api/v1/cases/${c.id}`).set(auth(supervisorToken)).expect(200);
    expect(approved.body.status).toBe('decided');

    // the officer's transfer request (first test) waits in the inbox's transfers tab; approved there
    await page.getByTestId('tab-transfers').click();
    const transferRow = page.getByTestId('approvals-transfers').locator('tr.ant-table-row', { hasText: '河北省知识产权局' });
    await transferRow.waitFor();
    await transferRow.locator('[data-transfer-action="approve"]').click();
    await page.getByTestId('action-ok').click();
    await transferRow.waitFor({ state: 'detached' });
    const out = await t.http.get('/api/v1/transfers?direction=out').set(auth(supervisorToken)).expect(200);
    expect(out.body.items).toEqual([expect.objectContaining({ partnerCode: '130000', kind: 'transfer' })]);
    expect(out.body.items[0].status).not.toBe('requested');
    await page.goto(`${base}/transfers/${out.body.items[0].id}`);
    await page.locator('.ant-timeline-item', { hasText: '批准' }).first().waitFor();
    await shot(page, '35-supervisor-transfer');

    await page.goto(`${base}/credit`);
    const pubRow = page.getByTestId('publications-table').locator('tr.ant-table-row', { hasText: '被处罚科技有限公司9' });
    await pubRow.waitFor();
    await shot(page, '31-supervisor-credit');
    await pubRow.click();
    await page.getByTestId('publication-status').waitFor();
    // the worker delivers it to the credit platform (the stand-in): the page shows it moving on to 已公示
    for (let i = 0; i < 40 && !((await page.getByTestId('publication-status').textContent()) ?? '').includes('已公示'); i++) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    await expect(page.getByTestId('publication-status').textContent()).resolves.toBe('已公示');
    await shot(page, '32-supervisor-publication');

    await page.goto(`${base}/dashboard`);
    await page.getByTestId('filed').waitFor();
    await page.locator('canvas').first().waitFor();
    await expect(page.getByTestId('filed').locator('.ant-statistic-content-value').textContent()).resolves.toMatch(/^[1-9]\d*$/);
    await page.waitForTimeout(600); // charts animate in
    await shot(page, '33-supervisor-dashboard');

    await page.goto(`${base}/audit`);
    await page.getByTestId('verify').click();
    await page.getByTestId('verify-result').waitFor();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain('哈希链完整');
    await shot(page, '34-supervisor-audit');
    await context.close();
  });

  it('officer and supervisor: a passing-off case through advance notice, statement, approval, service, payment and closing in the console', async () => {
    // arranged through the api as in the intake test: a passing-off case under investigation
    const officer = await t.token('off.binhai1');
    const supervisorToken = await t.token('sup.binhai');
    const users = await t.http.get('/api/v1/users?orgUnitCode=120116&role=officer').set(auth(supervisorToken)).expect(200);
    let c = (
      await t.http
        .post('/api/v1/cases')
        .set(auth(officer))
        .send({
          type: 'passing_off',
          source: 'inspection',
          orgUnitCode: '120116',
          receivedOn: '2026-11-02',
          summary: '假冒专利检查（处罚程序）',
          requesters: [],
          respondents: [orgRespondent(21)],
          patents: [],
        })
        .expect(201)
    ).body as { id: string; version: number; caseNo: string | null };
    for (const [action, body] of [
      ['file', {}],
      ['assign', { officerIds: (users.body.items as { id: string }[]).slice(0, 2).map((u) => u.id) }],
    ] as const) {
      c = (
        await t.http
          .post(`/api/v1/cases/${c.id}/actions/${action}`)
          .set(auth(officer))
          .send({ expectedVersion: c.version, ...body })
          .expect(200)
      ).body as typeof c;
    }
    const caseNow = async () => (await t.http.get(`/api/v1/cases/${c.id}`).set(auth(officer)).expect(200)).body;

    const { context, page } = await newPage();
    await login(page, 'off.binhai1');
    await page.waitForURL(/\/work$/);
    await page.goto(`${base}/cases/${c.id}`);
    const modal = page.locator('.ant-modal');
    const submit = async () => {
      await page.getByTestId('action-ok').click();
      await modal.waitFor({ state: 'hidden', timeout: 60_000 });
    };

    // approval is refused before the notice: the button is there only after it, so the officer starts with the notice
    await page.locator('[data-action="notify_penalty"]').click();
    await modal.getByLabel('拟作出的处罚及事实、理由').fill('当事人在产品包装上标注失效专利号，拟责令改正并处罚款三万元');
    await modal.getByLabel('法律依据').fill('《中华人民共和国专利法》第六十八条');
    await modal.getByLabel('拟罚款（元）').fill('30000');
    await choose(page, '送达方式', '直接送达', modal);
    await submit();
    await page.getByRole('tab', { name: '处罚与送达程序' }).click();
    const procedure = page.getByTestId('penalty-procedure');
    await procedure.getByText('¥30,000.00').first().waitFor();
    expect((await caseNow()).procedure.notice).toMatchObject({ fineFen: 3_000_000, hearingRight: false });

    await page.locator('[data-action="record_statement"]').click();
    await modal.getByText('当事人放弃陈述、申辩和听证').click();
    await submit();
    await procedure.getByText('当事人放弃陈述申辩').waitFor();

    await page.locator('[data-action="propose_decision"]').click();
    await choose(page, '决定类型', '行政处罚', modal);
    await modal.getByLabel('决定摘要').fill('责令改正并处罚款三万元');
    await modal.getByLabel('违法事实').fill('当事人在其销售的产品包装上标注已失效的专利号');
    await modal.getByLabel('法律依据').fill('《中华人民共和国专利法》第六十八条');
    await modal.getByLabel('罚款（元）', { exact: true }).fill('30000');
    await modal.getByLabel('违法行为发生日期').click();
    await page.keyboard.type('2026-10-08');
    await page.keyboard.press('Enter');
    await submit();
    await page.locator('.ant-tag', { hasText: '待审批' }).first().waitFor();
    await shot(page, '17-officer-penalty-procedure');
    await context.close();

    // the supervisor approves on the case page: the notice is served and the party waived, so no gate holds
    const sup = await newPage();
    await login(sup.page, 'sup.binhai');
    await sup.page.waitForURL(/\/approvals$/);
    await sup.page.goto(`${base}/cases/${c.id}`);
    await sup.page.locator('[data-action="approve_decision"]').click();
    await sup.page.getByTestId('action-ok').click();
    await sup.page.locator('.ant-tag', { hasText: '已决定' }).first().waitFor();
    expect((await caseNow()).procedure.serviceDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await sup.context.close();

    // the officer serves the decision by mail, records the fine's payment in full and closes the case as paid
    const off = await newPage();
    await login(off.page, 'off.binhai1');
    await off.page.waitForURL(/\/work$/);
    await off.page.goto(`${base}/cases/${c.id}`);
    const m2 = off.page.locator('.ant-modal');
    await off.page.locator('[data-action="serve"]').click();
    await choose(off.page, '送达方式', '邮寄送达', m2);
    await m2.getByLabel('邮件号码').fill('EMS9876543210CN');
    await off.page.getByTestId('action-ok').click();
    await m2.waitFor({ state: 'hidden', timeout: 60_000 });
    await off.page.getByRole('tab', { name: '处罚与送达程序' }).click();
    await off.page.getByTestId('amount-owed').filter({ hasText: '¥30,000.00' }).waitFor();
    await off.page.getByTestId('service-records').getByText('EMS9876543210CN').waitFor();
    await off.page.getByTestId('record-payment').click();
    await m2.getByLabel('缴款书 / 票据号').fill('津财缴 0099001');
    await off.page.getByTestId('action-ok').click();
    await m2.waitFor({ state: 'hidden', timeout: 60_000 });
    await off.page.getByTestId('amount-owed').filter({ hasText: '¥0.00' }).waitFor();
    await off.page.getByTestId('penalty-payment').scrollIntoViewIfNeeded();
    await shot(off.page, '18-officer-payment');
    await off.page.locator('[data-action="close"]').click();
    await choose(off.page, '执行情况', '已缴纳', m2);
    await off.page.getByTestId('action-ok').click();
    await m2.waitFor({ state: 'hidden', timeout: 60_000 });
    await off.page.locator('.ant-tag', { hasText: '已结案' }).first().waitFor();
    const closed = await caseNow();
    expect(closed).toMatchObject({ status: 'closed', procedure: { enforcement: 'paid', amountOwedTodayFen: 0 } });
    expect(closed.procedure.payment).toMatchObject({ paidFen: 3_000_000, paidInFull: true });
    await off.context.close();
  });

  it('officer: documents — generates the 行政处罚决定书 of a decided case from the 文书 tab, previews and downloads it, generates v2', async () => {
    const c = await takePassingOffCaseToDecision(t, PENALTY, [orgRespondent(11)]);
    const officer = await t.token('off.binhai1');
    const decided = await t.http.get(`/api/v1/cases/${c.id}`).set(auth(officer)).expect(200);
    const decisionNo = (decided.body.decision as { decisionNo?: string } | null)?.decisionNo ?? null;

    const { context, page } = await newPage();
    await login(page, 'off.binhai1');
    await page.getByTestId('me-name').waitFor();
    await page.goto(`${base}/cases/${c.id}`);
    await page.getByRole('tab', { name: '文书' }).click();
    const table = page.getByTestId('case-documents');
    await table.waitFor();

    // a kind that does not fit the case now: the server's reason, in Chinese
    await page.getByTestId('generate-document').click();
    await choose(page, '文书种类', '结案报告');
    await page.getByTestId('action-ok').click();
    await expect(page.locator('.ant-modal [role="alert"]').textContent()).resolves.toContain('当前不能生成该文书：');
    await choose(page, '文书种类', '行政处罚决定书');
    await page.getByTestId('action-ok').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const row = table.locator('tr.ant-table-row', { hasText: '行政处罚决定书' }).first();
    await row.waitFor();
    const no = (await row.getByTestId('document-no').textContent()) ?? '';
    expect(no).toMatch(/^津滨知执决〔\d{4}〕\d{4}号$/);
    if (decisionNo) expect(no).toBe(decisionNo);
    await expect(row.getByTestId('document-version').textContent()).resolves.toBe('v1');

    // preview: the PDF from an authorised blob in a dialog
    await row.getByTestId('document-preview').click();
    const frame = page.getByTestId('document-preview-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await page.waitForTimeout(2500); // chromium's PDF viewer draws the first page
    await shot(page, '17-officer-document-preview');
    await page.locator('.ant-modal-close').click();
    await frame.waitFor({ state: 'hidden' });

    // download: the server's (Chinese) file name, a PDF
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('document-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`行政处罚决定书-${no}-v1.pdf`);
    const file = await download.path();
    const head = (await readFile(file)).subarray(0, 5).toString('latin1');
    expect(head).toBe('%PDF-');

    // again: v2 supersedes v1, same number; v1 kept (collapsed under v2)
    await page.getByTestId('generate-document').click();
    await choose(page, '文书种类', '行政处罚决定书');
    await page.getByTestId('action-ok').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    const latest = table.locator('tr.ant-table-row-level-0', { hasText: '行政处罚决定书' });
    await latest.getByTestId('document-version').filter({ hasText: 'v2' }).waitFor();
    await expect(latest.getByTestId('document-no').textContent()).resolves.toBe(no);
    await latest.locator('.ant-table-row-expand-icon').click();
    await table.locator('tr.ant-table-row-level-1', { hasText: 'v1' }).waitFor();
    await shot(page, '16-officer-documents');
    const list = await t.http.get(`/api/v1/cases/${c.id}/documents`).set(auth(officer)).expect(200);
    expect(list.body.map((d: { kind: string; version: number }) => `${d.kind}:${d.version}`)).toEqual([
      'penalty_decision:1',
      'penalty_decision:2',
    ]);
    await page.getByRole('tab', { name: '时间线' }).click();
    await page.locator('.ant-timeline-item', { hasText: '生成文书' }).first().waitFor();
    await context.close();
  });

  it('admin: documents — the templates screen lists the kinds, refuses a file that is no template, replaces one', async () => {
    const adminToken = await t.token('admin');
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.goto(`${base}/admin/document-templates`);
    const table = page.getByTestId('document-templates');
    await table.locator('tr[data-row-key="acceptance_notice"]').waitFor();
    expect(await table.locator('tr.ant-table-row').count()).toBe(12);

    // the current template, downloaded from the page
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-download-acceptance_notice').click()]);
    expect(download.suggestedFilename()).toMatch(/^acceptance_notice-v0\.docx$/);
    const current = await readFile(await download.path());
    expect(current.subarray(0, 2).toString('latin1')).toBe('PK');

    // a file that is not a template: refused, the server's complaint shown
    const upload = (name: string, buffer: Buffer) =>
      table
        .locator('tr[data-row-key="acceptance_notice"]')
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer });
    await upload('broken.docx', Buffer.from('not a docx'));
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /上\s*传/ })
      .click();
    await page.getByTestId('template-problem').waitFor();
    await expect(page.getByTestId('template-problem').textContent()).resolves.toContain('受理通知书的模板未被接受');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });

    // the current one uploaded back as a replacement: custom, version 1
    await upload('受理通知书（本局）.docx', current);
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /上\s*传/ })
      .click();
    const row = table.locator('tr[data-row-key="acceptance_notice"]');
    await row.locator('.ant-tag', { hasText: '自定义' }).waitFor();
    await expect(row.textContent()).resolves.toContain('v1');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await shot(page, '44-admin-templates');
    const res = await t.http.get('/api/v1/document-templates').set(auth(adminToken)).expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'acceptance_notice', source: 'custom', version: 1 })]),
    );
    await context.close();
  });

  it('admin: creates a user', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('users-table').locator('tr.ant-table-row').first().waitFor();
    await shot(page, '40-admin-users');
    await page.getByTestId('new-user').click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('用户名').fill('off.binhai9');
    await modal.getByLabel('姓名').fill('滨海执法员九');
    await choose(page, '角色', '执法人员', modal);
    // a click on the dialog's title closes the roles dropdown (a multiple select stays open); Escape, pressed after
    // the dropdown has already closed on a slow machine, would close the dialog instead
    await modal.locator('.ant-modal-title').click();
    await choose(page, '单位', '滨海新区', modal);
    // the chosen unit is shown in the select (antd 6 no longer marks it .ant-select-selection-item)
    await modal.locator('.ant-select', { hasText: '滨海新区' }).waitFor();
    await modal.getByLabel('初始密码').fill('a-long-password-2026');
    await page.getByTestId('action-ok').click();
    // creating the user hashes its password (argon2id): on a loaded machine this takes a while
    await modal.waitFor({ state: 'hidden', timeout: 60_000 });
    const adminToken = await t.token('admin');
    const res = await t.http.get('/api/v1/users?q=off.binhai9').set(auth(adminToken)).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ username: 'off.binhai9', roles: ['officer'], orgUnit: expect.objectContaining({ code: '120116' }) }),
    ]);
    // and the new officer can sign in
    const { page: p2, context: c2 } = await newPage();
    await login(p2, 'off.binhai9', 'a-long-password-2026');
    await p2.getByTestId('me-name').waitFor();
    await expect(p2.getByTestId('me-name').textContent()).resolves.toBe('滨海执法员九');
    await c2.close();
    await context.close();
  });

  it('admin: adds a partner office with its signature key', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.goto(`${base}/admin/partners`);
    await page.getByTestId('partners-table').waitFor();
    await page.getByTestId('new-partner').click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('机关代码').fill('310000');
    await modal.getByLabel('名称').fill('上海市知识产权局');
    await modal.getByLabel('交换接口地址').fill('https://ipa.sh.example/exchange');
    await modal.getByRole('button', { name: '添加公钥' }).click();
    await modal.getByLabel('密钥编号').fill('310000-1');
    await choose(page, '算法', 'Ed25519', modal);
    await modal.getByLabel('公钥').fill(generateExchangeKeyPair('ed25519').publicKey);
    await modal.getByLabel('启用').click();
    await shot(page, '41-admin-partner-form');
    await page.getByTestId('action-ok').click();
    await modal.waitFor({ state: 'hidden' }).catch(async (e: unknown) => {
      await shot(page, '41-admin-partner-form-failed');
      throw e;
    });
    await page.getByTestId('partners-table').locator('tr.ant-table-row', { hasText: '上海市知识产权局' }).waitFor();
    await shot(page, '42-admin-partners');
    const res = await t.http
      .get('/api/v1/partners')
      .set(auth(await t.token('admin')))
      .expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: '310000',
          active: true,
          keys: [expect.objectContaining({ keyId: '310000-1', algorithm: 'ed25519' })],
        }),
      ]),
    );
    await context.close();
  });

  it("admin: loads next year's official holiday schedule on the calendar screen", async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.waitForURL(/\/admin\/users$/);
    await page.goto(`${base}/admin/calendar`);
    await page.getByTestId('calendar-official').waitFor();
    const next = new Date().getFullYear() + 1;
    // the year the page opens on: not yet official unless the packaged data already knows it
    await page.getByLabel('依据的通知').fill(`国务院办公厅关于${next}年部分节假日安排的通知`);
    await page.getByLabel('放假日期', { exact: true }).fill(`${next}-01-01\n${next}-10-01, ${next}-10-02`);
    await page.getByLabel('调休上班日期', { exact: true }).fill(`${next}-09-25`);
    await page.getByTestId('calendar-load').click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /载\s*入/ })
      .click();
    await page.getByTestId('calendar-days').locator('tr.ant-table-row', { hasText: '国务院办公厅' }).first().waitFor();
    await expect(page.getByTestId('calendar-official').textContent()).resolves.toContain('已有官方安排');
    await shot(page, '43-admin-calendar');
    const res = await t.http
      .get(`/api/v1/calendar/${next}`)
      .set(auth(await t.token('admin')))
      .expect(200);
    expect(res.body.days.filter((d: { origin: string }) => d.origin === 'loaded')).toHaveLength(4);
    await context.close();
  });
});
