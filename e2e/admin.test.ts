import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { blockingViolations, describeE2E, login, newPage, resultPath, ROOT, useAppAndBrowser } from './harness.ts';

const PHONE = { width: 360, height: 740 };
const IMPORT_PATH = '/nap-bo-tieu-chi';

/** The 2026–2030 commune set as shipped, as a starting point for the files the officer uploads. */
function baseSet(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'data/criteria/xa-ntm-2026.json'), 'utf8')) as Record<string, unknown>;
}

function jsonFile(name: string, value: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) };
}

/** Today in Vietnam (UTC+7), as the app defaults its dates. */
function todayVn(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

async function openImport(page: Page): Promise<void> {
  await page.goto(IMPORT_PATH);
  await page.getByRole('heading', { level: 1, name: 'Nạp phiên bản bộ tiêu chí' }).waitFor();
}

describeE2E('admin screens: criteria set import and hamlets', () => {
  const env = useAppAndBrowser();

  it('province officer: a bad file names the file and the path; a good file becomes a new version', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.goto('/bo-tieu-chi');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.screenshot({ path: resultPath('sets-admin-1280.png') });
    await page.getByRole('link', { name: 'Nạp phiên bản bộ tiêu chí' }).click();
    await page.waitForURL(new RegExp(`${IMPORT_PATH}$`));
    await page.getByRole('heading', { level: 1, name: 'Nạp phiên bản bộ tiêu chí' }).waitFor();

    // The Excel template is served with the env.app.
    const href = await page.getByRole('link', { name: /Tải mẫu bảng tính Excel/ }).getAttribute('href');
    const template = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(template.status).toBe(200);
    expect(template.type).toContain('spreadsheetml');
    expect(template.size).toBe(fs.statSync(path.join(ROOT, 'data/criteria/templates/mau-bo-tieu-chi-2026-2030.xlsx')).size);

    // Submitting without a file says so, without calling the server.
    await page.getByRole('button', { name: 'Nạp phiên bản' }).click();
    await page.getByText('Chọn một tệp .json hoặc .xlsx').waitFor();

    const bad = baseSet();
    delete bad.criteria;
    bad.id = 'xa-ntm-2026-loi';
    await page.locator('input[type="file"]').setInputFiles(jsonFile('thieu-tieu-chi.json', bad));
    await page.getByText('thieu-tieu-chi.json').first().waitFor();
    await page.getByRole('button', { name: 'Nạp phiên bản' }).click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Không nạp được tệp');
    expect(text).toContain('Tệp bộ tiêu chí "thieu-tieu-chi.json" không hợp lệ tại criteria');
    await expect(error.locator('dt', { hasText: 'Tệp' }).locator('xpath=following-sibling::dd').textContent()).resolves.toBe('thieu-tieu-chi.json');
    await expect(error.locator('dt', { hasText: 'Đường dẫn' }).locator('xpath=following-sibling::dd').textContent()).resolves.toBe('criteria');
    expect(new URL(page.url()).pathname).toBe(IMPORT_PATH);
    await page.screenshot({ path: resultPath('import-error-1280.png'), fullPage: true });

    const good: Record<string, unknown> = { ...baseSet(), id: 'xa-ntm-2026-thu', effectiveFrom: '2026-03-01', amends: 'xa-ntm-2026' };
    await page.locator('input[type="file"]').setInputFiles(jsonFile('xa-ntm-2026-thu.json', good));
    await page.getByLabel(/Ghi chú, căn cứ/).fill('Bản thử nạp từ màn hình quản trị');
    await page.getByRole('button', { name: 'Nạp phiên bản' }).click();
    await page.waitForURL(/\/bo-tieu-chi\/xa-ntm-2026-thu$/);
    await page.getByRole('heading', { level: 1, name: String(good.name) }).waitFor();
    await page.getByText('Đã nạp phiên bản "xa-ntm-2026-thu"').waitFor();
    // The amended version is named, not shown by its id.
    await expect(page.getByRole('link', { name: String(baseSet().name), exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('từ 01/03/2026').first().isVisible()).resolves.toBe(true);

    // The same file again is refused: versions are never overwritten.
    await openImport(page);
    await page.locator('input[type="file"]').setInputFiles(jsonFile('xa-ntm-2026-thu.json', good));
    await page.getByRole('button', { name: 'Nạp phiên bản' }).click();
    await page.getByTestId('import-error').getByText('Đã có bộ tiêu chí mã "xa-ntm-2026-thu"').waitFor();

    // Withdrawing the imported version needs a reason; afterwards it is marked on its page and in the list.
    await page.goto('/bo-tieu-chi/xa-ntm-2026-thu');
    await page.getByTestId('withdraw').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Rút phiên bản' }).click();
    await dialog.getByText('Cần ghi lý do rút phiên bản').waitFor();
    await dialog.getByLabel('Lý do rút').fill('Nạp thử từ màn hình, không dùng');
    await dialog.getByRole('button', { name: 'Rút phiên bản' }).click();
    await page.getByTestId('withdrawn').getByText('Lý do: Nạp thử từ màn hình, không dùng').waitFor();
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    await page.getByRole('link', { name: 'Bộ tiêu chí', exact: true }).first().click();
    await page
      .locator('.ant-table-tbody tr.ant-table-row', { hasText: String(good.name) })
      .getByText('Đã rút')
      .first()
      .waitFor();
    await context.close();
  });

  it('commune officer: no import entry, and the import page refuses access', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'xa.hoaan');
    await page.goto('/bo-tieu-chi');
    await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByRole('link', { name: 'Nạp phiên bản bộ tiêu chí' }).count()).toBe(0);

    await page.goto(IMPORT_PATH);
    await page.getByText('Không có quyền xem').waitFor();
    await expect(page.getByText('Chỉ cán bộ cấp tỉnh và quản trị hệ thống được nạp bộ tiêu chí.').isVisible()).resolves.toBe(true);
    expect(await page.locator('input[type="file"]').count()).toBe(0);

    await page.goto('/don-vi/01654');
    await page.getByRole('heading', { level: 1, name: 'Xã Hòa An' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Các xóm/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm xóm' }).count()).toBe(0);
    await context.close();
  });

  it('province officer adds a hamlet to commune 01654; a duplicate name is refused under the name field', async () => {
    const { context, page } = await newPage(env.browser, env.app.baseUrl);
    await login(page, 'tinh');
    await page.goto(`/don-vi/01654?asOf=${todayVn()}`);
    await page.getByRole('heading', { level: 1, name: 'Xã Hòa An' }).waitFor();
    const title = page.getByRole('heading', { level: 2, name: /Các xóm \(\d+\)/ });
    await title.waitFor();
    const before = Number(/\((\d+)\)/.exec((await title.textContent()) ?? '')![1]);

    await page.getByRole('button', { name: 'Thêm xóm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm xóm vào Xã Hòa An' });
    await dialog.waitFor();
    // Hiệu lực từ defaults to today.
    const [y, m, d] = todayVn().split('-');
    await expect(dialog.getByLabel('Hiệu lực từ').inputValue()).resolves.toBe(`${d}/${m}/${y}`);
    await dialog.getByRole('button', { name: 'Thêm xóm' }).click();
    await dialog.getByText('Nhập tên xóm (ít nhất 2 ký tự)').waitFor();
    await dialog.getByText('Ghi căn cứ pháp lý (số quyết định, nghị quyết)').waitFor();

    await dialog.getByLabel('Tên xóm').fill('Nà Thử Nghiệm');
    await dialog.getByLabel('Loại').click();
    // antd lists the options twice (an accessible listbox and the visible list): click the visible one.
    await page.locator('.ant-select-dropdown .ant-select-item-option[title="Thôn"]').click();
    await dialog.getByLabel('Căn cứ pháp lý').fill('Nghị quyết số 99/NQ-HĐND (thử nghiệm)');
    await dialog.getByRole('button', { name: 'Thêm xóm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/Đã thêm Thôn Nà Thử Nghiệm \(mã 01654-\d{3}\)/).waitFor();
    await page.getByTestId('hamlets').getByRole('link', { name: 'Thôn Nà Thử Nghiệm' }).waitFor();
    await expect(title.textContent()).resolves.toBe(`Các xóm (${before + 1})`);

    // The API refuses the same name again; its message appears under the name field.
    await page.getByRole('button', { name: 'Thêm xóm' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Tên xóm').fill('Nà Thử Nghiệm');
    await dialog.getByLabel('Căn cứ pháp lý').fill('Nghị quyết số 99/NQ-HĐND (thử nghiệm)');
    await dialog.getByRole('button', { name: 'Thêm xóm' }).click();
    const nameItem = dialog.locator('.ant-form-item', { has: page.getByLabel('Tên xóm') });
    await nameItem.locator('.ant-form-item-explain-error').getByText('Xã Hòa An đã có xóm "Nà Thử Nghiệm"').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });

  it('import page fits 360 px and passes axe, before and after an error; screenshots at 1280 and 360', async () => {
    const wide = await newPage(env.browser, env.app.baseUrl);
    await login(wide.page, 'tinh');
    await openImport(wide.page);
    await wide.page.waitForLoadState('networkidle');
    expect(await blockingViolations(wide.page), 'import page at 1280: axe').toEqual([]);
    await wide.page.screenshot({ path: resultPath('import-1280.png'), fullPage: true });
    await wide.context.close();

    const { context, page } = await newPage(env.browser, env.app.baseUrl, PHONE);
    await login(page, 'tinh');
    await page.goto('/bo-tieu-chi');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await pageWidth(page), 'sets page with the import entry wider than 360 px').toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: resultPath('sets-admin-360.png') });
    await openImport(page);
    await page.waitForLoadState('networkidle');
    expect(await pageWidth(page), 'import page wider than 360 px').toBeLessThanOrEqual(PHONE.width);
    expect(await blockingViolations(page), 'import page: axe').toEqual([]);
    await page.screenshot({ path: resultPath('import-360.png'), fullPage: true });

    await page.locator('input[type="file"]').setInputFiles({
      name: 'bang-tinh-hong-co-ten-rat-dai-de-thu-xuong-dong.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('không phải bảng tính'),
    });
    await page.getByRole('button', { name: 'Nạp phiên bản' }).click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('không đọc được như bảng tính Excel');
    expect(await pageWidth(page), 'import error wider than 360 px').toBeLessThanOrEqual(PHONE.width);
    expect(await blockingViolations(page), 'import error: axe').toEqual([]);
    await page.screenshot({ path: resultPath('import-error-360.png'), fullPage: true });

    // The hamlet form on a phone.
    await page.goto(`/don-vi/01654?asOf=${todayVn()}`);
    await page.getByRole('button', { name: 'Thêm xóm' }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    expect(await pageWidth(page), 'hamlet form wider than 360 px').toBeLessThanOrEqual(PHONE.width);
    expect(await blockingViolations(page), 'hamlet form: axe').toEqual([]);
    await page.screenshot({ path: resultPath('hamlet-form-360.png') });
    await context.close();
  });
});
