import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../shared/domain/calendar';
import { formatDateCn } from '../../renderer/src/format';
import { shippedCalendar } from '../support/shippedCalendar';
import { caseNoOf, E2E_NOW, launchBrowser, officeDate, screenshot, startHost, tearDown, type RunningHost } from './host';
import {
  caseIdOf,
  choose,
  complaintOf,
  confirmStep,
  deskOf,
  openCase,
  openStep,
  registerCase,
  setUpOffice,
  signIn,
  signInAgain,
  STAFF,
  statusOf,
  takeStep,
  typeDate,
  type Office,
} from './office';

/**
 * A complaint from the counter to the archive in Chromium, by the three people whose job each step
 * is, each at their own browser: registered and accepted by the clerk, assigned by the supervisor,
 * paused for appraisal and — two weeks later (the host restarted at a later instant) — resumed,
 * mediated and proposed by the investigator, sent back once, approved, followed up unsatisfied,
 * reopened, and closed. Beside it, a refusal the supervisor approves, and two people acting at once.
 * The counter's other steps (materials, referral, void) are in counter.e2e.ts.
 */
const calendar = shippedCalendar();
const T0 = E2E_NOW;
const today0 = officeDate(T0);
/** Two weeks on, for the appraisal to come back. */
const T1 = new Date(Date.parse(T0) + 14 * 86_400_000).toISOString();
const today1 = officeDate(T1);
/** Two days later, at 16:00 office time: after the mediation session of 14:00 that day. */
const today2 = addDays(today1, 2);
const T2 = `${today2}T16:00:00+08:00`;

let host: RunningHost;
let browser: Browser;
let office: Office;
let clerk: Page;
let investigator: Page;
let supervisor: Page;
let caseId: number;
let refusalId: number;

/** Dialogs as the window shows them; tabs as whole pages. */
const shot = (page: Page, name: string) => screenshot(page, `workflow-${name}`, { fullPage: /tab$/.test(name) });
const chip = (page: Page, kind: string) => page.getByTestId(`deadline-${kind}`).textContent();
/** The stars are radio buttons: reached by Tab, chosen with Space, as from the keyboard. */
const rate = async (dialog: Locator, mark: string) => {
  await dialog.getByRole('radio', { name: mark }).focus();
  await dialog.page().keyboard.press('Space');
  await expect.poll(() => dialog.getByText(mark.replace('，', ' · ')).isVisible()).toBe(true);
};

/** 退一赔一: 9998 元 recovered, 4999 元 of it punitive. */
const proposeRefundAndPunitive = (summary: string) =>
  takeStep(investigator, '提出处理意见', async (d) => {
    await d.getByRole('checkbox', { name: '退货退款' }).check();
    await d.getByRole('checkbox', { name: '加倍赔偿' }).check();
    await d.getByLabel('挽回经济损失（元）').fill('9998');
    await d.getByLabel('其中加倍赔偿（元）').fill('4999');
    await d.getByLabel('处理意见').fill(summary);
  });

/** The host restarted on the same data at a later instant; everyone signs in again (each lands on 今日). */
async function restartAt(at: string): Promise<void> {
  await host.stop();
  host = await startHost(host.dataDir, { now: at });
  await signInAgain(host, office);
  for (const [page, who] of [
    [clerk, STAFF.clerk],
    [investigator, STAFF.investigator],
    [supervisor, STAFF.supervisor],
  ] as const) {
    await page.clock.setSystemTime(new Date(at));
    await page.goto(host.url);
    await signIn(page, who);
  }
}

beforeAll(async () => {
  host = await startHost(undefined, { now: T0 });
  office = await setUpOffice(host);
  browser = await launchBrowser();
  [clerk, investigator, supervisor] = await Promise.all([deskOf(browser, host, 'clerk'), deskOf(browser, host, 'investigator'), deskOf(browser, host, 'supervisor')]);
});
afterAll(() => tearDown(host, browser));

