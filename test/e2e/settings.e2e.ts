import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/domain/calendar';
import { formatDateCn } from '../../renderer/src/format';
import { shippedCalendar } from '../support/shippedCalendar';
import { apiCall, E2E_NOW, launchBrowser, loginStatus, officeDate, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, complaintOf, deskOf, openCase, registerCase, setUpOffice, STAFF, type Office } from './office';

/**
 * 设置, by the administrator: rule sets with an effective date, next year's holidays entered from
 * the State Council's notice (making provisional deadlines real), the idle lock, and users disabled.
 */
const calendar = shippedCalendar();
const today = officeDate(E2E_NOW);
/** A 60-day mediation limit from today reaches a year the shipped calendar does not know. */
const mediation = calendar.addCalendarDays(today, 60);
const nextYear = Number(mediation.date.slice(0, 4));

/** What the administrator types in from the notice (made up for the test: a year no notice covers yet). */
const ENTERED = {
  year: nextYear,
  holidays: [`${nextYear}-01-01`, `${nextYear}-01-02`, `${nextYear}-01-03`, ...[6, 7, 8, 9, 10, 11, 12].map((d) => `${nextYear}-02-${String(d).padStart(2, '0')}`)],
  workdays: [`${nextYear}-02-20`],
};

let host: RunningHost;
let browser: Browser;
let office: Office;
let admin: Page;
let caseId: number;

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  caseId = await registerCase(
    host,
    office.tokens.clerk,
    complaintOf('钱某', { channel: 'phone', respondent: { name: '杭州某某家具有限公司' }, category: 'G05', subject: '实木衣柜', facts: '衣柜开裂', request: '更换' }),
  );
  const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id: caseId }, office.tokens.clerk);
  await apiCall(host, 'cases.act', { id: caseId, version, action: 'accept' }, office.tokens.clerk);
  browser = await launchBrowser();
  admin = await deskOf(browser, host, ADMIN);
});
afterAll(() => tearDown(host, browser));

const openSettings = async (tab: string) => {
  await admin.getByRole('link', { name: '设置' }).click();
  await admin.getByRole('tab', { name: tab }).click();
};

/** The n-th date picker of that name in a dialog (the calendar editor has one per row). */
async function typeNthDate(dialog: Locator, label: string, n: number, day: string): Promise<void> {
  await dialog.getByRole('group', { name: label }).nth(n).getByRole('spinbutton', { name: '年份' }).click();
  await dialog.page().keyboard.type(day.replace(/\D/g, ''));
}

