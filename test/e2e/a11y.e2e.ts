import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../core/evidenceHelpers';
import { apiCall, E2E_NOW, fillComplaint, launchBrowser, newPage, screenshot, startHost, tearDown, type RunningHost } from './host';
import { ADMIN, complaintOf, deskOf, openCase, openStep, registerCase, setUpOffice, signIn, STAFF, type Office, type Person } from './office';

/**
 * Accessibility of every screen and dialog of a worked register (issue #15), checked with axe-core
 * against WCAG 2.1 A and AA — plus "label in name" (WCAG 2.5.3), which axe still calls
 * experimental: no serious or critical finding anywhere. The register holds a case in mediation
 * with evidence and an issued notice, a refusal waiting for approval, an outcome sent back, a
 * referral and a closed case, so each screen shows what it shows in an office's first week.
 */
const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** axe-core run in the page as it stands; the serious and critical findings, in words a person can act on. */
async function findings(page: Page): Promise<Finding[]> {
  // Evaluated over the DevTools protocol, so the app's CSP (script-src 'self') does not stand in the way.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(
    async ({ tags }) => {
      const axe = (window as unknown as { axe: any }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'label-content-name-mismatch': { enabled: true } },
        resultTypes: ['violations'],
      });
      return (result.violations as any[]).map((v) => ({
        id: v.id as string,
        impact: v.impact as string | null,
        help: v.help as string,
        nodes: (v.nodes as any[]).map((n) => ({ target: (n.target as string[]).join(' '), summary: String(n.failureSummary ?? '').split('\n').slice(0, 3).join(' ') })),
      }));
    },
    { tags: TAGS },
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const report = (found: Finding[]) =>
  found.map((f) => `${f.impact} ${f.id} (${f.help}):\n${f.nodes.slice(0, 6).map((n) => `  ${n.target} — ${n.summary}`).join('\n')}`).join('\n');

