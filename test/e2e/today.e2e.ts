import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar';
import { formatDateCn } from '../../renderer/src/format';
import { shippedCalendar } from '../support/shippedCalendar';
import { apiCall, E2E_NOW, launchBrowser, officeDate, screenshot, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, registerCase, setUpOffice, signIn, signInAgain, STAFF, type Office, type Person } from './office';

/**
 * 今日 for each of the three people, against counts worked out here from the holiday calendar:
 * overdue, due today and due within 3 working days after today, for every kind of deadline (or
 * one chosen), for the office and for the investigator's own cases; what waits for the
 * supervisor's approval; and the cases registered today — entered today, whatever day they were
 * received. Some cases are registered on an earlier day (the host started three days before, then
 * restarted on the same data at the day of the test).
 */
const calendar = shippedCalendar();
const ACCEPTANCE = 7; // 工作日, rule set order121 (resources/rules/rule-sets.json)
const BUSINESS_REPLY = 3; // 工作日, the same set
const EARLIER = new Date(Date.parse(E2E_NOW) - 3 * 86_400_000).toISOString();
const earlier = officeDate(EARLIER);
const today = officeDate(E2E_NOW);
const soonLimit = calendar.addWorkingDays(today, 3).date;
const acceptanceDue = (receivedOn: string) => calendar.addWorkingDays(receivedOn, ACCEPTANCE).date;
/** The latest day before `before` whose acceptance deadline passes the test. */
const receivedFor = (before: string, test: (due: string) => boolean) => {
  const day = Array.from({ length: 30 }, (_, k) => addDays(before, -(k + 1))).find((d) => test(acceptanceDue(d)));
  if (!day) throw new Error('no receipt day fits');
  return day;
};

/** What the test expects of each case: when it was registered, who handles it, its running clocks. */
interface Expected {
  name: string;
  registeredOn: string;
  handler: Person | null;
  running: { kind: string; dueOn: string }[];
}
const cases: Expected[] = [];

let host: RunningHost;
let browser: Browser;
let office: Office;


async function register(by: Person, name: string, receivedOn: string, registeredOn: string): Promise<number> {
  const id = await registerCase(host, office.tokens[by], complaintOf(name, { channel: 'letter', receivedAt: `${receivedOn}T09:00:00+08:00` }));
  cases.push({ name, registeredOn, handler: null, running: [{ kind: 'acceptance', dueOn: acceptanceDue(receivedOn) }] });
  return id;
}
const expected = (name: string) => cases.find((c) => c.name === name)!;

async function act(by: Person, id: number, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id }, office.tokens[by]);
  await apiCall(host, 'cases.act', { id, version, action, ...fields }, office.tokens[by]);
}