describe('节假日历', () => {
  it('says which year open deadlines need, and makes them real once that year is entered', async () => {
    expect(mediation.provisional).toBe(true);
    await openCase(admin, host, caseId);
    expect(await admin.getByTestId('deadline-mediation').textContent()).toContain('（暂定）');

    await openSettings('节假日历');
    const missing = admin.getByTestId('missing-years');
    await expect.poll(() => missing.textContent()).toContain(`计算到 ${nextYear} 年`);
    await admin.getByRole('button', { name: `录入 ${nextYear} 年` }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('节日').fill('元旦');
    await typeNthDate(dialog, '开始日期', 0, `${nextYear}-01-01`);
    await typeNthDate(dialog, '结束日期', 0, `${nextYear}-01-03`);
    await dialog.getByRole('button', { name: '添加一段假期' }).click();
    await dialog.getByLabel('节日').nth(1).fill('春节');
    await typeNthDate(dialog, '开始日期', 1, `${nextYear}-02-06`);
    await typeNthDate(dialog, '结束日期', 1, `${nextYear}-02-12`);
    await dialog.getByRole('button', { name: '添加调休上班日' }).click();
    // A Monday is no 调休 day: the core says so under the row.
    await typeNthDate(dialog, '上班日期', 0, `${nextYear}-01-04`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText('调休上班日应为周六或周日').isVisible()).toBe(true);
    await screenshot(admin, 'settings-calendar-year', { fullPage: false });
    await typeNthDate(dialog, '上班日期', 0, `${nextYear}-02-20`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.getByText(new RegExp(`已保存 ${nextYear} 年节假日，重新计算了 1 个在办期限`)).isVisible()).toBe(true);
    await expect.poll(() => missing.count()).toBe(0);
    expect(await admin.getByRole('row', { name: new RegExp(`^${nextYear}`) }).textContent()).toContain('元旦 1月1日–1月3日；春节 2月6日–2月12日');
    await screenshot(admin, 'settings-calendar');

    await openCase(admin, host, caseId);
    const known = shippedCalendar(ENTERED);
    const due = known.addCalendarDays(today, 60);
    expect(due.provisional).toBe(false);
    expect(await admin.getByTestId('deadline-mediation').textContent()).toBe(
      `调解期限 ${formatDateCn(due.date)} · 还剩 ${daysBetween(today, due.date)} 日`,
    );
    await admin.getByRole('tab', { name: '时间线' }).click();
    await expect.poll(() => admin.getByText(`录入 ${nextYear} 年节假日后重算`).isVisible()).toBe(true);
  });
});

describe('时限规则', () => {
  it('adds a rule set from its effective date, refusing a date another set already starts on', async () => {
    await openSettings('时限规则');
    await admin.getByRole('button', { name: '新增规则集' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('规则集名称').fill('省消费者权益保护条例');
    await typeNthDate(dialog, '施行日期', 0, '2026-04-15');
    await dialog.getByLabel('受理期限天数').fill('5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByText(/已从该日起施行，请换一个日期/).isVisible()).toBe(true);
    await screenshot(admin, 'settings-rule-set', { fullPage: false });
    await typeNthDate(dialog, '施行日期', 0, `${nextYear}-01-01`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = admin.getByRole('row', { name: /省消费者权益保护条例/ });
    await expect.poll(() => row.textContent()).toContain(`${nextYear}年1月1日`);
    expect(await row.textContent()).toContain('受理期限 5 个工作日');
    await screenshot(admin, 'settings-rule-sets');
  });
});

describe('锁屏', () => {
  it('locks after the configured idle minutes and asks for the user’s own password, keeping what was typed', async () => {
    await openSettings('办公设置');
    await admin.getByLabel('无操作自动锁屏（分钟）').fill('1');
    await admin.getByRole('button', { name: '保存办案' }).click();
    await expect.poll(() => admin.getByText(/已保存/).isVisible()).toBe(true);

    await admin.getByRole('link', { name: '登记投诉' }).click();
    await admin.getByLabel('投诉人姓名').fill('孙某');
    await admin.clock.fastForward('01:05');
    const lock = admin.getByRole('dialog', { name: '屏幕已锁定' });
    await expect.poll(() => lock.isVisible()).toBe(true);
    // The navigation keys do nothing behind the lock.
    await admin.keyboard.press('Alt+1');
    await lock.getByLabel('登录密码').fill('not-my-password');
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => lock.getByText('密码不正确').isVisible()).toBe(true);
    await screenshot(admin, 'settings-idle-lock', { fullPage: false });
    await lock.getByLabel('登录密码').fill(ADMIN.password);
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => lock.count()).toBe(0);
    expect(await admin.getByLabel('投诉人姓名').inputValue()).toBe('孙某');
    expect(admin.url()).toMatch(/#\/register$/);
    expect(await admin.getByRole('dialog').count()).toBe(0);

    // 0 means never.
    // What was typed is in the admin's 草稿 by now, so leaving the form asks nothing.
    await admin.getByRole('link', { name: '设置' }).click();
    await admin.getByRole('tab', { name: '办公设置' }).click();
    await admin.getByLabel('无操作自动锁屏（分钟）').fill('0');
    await admin.getByRole('button', { name: '保存办案' }).click();
    await expect.poll(() => admin.getByText(/已保存/).isVisible()).toBe(true);
    await admin.clock.fastForward('30:00');
    expect(await lock.count()).toBe(0);
  });
});

describe('用户', () => {
  it('disables a clerk who left, who then cannot sign in; their cases stay', async () => {
    await openSettings('用户');
    await admin.getByRole('button', { name: `停用 ${STAFF.clerk.displayName}` }).click();
    const dialog = admin.getByRole('dialog');
    await screenshot(admin, 'settings-disable-user', { fullPage: false });
    await dialog.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(STAFF.clerk.displayName) }).textContent()).toContain('已停用');
    expect(await loginStatus(host, STAFF.clerk.username, STAFF.clerk.password)).toBe(401);
    const c = await apiCall<{ registeredBy: { displayName: string } }>(host, 'cases.get', { id: caseId }, office.adminToken);
    expect(c.registeredBy.displayName).toBe(STAFF.clerk.displayName);
    await admin.getByRole('button', { name: `启用 ${STAFF.clerk.displayName}` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '启用' }).click();
    await expect.poll(() => loginStatus(host, STAFF.clerk.username, STAFF.clerk.password)).toBe(200);
    await screenshot(admin, 'settings-users');
  });
});
