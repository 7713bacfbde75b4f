import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, deskOf, setUpOffice, type Office } from './office';

/**
 * The office's regions (issue #11): an administrator keeps the list under 设置 › 地区 (add,
 * rename, reorder, remove), the registration form offers it as 地区 (optional, reached by Tab and
 * chosen by keys), and the case keeps the code it was registered with.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;

type Region = { code: string; name: string };
const regionsNow = async () => (await apiCall<{ regions: Region[] }>(host, 'catalog.get', {}, office.tokens.clerk)).regions;

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
});
afterAll(() => tearDown(host, browser));

describe('地区', () => {
  it('shows no 地区 on the form while the office keeps no list', async () => {
    const clerk = await deskOf(browser, host, 'clerk');
    await clerk.getByRole('link', { name: '登记投诉' }).first().click();
    await expect.poll(() => clerk.getByLabel('投诉人姓名').isVisible()).toBe(true);
    expect(await clerk.getByRole('combobox', { name: '地区' }).count()).toBe(0);
  });

  it('lets the administrator add, rename, reorder and remove regions; a rename keeps the code', async () => {
    const admin = await deskOf(browser, host, ADMIN);
    await admin.setViewportSize({ width: 1366, height: 768 });
    await admin.goto(`${host.url}/#/settings`);
    await admin.getByRole('tab', { name: '地区' }).click();
    await admin.waitForURL(/#\/settings\/regions$/);
    const form = admin.getByRole('form', { name: '地区' });
    await expect.poll(() => form.getByText('尚未设置地区').isVisible()).toBe(true);
    const add = form.getByLabel('新地区名称');
    for (const name of ['西湖区', '上城区', '拱墅区']) {
      await add.fill(name);
      await add.press('Enter');
    }
    await add.fill('西湖区');
    await add.press('Enter');
    expect(await form.getByText('已有地区“西湖区”').isVisible()).toBe(true);
    await add.fill('');
    await form.getByRole('button', { name: '保存地区列表' }).click();
    await expect.poll(() => form.getByText(/已保存 3 个地区/).isVisible()).toBe(true);
    const first = await regionsNow();
    expect(first.map((r) => r.name)).toEqual(['西湖区', '上城区', '拱墅区']);

    await form.getByLabel('地区 2').fill('上城区（含原江干区）');
    await form.getByRole('button', { name: '上移 上城区（含原江干区）' }).click();
    await form.getByRole('button', { name: '删去 拱墅区' }).click();
    await screenshot(admin, 'settings-regions', { fullPage: false });
    await form.getByRole('button', { name: '保存地区列表' }).click();
    await expect.poll(() => form.getByText(/已保存 2 个地区/).isVisible()).toBe(true);
    const second = await regionsNow();
    expect(second).toEqual([
      { code: first[1]!.code, name: '上城区（含原江干区）' },
      { code: first[0]!.code, name: '西湖区' },
    ]);
  });

  it('offers the regions on the registration form, reached by Tab from 投诉渠道 and chosen by keys', async () => {
    const clerk: Page = await deskOf(browser, host, 'clerk');
    await clerk.setViewportSize({ width: 1366, height: 768 });
    await clerk.getByRole('link', { name: '登记投诉' }).first().click();
    await clerk.getByLabel('投诉人姓名').fill('韩梅梅');
    await clerk.getByLabel('联系电话').fill('13812345678');
    await clerk.getByLabel('被投诉方名称').fill('杭州某某家政服务有限公司');
    await clerk.getByLabel('商品或服务名称').fill('家政保洁');
    await clerk.getByLabel('投诉事实').fill('预约保洁未上门，定金不退');
    await clerk.getByLabel('投诉请求').fill('退还定金');
    await clerk.getByRole('combobox', { name: '投诉类别' }).click();
    await clerk.getByRole('option', { name: '生活社会服务' }).click();

    await clerk.getByRole('combobox', { name: '投诉渠道' }).focus();
    await clerk.keyboard.press('Tab');
    const region = clerk.getByRole('combobox', { name: '地区' });
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await clerk.keyboard.press('Enter');
    expect(await clerk.getByRole('option').allTextContents()).toEqual(['（不填）', '上城区（含原江干区）', '西湖区']);
    await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('Enter');
    await expect.poll(() => region.textContent()).toBe('西湖区');
    await screenshot(clerk, 'register-region');
    await clerk.getByRole('button', { name: '保存登记' }).click();
    const done = clerk.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => done.isVisible()).toBe(true);
    const { rows } = await apiCall<{ rows: { id: number; regionName: string | null }[] }>(host, 'cases.search', { text: '韩梅梅' }, office.tokens.clerk);
    expect(rows.map((r) => r.regionName)).toEqual(['西湖区']);
    const c = await apiCall<{ region: Region | null }>(host, 'cases.get', { id: rows[0]!.id }, office.tokens.clerk);
    expect(c.region?.name).toBe('西湖区');
  });
});
