import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiCall, newPage, screenshot, type RunningHost } from './host';

/**
 * The office of the workflow tests: an administrator set up through the headless API, and the
 * three people of a case — the clerk at the counter, the investigator who handles it, the
 * supervisor who approves — each at their own browser (own context, own session).
 */
export const ADMIN = { username: 'admin', displayName: '王管理', password: 'admin-pass-1', role: 'admin' } as const;
export const STAFF = {
  clerk: { username: 'clerk', displayName: '陈登记', password: 'clerk-pass-1', role: 'clerk' },
  investigator: { username: 'investigator', displayName: '赵调查', password: 'investigator-pass-1', role: 'investigator' },
  supervisor: { username: 'supervisor', displayName: '孙主任', password: 'supervisor-pass-1', role: 'supervisor' },
} as const;
export type Person = keyof typeof STAFF;

export interface Office {
  adminToken: string;
  tokens: Record<Person, string>;
  ids: Record<Person, number>;
}

export async function setUpOffice(host: RunningHost): Promise<Office> {
  await apiCall(host, 'setup.init', { officeName: '杭州市消费者协会', admin: ADMIN });
  const login = (u: { username: string; password: string }) => apiCall<{ token: string; user: { id: number } }>(host, 'session.login', u);
  const adminToken = (await login(ADMIN)).token;
  const tokens = {} as Record<Person, string>;
  const ids = {} as Record<Person, number>;
  for (const [key, person] of Object.entries(STAFF) as [Person, (typeof STAFF)[Person]][]) {
    await apiCall(host, 'users.create', person, adminToken);
    const { token, user } = await login(person);
    tokens[key] = token;
    ids[key] = user.id;
  }
  return { adminToken, tokens, ids };
}

/** Tokens again after the host's clock moved past the sessions' idle limit. */
export async function signInAgain(host: RunningHost, office: Office): Promise<void> {
  for (const [key, person] of Object.entries(STAFF) as [Person, (typeof STAFF)[Person]][]) {
    office.tokens[key] = (await apiCall<{ token: string }>(host, 'session.login', person)).token;
  }
  office.adminToken = (await apiCall<{ token: string }>(host, 'session.login', ADMIN)).token;
}

/** Signs in on the login screen (first visit, or after the session lapsed) and waits for the shell. */
export async function signIn(page: Page, who: { username: string; password: string; displayName: string }): Promise<void> {
  // Playwright's own waits: this also runs in beforeAll, where expect.poll may not.
  await page.getByRole('button', { name: '登录' }).waitFor();
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('current-user').filter({ hasText: who.displayName }).waitFor();
}

/** A browser context of its own for one person, signed in at `path` of the app. */
export async function deskOf(browser: Browser, host: RunningHost, who: Person | typeof ADMIN, now?: string): Promise<Page> {
  const page = await newPage(browser, now ? { now } : {});
  await page.goto(host.url);
  await signIn(page, typeof who === 'string' ? STAFF[who] : who);
  return page;
}

/** A complaint as a script would register it; `over` changes any field. */
export const complaintOf = (name: string, over: Record<string, unknown> = {}) => ({
  channel: 'visit',
  complainant: { name, phone: '13800001111' },
  respondent: { name: '杭州某某商贸有限公司' },
  category: 'G06',
  subject: '保温杯',
  facts: '保温杯不保温',
  request: '退货',
  consentMediation: true,
  ...over,
});

/** Registers through the headless API; the case's id. */
export async function registerCase(host: RunningHost, token: string, input: unknown): Promise<number> {
  return (await apiCall<{ id: number }>(host, 'cases.register', input, token)).id;
}

export async function caseIdOf(host: RunningHost, token: string, caseNo: string): Promise<number> {
  const { rows } = await apiCall<{ rows: { id: number; caseNo: string }[] }>(host, 'cases.search', { text: caseNo }, token);
  const row = rows.find((r) => r.caseNo === caseNo);
  if (!row) throw new Error(`no case ${caseNo}`);
  return row.id;
}

/** Opens a case afresh (a page already showing it is read again, as a colleague arriving at it would). */
export async function openCase(page: Page, host: RunningHost, id: number): Promise<void> {
  await page.goto(`${host.url}/#/cases/${id}`);
  await page.reload();
  await expect.poll(() => page.getByTestId('case-no').isVisible()).toBe(true);
}

export const statusOf = (page: Page) => page.getByTestId('case-status').textContent();

/** Opens a step's dialog from the case header's 下一步 buttons. */
export async function openStep(page: Page, label: string): Promise<Locator> {
  await page.getByRole('toolbar', { name: '下一步' }).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: new RegExp(`^${label}`) }) });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

/** Confirms a step's dialog and waits until the case has been read again with the step taken. */
export async function confirmStep(page: Page, dialog: Locator, label: string): Promise<void> {
  await dialog.getByRole('button', { name: label, exact: true }).click();
  try {
    await expect.poll(() => dialog.count(), { message: `${label} dialog closes` }).toBe(0);
  } catch (e) {
    // What the dialog says instead (a field error, a refusal) is the first thing to look at.
    await screenshot(page, `failed-${label}`);
    throw e;
  }
  // A proposal is proposed, not done: it takes effect once a 负责人 approves it.
  await expect.poll(() => page.getByText(new RegExp(`^(已完成“${label}”|已提出“${label}”，待负责人审批)$`)).isVisible()).toBe(true);
}

/** Opens a step, fills it, confirms it. */
export async function takeStep(page: Page, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}): Promise<void> {
  const dialog = await openStep(page, label);
  await fill(dialog);
  await confirmStep(page, dialog, label);
}

/** MUI selects and autocompletes open a listbox of options; pick one by its text. */
export async function choose(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** "2026-12-09" + "14:00" → the digits typed into a picker's sections (年/月/日 时:分). */
export async function typeDate(scope: Locator, label: string, day: string, time = ''): Promise<void> {
  await scope.getByRole('group', { name: label }).getByRole('spinbutton', { name: '年份' }).click();
  await scope.page().keyboard.type(`${day}${time}`.replace(/\D/g, ''));
}
