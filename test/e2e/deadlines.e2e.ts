import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { shippedCalendar } from '../support/shippedCalendar';
import { apiCall, E2E_NOW, launchBrowser, newPage, officeDate, screenshot, startHost, type RunningHost, tearDown } from './host';

let host: RunningHost;
let browser: Browser;
let page: Page;
let token: string;

const calendar = shippedCalendar();
const today = officeDate(E2E_NOW);
const dueOf = (receivedOn: string) => calendar.addWorkingDays(receivedOn, 7).date;
const soonLimit = calendar.addWorkingDays(today, 3).date;

/** What the 今日 cards should count, worked out here from the calendar, not read back from the app. */
function expectedCounts(receivedDays: string[]) {
  const dues = receivedDays.map(dueOf);
  return {
    overdue: dues.filter((d) => d < today).length,
    today: dues.filter((d) => d === today).length,
    soon: dues.filter((d) => d >= today && d <= soonLimit).length,
  };
}

const complaint = (name: string, receivedOn: string) => ({
  receivedAt: `${receivedOn}T09:00:00+08:00`,
  channel: 'letter',
  complainant: { name, phone: '13800001111' },
  respondent: { name: '杭州某某商贸有限公司' },
  category: 'G06',
  subject: '保温杯',
  facts: '来信反映保温杯不保温',
  request: '退货',
  consentMediation: true,
});

// One letter received a month ago (overdue), one yesterday (not due for days), and one received on
// the latest past day whose deadline falls within the next 3 working days.
const longAgo = addDays(today, -30);
const yesterday = addDays(today, -1);
const soonReceived = Array.from({ length: 15 }, (_, k) => addDays(today, -(k + 1))).find((d) => dueOf(d) >= today && dueOf(d) <= soonLimit)!;

beforeAll(async () => {
  host = await startHost();
  await apiCall(host, 'setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  ({ token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' }));
  await apiCall(host, 'cases.register', complaint('逾期甲', longAgo), token);
  await apiCall(host, 'cases.register', complaint('新到乙', yesterday), token);
  await apiCall(host, 'cases.register', complaint('将到期丙', soonReceived), token);
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

describe('今日 shows the acceptance deadlines to act on', () => {
  it('counts overdue, due today and due within 3 working days on the office calendar', async () => {
    const expected = expectedCounts([longAgo, yesterday, soonReceived]);
    expect(expected.overdue).toBe(1);
    expect(expected.soon).toBeGreaterThanOrEqual(1);
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    for (const key of ['overdue', 'today', 'soon'] as const) {
      await expect.poll(() => page.getByTestId(`due-${key}`).textContent(), { message: key }).toBe(String(expected[key]));
    }
    await screenshot(page, '14-home-deadlines');
  });

  it('opens the register filtered to the overdue cases in one click', async () => {
    await page.getByRole('link', { name: /已逾期未受理/ }).click();
    await page.waitForURL(/#\/cases\?due=overdue/);
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getByText('逾期甲').isVisible()).toBe(true);
    expect(await grid.getByText('新到乙').count()).toBe(0);
    expect(await grid.getByText('将到期丙').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '期限' }).textContent()).toBe('已逾期未受理');
    await screenshot(page, '15-cases-overdue');
  });
});
