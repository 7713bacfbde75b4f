import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, E2E_NOW, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { deskOf, setUpOffice, type Office } from './office';

/**
 * 咨询登记 (issue [B]) at the counter, keyboard first: an enquiry logged in one line, seen in today's
 * list, turned into a complaint with its words carried over, the case number shown beside it, and
 * counted by 统计 as 接待来访和咨询. The host's clock is 2026-11-23 09:00; the PC's is months later,
 * so "today" and "now" on this page can only be the core's.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let page: Page;

const PC_NOW = '2027-03-15T15:00:00+08:00';

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
  page = await deskOf(browser, host, 'clerk', PC_NOW);
  await page.setViewportSize({ width: 1366, height: 768 });
}, 120_000);
afterAll(() => tearDown(host, browser));

const focusedLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    // A MUI select is a div named by its label's id, first in aria-labelledby.
    const labelledBy = el?.getAttribute('aria-labelledby')?.split(' ')[0];
    const byId = labelledBy ? document.getElementById(labelledBy)?.textContent : undefined;
    return (el?.labels?.[0]?.textContent ?? byId ?? el?.getAttribute('aria-label') ?? '').replace(/[\s*]/g, '');
  });
const typeAndTab = async (text: string) => {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
};
const rows = () => page.getByRole('table', { name: '咨询记录' }).locator('tbody tr');
const listed = () => apiCall<{ rows: { id: number; topic: string; name: string | null; phone: string | null; receivedAt: string; case: { id: number; caseNo: string } | null }[]; total: number }>(
  host,
  'enquiries.list',
  { from: '2026-11-01', to: '2026-11-30' },
  office.tokens.clerk,
);

describe('咨询登记 at the counter', () => {
  it('logs an enquiry from the keyboard alone and starts the next one where the first began', async () => {
    await page.keyboard.press('Alt+5');
    await expect.poll(focusedLabel).toBe('咨询事项');
    await expect.poll(() => page.getByTestId('enquiry-day-title').textContent()).toBe('今日咨询（0 人次）');

    // Enter without an answer: the field says what is missing, and nothing is saved.
    await typeAndTab('网购的羽绒服能不能七天无理由退货');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('请填写答复内容').isVisible()).toBe(true);
    expect((await listed()).total).toBe(0);

    await page.getByLabel('答复内容').focus();
    await typeAndTab('可以，自签收次日起七天内，商品完好即可；先与商家协商，不成可来投诉');
    expect(await focusedLabel()).toBe('渠道');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('姓名');
    await typeAndTab('周女士');
    expect(await focusedLabel()).toBe('电话');
    await page.keyboard.type('139 0000 5555');
    await page.keyboard.press('Enter');

    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(focusedLabel).toBe('咨询事项');
    expect(await page.getByLabel('咨询事项').inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('enquiry-day-title').textContent()).toBe('今日咨询（1 人次）');
    const row = rows().first();
    expect(await row.textContent()).toContain('网购的羽绒服能不能七天无理由退货');
    expect(await row.textContent()).toContain('周女士 13900005555');
    expect(await row.textContent()).toContain('电话');
    expect(await row.textContent()).toContain('陈登记');
    const [saved] = (await listed()).rows;
    // Stamped by the core's clock (the host's 2026-11-23 09:00 and on), not the PC's 2027.
    expect(saved!.receivedAt.slice(0, 10)).toBe(E2E_NOW.slice(0, 10));
    expect(saved!.receivedAt.endsWith('+08:00')).toBe(true);
    await screenshot(page, 'enquiries-01-logged', { fullPage: false });
  });

  it('turns the enquiry into a complaint with its words carried over, and shows the case it became', async () => {
    const turn = page.getByRole('button', { name: /^转为投诉/ });
    await turn.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('投诉人姓名');
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('周女士');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13900005555');
    expect(await page.getByLabel('投诉事实').inputValue()).toBe('网购的羽绒服能不能七天无理由退货');
    expect(await page.getByRole('combobox', { name: '投诉渠道' }).textContent()).toBe('电话');
    expect(await page.getByText(/的咨询转来：网购的羽绒服能不能七天无理由退货/).isVisible()).toBe(true);
    await screenshot(page, 'enquiries-02-prefilled-register', { fullPage: false });

    await page.getByLabel('被投诉方名称').focus();
    await page.keyboard.type('杭州某某服饰旗舰店');
    await page.getByLabel('商品或服务名称').focus();
    await page.keyboard.type('羽绒服');
    await page.getByLabel('投诉事实').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('。商家以吊牌已拆为由拒绝退货。');
    await page.getByLabel('投诉请求').focus();
    await page.keyboard.type('退货退款');
    await page.getByLabel('投诉类别').focus();
    await page.keyboard.type('服装鞋帽');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');

    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('registered-case-no').textContent()).toBe(caseNoOf(1));
    await page.keyboard.press('Escape');
    // The next complaint starts empty: the enquiry was this one's.
    await expect.poll(() => page.getByLabel('投诉人姓名').inputValue()).toBe('');
    expect(await page.getByText(/的咨询转来/).count()).toBe(0);

    await page.keyboard.press('Alt+5');
    const link = page.getByRole('link', { name: `已转为投诉 ${caseNoOf(1)}` });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^转为投诉/ }).count()).toBe(0);
    const [linked] = (await listed()).rows;
    const c = await apiCall<{ id: number; complainant: { name: string; phone: string }; channel: { name: string }; facts: string }>(host, 'cases.get', { id: linked!.case!.id }, office.tokens.clerk);
    expect(c).toMatchObject({ complainant: { name: '周女士', phone: '13900005555' }, channel: { name: '电话' }, facts: '网购的羽绒服能不能七天无理由退货。商家以吊牌已拆为由拒绝退货。' });
    await screenshot(page, 'enquiries-03-linked', { fullPage: false });

    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('case-no').textContent()).toBe(caseNoOf(1));
  });

  it('is counted by 统计 as 接待来访和咨询', async () => {
    await page.keyboard.press('Alt+4');
    await expect.poll(() => page.getByTestId('figure-enquiries').textContent()).toBe('1 人次');
  });
});
