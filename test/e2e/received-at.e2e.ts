import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { shippedCalendar } from '../support/shippedCalendar';
import { apiCall, E2E_NOW, fillComplaint, hostNow, launchBrowser, newPage, officeDate, openRegisterForm, screenshot, startHost, type RunningHost, tearDown } from './host';

/** The office's zone (seeded setting office.timeZone); the browser runs in it too, as the office PC would. */
const OFFICE_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
const ACCEPTANCE_WORKING_DAYS = 7; // seeded setting limits.acceptanceWorkingDays

let host: RunningHost;
let browser: Browser;
let page: Page;
let adminToken: string;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);


const calendar = shippedCalendar();
const today = officeDate(E2E_NOW);
const dueFrom = (day: string) => calendar.addWorkingDays(day, ACCEPTANCE_WORKING_DAYS).date;

/**
 * The letter arrived 2 days ago (further back if need be, so that a deadline wrongly counted from
 * today could not pass for the right one, e.g. when today is Sunday and the letter came on Friday).
 */
let receivedOn = addDays(today, -2);
while (dueFrom(receivedOn) === dueFrom(today)) receivedOn = addDays(receivedOn, -1);

/** "2026-11-21" + "10:30" → the digits typed into the picker's sections (年/月/日 时:分). */
const digits = (day: string, time: string) => `${day}${time}`.replace(/\D/g, '');

const receivedAtGroup = () => page.getByRole('group', { name: '收到时间' });
const receivedAtValue = () => page.locator('input[name="receivedAt"]').inputValue();

/** Types a date and time into 收到时间, starting at its first section (年份). */
async function typeReceivedAt(day: string, time: string): Promise<void> {
  await receivedAtGroup().getByRole('spinbutton', { name: '年份' }).click();
  await page.keyboard.type(digits(day, time));
}

async function countCases(): Promise<number> {
  return (await api<{ total: number }>('cases.search', {}, adminToken)).total;
}

async function fillRequiredFields(): Promise<void> {
  await fillComplaint(page, {
    name: '周敏',
    phone: '13566667777',
    respondent: '宁波某某电器有限公司',
    subject: '空气净化器',
    facts: '来信称净化器使用一周后无法开机，商家拒绝维修。',
    request: '更换同型号新机',
    category: '家用电子电器',
  });
  await page.getByRole('combobox', { name: '投诉渠道' }).click();
  await page.getByRole('option', { name: '信函' }).click();
}

beforeAll(async () => {
  host = await startHost();
  await api('setup.init', { officeName: '宁波市消费者权益保护委员会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  ({ token: adminToken } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' }));
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, adminToken);
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

describe('收到时间: a complaint is registered with the time it reached the office', () => {
  it('sits after 投诉渠道 in the Tab order, empty, meaning "now"', async () => {
    await openRegisterForm(page, host, 'clerk', 'clerk-pass-1');

    await page.getByRole('combobox', { name: '投诉渠道' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('年份');
    expect(await receivedAtGroup().evaluate((g) => g.contains(document.activeElement))).toBe(true);
    expect(await receivedAtValue()).toBe('');
    expect(await page.getByText('留空即为当前时间').isVisible()).toBe(true);
  });

  it('refuses a receipt time in the future and saves nothing', async () => {
    await fillRequiredFields();
    await typeReceivedAt(addDays(today, 1), '10:30');
    await page.getByRole('button', { name: '保存登记' }).click();
    // The office's clock decides what "now" is, not this PC's: the form checks the date against the core's
    // today (shared/domain/intake.ts, the rule the core applies too) and says so under the field before sending.
    await expect.poll(() => receivedAtGroup().locator('..').getByText('收到时间不能晚于现在', { exact: true }).isVisible()).toBe(true);
    expect(await countCases()).toBe(0);
  });

  it('does not take a half-typed time for "now"', async () => {
    await receivedAtGroup().getByRole('spinbutton', { name: '年份' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(digits(receivedOn, '')); // the date only, no time
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText(/收到时间不完整/).isVisible()).toBe(true);
    expect(await countCases()).toBe(0);
  });

  it('does not drop a half-typed purchase date either', async () => {
    const purchase = page.getByRole('group', { name: '购买日期' });
    await purchase.getByRole('spinbutton', { name: '年份' }).click();
    await page.keyboard.type('2026'); // the year only
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText(/购买日期不完整/).isVisible()).toBe(true);
    expect(await countCases()).toBe(0);
    await purchase.getByRole('spinbutton', { name: '年份' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    expect(await page.locator('input[name="purchasedOn"]').inputValue()).toBe('');
  });

  it('registers a letter with the day it arrived and counts the acceptance deadline from that day', async () => {
    await typeReceivedAt(receivedOn, '10:30');
    await page.keyboard.press('Tab');
    expect(await receivedAtValue()).toBe(`${receivedOn.replaceAll('-', '/')} 10:30`);
    // The earlier 请修改 notice goes by itself once every marked field is corrected.
    await expect.poll(() => page.getByText(/有填写不正确的项目/).count()).toBe(0);
    await screenshot(page, '13-received-at');
    await page.getByRole('button', { name: '保存登记' }).click();

    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const expectedDue = dueFrom(receivedOn);
    const [y, m, d] = expectedDue.split('-').map(Number);
    expect(await dialog.getByTestId('registered-due-on').textContent()).toBe(`${y}年${m}月${d}日`);

    const { rows } = await api<{ rows: { id: number }[] }>('cases.search', {}, adminToken);
    expect(rows).toHaveLength(1);
    const c = await api<any>('cases.get', { id: rows[0]!.id }, adminToken);
    expect(c).toMatchObject({
      channel: { name: '信函' },
      complainant: { name: '周敏' },
      receivedAt: `${receivedOn}T10:30:00${OFFSET}`,
    });
    // The acceptance clock is a deadline row of the case (cases.get `deadlines`), counted from the receipt day.
    const acceptance = c.deadlines.find((d: { kind: string }) => d.kind === 'acceptance');
    expect(acceptance).toMatchObject({ startOn: receivedOn, dueOn: expectedDue, state: 'running' });
    expect(acceptance.dueOn).not.toBe(dueFrom(today));
  });

  it('starts empty again after 继续登记', async () => {
    await page.getByRole('button', { name: '继续登记' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('');
    expect(await receivedAtValue()).toBe('');
    expect(await receivedAtGroup().getByRole('spinbutton', { name: '年份' }).textContent()).toBe('YYYY');
    expect(await page.getByText('留空即为当前时间').isVisible()).toBe(true);
  });

  it('shows the core\'s own objection under 收到时间 when this PC\'s clock runs ahead of the office server', async () => {
    await fillRequiredFields();
    // An hour ahead of the server is still the past for a browser whose clock runs two hours fast.
    await page.clock.setFixedTime(hostNow(host).getTime() + 2 * 3600_000);
    const ahead = new Date(hostNow(host).getTime() + 3600_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_ZONE }).format(ahead);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: OFFICE_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ahead);
    await typeReceivedAt(day, time);
    await page.getByRole('button', { name: '保存登记' }).click();

    await expect.poll(() => page.getByRole('alert').filter({ hasText: '收到时间不能晚于现在，请核对' }).isVisible()).toBe(true);
    expect(await receivedAtGroup().locator('..').getByText('收到时间不能晚于现在', { exact: true }).isVisible()).toBe(true);
    expect(await receivedAtGroup().evaluate((g) => g.contains(document.activeElement))).toBe(true);
    expect(await countCases()).toBe(1);
  });
});
