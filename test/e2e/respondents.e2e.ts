import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, complaintOf, deskOf, registerCase, setUpOffice, type Office } from './office';

/**
 * 被投诉方 in Chromium (issue [B] "Respondents as a register of their own"): an administrator opens
 * the list, finds two rows of one business (the name typed two ways at the counter), merges one into
 * the other through 合并到… with a reason and a confirmation that says how many cases move, and
 * lands on the row that stays with every case under it.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let admin: Page;

const RIGHT = '杭州某某电器有限公司';
const TYPO = '杭州某某电器有限责任公司';

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  const t = office.tokens.clerk;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    await registerCase(host, t, complaintOf(name, { complainant: { name, phone: `1380000110${i}` }, respondent: { name: RIGHT, creditCode: '91350100M000100Y43' } }));
  }
  await registerCase(host, t, complaintOf('赵六', { complainant: { name: '赵六', phone: '13800001200' }, respondent: { name: TYPO } }));
  await registerCase(host, t, complaintOf('钱七', { complainant: { name: '钱七', phone: '13800001201' }, respondent: { name: TYPO } }));
  await registerCase(host, t, complaintOf('孙八', { complainant: { name: '孙八', phone: '13800001202' }, respondent: { name: '西湖某某餐饮店' } }));
  browser = await launchBrowser();
  admin = await deskOf(browser, host, ADMIN);
  await admin.setViewportSize({ width: 1366, height: 768 });
});
afterAll(() => tearDown(host, browser));

const api = <T>(op: string, body: unknown) => apiCall<T>(host, op, body, office.adminToken);
const grid = (page: Page, label: string) => page.getByRole('grid', { name: label });

describe('two rows of one business, merged by an administrator', () => {
  let typoId: number;
  let rightId: number;

  it('finds both rows in 被投诉方 with their counts', async () => {
    await admin.getByRole('link', { name: '被投诉方' }).first().click();
    await expect.poll(() => admin.getByRole('heading', { name: '被投诉方', exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => admin.getByTestId('respondent-count').textContent()).toBe('3');
    // The busiest first.
    const rows = grid(admin, '被投诉方列表').getByRole('row');
    await expect.poll(() => rows.nth(1).textContent()).toContain(RIGHT);
    await admin.keyboard.type('某某电器');
    await expect.poll(() => admin.getByTestId('respondent-count').textContent()).toBe('2');
    const list = await api<{ rows: { id: number; name: string; cases: number }[] }>('respondents.list', { text: '某某电器' });
    expect(list.rows.map((r) => [r.name, r.cases])).toEqual([
      [RIGHT, 3],
      [TYPO, 2],
    ]);
    rightId = list.rows[0]!.id;
    typoId = list.rows[1]!.id;
    await expect.poll(() => rows.nth(2).textContent()).toContain(TYPO);
    await screenshot(admin, 'respondents-01-list', { fullPage: false });
  });

  it('opens the duplicate from the list by keyboard and merges it into the other through 合并到…', async () => {
    // ↓ into the rows, ↓ to the second, Enter opens it.
    await admin.getByLabel('搜索被投诉方').press('ArrowDown');
    await admin.keyboard.press('ArrowDown');
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.getByTestId('respondent-name').textContent()).toBe(TYPO);
    expect(await admin.getByTestId('respondent-cases').textContent()).toBe('2');
    await expect.poll(() => grid(admin, '该被投诉方的案件').getByRole('row').count()).toBe(3);

    await admin.getByRole('button', { name: '合并到…' }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Nothing picked: the dialog says what is missing and goes nowhere.
    await admin.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.getByText('请搜索并选择要保留的被投诉方').isVisible()).toBe(true);
    const target = dialog.getByLabel(/保留的被投诉方/);
    await target.focus();
    await admin.keyboard.type('有限公司');
    await expect.poll(() => admin.getByRole('option').first().textContent()).toContain(RIGHT);
    await admin.keyboard.press('ArrowDown');
    await admin.keyboard.press('Enter');
    expect(await target.inputValue()).toBe(RIGHT);
    await dialog.getByLabel(/合并原因/).fill('同一经营者，登记时名称写法不同');
    await screenshot(admin, 'respondents-02-merge-pick', { fullPage: false });
    await admin.keyboard.press('Control+Enter');

    const confirm = admin.getByRole('dialog').filter({ hasText: '确认合并' });
    await expect.poll(() => confirm.getByTestId('merge-summary').textContent()).toContain('2 件案件');
    expect(await confirm.getByTestId('merge-summary').textContent()).toContain(RIGHT);
    await screenshot(admin, 'respondents-03-merge-confirm', { fullPage: false });
    // The confirm button has the focus: Enter merges.
    await admin.keyboard.press('Enter');

    await expect.poll(() => admin.getByTestId('respondent-name').textContent()).toBe(RIGHT);
    expect(admin.url()).toContain(`#/respondents/${rightId}`);
    await expect.poll(() => admin.getByTestId('respondent-cases').textContent()).toBe('5');
    expect(await admin.getByTestId('merged-rows').textContent()).toContain(TYPO);
    await expect.poll(() => grid(admin, '该被投诉方的案件').getByRole('row').count()).toBe(6);
    await screenshot(admin, 'respondents-04-after-merge', { fullPage: false });
  });

  it('the cases are under one row everywhere: list, search, timeline; the merged row says where it went', async () => {
    const list = await api<{ rows: { name: string; cases: number }[] }>('respondents.list', { text: '某某电器' });
    expect(list.rows.map((r) => [r.name, r.cases])).toEqual([[RIGHT, 5]]);
    expect((await api<{ rows: unknown[] }>('cases.search', { text: '有限责任公司' })).rows).toEqual([]);
    const { rows } = await api<{ rows: { id: number; complainantName: string }[] }>('cases.search', { text: '赵六' });
    await admin.goto(`${host.url}/#/cases/${rows[0]!.id}`);
    await admin.getByRole('tab', { name: '时间线' }).click();
    await expect.poll(() => admin.getByText(`被投诉方合并：${TYPO} → ${RIGHT}`).isVisible()).toBe(true);
    await admin.goto(`${host.url}/#/respondents/${typoId}`);
    await expect.poll(() => admin.getByText(/本记录已于.*合并到/).isVisible()).toBe(true);
    expect(await admin.getByRole('button', { name: '合并到…' }).count()).toBe(0);
  });
});
