import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, login, newPage, resultPath, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
/** Xã Hòa An (from 1/7/2025) on the 2026–2030 set, whose criteria are recorded directly. */
const NEW = { code: '01654', family: 'xa-ntm-2026-2030', year: 2026 };
/** Xã Đại Tiến of Hoà An district, merged into Xã Hòa An on 1/7/2025, on the 2021–2025 set (district review step). */
const OLD = { code: '01666', family: 'xa-ntm-2021-2025', year: 2024 };
type Key = typeof NEW;

const entryPath = (k: Key) => `/nhap-lieu/${k.code}/${k.family}/${k.year}`;
const apiPath = (k: Key) => `/api/assessments/${k.code}/${k.family}/${k.year}`;

/** A small, well-formed PDF (one empty A4 page) with correct cross-reference offsets. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface Stored {
  status: string;
  version: number;
  criteria: Record<string, { status: unknown; note: string | null }>;
  values: Record<string, { value: unknown; note: string | null }>;
}

async function stored(page: Page, k: Key): Promise<Stored> {
  const res = await page.request.get(apiPath(k));
  return (await res.json()) as Stored;
}

async function openEntry(page: Page, k: Key, name: RegExp): Promise<void> {
  await page.goto(entryPath(k));
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByTestId('live-result').or(page.getByText('Chưa tính được kết quả')).first().waitFor();
}

/** Picks a choice (Đạt, Chưa đạt…) of a field by its label. */
async function choose(page: Page, code: string, label: string): Promise<void> {
  await page
    .getByTestId(`field-${code}`)
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

async function saveDraft(page: Page): Promise<void> {
  await page.getByTestId('save').click();
  await page.getByText('Đã lưu', { exact: true }).first().waitFor();
  await expect.poll(() => page.getByTestId('save').isDisabled()).toBe(true);
}

async function act(page: Page, action: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (reason !== undefined) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await dialog.getByText('Cần ghi lý do').waitFor();
    await dialog.getByLabel(/^Lý do/).fill(reason);
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await page
    .getByText(/^Đã (gửi|thẩm định|phê duyệt|trả lại|mở lại) bản đánh giá$/)
    .first()
    .waitFor();
}

async function officer(env: { browser: import('playwright-core').Browser; app: { baseUrl: string } }, user: string, viewport = DESKTOP) {
  const s = await newPage(env.browser, env.app.baseUrl, viewport);
  await login(s.page, user);
  return s;
}

describeE2E('assessments: entry, evidence, workflow and merge', () => {
  const env = useAppAndBrowser();
  const open: BrowserContext[] = [];
  const session = async (user: string, viewport = DESKTOP) => {
    const s = await officer(env, user, viewport);
    open.push(s.context);
    return s;
  };

  it('commune officer enters values with evidence, submits; the province returns it with a reason, then approves: locked', async () => {
    const { page } = await session('xa.hoaan');
    // From the commune's scorecard, the officer's way in.
    await page.goto(`/don-vi/${NEW.code}?year=${NEW.year}`);
    await page.getByRole('main').getByRole('link', { name: 'Nhập số liệu' }).click();
    await page.waitForURL(new RegExp(`${entryPath(NEW)}$`));
    await page.getByRole('heading', { level: 1, name: /Nhập số liệu: Xã Hòa An, năm 2026/ }).waitFor();
    await expect(page.getByTestId('live-criteria-met').textContent()).resolves.toBe('0/10');

    // The result follows what is typed, before saving.
    await choose(page, '1', 'Đạt');
    await choose(page, '2', 'Đạt');
    await choose(page, '3', 'Chưa đạt');
    await page.getByTestId('field-3').getByLabel('Ghi chú').fill('Chưa hoàn thành đường liên xóm Nà Rằng');
    await expect.poll(() => page.getByTestId('live-criteria-met').textContent()).toBe('2/10');
    await expect(page.getByText('Có thay đổi chưa lưu').isVisible()).resolves.toBe(true);
    await saveDraft(page);
    let body = await stored(page, NEW);
    expect(body.criteria['1']?.status).toBe('met');
    expect(body.criteria['3']?.status).toBe('not-met');

    // Evidence: a PDF for criterion 1, through the field's own upload; the version moves on with it.
    await page
      .getByTestId('field-1')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'bien-ban-tieu-chi-1.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await page
      .getByTestId('field-1')
      .getByRole('link', { name: /bien-ban-tieu-chi-1\.pdf/ })
      .waitFor();
    await expect.poll(async () => (await stored(page, NEW)).version).toBeGreaterThan(body.version);
    const withFile = await stored(page, NEW);
    expect((withFile.criteria['1'] as { evidence?: { name: string; type: string }[] }).evidence?.map((f) => [f.name, f.type])).toEqual([
      ['bien-ban-tieu-chi-1.pdf', 'application/pdf'],
    ]);
    const href = await page
      .getByTestId('field-1')
      .getByRole('link', { name: /bien-ban-tieu-chi-1\.pdf/ })
      .getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: resultPath('entry-1366.png'), fullPage: true });

    // Leaving with unsaved changes asks first.
    await choose(page, '4', 'Đạt');
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('link', { name: 'Về kết quả đánh giá của đơn vị' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Nhập số liệu/ }).isVisible()).resolves.toBe(true);
    await saveDraft(page);

    await act(page, 'Gửi');
    await page.getByTestId('locked').waitFor();
    await expect(page.getByTestId('field-1').getByRole('radio').first().isDisabled()).resolves.toBe(true);

    // The province returns it with a reason; the officer sees the reason.
    const province = await session('tinh');
    await openEntry(province.page, NEW, /Xã Hòa An/);
    await act(province.page, 'Trả lại', 'Thiếu biên bản họp dân cho tiêu chí 3');
    await page.reload();
    await page.getByTestId('return-reason').getByText('Lý do: Thiếu biên bản họp dân cho tiêu chí 3').waitFor();
    await expect(page.getByTestId('return-reason').textContent()).resolves.toContain('trả lại');
    await choose(page, '3', 'Đạt');
    await saveDraft(page);
    await act(page, 'Gửi');

    await province.page.reload();
    await act(province.page, 'Phê duyệt');
    await page.reload();
    await page.getByTestId('locked').getByText('Bản đánh giá đã phê duyệt và đã khóa').waitFor();
    await expect(page.getByTestId('save').count()).resolves.toBe(0);
    body = await stored(page, NEW);
    expect(body.status).toBe('approved');
    // Writing anyway is refused.
    const put = await page.request.put(apiPath(NEW), { data: { version: body.version, values: {}, criteria: { 5: 'met' } } });
    expect(put.status()).toBe(409);
    expect(((await put.json()) as { error: { code: string } }).error.code).toBe('LOCKED');
  });

  it('two people save the same assessment: the second is offered a merge, field by field, and nothing is lost', async () => {
    const a = await session('xa.hoaan');
    const b = await session('tinh');
    // The province reopens last test's approved assessment so that both may write.
    await openEntry(b.page, NEW, /Xã Hòa An/);
    await act(b.page, 'Mở lại', 'Sửa lại tiêu chí 5 theo báo cáo mới');
    await openEntry(a.page, NEW, /Xã Hòa An/);
    await a.page
      .getByTestId('return-reason')
      .getByText(/Sửa lại tiêu chí 5/)
      .waitFor();

    await choose(b.page, '5', 'Đạt');
    await choose(b.page, '6', 'Đạt');
    await saveDraft(b.page);

    await choose(a.page, '5', 'Chưa đạt');
    await choose(a.page, '7', 'Đạt');
    await a.page.getByTestId('field-6').getByLabel('Ghi chú').fill('Đã kiểm tra tại xóm');
    await a.page.getByTestId('save').click();
    const dialog = a.page.getByRole('dialog');
    await dialog.getByText('Có người khác vừa lưu bản đánh giá này').waitFor();
    // Only criterion 5 was changed differently by both; 6's value (theirs) and 7 (mine) merge by themselves.
    await expect(dialog.getByTestId('merge-list').locator('li').count()).resolves.toBe(1);
    await dialog.getByTestId('merge-5:value').getByText('Lấy của họ: Đạt').click();
    await a.page.screenshot({ path: resultPath('entry-merge-1366.png') });
    await dialog.getByTestId('merge-save').click();
    await a.page.getByText('Đã lưu', { exact: true }).first().waitFor();
    const body = await stored(a.page, NEW);
    expect(body.criteria['5']?.status).toBe('met');
    expect(body.criteria['6']?.status).toBe('met');
    expect(body.criteria['7']?.status).toBe('met');
    expect(body.criteria['6']?.note).toBe('Đã kiểm tra tại xóm');
  });

  it('before 1/7/2025 the district reviews before the province approves; a value out of range is refused at the field', async () => {
    // The demo's past years are approved: the province reopens 2024 for a correction.
    const province = await session('tinh');
    await openEntry(province.page, OLD, /Xã Đại Tiến/);
    await act(province.page, 'Mở lại', 'Bổ sung số liệu giao thông');
    const { page } = await session('xa.hoaan');
    await openEntry(page, OLD, /Xã Đại Tiến, năm 2024/);
    await page
      .getByTestId('return-reason')
      .getByText(/Bổ sung số liệu giao thông/)
      .waitFor();
    const percent = page
      .locator('.cs-entry-field')
      .filter({ has: page.locator('input[inputmode="decimal"]') })
      .first();
    await percent.locator('input[inputmode="decimal"]').fill('140');
    await percent.getByRole('alert').waitFor();
    await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);
    await percent.locator('input[inputmode="decimal"]').fill('75,5');
    await expect(percent.getByRole('alert').count()).resolves.toBe(0);
    await saveDraft(page);
    await act(page, 'Gửi');

    const district = await session('huyen.hoaan');
    await openEntry(district.page, OLD, /Xã Đại Tiến/);
    await expect(district.page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).resolves.toBe(0);
    await act(district.page, 'Thẩm định');
    await district.page.getByText('Huyện đã thẩm định', { exact: true }).first().waitFor();

    await province.page.reload();
    await act(province.page, 'Phê duyệt');
    expect((await stored(province.page, OLD)).status).toBe('approved');
  });

  it('the entry screen fits 360 px, passes axe, and its sections open from the menu', async () => {
    const { page } = await session('xa.hoaan', PHONE);
    await page.getByTestId('menu-button').click();
    await page.getByRole('dialog').getByRole('link', { name: 'Nhập số liệu' }).click();
    await page.waitForURL(/\/nhap-lieu$/);
    await page.getByLabel('Tên xã, phường hoặc xóm').fill('Hòa An');
    await page
      .getByTestId('pick-list')
      .getByRole('button', { name: /Xã Hòa An/ })
      .click();
    await page.waitForURL(new RegExp(`${entryPath(NEW)}$`));
    await page.getByTestId('live-result').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({ path: resultPath('entry-360.png'), fullPage: true });
    await page.screenshot({ path: resultPath('entry-360-top.png') });
    for (const c of open) await c.close();
  });
});