/** Waits for the screen to settle (no progress bar), shoots it, and checks it. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByRole('progressbar').count(), { message: `${name} still loading` }).toBe(0);
  await screenshot(page, `a11y-${name}`, { fullPage: false });
  const found = await findings(page);
  // Soft: every screen of the walk is checked and reported, not only the first that fails.
  expect.soft(found, `${name}:\n${report(found)}`).toEqual([]);
}

let host: RunningHost;
let browser: Browser;
let office: Office;
const ids: Record<string, number> = {};
const pages = {} as Record<Person | 'admin', Page>;

async function act(by: Person, id: number, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id }, office.tokens[by]);
  await apiCall(host, 'cases.act', { id, version, action, ...fields }, office.tokens[by]);
}
async function upload(id: number, name: string, file: string): Promise<void> {
  const res = await fetch(`${host.url}/api/evidence.import?caseId=${id}&name=${encodeURIComponent(name)}&kind=audiovisual`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${office.tokens.investigator}` },
    body: new Uint8Array(readFileSync(join(FIXTURES, file))),
  });
  if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
}
async function handled(name: string): Promise<number> {
  const id = await registerCase(host, office.tokens.clerk, complaintOf(name, { category: 'G01', natures: ['quality'] }));
  await act('clerk', id, 'accept');
  await act('supervisor', id, 'assign', { userId: office.ids.investigator });
  await act('investigator', id, 'startInvestigation');
  return ids[name] = id;
}

/** A step's dialog opened from 下一步, checked, and cancelled. */
async function stepDialog(page: Page, label: string, name: string, fill?: (d: Locator) => Promise<void>): Promise<void> {
  const dialog = await openStep(page, label);
  if (fill) await fill(dialog);
  await expectAccessible(page, name);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

beforeAll(async () => {
  // Without ffmpeg, whatever this machine has: a video's length then comes from the page's decoder.
  host = await startHost(undefined, { now: E2E_NOW, env: { ...process.env, COMPLAINTDESK_FFMPEG: 'none' } });
  office = await setUpOffice(host);
  // In mediation, its business passed the complaint and answered, a session by phone scheduled, a
  // photo and a video kept, a checklist item marked, and its 受理通知书 issued.
  const main = await handled('张三');
  await act('investigator', main, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家', transfer: true });
  await act('investigator', main, 'recordBusinessReply', { how: 'letter', summary: '商家来函同意调解' });
  await act('investigator', main, 'startMediation', { bothConsent: true });
  await act('investigator', main, 'scheduleSession', { at: '2026-11-25T14:00:00+08:00', mode: 'phone', mediator: '李调解', mediatorPhone: '0571-85550000' });
  await upload(main, '屏幕竖线.jpg', 'photo-exif.jpg');
  await upload(main, '开机视频.mp4', 'clip.mp4');
  await apiCall(host, 'notices.issue', { caseId: main, type: 'acceptance' }, office.tokens.clerk);
  // Waiting for approval, sent back, referred and answered, closed.
  await act('clerk', (ids['李四'] = await registerCase(host, office.tokens.clerk, complaintOf('李四'))), 'refuse', { grounds: ['A1'], reason: '经营者之间的争议' });
  const back = await handled('王五');
  await act('investigator', back, 'proposeOutcome', { measures: ['refund'], recoveredFen: 19900, summary: '退款' });
  await act('supervisor', back, 'sendBack', { comment: '请补充退款凭证' });
  const referred = (ids['赵六'] = await registerCase(host, office.tokens.clerk, complaintOf('赵六')));
  await act('clerk', referred, 'refer', { to: '区市场监管局', reason: '属行政处理' });
  await act('clerk', referred, 'recordReferralReply', { summary: '已立案调查' });
  const closed = await handled('钱七');
  await act('investigator', closed, 'proposeOutcome', { measures: ['repair'], recoveredFen: 0, summary: '修理' });
  await act('supervisor', closed, 'approve', { comment: '同意' });
  await act('investigator', closed, 'notify');
  for (const note of ['满意', '再次回访，满意']) await act('investigator', closed, 'followUp', { satisfaction: 5, note });
  await act('investigator', closed, 'close');
  browser = await launchBrowser();
}, 300_000);
afterAll(() => tearDown(host, browser));

describe('evidence as the page sees it', () => {
  it('takes a video’s length and size from Chromium’s decoder where the core has no ffprobe', async (ctx) => {
    const page = await deskOf(browser, host, 'investigator');
    const h264 = await page.evaluate(() => document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"'));
    ctx.skip(h264 === '', `this Chromium (${browser.version()}) has no H.264 decoder: the page cannot read the MP4 fixture, and the length stays unknown ("—"), as the app does then`);
    const evidence = async () => (await apiCall<any>(host, 'cases.get', { id: ids['张三'] }, office.tokens.investigator)).evidence.find((e: any) => e.name === '开机视频.mp4');
    expect(await evidence()).toMatchObject({ durationSeconds: null, width: null, hasThumbnail: false });
    await openCase(page, host, ids['张三']!);
    await page.getByRole('tab', { name: /^证据/ }).click();
    // The tile's poster loads the file's metadata; the page reports it, and the tile shows it.
    await expect.poll(() => page.getByTestId('evidence-tile').filter({ hasText: '开机视频.mp4' }).textContent()).toContain('0:03');
    const e = await evidence();
    expect(e).toMatchObject({ width: 320, height: 240 });
    expect(e.durationSeconds).toBeCloseTo(3, 0);
    await page.close();
  });

  it('flags a capture time later than the upload', async () => {
    const photo = (await apiCall<any>(host, 'cases.get', { id: ids['张三'] }, office.tokens.investigator)).evidence.find((e: any) => e.name === '屏幕竖线.jpg');
    // Later than the upload but within the tolerance a camera set to another zone is allowed (domain/evidence.ts).
    await apiCall(host, 'evidence.describe', { id: photo.id, capturedAt: '2026-11-23T18:00:00+08:00' }, office.tokens.investigator);
    const page = await deskOf(browser, host, 'investigator');
    await openCase(page, host, ids['张三']!);
    await page.getByRole('tab', { name: /^证据/ }).click();
    await expect.poll(() => page.getByTestId('captured-after-upload').textContent()).toBe('形成于 2026年11月23日 18:00（晚于添加时间，请核对）');
    await page.getByTestId('evidence-tile').filter({ hasText: '屏幕竖线.jpg' }).click();
    await expect.poll(() => page.getByTestId('captured-after-upload-detail').isVisible()).toBe(true);
    await screenshot(page, 'evidence-captured-after-upload', { fullPage: false });
    await page.close();
  });
});

describe('every screen and dialog has no serious or critical accessibility finding', () => {
  it('the login screen', async () => {
    const page = await newPage(browser);
    await page.goto(host.url);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expectAccessible(page, 'login');
    await signIn(page, STAFF.clerk);
    pages.clerk = page;
  });

  it('今日 of the clerk, the investigator and the supervisor', async () => {
    await expect.poll(() => pages.clerk.getByTestId('count-mine-toAccept').textContent()).not.toBe('…');
    await expectAccessible(pages.clerk, 'today-clerk');
    pages.investigator = await deskOf(browser, host, 'investigator');
    await expect.poll(() => pages.investigator.getByTestId('count-mine-sentBack').textContent()).toBe('1');
    await expectAccessible(pages.investigator, 'today-investigator');
    pages.supervisor = await deskOf(browser, host, 'supervisor');
    await expect.poll(() => pages.supervisor.getByTestId('count-mine-approval').textContent()).toBe('1');
    await expectAccessible(pages.supervisor, 'today-supervisor');
  });

  it('登记投诉, empty and after a save with the required fields missing', async () => {
    const page = pages.clerk;
    await page.getByRole('link', { name: '登记投诉' }).first().click();
    await page.getByLabel('投诉人姓名').waitFor();
    await expectAccessible(page, 'register');
    // 从截图识别's offer over the form.
    await page.getByTestId('screenshot-picker').setInputFiles([join(FIXTURES, 'ocr-order.png')]);
    const offer = page.getByRole('dialog', { name: /从截图识别/ });
    await expect.poll(() => offer.getByRole('button', { name: '填入所选' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    await expectAccessible(page, 'register-screenshot-offer');
    await offer.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => offer.count()).toBe(0);
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => page.getByText('请填写投诉人姓名').first().isVisible()).toBe(true);
    await expectAccessible(page, 'register-errors');
    await fillComplaint(page, { name: '周九', phone: '13900001111', respondent: '杭州某某电器有限公司', subject: '电饭煲', facts: '煮饭时漏电', request: '退货', category: '家用电子电器' });
    await page.getByRole('button', { name: '保存登记' }).click();
    const saved = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => saved.isVisible()).toBe(true);
    await expectAccessible(page, 'register-saved');
    await saved.getByRole('button', { name: /关闭|继续登记|完成/ }).first().click();
  });

  it('咨询, with a refused save and an enquiry logged', async () => {
    const page = pages.clerk;
    await page.getByRole('link', { name: '咨询', exact: true }).click();
    await page.getByLabel('咨询事项').waitFor();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.getByText('请填写咨询事项').isVisible()).toBe(true);
    await expectAccessible(page, 'enquiries-errors');
    await page.getByLabel('咨询事项').fill('空调保修期多久');
    await page.getByLabel('答复内容').fill('整机一年，主要部件按三包规定');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^转为投诉/ }).count()).toBe(1);
    await expectAccessible(page, 'enquiries');
  });

  it('the register, searched and filtered', async () => {
    const page = pages.clerk;
    await page.goto(`${host.url}/#/cases`);
    await expect.poll(() => page.getByRole('grid').getByText('张三').isVisible()).toBe(true);
    await expectAccessible(page, 'cases');
    await page.goto(`${host.url}/#/cases?queue=toAccept`);
    await expect.poll(() => page.getByTestId('queue-filter').isVisible()).toBe(true);
    await expectAccessible(page, 'cases-queue');
  });

  it('each tab of a case in mediation', async () => {
    const page = pages.investigator;
    await openCase(page, host, ids['张三']!);
    await expectAccessible(page, 'case-overview');
    for (const [tab, name] of [
      [/^调查/, 'case-checklist'],
      [/^证据/, 'case-evidence'],
      [/^调解/, 'case-mediation'],
      [/^处理/, 'case-handling'],
      [/^文书/, 'case-notices'],
      [/^时间线/, 'case-timeline'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expectAccessible(page, name);
    }
  });

  it('the evidence viewer and its dialogs', async () => {
    const page = pages.investigator;
    await page.getByRole('tab', { name: /^证据/ }).click();
    await page.getByTestId('evidence-tile').first().click();
    const viewer = page.getByRole('dialog', { name: '证据查看' });
    await expect.poll(() => viewer.isVisible()).toBe(true);
    await expectAccessible(page, 'evidence-viewer');
    await viewer.getByRole('button', { name: '修改信息' }).click();
    const describe = page.getByRole('dialog').filter({ hasText: /修改证据\d+的信息/ });
    await expect.poll(() => describe.isVisible()).toBe(true);
    await expectAccessible(page, 'evidence-describe');
    await describe.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => describe.count()).toBe(0);
    await viewer.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => viewer.count()).toBe(0);
    await page.getByTestId('evidence-picker').setInputFiles([join(FIXTURES, 'voice.m4a')]);
    const upload = page.getByRole('dialog').filter({ hasText: '开始上传' });
    await expect.poll(() => upload.isVisible()).toBe(true);
    await expectAccessible(page, 'evidence-upload');
    await upload.getByRole('button', { name: '取消', exact: true }).click();
    await expect.poll(() => upload.count()).toBe(0);
  });

  it('a checklist item being marked', async () => {
    const page = pages.investigator;
    await page.getByRole('tab', { name: /^调查/ }).click();
    await page.getByRole('button', { name: /^编辑：/ }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page, 'checklist-mark');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('a notice previewed and an issued notice', async () => {
    const page = pages.investigator;
    await page.getByRole('tab', { name: /^文书/ }).click();
    await page.getByRole('button', { name: '调解通知书', exact: true }).click();
    const editor = page.getByRole('dialog').filter({ hasText: '签发调解通知书' });
    await expect.poll(() => editor.getByTestId('notice-sheet').isVisible(), { timeout: 30_000 }).toBe(true);
    await expectAccessible(page, 'notice-editor');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await page.getByRole('button', { name: /^查看 / }).first().click();
    const issued = page.getByRole('dialog').filter({ hasText: '受理通知书' });
    await expect.poll(() => issued.isVisible()).toBe(true);
    await expectAccessible(page, 'notice-issued');
    await page.keyboard.press('Escape');
  });

  it('the handler’s step dialogs', async () => {
    const page = pages.investigator;
    await openCase(page, host, ids['张三']!);
    await stepDialog(page, '记录联系', 'step-record-contact');
    await stepDialog(page, '安排调解', 'step-schedule-session');
    await stepDialog(page, '记录调解', 'step-record-session');
    await stepDialog(page, '结束调解', 'step-end-mediation');
    await stepDialog(page, '暂停计时', 'step-pause');
    await openCase(page, host, ids['王五']!);
    await expect.poll(() => page.getByTestId('sent-back').isVisible()).toBe(true);
    await expectAccessible(page, 'case-sent-back');
    await stepDialog(page, '提出处理意见', 'step-propose-again');
  });

  it('the counter’s and the 负责人’s step dialogs', async () => {
    const clerk = pages.clerk;
    await openCase(clerk, host, ids['赵六']!);
    await expectAccessible(clerk, 'case-referred');
    const fresh = await registerCase(host, office.tokens.clerk, complaintOf('孙八'));
    await openCase(clerk, host, fresh);
    await stepDialog(clerk, '受理', 'step-accept');
    await stepDialog(clerk, '不予受理', 'step-refuse');
    await stepDialog(clerk, '限期补正', 'step-request-materials');
    await stepDialog(clerk, '分流转办', 'step-refer');
    const supervisor = pages.supervisor;
    await openCase(supervisor, host, ids['李四']!);
    await stepDialog(supervisor, '批准', 'step-approve');
    await stepDialog(supervisor, '退回', 'step-send-back');
    await openCase(supervisor, host, ids['张三']!);
    await stepDialog(supervisor, '指派承办人', 'step-assign');
    await stepDialog(supervisor, '作废', 'step-void');
    await openCase(supervisor, host, ids['钱七']!);
    await supervisor.getByRole('tab', { name: /^处理/ }).click();
    await expectAccessible(supervisor, 'case-closed-handling');
  });

  it('设置, page by page, and the password dialog', async () => {
    const page = (pages.admin = await deskOf(browser, host, ADMIN));
    for (const path of ['backup', 'rules', 'calendar', 'workflow', 'office', 'investigation', 'users']) {
      await page.goto(`${host.url}/#/settings/${path}`);
      await expect.poll(() => page.getByRole('tab', { selected: true }).count()).toBeGreaterThan(0);
      await expectAccessible(page, `settings-${path}`);
    }
    for (const [path, button, name] of [
      ['rules', '新增规则集', 'settings-rule-set-dialog'],
      ['calendar', /^修改 2026 年$/, 'settings-calendar-year-dialog'],
    ] as const) {
      await page.goto(`${host.url}/#/settings/${path}`);
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectAccessible(page, name);
      await dialog.getByRole('button', { name: '取消', exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    }
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page, 'change-password');
    await page.keyboard.press('Escape');
  });

  it('被投诉方: the list, one business, and its edit and merge dialogs', async () => {
    const page = (pages.admin ??= await deskOf(browser, host, ADMIN));
    await page.goto(`${host.url}/#/respondents`);
    await expect.poll(() => page.getByTestId('respondent-count').textContent()).not.toBe('…');
    await expectAccessible(page, 'respondents');
    await page.getByRole('grid', { name: '被投诉方列表' }).getByRole('row').nth(1).click();
    await expect.poll(() => page.getByTestId('respondent-name').isVisible()).toBe(true);
    await expectAccessible(page, 'respondent');
    for (const [button, name] of [['修改信息', 'respondent-edit-dialog'], ['合并到…', 'respondent-merge-dialog']] as const) {
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expectAccessible(page, name);
      await dialog.getByRole('button', { name: '取消', exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    }
  });
});
