import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, registerCase, setUpOffice, typeDate, type Office } from './office';

/**
 * 草稿 (issue [B] "Never lose a half-typed form"), in Chromium: a clerk types half a complaint, the
 * browser is closed without saving and the host killed (kill -9) and started again on the same data
 * folder and port; the clerk comes back, 今日 lists the draft, the form offers it, Enter restores it
 * exactly (a respondent picked from the register, the purchase date), and saving the case removes it.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
const SHOP = '杭州某某通讯器材有限公司';

const shot = (page: Page, name: string) => screenshot(page, `drafts-${name}`, { fullPage: false });
const status = (page: Page) => page.getByTestId('draft-status').textContent();

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  // The business is on the register already, so the clerk picks it rather than typing a new one.
  await registerCase(host, office.adminToken, complaintOf('李四', { respondent: { name: SHOP } }));
  browser = await launchBrowser();
});
afterAll(() => tearDown(host, browser));

describe('a half-typed complaint survives a killed page and host', () => {
  it('is saved as the clerk types, offered after the crash, restored with the keyboard, and gone once saved', async () => {
    let page = await deskOf(browser, host, 'clerk');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('link', { name: '登记投诉' }).first().click();
    await page.getByLabel('投诉人姓名').fill('张晓明');
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByLabel('被投诉方名称').fill('某某通讯');
    await page.getByRole('option', { name: new RegExp(SHOP) }).click();
    await page.getByLabel('商品或服务名称').fill('手机屏幕破裂');
    await typeDate(page.locator('form'), '购买日期', '2026-11-01');
    await page.getByLabel('投诉事实').fill('买回第二天屏幕自己裂了，');
    await expect.poll(() => status(page), { timeout: 10_000 }).toMatch(/^草稿已保存 \d\d:\d\d$/);
    // Still typing: the draft follows.
    await page.getByLabel('投诉事实').pressSequentially('商家说是人为损坏');
    await expect
      .poll(async () => (await apiCall<{ draft: { data: { facts: string } } | null }>(host, 'drafts.get', { form: 'register' }, office.tokens.clerk)).draft?.data.facts, { timeout: 10_000 })
      .toBe('买回第二天屏幕自己裂了，商家说是人为损坏');
    await shot(page, '01-typing');

    // The window goes without saving, and the process that holds the register is killed.
    await page.context().close();
    const port = Number(new URL(host.url).port);
    expect(await host.stop('SIGKILL')).toBeNull();
    host = await startHost(host.dataDir, { port });

    page = await deskOf(browser, host, 'clerk');
    await page.setViewportSize({ width: 1366, height: 768 });
    const card = page.getByTestId('drafts-card');
    await expect.poll(() => card.textContent()).toMatch(/草稿 1.*张晓明 · 手机屏幕破裂.*登记投诉 · \d\d:\d\d 保存/);
    await shot(page, '02-today-card');

    // Keyboard only: 今日 puts the focus on 登记投诉; the form's offer takes it; Enter restores.
    await page.keyboard.press('Enter');
    const restore = page.getByRole('button', { name: /^恢复草稿（\d\d:\d\d，张晓明 · 手机屏幕破裂）$/ });
    await restore.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^恢复草稿/);
    expect(await status(page)).toMatch(/先恢复或丢弃上次的草稿/);
    await shot(page, '03-offer');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('投诉人姓名').inputValue()).toBe('张晓明');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13912345678');
    expect(await page.getByLabel('商品或服务名称').inputValue()).toBe('手机屏幕破裂');
    expect(await page.getByLabel('投诉事实').inputValue()).toBe('买回第二天屏幕自己裂了，商家说是人为损坏');
    // The respondent comes back as the one picked from the register, not as a new business.
    await expect.poll(() => page.getByText(/已选用系统中的被投诉方/).count()).toBe(1);
    expect(await status(page)).toMatch(/^草稿已保存 \d\d:\d\d$/);
    // Back where the clerk was typing.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('facts');
    await shot(page, '04-restored');

    await page.getByLabel('投诉请求').fill('免费更换屏幕');
    await page.getByLabel('投诉类别').fill('家用电子电器');
    await page.getByRole('option', { name: '家用电子电器' }).click();
    await page.keyboard.press('Control+Enter');
    const saved = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await saved.waitFor();
    const rows = await apiCall<{ rows: { id: number; complainantName: string }[] }>(host, 'cases.search', { text: '张晓明' }, office.tokens.clerk);
    expect(rows.rows).toHaveLength(1);
    const kase = await apiCall<{ purchasedOn: string; respondent: { id: number; name: string } }>(host, 'cases.get', { id: rows.rows[0]!.id }, office.tokens.clerk);
    expect(kase.purchasedOn).toBe('2026-11-01');
    expect(kase.respondent).toMatchObject({ id: 1, name: SHOP });
    expect(await apiCall(host, 'drafts.list', {}, office.tokens.clerk)).toEqual({ drafts: [] });

    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: '今日' }).first().click();
    await page.getByRole('heading', { name: /今日/ }).waitFor();
    await page.getByTestId('count-office-registered').waitFor();
    expect(await page.getByTestId('drafts-card').count()).toBe(0);
    await page.context().close();
  });

  it('opens from 今日’s card with the draft restored, and 丢弃 removes it', async () => {
    const draft = { complainant: { name: '赵六', phone: '13700000000' }, subject: '空调不制冷', facts: '安装后一直不制冷' };
    await apiCall(host, 'drafts.save', { form: 'register', data: draft }, office.tokens.clerk);
    const page = await deskOf(browser, host, 'clerk');
    await page.getByTestId('drafts-card').getByRole('link', { name: /赵六 · 空调不制冷/ }).click();
    await expect.poll(() => page.getByLabel('投诉人姓名').inputValue()).toBe('赵六');
    expect(await page.getByLabel('投诉事实').inputValue()).toBe('安装后一直不制冷');
    expect(await page.getByRole('button', { name: /^恢复草稿/ }).count()).toBe(0);

    // Another visit to the form: the offer again; Tab to 丢弃 and Enter, and it is gone.
    await page.getByRole('link', { name: '今日' }).first().click();
    await page.getByRole('link', { name: '登记投诉' }).first().click();
    await page.getByRole('button', { name: /^恢复草稿（\d\d:\d\d，赵六 · 空调不制冷）$/ }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^恢复草稿/ }).count()).toBe(0);
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('complainant.name');
    expect(await apiCall(host, 'drafts.list', {}, office.tokens.clerk)).toEqual({ drafts: [] });
    await page.context().close();
  });

  it('keeps one clerk’s draft from another', async () => {
    await apiCall(host, 'drafts.save', { form: 'register', data: { complainant: { name: '王五' }, subject: '洗衣机' } }, office.tokens.clerk);
    const page = await deskOf(browser, host, 'supervisor');
    await page.getByTestId('count-office-registered').waitFor();
    expect(await page.getByTestId('drafts-card').count()).toBe(0);
    await page.context().close();
  });
});