describe('a refusal, proposed at the counter and approved by the supervisor', () => {
  it('asks for grounds under the field, then goes to the supervisor for approval', async () => {
    refusalId = await registerCase(
      host,
      office.tokens.clerk,
      complaintOf('吴某', { respondent: { name: '杭州甲乙贸易有限公司' }, subject: '批发采购的保温杯', facts: '公司采购保温杯500个用于转售，质量不合格。' }),
    );
    await openCase(clerk, host, refusalId);
    const dialog = await openStep(clerk, '不予受理');
    await dialog.getByRole('button', { name: '不予受理', exact: true }).click();
    await expect.poll(() => dialog.getByText('请至少选择一项不予受理的理由').isVisible()).toBe(true);
    expect(await dialog.getByText('请填写不予受理的具体说明').isVisible()).toBe(true);
    await shot(clerk, '01-refuse-errors');
    await dialog.getByRole('checkbox', { name: /经营者之间的争议/ }).check();
    await dialog.getByLabel('具体说明').fill('投诉人为经营者，采购用于转售，不属于生活消费。');
    await confirmStep(clerk, dialog, '不予受理');
    // Proposed, not done: it takes effect when the 负责人 approves it.
    expect(await clerk.getByText('已提出“不予受理”，待负责人审批').isVisible()).toBe(true);
    await expect.poll(() => statusOf(clerk)).toBe('待审批');
    expect(await clerk.getByText('不予受理待负责人审批（陈登记 提出）').isVisible()).toBe(true);
  });

  it('shows the supervisor the proposal waiting for approval on 今日, and takes the approval', async () => {
    await supervisor.reload();
    await expect.poll(() => supervisor.getByTestId('count-mine-approval').textContent()).toBe('1');
    await supervisor.getByRole('link', { name: /待我审批/ }).click();
    await supervisor.waitForURL(/#\/cases\?approval=1/);
    await supervisor.getByRole('gridcell', { name: '吴某' }).click();
    await expect.poll(() => statusOf(supervisor)).toBe('待审批');
    const dialog = await openStep(supervisor, '批准');
    expect(await dialog.getByText('本会受理规则：经营者之间的争议').isVisible()).toBe(true);
    // Not prefilled: typed into, a prefilled 同意 read "同意同意…".
    expect(await dialog.getByLabel('批示意见').inputValue()).toBe('');
    expect(await dialog.getByLabel('批示意见').getAttribute('placeholder')).toBe('如：同意');
    await dialog.getByLabel('批示意见').fill('同意');
    await shot(supervisor, '02-approve-refusal');
    await confirmStep(supervisor, dialog, '批准');
    await expect.poll(() => statusOf(supervisor)).toBe('不予受理');
    expect(await supervisor.getByText('您在本案当前状态下没有可办理的步骤').isVisible()).toBe(true);
  });
});

describe('a complaint from the counter to the archive', () => {
  it('is registered and accepted at the counter; the mediation clock starts, provisional past the known calendar', async () => {
    await clerk.goto(`${host.url}/#/register`);
    await clerk.getByLabel('投诉人姓名').fill('张三');
    await clerk.getByLabel('联系电话').fill('13812345678');
    await clerk.getByLabel('被投诉方名称').fill('杭州某某电器有限公司');
    await clerk.getByLabel('商品或服务名称').fill('55英寸液晶电视机');
    await clerk.getByLabel('投诉事实').fill('购买后第三天屏幕出现竖线，商家拒绝退货。');
    await clerk.getByLabel('投诉请求').fill('退货并退还货款4999元');
    await clerk.getByLabel('投诉类别').fill('家用电子电器');
    await clerk.getByRole('option', { name: '家用电子电器' }).click();
    await clerk.getByRole('button', { name: '保存登记' }).click();
    const registered = clerk.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => registered.isVisible()).toBe(true);
    expect(await registered.textContent()).toContain(caseNoOf(2));
    await registered.getByRole('button', { name: '打开案件' }).click();
    await expect.poll(() => clerk.getByTestId('case-no').textContent()).toBe(caseNoOf(2));
    caseId = await caseIdOf(host, office.tokens.clerk, caseNoOf(2));

    const acceptanceDue = calendar.addWorkingDays(today0, 7).date;
    // The chip offers the step that answers the clock.
    expect(await chip(clerk, 'acceptance')).toBe(`受理期限 ${formatDateCn(acceptanceDue)} · 还剩 7 个工作日 · 受理`);
    const buttons = await clerk.getByRole('toolbar', { name: '下一步' }).getByRole('button').allTextContents();
    expect(buttons).toEqual(['受理', '不予受理', '限期补正', '分流转办', '记录联系']);

    const dialog = await openStep(clerk, '受理');
    await shot(clerk, '03-accept');
    await confirmStep(clerk, dialog, '受理');
    await expect.poll(() => statusOf(clerk)).toBe('已受理');
    const mediation = calendar.addCalendarDays(today0, 60);
    expect(mediation.provisional).toBe(true);
    // 60 日 is counted, and said, in calendar days.
    await expect.poll(() => chip(clerk, 'mediation')).toBe(`调解期限 ${formatDateCn(mediation.date)} · 还剩 ${daysBetween(today0, mediation.date)} 日（暂定）`);
    expect(await clerk.getByTestId('deadline-acceptance').count()).toBe(0);
    expect(await clerk.getByText(/节假日历未含期限所在年份/).isVisible()).toBe(true);
  });

  it('is assigned by the supervisor to an investigator', async () => {
    await openCase(supervisor, host, caseId);
    const dialog = await openStep(supervisor, '指派承办人');
    await choose(supervisor, dialog, '承办人', '赵调查（在办 0 件）');
    await shot(supervisor, '04-assign');
    await confirmStep(supervisor, dialog, '指派承办人');
    await expect.poll(() => supervisor.getByTestId('case-handler').textContent()).toBe('承办人：赵调查');
  });

  it('is found by the investigator under 我的在办案件, investigated, and paused for appraisal', async () => {
    await investigator.reload();
    await expect.poll(() => investigator.getByTestId('count-mine-cases').textContent()).toBe('1');
    await investigator.getByRole('link', { name: /我的在办案件/ }).click();
    await investigator.waitForURL(/#\/cases\?mine=1/);
    await investigator.getByRole('gridcell', { name: '张三' }).click();
    await expect.poll(() => statusOf(investigator)).toBe('已受理');

    const start = await openStep(investigator, '开始调查');
    await shot(investigator, '05-start-investigation');
    // A step without fields: the confirm button has the focus, so Enter takes it.
    await investigator.keyboard.press('Enter');
    await expect.poll(() => start.count()).toBe(0);
    await expect.poll(() => statusOf(investigator)).toBe('调查中');

    const pause = await openStep(investigator, '暂停计时');
    await pause.getByLabel('暂停说明').fill('送杭州市质检院检测屏幕故障原因');
    await shot(investigator, '06-pause');
    await confirmStep(investigator, pause, '暂停计时');
    await expect.poll(() => chip(investigator, 'mediation')).toMatch(/暂停中，已停 0 天/);
  });

  it('keeps what the investigator typed when the supervisor acted on the case meanwhile (409 CONFLICT)', async () => {
    const mine = await openStep(investigator, '记录联系');
    await mine.getByLabel('联系情况').fill('电话告知商家已送检，商家同意等待检测结果');

    await openCase(supervisor, host, caseId);
    await takeStep(supervisor, '记录联系', async (d) => {
      await d.getByRole('radio', { name: '投诉人' }).check();
      await d.getByLabel('联系情况').fill('投诉人来电询问进度，已告知正在检测');
    });

    await mine.getByRole('button', { name: '记录联系', exact: true }).click();
    await expect.poll(() => mine.getByText(/刚刚被其他人办理过/).isVisible()).toBe(true);
    expect(await mine.getByLabel('联系情况').inputValue()).toBe('电话告知商家已送检，商家同意等待检测结果');
    await shot(investigator, '07-conflict');
    await confirmStep(investigator, mine, '记录联系');
  });

  it('resumes two weeks later, the due date moved by the days the clock stood still', async () => {
    await restartAt(T1);
    await openCase(investigator, host, caseId);
    const pausedDays = 14;
    expect(await chip(investigator, 'mediation')).toMatch(new RegExp(`暂停中，已停 ${pausedDays} 天`));
    const resume = await openStep(investigator, '恢复计时');
    await shot(investigator, '08-resume');
    await confirmStep(investigator, resume, '恢复计时');
    const due = calendar.addCalendarDays(today0, 60 + pausedDays);
    await expect.poll(() => chip(investigator, 'mediation')).toBe(`调解期限 ${formatDateCn(due.date)} · 还剩 ${daysBetween(today1, due.date)} 日（暂定） · 提出处理意见`);
  });

  it('passes the complaint to the business, and records its reply from the deadline chip', async () => {
    await takeStep(investigator, '记录联系', async (d) => {
      await d.getByLabel('联系情况').fill('电话转交商家，要求三个工作日内书面答复');
      await d.getByRole('checkbox', { name: '已将投诉转交经营者，要求其限期答复' }).check();
    });
    const replyDue = calendar.addWorkingDays(today1, 3).date;
    await expect.poll(() => chip(investigator, 'businessReply')).toBe(`经营者答复期限 ${formatDateCn(replyDue)} · 还剩 3 个工作日 · 记录经营者答复`);
    expect(await investigator.getByRole('toolbar', { name: '下一步' }).getByRole('button', { name: '记录经营者答复' }).isVisible()).toBe(true);
    await shot(investigator, '08b-reply-chip');
    await investigator.getByTestId('deadline-businessReply').click();
    const dialog = investigator.getByRole('dialog').filter({ has: investigator.getByRole('heading', { name: /^记录经营者答复/ }) });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('调查清单“经营者答复”一并标为已完成');
    await choose(investigator, dialog, '答复方式', '信函');
    await dialog.getByLabel('经营者答复').fill('商家来函：同意退货退款，待调解确定细节');
    await shot(investigator, '08c-record-reply');
    await confirmStep(investigator, dialog, '记录经营者答复');
    // Met: off the header's open clocks, the item ticked, and nothing of it overdue later.
    await expect.poll(() => investigator.getByTestId('deadline-businessReply').count()).toBe(0);
    await investigator.getByRole('tab', { name: /调查/ }).click();
    await expect.poll(() => investigator.getByTestId('checklist-item').filter({ hasText: '经营者答复' }).textContent()).toContain('已完成');
    await investigator.getByRole('tab', { name: '概况' }).click();
  });

  it('is mediated: consent, a session scheduled and recorded, an agreement', async () => {
    await takeStep(investigator, '开始调解', async (d) => {
      await d.getByRole('checkbox', { name: '投诉人和被投诉方均同意调解' }).check();
      await shot(investigator, '09a-start-mediation');
    });
    await expect.poll(() => statusOf(investigator)).toBe('调解中');
    const sessionDay = today2;
    const schedule = await openStep(investigator, '安排调解');
    await typeDate(schedule, '调解时间', sessionDay, '14:00');
    await schedule.getByLabel('调解地点').fill('本会调解室');
    await schedule.getByLabel('调解员', { exact: true }).fill('李调解');
    await schedule.getByLabel('调解员电话').fill('0571-85551234');
    await shot(investigator, '09-schedule-session');
    await confirmStep(investigator, schedule, '安排调解');

    // Before its time a session cannot be recorded as held.
    const early = await openStep(investigator, '记录调解');
    await early.getByLabel('调解情况').fill('双方到场，商家同意退货退款');
    await early.getByRole('button', { name: '记录调解', exact: true }).click();
    await expect.poll(() => early.getByText(/尚未到时间，不能记录为如期进行/).isVisible()).toBe(true);
    await shot(investigator, '10a-record-session-early');
    await early.getByRole('button', { name: '取消' }).click();

    // The day of the session, after it.
    await restartAt(T2);
    await openCase(investigator, host, caseId);
    await takeStep(investigator, '记录调解', async (d) => {
      await shot(investigator, '10-record-session');
      await d.getByLabel('调解情况').fill('双方到场，商家同意退货退款');
    });
    await takeStep(investigator, '结束调解', async (d) => {
      await d.getByLabel('调解协议内容').fill('被投诉方于三日内退还货款4999元，投诉人退回电视机');
      await shot(investigator, '11-end-mediation');
    });
    await expect.poll(() => statusOf(investigator)).toBe('调查中');
    await investigator.getByRole('tab', { name: '调解' }).click();
    await expect.poll(() => investigator.getByRole('cell', { name: '本会调解室' }).isVisible()).toBe(true);
    expect(await investigator.getByText('被投诉方于三日内退还货款4999元，投诉人退回电视机').isVisible()).toBe(true);
    await shot(investigator, '12-mediation-tab');
  });

  it('proposes an outcome in 元, refused under the wrong fields first', async () => {
    const propose = await openStep(investigator, '提出处理意见');
    await propose.getByLabel('挽回经济损失（元）').fill('4999.123');
    await propose.getByRole('button', { name: '提出处理意见', exact: true }).click();
    await expect.poll(() => propose.getByText('金额最多保留两位小数（精确到分），如 199.50').isVisible()).toBe(true);
    await propose.getByLabel('挽回经济损失（元）').fill('4999');
    await propose.getByRole('button', { name: '提出处理意见', exact: true }).click();
    await expect.poll(() => propose.getByText('请至少选择一项处理结果').isVisible()).toBe(true);
    expect(await propose.getByText('请填写处理意见').isVisible()).toBe(true);
    await shot(investigator, '13-propose-errors');
    await propose.getByRole('checkbox', { name: '退货退款' }).check();
    await propose.getByLabel('处理意见').fill('经调解双方达成协议，商家退货退款。');
    await confirmStep(investigator, propose, '提出处理意见');
    await expect.poll(() => statusOf(investigator)).toBe('待审批');
  });

  it('is sent back by the supervisor with a comment, and proposed again', async () => {
    await openCase(supervisor, host, caseId);
    await supervisor.getByRole('tab', { name: '处理' }).click();
    await expect.poll(() => supervisor.getByText('待审批的意见：处理意见').isVisible()).toBe(true);
    await takeStep(supervisor, '退回', async (d) => {
      await d.getByLabel('退回意见').fill('商家存在欺诈情形，请核实是否适用加倍赔偿');
      await shot(supervisor, '14-send-back');
    });
    await expect.poll(() => statusOf(supervisor)).toBe('调查中');

    // The handler finds it on 今日 under 被退回, with the 负责人's comment on the case.
    await investigator.goto(host.url);
    await expect.poll(() => investigator.getByTestId('count-mine-sentBack').textContent()).toBe('1');
    await shot(investigator, '14a-today-sent-back');
    await investigator.getByRole('link', { name: /^被退回/ }).click();
    await investigator.waitForURL(/#\/cases\?mine=1&queue=sentBack|#\/cases\?queue=sentBack&mine=1/);
    await investigator.getByRole('gridcell', { name: '张三' }).click();
    const banner = investigator.getByTestId('sent-back');
    await expect.poll(() => banner.textContent()).toMatch(/处理意见被负责人退回孙主任 于 .* 退回 赵调查 提出的处理意见：商家存在欺诈情形，请核实是否适用加倍赔偿/);
    await shot(investigator, '14b-sent-back-banner');
    // The dialog opens with what was proposed, not empty.
    await banner.getByRole('button', { name: '重新提出处理意见' }).click();
    const again = investigator.getByRole('dialog').filter({ has: investigator.getByRole('heading', { name: /^提出处理意见/ }) });
    await expect.poll(() => again.isVisible()).toBe(true);
    expect(await again.getByRole('checkbox', { name: '退货退款' }).isChecked()).toBe(true);
    expect(await again.getByLabel('挽回经济损失（元）').inputValue()).toBe('4999.00');
    expect(await again.getByLabel('处理意见').inputValue()).toBe('经调解双方达成协议，商家退货退款。');
    expect(await again.textContent()).toContain('负责人退回意见：商家存在欺诈情形');
    await shot(investigator, '14c-propose-again');
    await again.getByRole('button', { name: '取消' }).click();
    await proposeRefundAndPunitive('退一赔一：退还货款4999元并赔偿4999元。');
    await expect.poll(() => investigator.getByTestId('sent-back').count()).toBe(0);
  });

  it('is approved, made known, followed up unsatisfied, and reopened', async () => {
    await supervisor.reload();
    await takeStep(supervisor, '批准', (d) => d.getByLabel('批示意见').fill('同意'));
    await expect.poll(() => statusOf(supervisor)).toBe('已批准');

    await investigator.reload();
    await takeStep(investigator, '已告知投诉人', async () => shot(investigator, '15-notify'));
    await expect.poll(() => chip(investigator, 'followUp')).toMatch(`回访期限 ${formatDateCn(calendar.addWorkingDays(today2, 5).date)}`);
    await takeStep(investigator, '回访', async (d) => {
      await rate(d, '2 分，不满意');
      await d.getByLabel('回访情况').fill('投诉人认为赔偿款到账太慢');
      await shot(investigator, '16-follow-up');
    });
    await expect.poll(() => statusOf(investigator)).toBe('回访中');
    await takeStep(investigator, '重新调查', async (d) => {
      await d.getByLabel('重新调查的理由').fill('投诉人对履行进度不满意，督促商家履行');
      await shot(investigator, '17-reopen');
    });
    await expect.poll(() => statusOf(investigator)).toBe('调查中');
  });

  it('is proposed and approved again, followed up satisfied, and archived', async () => {
    await proposeRefundAndPunitive('商家已全额履行。');
    await supervisor.reload();
    await takeStep(supervisor, '批准', (d) => d.getByLabel('批示意见').fill('同意'));
    await investigator.reload();
    await takeStep(investigator, '已告知投诉人');
    await takeStep(investigator, '回访', async (d) => {
      await rate(d, '5 分，很满意');
      await d.getByLabel('回访情况').fill('款项已到账，投诉人满意');
    });
    await takeStep(investigator, '结案归档', async () => shot(investigator, '18-close'));
    await expect.poll(() => statusOf(investigator)).toBe('已结案');
    expect(await investigator.getByText('您在本案当前状态下没有可办理的步骤').isVisible()).toBe(true);

    await investigator.getByRole('tab', { name: '处理' }).click();
    await expect.poll(() => investigator.getByText('处理结果（已批准）').isVisible()).toBe(true);
    await shot(investigator, '19-handling-tab');
  });

  it('tells the whole story on its timeline: who, when, what, before → after', async () => {
    await investigator.getByRole('tab', { name: '时间线' }).click();
    const rows = investigator.getByRole('table', { name: '时间线' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    const text = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    const row = (what: string) => text.filter((r) => r.includes(` ${what} `));
    expect(row('登记')[0]).toContain('陈登记');
    expect(row('受理')[0]).toContain('已登记待受理 → 已受理');
    expect(row('指派承办人')[0]).toMatch(/孙主任 指派承办人 — 承办人：未指派 → 赵调查/);
    expect(row('暂停计时')[0]).toContain('原因：检定、检验、检测、鉴定');
    expect(row('恢复计时')[0]).toMatch(/调解期限 .* → /);
    expect(row('退回')[0]).toMatch(/孙主任 退回 待审批 → 调查中 退回处理意见 退回意见：商家存在欺诈情形/);
    expect(row('回访')[0]).toMatch(/已告知 → 回访中 满意度 2 分（不满意）/);
    expect(row('重新调查')[0]).toContain('回访中 → 调查中');
    expect(row('结案归档')[0]).toContain('回访中 → 已结案');
    expect(text.filter((r) => r.includes(' 记录联系 '))).toHaveLength(3);
    expect(row('记录经营者答复')[0]).toMatch(/赵调查 记录经营者答复 — 答复方式：信函 答复：商家来函：同意退货退款，待调解确定细节 调查清单“经营者答复”标为已完成/);
    await shot(investigator, '20-timeline');
  });
});

