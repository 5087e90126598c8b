/**
 * The status board in the browser: the province sets the year's deadline, selects submitted assessments and
 * approves them at once, seeing which passed and which failed and why; returns one with a reason, which the commune
 * officer then reads on their own board. At 1366 and 360 px, with no serious or critical axe violation.
 */
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { blockingViolations, DEMO_PASSWORD, describeE2E, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const FAMILY = 'xa-ntm-2026-2030';
const YEAR = 2026;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
const REASON = 'Thiếu biên bản họp dân cho tiêu chí 5';

async function fits(page: Page, what: string, width: number): Promise<void> {
  const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scroll, `${what}: page wider than the screen`).toBeLessThanOrEqual(width);
  expect(await blockingViolations(page), `${what}: axe`).toEqual([]);
}

describeE2E('status board', () => {
  const env = useAppAndBrowser();
  let admin: APIRequestContext;
  const url = (code: string) => `/api/assessments/${code}/${FAMILY}/${YEAR}`;
  const version = async (code: string) => ((await (await admin.get(url(code))).json()) as { version: number }).version;
  const step = async (code: string, action: string, reason?: string) => {
    const res = await admin.post(`${url(code)}/transitions`, { data: { action, version: await version(code), ...(reason ? { reason } : {}) } });
    expect(res.status(), await res.text()).toBe(200);
  };
  /** A commune's assessment of the year submitted (as admin, through the API), from whatever state the demo left it in. */
  const submitted = async (code: string) => {
    const now = (await (await admin.get(url(code))).json()) as { status: string };
    if (now.status === 'submitted') return;
    if (now.status === 'approved') await step(code, 'reopen', 'Chuẩn bị kiểm tra bảng theo dõi');
    const put = await admin.put(url(code), { data: { version: await version(code), values: {}, criteria: { 5: 'met' } } });
    expect(put.status(), await put.text()).toBe(200);
    await step(code, 'submit');
  };

  beforeAll(async () => {
    admin = await request.newContext({ baseURL: env.app.baseUrl });
    const res = await admin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    for (const code of ['01654', '01290', '01294', '01297']) await submitted(code);
  });
  afterAll(async () => admin?.dispose());

  const openBoard = async (page: Page, width: number) => {
    if (width < 720) await page.getByTestId('menu-button').click();
    await page.getByRole('link', { name: 'Theo dõi tiến độ' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi tiến độ đánh giá' }).waitFor();
    await page.waitForLoadState('networkidle');
  };

  it('the province sets the deadline, approves several at once with a result per item, and returns one with a reason', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl, DESKTOP);
    await login(page, 'tinh');
    await openBoard(page, DESKTOP.width);
    expect(page.url()).toContain('/theo-doi');

    // The deadline of the year, set on this screen.
    await page.getByTestId('deadline-edit').click();
    await page.getByLabel('Hạn gửi', { exact: true }).fill(`${YEAR}-12-15`);
    await page.getByTestId('deadline-save').click();
    await page.getByTestId('deadlines').getByText('Hạn gửi 15/12/2026').waitFor();

    // "Chờ tôi xử lý" is the province's first list: the four submitted communes are there.
    const table = page.getByTestId('board-table');
    for (const code of ['01654', '01290', '01294', '01297']) await table.getByTestId(`row-${code}`).waitFor();
    // The board follows the saved deadline.
    await table.getByTestId('row-01290').getByText('Đúng hạn', { exact: true }).waitFor();
    const entry = table.getByTestId('row-01290').getByRole('link', { name: /^Nhập liệu/ });
    expect(await entry.getAttribute('href')).toBe(`/nhap-lieu/01290/${FAMILY}/${YEAR}`);
    expect(
      await table
        .getByTestId('row-01290')
        .getByRole('link', { name: /^Nhật ký/ })
        .getAttribute('href'),
    ).toContain('/nhat-ky/01290?');
    await fits(page, 'board', DESKTOP.width);
    await page.screenshot({ path: resultPath('boards-1366.png'), fullPage: true });

    // Someone returns and resubmits 01297 after the board was loaded: its version on screen is stale.
    await step('01297', 'return', 'Sửa số liệu');
    await step('01297', 'submit');
    for (const code of ['01290', '01294', '01297']) await page.getByTestId(`select-${code}`).check();
    await expect(page.getByText('Đã chọn 3 bản').count()).resolves.toBe(1);
    await page.getByTestId('bulk-approve').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Phê duyệt: 2 bản thành công, 1 bản không thực hiện được');
    await expect(result.getByTestId('result-01290').getAttribute('data-ok')).resolves.toBe('true');
    await expect(result.getByTestId('result-01290').textContent()).resolves.toContain('Thành công: Đã phê duyệt');
    await expect(result.getByTestId('result-01294').getAttribute('data-ok')).resolves.toBe('true');
    await expect(result.getByTestId('result-01297').getAttribute('data-ok')).resolves.toBe('false');
    await expect(result.getByTestId('result-01297').textContent()).resolves.toContain('tải lại bảng');
    // The approved ones leave the list; the stale one is still waiting, now at its current version.
    await table.getByTestId('row-01290').waitFor({ state: 'detached' });
    await table.getByTestId('row-01297').waitFor();
    await fits(page, 'bulk result', DESKTOP.width);
    await page.screenshot({ path: resultPath('boards-result-1366.png'), fullPage: true });
    for (const code of ['01290', '01294']) expect(((await (await admin.get(url(code))).json()) as { status: string }).status).toBe('approved');

    // Returning asks for a reason first.
    await page.getByTestId('select-01654').check();
    await page.getByTestId('bulk-return').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('return-confirm').click();
    await dialog.getByText('Cần ghi lý do trả lại').waitFor();
    await expect(blockingViolations(page)).resolves.toEqual([]);
    await dialog.getByLabel('Lý do trả lại (xã sẽ thấy lý do này)').fill(REASON);
    await dialog.getByTestId('return-confirm').click();
    await result.getByText('Trả lại: 1 bản thành công, 0 bản không thực hiện được').waitFor();
    await expect(result.getByTestId('result-01654').textContent()).resolves.toContain('Bị trả lại');
    await page.getByTestId('tab-returned').click();
    await table.getByTestId('row-01654').getByTestId('return-reason').getByText(REASON, { exact: false }).waitFor();
    const history = (await (await admin.get(`${url('01654')}/history`)).json()) as { action: string; reason?: string; source: string }[];
    expect(history.at(-1)).toMatchObject({ action: 'return', reason: REASON, source: 'screen' });
    await context.close();
  });

  it('at 360 px: the province board scrolls in its own box, and the commune officer reads the reason on theirs', async () => {
    const province = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(province.page, 'tinh');
    await openBoard(province.page, PHONE.width);
    await province.page.getByTestId('board-table').getByTestId('row-01297').waitFor();
    await fits(province.page, 'province board at 360', PHONE.width);
    await province.page.screenshot({ path: resultPath('boards-360.png'), fullPage: true });
    await province.context.close();

    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(page, 'xa.hoaan');
    await openBoard(page, PHONE.width);
    // A commune officer has nothing to review: no checkboxes, no bulk buttons.
    await expect(page.getByTestId('bulk-approve').count()).resolves.toBe(0);
    await page.getByTestId('tab-returned').click();
    const row = page.getByTestId('board-table').getByTestId('row-01654');
    await row.getByTestId('return-reason').waitFor();
    await expect(row.getByTestId('return-reason').textContent()).resolves.toBe(`Lý do trả lại: ${REASON}`);
    await expect(page.getByTestId('board-table').locator('tbody tr').count()).resolves.toBe(1);
    await fits(page, 'commune board at 360', PHONE.width);
    await page.screenshot({ path: resultPath('boards-commune-360.png'), fullPage: true });
    await context.close();
  });
});
