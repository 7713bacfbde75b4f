import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepPng, pdfFonts, pdfText } from '../core/noticeKit';
import { apiCall, caseNoOf, launchBrowser, newPage, screenshot, SCREENSHOTS, startHost, type RunningHost, tearDown } from './host';

/**
 * 打印投诉登记表 from the case's 文书 tab in Chromium against the built host (issue [B]): one click
 * stores the form's PDF in the core and prints the same form on paper — every field, the agent
 * and the order number included, in the notices' own face.
 */
let host: RunningHost;
let browser: Browser;
let page: Page;
let clerkToken: string;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);

beforeAll(async () => {
  host = await startHost();
  await api('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-1' } });
  const { token } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' });
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, token);
  ({ token: clerkToken } = await api<{ token: string }>('session.login', { username: 'clerk', password: 'clerk-pass-1' }));
  await api(
    'cases.register',
    {
      channel: 'visit',
      complainant: { name: '王秀英', phone: '13612345678' },
      agent: { name: '李志强', phone: '0571-87654321', relation: '儿子', authorizationReceived: false },
      respondent: { name: '杭州某某电器有限公司' },
      category: 'G01',
      natures: ['quality'],
      subject: '55英寸液晶电视机',
      purchasePlace: { platform: '某东商城', orderNo: 'JD2026110288776655' },
      facts: '购买后第三天屏幕出现竖线，商家拒绝退货。',
      requestTypes: ['refund'],
      request: '退货并退还货款',
      consentMediation: true,
    },
    clerkToken,
  );
  browser = await launchBrowser();
  page = await newPage(browser);
  // Headless Chromium has no print dialog: window.print starts a print and the test ends it (as notices.e2e.ts).
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __prints: number }).__prints = ((window as unknown as { __prints?: number }).__prints ?? 0) + 1;
      window.dispatchEvent(new Event('beforeprint'));
    };
  });
});
afterAll(() => tearDown(host, browser));

const prints = () => page.evaluate(() => (window as unknown as { __prints?: number }).__prints ?? 0);

describe('打印投诉登记表', () => {
  it('stores the form and prints it on paper in one click, with the agent and the order number', async () => {
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码', { exact: true }).fill('clerk-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('陈晓').first().isVisible()).toBe(true);
    await page.goto(`${host.url}/#/cases/1`);
    await page.getByRole('tab', { name: '文书' }).click();
    await page.getByRole('button', { name: '打印投诉登记表' }).click();
    await expect.poll(prints, { timeout: 30_000 }).toBe(1);

    // As the printer gets it: the form alone, in the notices' face.
    await page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, 'regform-01-printed.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect((await pdfFonts(file)).filter((f) => !/NotoSerifSC/.test(f.name)), 'a face other than the notice face').toEqual([]);
    keepPng(file, 'regform-01-printed', 1, SCREENSHOTS);
    const text = (await pdfText(file)).replace(/\s+/g, '');
    for (const field of ['投诉登记表', caseNoOf(1), '王秀英', '李志强', '未收到', 'JD2026110288776655', '某东商城', '退款', '投诉人（代理人）（签字）：', '登记人：陈晓']) expect(text, field).toContain(field);
    // Nothing of the screen: the app's title bar and the tab's button. (Not 登记投诉: the form's
    // vertical section label 登记 runs into 投诉类别 in some engines' text order.)
    for (const screenOnly of ['消费投诉受理处理系统', '打印投诉登记表']) expect(text, screenOnly).not.toContain(screenOnly);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByText('投诉登记表已存档并送打印').isVisible()).toBe(true);
    await screenshot(page, 'regform-02-tab');

    // Stored frozen by the core: on the case's timeline with its hash.
    const c = await api<{ events: { type: string; data: { sha256?: string } }[] }>('cases.get', { id: 1 }, clerkToken);
    expect(c.events.find((e) => e.type === 'registrationFormPrinted')?.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  }, 120_000);
});
