import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, E2E_NOW, launchBrowser, officeDate, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, complaintOf, deskOf, registerCase, setUpOffice, type Office } from './office';

/**
 * 设置 › 办公设置 (issue [B] "Office settings in one place"), by the administrator at a 1366×768
 * screen and by keyboard: the repeat window and the case-number prefix changed on the screen, a bad
 * prefix refused beside its field with nothing saved, the next case numbered with the new prefix and
 * the earlier one keeping its own, and the time zone's warning while deadlines are open.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let admin: Page;
let firstId: number;
const year = officeDate(E2E_NOW).slice(0, 4);

interface SettingsView {
  intake: { repeatWindowDays: number };
  numbering: { caseNoPrefix: string };
  office: { timeZone: string };
  nextCaseNo: string;
}
const settings = () => apiCall<SettingsView>(host, 'officeSettings.get', {}, office.adminToken);

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  firstId = await registerCase(host, office.tokens.clerk, complaintOf('钱某', { respondent: { name: '杭州某某家具有限公司' }, subject: '实木衣柜', facts: '衣柜开裂', request: '更换' }));
  browser = await launchBrowser();
  admin = await deskOf(browser, host, ADMIN);
  await admin.setViewportSize({ width: 1366, height: 768 });
});
afterAll(() => tearDown(host, browser));

/** Puts the focus in a field by its label, replaces what it holds by typing, and presses Enter to save its section. */
async function typeAndEnter(label: string, text: string): Promise<void> {
  await admin.getByLabel(label, { exact: true }).focus();
  await admin.keyboard.press('Control+A');
  await admin.keyboard.type(text);
  await admin.keyboard.press('Enter');
}

describe('办公设置', () => {
  it('changes the repeat window and the case-number prefix on the screen, by keyboard', async () => {
    await admin.getByRole('link', { name: '设置' }).click();
    await admin.getByRole('tab', { name: '办公设置' }).click();
    const intake = admin.getByRole('region', { name: '登记' });
    await expect.poll(() => admin.getByLabel('重复投诉判断期限', { exact: true }).inputValue()).toBe('90');
    expect(await admin.getByLabel('案件编号前缀', { exact: true }).inputValue()).toBe('TS');
    await screenshot(admin, 'office-settings-01-screen', { fullPage: false });
    await screenshot(admin, 'office-settings-01-screen-whole');

    // Out of range: refused beside the field, nothing saved.
    await typeAndEnter('重复投诉判断期限', '400');
    await expect.poll(() => intake.getByText('重复投诉的判断期限不能超过365天').isVisible()).toBe(true);
    expect((await settings()).intake.repeatWindowDays).toBe(90);

    await typeAndEnter('重复投诉判断期限', '30');
    await expect.poll(() => intake.getByText(/已保存。登记时提示 30 天内/).isVisible()).toBe(true);
    expect((await settings()).intake.repeatWindowDays).toBe(30);
    await screenshot(admin, 'office-settings-02-repeat-window', { fullPage: false });

    // A prefix that would break the number: refused by the shared rule before anything is sent.
    const numbering = admin.getByRole('region', { name: '编号' });
    await typeAndEnter('案件编号前缀', 'X-1');
    await expect.poll(() => numbering.getByText(/只能用大写英文字母或汉字/).isVisible()).toBe(true);
    expect((await settings()).numbering.caseNoPrefix).toBe('TS');
    await numbering.scrollIntoViewIfNeeded();
    await screenshot(admin, 'office-settings-03-prefix-refused', { fullPage: false });

    // Typed in small letters, shown and saved in capitals.
    await typeAndEnter('案件编号前缀', 'xh');
    const next = `XH${year}-00002`;
    await expect.poll(() => numbering.getByText(`已保存。下一件案件的编号为 ${next}；已登记的案件编号不变。`).isVisible()).toBe(true);
    expect(await admin.getByLabel('案件编号前缀', { exact: true }).inputValue()).toBe('XH');
    expect(await settings()).toMatchObject({ numbering: { caseNoPrefix: 'XH' }, nextCaseNo: next });
    await screenshot(admin, 'office-settings-04-prefix-saved', { fullPage: false });
  });

  it('numbers the next case with the new prefix and leaves the earlier one as it was; repeats look back 30 days', async () => {
    const id = await registerCase(host, office.tokens.clerk, complaintOf('孙某', { respondent: { name: '杭州某某家具有限公司' }, subject: '餐桌', facts: '桌腿断裂', request: '退货' }));
    expect((await apiCall<{ caseNo: string }>(host, 'cases.get', { id }, office.tokens.clerk)).caseNo).toBe(`XH${year}-00002`);
    expect((await apiCall<{ caseNo: string }>(host, 'cases.get', { id: firstId }, office.tokens.clerk)).caseNo).toBe(caseNoOf(1));
    const repeats = await apiCall<{ windowDays: number }>(host, 'cases.repeats', { complainant: { phone: '13900000000' }, respondent: { name: '杭州某某家具有限公司' } }, office.tokens.clerk);
    expect(repeats.windowDays).toBe(30);

    // What the screen shows after a reload is what the core holds.
    await admin.reload();
    await expect.poll(() => admin.getByLabel('重复投诉判断期限', { exact: true }).inputValue()).toBe('30');
    expect(await admin.getByLabel('案件编号前缀', { exact: true }).inputValue()).toBe('XH');
    await expect.poll(() => admin.getByText(`下一件案件：XH${year}-00003`).isVisible()).toBe(true);
  });

  it('warns before the time zone changes while deadlines are open, and saves only when confirmed', async () => {
    const section = admin.getByRole('region', { name: '本单位' });
    await section.getByRole('combobox', { name: '时区' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('option', { name: /乌鲁木齐/ }).waitFor();
    await admin.keyboard.press('ArrowDown');
    await admin.keyboard.press('Enter');
    await expect.poll(() => section.getByText(/还有 2 个未到期的期限/).isVisible()).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await screenshot(admin, 'office-settings-05-time-zone-warning', { fullPage: false });

    await section.getByRole('button', { name: '保存本单位' }).click();
    await expect.poll(() => section.getByRole('alert').filter({ hasText: /请确认后再保存/ }).isVisible()).toBe(true);
    expect((await settings()).office.timeZone).toBe('Asia/Shanghai');

    await section.getByRole('checkbox', { name: '我已知晓，仍要修改时区' }).check();
    await section.getByRole('button', { name: '保存本单位' }).click();
    await expect.poll(() => section.getByText(/^已保存/).isVisible()).toBe(true);
    expect((await settings()).office.timeZone).toBe('Asia/Urumqi');
    await apiCall(host, 'officeSettings.saveSection', { section: 'office', values: { timeZone: 'Asia/Shanghai' }, confirmOpenDeadlines: true }, office.adminToken);
  });
});
