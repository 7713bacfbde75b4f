import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, deskOf, setUpOffice, type Office } from './office';

/**
 * Lists an administrator edits (issue [B]): a category added under 设置 › 目录 with everyday words,
 * a category retired, and a clerk finding the new one on the registration form by a word and
 * registering a case with it ("a category added by an administrator and used").
 */
let host: RunningHost;
let browser: Browser;
let office: Office;

type Category = { code: string; name: string; group: string; words: string[] };
const offered = async () => (await apiCall<{ categories: Category[] }>(host, 'catalog.get', {}, office.tokens.clerk)).categories;

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
});
afterAll(() => tearDown(host, browser));

describe('目录', () => {
  it('lets the administrator add a category with its everyday words and retire another; a bad list changes nothing', async () => {
    const admin = await deskOf(browser, host, ADMIN);
    await admin.setViewportSize({ width: 1366, height: 768 });
    await admin.goto(`${host.url}/#/settings`);
    await admin.getByRole('tab', { name: '目录' }).click();
    await admin.waitForURL(/#\/settings\/lists$/);
    const form = admin.getByRole('form', { name: '投诉类别' });
    await expect.poll(() => form.getByLabel('投诉类别 1 名称').inputValue()).toBe('家用电子电器');
    expect(await form.getByLabel('投诉类别 1 常用词').inputValue()).toContain('手机');

    // An empty name is refused by the core with its Chinese error, and nothing is saved.
    await form.getByLabel('投诉类别 2 名称').fill('');
    await form.getByRole('button', { name: '保存投诉类别' }).click();
    await expect.poll(() => form.getByText('请填写名称').first().isVisible()).toBe(true);
    expect((await offered()).find((c) => c.code === 'G02')?.name).toBe('服装鞋帽');
    await form.getByLabel('投诉类别 2 名称').fill('服装鞋帽');

    await form.getByLabel('新投诉类别名称').fill('预付式消费');
    await form.getByLabel('统计大类').click();
    await admin.getByRole('option', { name: '服务类' }).click();
    await form.getByLabel('常用词', { exact: true }).fill('办卡、跑路 储值');
    await form.getByLabel('常用词', { exact: true }).press('Enter');
    await form.getByRole('button', { name: '停用 农用生产资料' }).click();
    await screenshot(admin, 'settings-lists', { fullPage: false });
    await form.getByRole('button', { name: '保存投诉类别' }).click();
    await expect.poll(() => form.getByText(/已保存投诉类别：启用 24 项，停用 1 项/).isVisible()).toBe(true);
    const now = await offered();
    expect(now.find((c) => c.name === '预付式消费')).toEqual({ code: 'K001', name: '预付式消费', group: '服务类', words: ['办卡', '跑路', '储值'] });
    expect(now.map((c) => c.name)).not.toContain('农用生产资料');
    await screenshot(admin, 'settings-lists-saved', { fullPage: false });

    // 投诉渠道: retiring every channel is refused, nothing changed; a new one added by keyboard is offered.
    await admin.getByRole('button', { name: '投诉渠道' }).click();
    const channels = admin.getByRole('form', { name: '投诉渠道' });
    for (const name of ['来访', '电话', '信函', '传真', '短信', '电子邮件', '网络']) await channels.getByRole('button', { name: `停用 ${name}` }).click();
    await channels.getByRole('button', { name: '保存投诉渠道' }).click();
    await expect.poll(() => channels.getByText('至少要保留一个启用的投诉渠道').first().isVisible()).toBe(true);
    for (const name of ['来访', '电话', '信函', '传真', '短信', '电子邮件', '网络']) await channels.getByRole('button', { name: `启用 ${name}` }).click();
    await channels.getByLabel('新投诉渠道名称').fill('12315平台');
    await channels.getByLabel('新投诉渠道名称').press('Enter');
    await channels.getByRole('button', { name: '保存投诉渠道' }).click();
    await expect.poll(() => channels.getByText(/已保存投诉渠道：启用 8 项，停用 0 项/).isVisible()).toBe(true);
    await screenshot(admin, 'settings-lists-channels', { fullPage: false });
    const { channels: offeredChannels } = await apiCall<{ channels: { code: string; name: string }[] }>(host, 'catalog.get', {}, office.tokens.clerk);
    expect(offeredChannels.at(-1)).toEqual({ code: 'C001', name: '12315平台' });
  });

  it('lets a clerk find the new category by an everyday word and register a case with it', async () => {
    const clerk = await deskOf(browser, host, 'clerk');
    await clerk.setViewportSize({ width: 1366, height: 768 });
    await clerk.getByRole('link', { name: '登记投诉' }).first().click();
    await clerk.getByLabel('投诉人姓名').fill('李雷');
    await clerk.getByLabel('联系电话').fill('13912345678');
    await clerk.getByLabel('被投诉方名称').fill('杭州某某健身有限公司');
    await clerk.getByLabel('商品或服务名称').fill('健身年卡');
    await clerk.getByLabel('投诉事实').fill('办卡三个月后门店关闭，余额不退');
    await clerk.getByLabel('投诉请求').fill('退还余款');
    const category = clerk.getByRole('combobox', { name: '投诉类别' });
    await category.fill('手机');
    expect(await clerk.getByRole('option').allTextContents()).toEqual(['家用电子电器（手机）']);
    await category.fill('跑路');
    await expect.poll(() => clerk.getByRole('option').allTextContents()).toEqual(['预付式消费（跑路）']);
    await screenshot(clerk, 'register-category-word', { fullPage: false });
    await category.press('Enter');
    await expect.poll(() => category.inputValue()).toBe('预付式消费');
    await category.fill('农用');
    expect(await clerk.getByRole('option').count()).toBe(0);
    await category.fill('预付');
    await category.press('Enter');
    await clerk.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => clerk.getByRole('dialog').filter({ hasText: '登记成功' }).isVisible()).toBe(true);
    const { rows } = await apiCall<{ rows: { id: number }[] }>(host, 'cases.search', { text: '李雷' }, office.tokens.clerk);
    const c = await apiCall<{ category: { code: string; name: string } }>(host, 'cases.get', { id: rows[0]!.id }, office.tokens.clerk);
    expect(c.category).toMatchObject({ code: 'K001', name: '预付式消费' });
  });
});
