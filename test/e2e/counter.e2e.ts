import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/domain/calendar';
import { formatDateCn } from '../../renderer/src/format';
import { shippedCalendar } from '../support/shippedCalendar';
import { E2E_NOW, launchBrowser, officeDate, screenshot, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, openCase, registerCase, setUpOffice, statusOf, takeStep, typeDate, type Office } from './office';

/**
 * The counter's steps besides accepting and refusing, in Chromium: 限期补正 with the acceptance clock
 * waiting, 材料已补齐, 分流转办 with its report-back date and the answer recorded, and 作废 — each
 * dialog seen and taken, its clock read off the case header.
 */
const calendar = shippedCalendar();
const today = officeDate(E2E_NOW);

let host: RunningHost;
let browser: Browser;
let office: Office;
let clerk: Page;
let supervisor: Page;

const shot = (page: Page, name: string) => screenshot(page, `workflow-${name}`, { fullPage: false });
const chip = (page: Page, kind: string) => page.getByTestId(`deadline-${kind}`).textContent();

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
  [clerk, supervisor] = await Promise.all([deskOf(browser, host, 'clerk'), deskOf(browser, host, 'supervisor')]);
});
afterAll(() => tearDown(host, browser));

describe('the other steps at the counter: materials, a referral, a void', () => {
  const register = (name: string) =>
    registerCase(
      host,
      office.tokens.clerk,
      complaintOf(name, { channel: 'phone', respondent: { name: '杭州某某物业有限公司' }, category: 'S02', subject: '物业服务', facts: '小区电梯长期故障', request: '尽快维修', consentMediation: false }),
    );

  let referred: number;

  it('asks for materials with a deadline while the acceptance clock waits, then runs it again', async () => {
    referred = await register('冯某');
    await openCase(clerk, host, referred);
    const materialsDue = calendar.addWorkingDays(today, 5).date;
    await takeStep(clerk, '限期补正', async (d) => {
      await d.getByLabel('需补正的材料').fill('身份证复印件\n物业费缴费凭证');
      await typeDate(d, '补正期限', materialsDue);
      await shot(clerk, '21-request-materials');
    });
    // A date set by hand counts in calendar days; the chip offers the step that answers it.
    await expect.poll(() => chip(clerk, 'materials')).toBe(`补正期限 ${formatDateCn(materialsDue)} · 还剩 ${daysBetween(today, materialsDue)} 日 · 材料已补齐`);
    expect(await chip(clerk, 'acceptance')).toMatch(/暂停中/);
    expect(await clerk.getByText(`等待投诉人补正材料，期限 ${formatDateCn(materialsDue)}`).isVisible()).toBe(true);
    await takeStep(clerk, '材料已补齐', async (d) => {
      expect(await d.getByText('补正材料：身份证复印件、物业费缴费凭证').isVisible()).toBe(true);
      await shot(clerk, '22-materials-received');
    });
    await expect.poll(() => chip(clerk, 'acceptance')).toMatch(/还剩 \d+ 个工作日/);
    expect(await clerk.getByTestId('deadline-materials').count()).toBe(0);
  });

  it('refers a case out with its report-back date, records the answer, and archives it', async () => {
    await takeStep(clerk, '分流转办', async (d) => {
      await d.getByLabel('转办单位').fill('杭州市住房保障和房产管理局');
      await d.getByLabel('转办理由').fill('物业服务监管属房管部门职责');
      await shot(clerk, '23-refer');
    });
    await expect.poll(() => statusOf(clerk)).toBe('已转办');
    expect(await chip(clerk, 'referralReport')).toBe(`转办回复期限 ${formatDateCn(calendar.addWorkingDays(today, 15).date)} · 还剩 15 个工作日 · 记录转办答复`);
    await takeStep(clerk, '记录转办答复', async (d) => {
      await d.getByLabel('承办单位答复').fill('已责令物业公司一周内修复电梯');
      await shot(clerk, '24-referral-reply');
    });
    // Closing a referred case is the handler's step: the supervisor archives it.
    await openCase(supervisor, host, referred);
    await takeStep(supervisor, '结案归档');
    await expect.poll(() => statusOf(supervisor)).toBe('已结案');
  });

  it('voids a case with a reason, keeping it and its record', async () => {
    await openCase(supervisor, host, await register('褚某'));
    await takeStep(supervisor, '作废', async (d) => {
      await d.getByLabel('作废理由').fill('重复登记，与前一件为同一投诉');
      await shot(supervisor, '25-void');
    });
    await expect.poll(() => statusOf(supervisor)).toBe('已作废');
    expect(await supervisor.getByText('已作废：重复登记，与前一件为同一投诉（孙主任）').isVisible()).toBe(true);
  });
});
