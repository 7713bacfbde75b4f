import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, openCase, registerCase, setUpOffice, type Office } from './office';

/**
 * 回头投诉人 and 重复投诉 at the counter, in Chromium (issue [B]): a person already on the register
 * is found by the phone typed and fills the form in one key; the repeat warning appears before
 * saving, the earlier case is read in a dialog without losing the form, the link is chosen, and
 * both cases show it after the save.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let clerk: Page;

const ZHANG_ID = '330106198507120033';
const SHOP = '杭州某某电器有限公司';

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
  clerk = await deskOf(browser, host, 'clerk');
});
afterAll(() => tearDown(host, browser));

describe('a returning complainant and a repeat complaint', () => {
  let earlier: number;

  it('finds the person already on the register by the phone typed, and fills the form with Alt+Y', async () => {
    // 张三 complained about the same shop's television six weeks ago (E2E_NOW is 2026-11-23).
    earlier = await registerCase(
      host,
      office.tokens.clerk,
      complaintOf('张三', {
        receivedAt: '2026-10-10T10:00:00+08:00',
        complainant: { name: '张三', idType: 'resident', idNumber: ZHANG_ID, phone: '13812345678', address: '杭州市西湖区文三路1号' },
        respondent: { name: SHOP },
        category: 'G01',
        subject: '55英寸液晶电视机',
        facts: '电视机屏幕出现竖线',
      }),
    );
    await clerk.keyboard.press('Alt+2');
    await clerk.getByLabel('联系电话').fill('138 1234 5678');
    const offer = clerk.getByTestId('returning-complainant');
    await expect.poll(() => offer.isVisible()).toBe(true);
    const text = await offer.textContent();
    expect(text).toContain('张三');
    expect(text).toContain(ZHANG_ID);
    expect(text).toContain('杭州市西湖区文三路1号');
    expect(text).toContain(`${caseNoOf(1)} · 2026年10月10日 · ${SHOP} · 55英寸液晶电视机 · 已登记待受理`);
    await screenshot(clerk, 'register-returning-complainant', { fullPage: false });
    await clerk.keyboard.press('Alt+Y');
    await expect.poll(() => clerk.getByLabel('投诉人姓名').inputValue()).toBe('张三');
    expect(await clerk.getByLabel('证件号码').inputValue()).toBe(ZHANG_ID);
    expect(await clerk.getByLabel('投诉人地址').inputValue()).toBe('杭州市西湖区文三路1号');
    expect(await clerk.getByLabel('联系电话').inputValue()).toBe('13812345678');
    // Filled: not offered again.
    await expect.poll(() => offer.count()).toBe(0);
  });

  it('warns of the earlier complaint against the same business before saving, and opens it without losing the form', async () => {
    await clerk.getByLabel('被投诉方名称').fill(SHOP);
    const warning = clerk.getByTestId('repeat-warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('该投诉人 90 天内已投诉过同一经营者 1 次');
    expect(await warning.textContent()).toContain(`${caseNoOf(1)}2026年10月10日 · 已登记待受理 · 55英寸液晶电视机`);

    await warning.getByRole('button', { name: caseNoOf(1) }).click();
    const dialog = clerk.getByRole('dialog').filter({ hasText: `以往投诉 ${caseNoOf(1)}` });
    await expect.poll(() => dialog.getByText('电视机屏幕出现竖线').isVisible()).toBe(true);
    await clerk.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await clerk.getByLabel('投诉人姓名').inputValue()).toBe('张三');

    await warning.getByLabel(`关联为重复投诉（${caseNoOf(1)}）`).check();
    await clerk.getByLabel('商品或服务名称').fill('55英寸液晶电视机');
    await clerk.getByLabel('投诉事实').fill('上次投诉后商家仍未维修，屏幕竖线更多。');
    await clerk.getByLabel('投诉请求').fill('退货退款');
    await clerk.getByLabel('投诉类别').fill('家用电子电器');
    await clerk.getByRole('option', { name: '家用电子电器' }).click();

    await clerk.setViewportSize({ width: 1366, height: 768 });
    await warning.scrollIntoViewIfNeeded();
    await clerk.evaluate(() => window.scrollBy(0, -260));
    await screenshot(clerk, 'register-repeat-warning', { fullPage: false });
  });

  it('links the new case to the earlier one on save, and both show it', async () => {
    await clerk.keyboard.press('Control+Enter');
    const saved = clerk.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => saved.isVisible()).toBe(true);
    expect(await saved.textContent()).toContain(caseNoOf(2));

    const second = (await apiCall<{ rows: { id: number; caseNo: string }[] }>(host, 'cases.search', { text: caseNoOf(2) }, office.tokens.clerk)).rows[0]!.id;
    await openCase(clerk, host, second);
    await expect.poll(() => clerk.getByTestId('repeat-links').textContent()).toBe(`重复投诉：${caseNoOf(1)}`);
    await clerk.getByTestId('repeat-links').getByRole('link', { name: caseNoOf(1) }).click();
    await expect.poll(() => clerk.getByTestId('case-no').textContent()).toBe(caseNoOf(1));
    await expect.poll(() => clerk.getByTestId('repeat-links').textContent()).toBe(`后续重复投诉：${caseNoOf(2)}`);
    expect(clerk.url()).toContain(`/cases/${earlier}`);
    await screenshot(clerk, 'case-repeat-link', { fullPage: false });
  });
});