/** Accepted, assigned to the investigator, investigated, and passed to the business for a reply. */
async function transferred(name: string, replyDueOn?: string): Promise<void> {
  const id = await register('clerk', name, today, today);
  await act('clerk', id, 'accept');
  await act('supervisor', id, 'assign', { userId: office.ids.investigator });
  await act('investigator', id, 'startInvestigation');
  await act('investigator', id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家处理', transfer: true, ...(replyDueOn ? { replyDueOn } : {}) });
  Object.assign(expected(name), {
    handler: 'investigator',
    running: [
      { kind: 'mediation', dueOn: calendar.addCalendarDays(today, 60).date },
      { kind: 'businessReply', dueOn: replyDueOn ?? calendar.addWorkingDays(today, BUSINESS_REPLY).date },
    ],
  });
}

beforeAll(async () => {
  // Three days before: letters registered then, one with its materials due that day.
  host = await startHost(undefined, { now: EARLIER });
  office = await setUpOffice(host);
  await register('clerk', '逾期甲', addDays(earlier, -18), earlier);
  await register('clerk', '将到期乙', receivedFor(earlier, (due) => due > today && due <= soonLimit), earlier);
  const materials = await register('clerk', '补正丙', addDays(earlier, -1), earlier);
  await act('clerk', materials, 'requestMaterials', { items: ['购物凭证'], dueOn: earlier });
  // The acceptance clock waits for the materials: it is paused, not running.
  expected('补正丙').running = [{ kind: 'materials', dueOn: earlier }];

  // The day of the test, on the same data.
  await host.stop();
  host = await startHost(host.dataDir, { now: E2E_NOW });
  await signInAgain(host, office);
  await register('clerk', '今日丁', today, today);
  await register('clerk', '到期戊', receivedFor(today, (due) => due === today), today);
  await transferred('转交己', today);
  await transferred('转交庚');
  await act('clerk', await register('clerk', '拒绝辛', today, today), 'refuse', { grounds: ['A1'], reason: '经营者之间的争议' });
  // The supervisor's own proposal waits for another approver, not for them.
  await act('supervisor', await register('supervisor', '拒绝壬', today, today), 'refuse', { grounds: ['A1'], reason: '经营者之间的争议' });

  // The queues beyond the deadlines: a refusal sent back to the counter, a case accepted and not
  // yet assigned, a referral answered and ready to close, an outcome sent back to its handler.
  const sentBackRefusal = await register('clerk', '退回癸', today, today);
  await act('clerk', sentBackRefusal, 'refuse', { grounds: ['A1'], reason: '经营者之间的争议' });
  await act('supervisor', sentBackRefusal, 'sendBack', { comment: '系生活消费，应予受理' });
  const unassigned = await register('clerk', '待指派子', today, today);
  await act('clerk', unassigned, 'accept');
  expected('待指派子').running = [{ kind: 'mediation', dueOn: calendar.addCalendarDays(today, 60).date }];
  const replied = await register('clerk', '转办丑', today, today);
  await act('clerk', replied, 'refer', { to: '区市场监管局', reason: '属行政处理' });
  await act('clerk', replied, 'recordReferralReply', { summary: '已立案调查' });
  expected('转办丑').running = [];
  const sentBackOutcome = await register('clerk', '退回寅', today, today);
  await act('clerk', sentBackOutcome, 'accept');
  await act('supervisor', sentBackOutcome, 'assign', { userId: office.ids.investigator });
  await act('investigator', sentBackOutcome, 'startInvestigation');
  await act('investigator', sentBackOutcome, 'proposeOutcome', { measures: ['refund'], recoveredFen: 10000, summary: '退款' });
  await act('supervisor', sentBackOutcome, 'sendBack', { comment: '请补充退款凭证' });
  Object.assign(expected('退回寅'), { handler: 'investigator', running: [] });
  browser = await launchBrowser();
});
afterAll(() => tearDown(host, browser));

/** Cases with a running clock (of `kind`, or any) in each view, counted here from the calendar. */
function counts(only: (c: Expected) => boolean, kind?: string) {
  const with_ = (test: (due: string) => boolean) =>
    cases.filter((c) => only(c) && c.running.some((d) => (!kind || d.kind === kind) && test(d.dueOn))).length;
  return { overdue: with_((d) => d < today), today: with_((d) => d === today), soon: with_((d) => d > today && d <= soonLimit) };
}
const office_ = () => true;
const mine = (c: Expected) => c.handler === 'investigator';

const count = (page: Page, id: string) => page.getByTestId(id).textContent();
async function expectDue(page: Page, scope: 'office' | 'mine', want: ReturnType<typeof counts>) {
  for (const due of ['overdue', 'today', 'soon'] as const) {
    await expect.poll(() => count(page, `count-${scope}-${due}`), { message: `${scope} ${due}` }).toBe(String(want[due]));
  }
}

/** A queue card's count, then the register it opens: what it lists and what it leaves out. */
async function opensQueue(page: Page, card: string, url: RegExp, shows: string[], leaves: string[]) {
  await page.getByRole('link', { name: new RegExp(`^${card}`) }).click();
  await page.waitForURL(url);
  const grid = page.getByRole('grid');
  for (const name of shows) await expect.poll(() => grid.getByText(name, { exact: true }).isVisible(), { message: `${card} lists ${name}` }).toBe(true);
  for (const name of leaves) expect(await grid.getByText(name, { exact: true }).count(), `${card} leaves out ${name}`).toBe(0);
  expect(await page.getByTestId('queue-filter').textContent()).toBe(card);
  await page.goBack();
}

describe('今日 has a card for every queue a role works, each opening its list', () => {
  it('gives the clerk 待受理, 待补正 and the refusals sent back', async () => {
    const page = await deskOf(browser, host, 'clerk');
    await expect.poll(() => count(page, 'count-mine-toAccept')).toBe('5');
    expect(await count(page, 'count-mine-awaitingMaterials')).toBe('1');
    expect(await count(page, 'count-mine-sentBack')).toBe('1');
    await screenshot(page, 'today-clerk-queues');
    await opensQueue(page, '待受理', /#\/cases\?queue=toAccept$/, ['逾期甲', '将到期乙', '今日丁', '到期戊', '退回癸'], ['补正丙', '拒绝辛', '待指派子']);
    await opensQueue(page, '待补正', /#\/cases\?queue=awaitingMaterials$/, ['补正丙'], ['逾期甲']);
    await opensQueue(page, '被退回', /#\/cases\?queue=sentBack&status=registered$/, ['退回癸'], ['退回寅', '拒绝辛']);
  });

  it('gives the supervisor 待指派 and 转办已答复待结案 beside 待我审批', async () => {
    const page = await deskOf(browser, host, 'supervisor');
    await expect.poll(() => count(page, 'count-mine-unassigned')).toBe('1');
    expect(await count(page, 'count-mine-referralReplied')).toBe('1');
    await screenshot(page, 'today-supervisor-queues');
    await opensQueue(page, '待指派', /#\/cases\?queue=unassigned$/, ['待指派子'], ['转交己', '逾期甲']);
    await opensQueue(page, '转办已答复待结案', /#\/cases\?queue=referralReplied$/, ['转办丑'], ['待指派子']);
  });

  it('gives the handler what was sent back to them', async () => {
    const page = await deskOf(browser, host, 'investigator');
    await expect.poll(() => count(page, 'count-mine-sentBack')).toBe('1');
    await opensQueue(page, '被退回', /#\/cases\?queue=sentBack&mine=1$/, ['退回寅'], ['退回癸', '转交己']);
  });

  it('lands each user on their own 今日 after signing in, never on the page the previous user left', async () => {
    const page = await deskOf(browser, host, 'clerk');
    await page.goto(`${host.url}/#/cases?queue=awaitingMaterials`);
    await expect.poll(() => page.getByRole('grid').getByText('补正丙').isVisible()).toBe(true);
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(page, STAFF.supervisor);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/');
    expect(await page.getByRole('heading', { name: /^今日/ }).isVisible()).toBe(true);
    await expect.poll(() => count(page, 'count-mine-approval')).toBe('1');
    // A reload keeps the page a signed-in user is on.
    await page.goto(`${host.url}/#/cases?queue=unassigned`);
    await page.reload();
    await expect.poll(() => page.getByRole('grid').getByText('待指派子').isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/cases?queue=unassigned');
  });
});

describe('今日 counts what each person has to act on, as the calendar says', () => {
  it('covers every bucket with something, so the counts below can fail', () => {
    const all = counts(office_);
    expect(Math.min(all.overdue, all.today, all.soon)).toBeGreaterThanOrEqual(2);
    expect(counts(mine).today + counts(mine).soon).toBeGreaterThanOrEqual(2);
  });

  it('shows the clerk the office’s deadlines of every kind and the cases registered today', async () => {
    const page = await deskOf(browser, host, 'clerk');
    await expect.poll(() => page.getByTestId('today').textContent()).toBe(formatDateCn(today));
    await expectDue(page, 'office', counts(office_));
    const registeredToday = cases.filter((c) => c.registeredOn === today).length;
    expect(registeredToday).toBeLessThan(cases.length);
    await expect.poll(() => count(page, 'count-office-registered')).toBe(String(registeredToday));
    // A clerk handles no cases and approves nothing.
    expect(await page.getByTestId('count-mine-cases').count()).toBe(0);
    expect(await page.getByTestId('count-mine-approval').count()).toBe(0);
    await screenshot(page, 'today-clerk');

    await page.getByRole('link', { name: /^已逾期/ }).first().click();
    await page.waitForURL(/#\/cases\?due=overdue$/);
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getByText('逾期甲').isVisible()).toBe(true);
    expect(await grid.getByText('补正丙').isVisible()).toBe(true);
    expect(await grid.getByText('到期戊').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '期限', exact: true }).textContent()).toBe('已逾期');
    await screenshot(page, 'today-clerk-overdue-list');

    await page.goBack();
    await page.getByRole('link', { name: /^今日登记/ }).click();
    await page.waitForURL(new RegExp(`#/cases\\?registered=${today}$`));
    await expect.poll(() => page.getByRole('grid').getByText('今日丁').isVisible()).toBe(true);
    expect(await page.getByRole('grid').getByText('逾期甲').count()).toBe(0);
    expect(await page.getByText(`${formatDateCn(today)}登记`).isVisible()).toBe(true);
  });

  it('narrows the deadline counts to one kind of clock', async () => {
    const page = await deskOf(browser, host, 'clerk');
    await page.getByRole('combobox', { name: '期限种类' }).click();
    await page.getByRole('option', { name: '经营者答复期限' }).click();
    await page.waitForURL(/#\/\?kind=businessReply$/);
    await expectDue(page, 'office', counts(office_, 'businessReply'));
    await page.getByRole('link', { name: /^今日到期/ }).first().click();
    await page.waitForURL(/#\/cases\?due=today&kind=businessReply$/);
    await expect.poll(() => page.getByRole('grid').getByText('转交己').isVisible()).toBe(true);
    expect(await page.getByRole('grid').getByText('到期戊').count()).toBe(0);
  });

  it('shows the investigator their own cases and their deadlines beside the office’s', async () => {
    const page = await deskOf(browser, host, 'investigator');
    await expect.poll(() => count(page, 'count-mine-cases')).toBe(String(cases.filter(mine).length));
    await expectDue(page, 'mine', counts(mine));
    await expectDue(page, 'office', counts(office_));
    await screenshot(page, 'today-investigator');
    await page.getByRole('link', { name: /^3个工作日内到期/ }).first().click();
    await page.waitForURL(/#\/cases\?due=soon&mine=1$/);
    await expect.poll(() => page.getByRole('grid').getByText('转交庚').isVisible()).toBe(true);
    expect(await page.getByRole('grid').getByText('将到期乙').count()).toBe(0);
    expect(await page.getByRole('button', { name: '我的案件', pressed: true }).isVisible()).toBe(true);
  });

  it('shows the supervisor what waits for their approval, not their own proposal', async () => {
    const page = await deskOf(browser, host, 'supervisor');
    await expect.poll(() => count(page, 'count-mine-approval')).toBe('1');
    await expectDue(page, 'office', counts(office_));
    await screenshot(page, 'today-supervisor');
    await page.getByRole('link', { name: /^待我审批/ }).click();
    await expect.poll(() => page.getByRole('grid').getByText('拒绝辛').isVisible()).toBe(true);
    expect(await page.getByRole('grid').getByText('拒绝壬').count()).toBe(0);
    await screenshot(page, 'today-supervisor-approvals');
  });
});
