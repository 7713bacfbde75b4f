import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf';
import { apiCall, launchBrowser, screenshot, SCREENSHOTS, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, registerCase, setUpOffice, signInAgain, typeDate, type Office } from './office';
import { pdfToPngs } from './pdfPages';

/**
 * 统计 (issue #11) against a month registered here, counted by hand:
 *
 *   A 2026-11-02 家用电子电器 来访 西湖区  accepted late (after its 7 working days), refund + punitive ¥3000 (¥2000 punitive), closed
 *   B 2026-11-16 旅游 电话 上城区          accepted in time, lawsuit support, closed
 *   C 2026-11-10 家用电子电器 信函          accepted, open
 *   D 2026-11-12 日用商品 网络              registered only
 *   V 2026-11-15 日用商品                   voided (never counted)
 *   O 2026-10-20 旅游                       the month before
 *   Y 2025-11-20 家用电子电器               the same month a year earlier, registered that day (the host started a
 *                                           year earlier first), accepted only now (a year later)
 *
 * The host's clock is 2026-11-23; the browser's is months later, so the month 统计 opens on can only
 * be the core's.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let page: Page;
const ids: Record<string, number> = {};
const PERSON: Record<string, string> = { A: '钱一', B: '孙二', C: '李三', D: '周四', V: '吴五', O: '郑六', Y: '冯七' };

beforeAll(async () => {
  // A year earlier: the office registers Y on the day it came in. 上年同期 is read as the register
  // stood then (store/knownDays.ts), so a case keyed in only now would not be in it.
  host = await startHost(undefined, { now: '2025-11-20T10:30:00+08:00' });
  office = await setUpOffice(host);
  await registerY();
  await host.stop();
  host = await startHost(host.dataDir);
  await signInAgain(host, office);
  const { regions } = await apiCall<{ regions: { code: string }[] }>(host, 'catalog.saveRegions', { regions: [{ name: '西湖区' }, { name: '上城区' }] }, office.adminToken);
  const reg = async (key: string, day: string, over: Record<string, unknown>) => {
    ids[key] = await registerCase(
      host,
      office.tokens.clerk,
      complaintOf(PERSON[key]!, { receivedAt: `${day}T10:00:00+08:00`, natures: ['contract'], complainant: { name: PERSON[key], phone: `1390000000${Object.keys(ids).length}` }, ...over }),
    );
  };
  const act = async (who: keyof Office['tokens'], key: string, action: string, fields: Record<string, unknown> = {}) => {
    const token = office.tokens[who];
    const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id: ids[key] }, token);
    await apiCall(host, 'cases.act', { id: ids[key], version, action, ...fields }, token);
  };
  const resolve = async (key: string, outcome: Record<string, unknown>) => {
    await act('clerk', key, 'accept');
    await act('supervisor', key, 'assign', { userId: office.ids.investigator });
    await act('investigator', key, 'startInvestigation');
    await act('investigator', key, 'proposeOutcome', outcome);
    await act('supervisor', key, 'approve', { comment: '同意' });
    await act('investigator', key, 'notify');
    await act('investigator', key, 'followUp', { satisfaction: 5, note: '满意' });
    await act('investigator', key, 'close');
  };
  await reg('A', '2026-11-02', { category: 'G01', channel: 'visit', region: regions[0]!.code, respondent: { name: '杭州某某电器商场' } });
  await reg('B', '2026-11-16', { category: 'S03', channel: 'phone', region: regions[1]!.code, respondent: { name: '浙江某某国际旅行社' } });
  await reg('C', '2026-11-10', { category: 'G01', channel: 'letter', respondent: { name: '杭州某某电器商场' } });
  await reg('D', '2026-11-12', { category: 'G06', channel: 'online' });
  await reg('V', '2026-11-15', { category: 'G06' });
  await reg('O', '2026-10-20', { category: 'S03' });
  await resolve('A', { measures: ['refund', 'punitive'], recoveredFen: 300000, punitiveFen: 200000, summary: '退货并三倍赔偿' });
  await resolve('B', { measures: ['lawsuitSupport'], recoveredFen: 0, summary: '支持起诉' });
  await act('clerk', 'C', 'accept');
  // 上年同期 is read as it stood a year before the core's today (23 November 2025), when Y was not yet accepted.
  await act('clerk', 'Y', 'accept');
  await act('supervisor', 'V', 'void', { reason: '重复登记' });
  browser = await launchBrowser();
  page = await deskOf(browser, host, 'supervisor', '2027-03-15T09:00:00+08:00');
  await page.setViewportSize({ width: 1366, height: 768 });
}, 180_000);
afterAll(() => tearDown(host, browser));

async function registerY(): Promise<void> {
  ids.Y = await registerCase(host, office.tokens.clerk, complaintOf(PERSON.Y!, { receivedAt: '2025-11-20T10:00:00+08:00', natures: ['contract'], category: 'G01', complainant: { name: PERSON.Y, phone: '13900000009' } }));
}

const figure = (key: string) => page.getByTestId(`figure-${key}`).textContent();
const count = () => page.getByTestId('case-count').textContent();
const namesShown = async () => (await page.locator('.MuiDataGrid-cell[data-field="complainantName"]').allTextContents()).sort();
const names = (...keys: string[]) => keys.map((k) => PERSON[k]!).sort();

describe('统计', () => {
  it('opens on the current month by the core’s clock, its figures counted as by hand, beside the year before', async () => {
    await page.getByRole('link', { name: '统计' }).click();
    await page.waitForURL(/#\/statistics/);
    await expect.poll(() => page.getByTestId('stats-period').textContent()).toBe('2026年11月（2026年11月1日至2026年11月23日，截至今日），按收到投诉的日期计，与上年同期比较（上年同期的办理情况截至2025年11月23日）');
    await expect.poll(() => figure('received')).toBe('4 件');
    expect(await figure('accepted')).toBe('3 件');
    expect(await figure('resolved')).toBe('2 件');
    expect(await figure('resolutionRate')).toBe('66.7%');
    expect(await figure('recovered')).toBe('3,000.00 元');
    const main = page.getByRole('main');
    expect(await main.getByText('0.30 万元（含加倍赔偿）').isVisible()).toBe(true);
    expect(await figure('punitive')).toBe('1 件');
    expect(await main.getByText('金额 2,000.00 元').isVisible()).toBe(true);
    expect(await figure('lawsuit')).toBe('1 件');
    expect(await figure('enquiries')).toBe('0 人次');
    // A met its acceptance deadline late, B in time.
    expect(await figure('inTime')).toBe('50.0%');
    const s = await apiCall<{ averageHandlingDays: number }>(host, 'stats.summary', { from: '2026-11-01', to: '2026-11-30' }, office.tokens.supervisor);
    expect(await figure('handlingDays')).toBe(`${s.averageHandlingDays.toFixed(1)} 工作日`);
    expect(await page.getByTestId('figure-received-before').textContent()).toBe('上年同期 1 件同比 ↑300.0%');
    expect(await page.getByTestId('figure-accepted-before').textContent()).toBe('上年同期 0 件');
    expect(await page.getByTestId('figure-resolved-before').textContent()).toBe('上年同期 0 件');
    expect(await page.getByTestId('figure-enquiries-before').textContent()).toBe('上年同期 0 人次同比持平');
    await page.mouse.move(700, 400);
    await screenshot(page, 'statistics', { fullPage: false });
    await screenshot(page, 'statistics-full');
  });

  it('draws the charts (channels within a month, the trend over a year, each category’s share) in Chinese', async () => {
    await page.goto(`${host.url}/#/statistics`);
    const charts = page.getByTestId('stats-charts');
    await expect.poll(() => charts.locator('svg').count()).toBeGreaterThanOrEqual(2);
    const channels = charts.getByRole('figure', { name: '按渠道' });
    expect(await channels.locator('rect').count()).toBeGreaterThan(0);
    // Labels on both axes (a Chinese face's line height once cut the bottom axis's to nothing).
    expect(await channels.locator('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel').allTextContents()).toEqual(['来访', '电话', '信函', '网络']);
    expect(await channels.locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickLabel').allTextContents()).toContain('1');
    // Each channel's count after its bar, inside the chart: an axis that ended at the longest bar (every
    // channel at 1 件 here) put the counts past the chart's right edge, and a count written on a bar
    // narrower than itself ran over the axis.
    const counts = channels.locator('.MuiBarChart-label');
    expect(await counts.allTextContents()).toEqual(['1', '1', '1', '1']);
    // The plot is clipped to its axes: within the count axis's line, or not seen.
    const axis = (await channels.locator('.MuiChartsAxis-directionX .MuiChartsAxis-line').boundingBox())!;
    for (const box of await counts.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThan(axis.x);
      expect(box.right).toBeLessThan(axis.x + axis.width);
    }
    const share = charts.getByRole('figure', { name: '类别占比' });
    expect(await share.getByText('家用电子电器').isVisible()).toBe(true);
    expect(await share.locator('path').count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: '年', exact: true }).click();
    await page.waitForURL(/period=year&from=2026-01-01&to=2026-12-31/);
    await expect.poll(() => figure('received')).toBe('5 件');
    await screenshot(page, 'statistics-year', { fullPage: false });
    const trend = charts.getByRole('figure', { name: '按月趋势' });
    await expect.poll(() => trend.getByText('11月', { exact: true }).isVisible()).toBe(true);
    expect(await trend.getByText('收到', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'statistics-year', { fullPage: false });

    await page.getByRole('button', { name: '季度', exact: true }).click();
    await page.waitForURL(/period=quarter&from=2026-10-01&to=2026-12-31/);
    await expect.poll(() => figure('received')).toBe('5 件');
    await page.getByRole('button', { name: '上一期' }).click();
    await page.waitForURL(/from=2026-07-01&to=2026-09-30/);
    await expect.poll(() => figure('received')).toBe('0 件');
    await page.getByRole('button', { name: '月', exact: true }).click();
    await page.waitForURL(/period=month&from=2026-07-01&to=2026-07-31/);
    await page.getByRole('combobox', { name: '月份' }).click();
    await page.getByRole('option', { name: '11月' }).click();
    await page.waitForURL(/period=month&from=2026-11-01&to=2026-11-30/);
    await expect.poll(() => figure('received')).toBe('4 件');
    // 自定义: any two dates, typed 年/月/日.
    await page.getByRole('button', { name: '自定义', exact: true }).click();
    await typeDate(page.getByRole('group', { name: '统计期间' }), '开始日期', '2026-10-15');
    await page.waitForURL(/period=custom&from=2026-10-15&to=2026-11-30/);
    await expect.poll(() => figure('received')).toBe('5 件');
    expect(await page.getByTestId('stats-period').textContent()).toBe('2026年10月15日至2026年11月23日（截至今日；所选期间至2026年11月30日），按收到投诉的日期计，与上年同期比较（上年同期的办理情况截至2025年11月23日）');
    await screenshot(page, 'statistics-custom', { fullPage: false });
  });

  it('opens the cases behind a figure: 解决数 lists exactly the resolved cases of the month', async () => {
    await page.goto(`${host.url}/#/statistics?period=month&from=2026-11-01&to=2026-11-30`);
    await expect.poll(() => figure('resolved')).toBe('2 件');
    await page.getByRole('link', { name: /^解决数：2 件/ }).click();
    await page.waitForURL(/#\/cases\?/);
    expect(page.url()).toMatch(/from=2026-11-01/);
    expect(page.url()).toMatch(/to=2026-11-30/);
    expect(page.url()).toMatch(/resolved=1/);
    await expect.poll(count).toBe('2');
    expect(await namesShown()).toEqual(names('A', 'B'));
    expect(await page.getByRole('button', { name: '已解决' }).isVisible()).toBe(true);
    await screenshot(page, 'statistics-to-register', { fullPage: false });

    for (const [label, keys] of [
      [/^受理数/, ['A', 'B', 'C']],
      [/^加倍赔偿/, ['A']],
      [/^支持起诉/, ['B']],
      [/^收到投诉/, ['A', 'B', 'C', 'D']],
    ] as const) {
      await page.goBack();
      await expect.poll(() => figure('resolved')).toBe('2 件');
      await page.getByRole('link', { name: label }).click();
      await expect.poll(count).toBe(String(keys.length));
      await expect.poll(namesShown).toEqual(names(...keys));
    }
  });

  it('breaks the month down by category, region, handler and business, each count opening its cases', async () => {
    await page.goto(`${host.url}/#/statistics?period=month&from=2026-11-01&to=2026-11-30`);
    const table = page.getByRole('table', { name: '按投诉类别' });
    await expect.poll(() => table.getByRole('row', { name: /家用电子电器/ }).textContent()).toMatch(/^家用电子电器221/);
    await table.getByRole('link', { name: '家用电子电器 收到 2 件' }).click();
    await expect.poll(count).toBe('2');
    expect(await namesShown()).toEqual(names('A', 'C'));
    await page.goBack();

    await page.getByRole('tab', { name: '按地区' }).click();
    const regions = page.getByRole('table', { name: '按地区' });
    await expect.poll(() => regions.getByRole('row').allTextContents()).toEqual([
      expect.stringMatching(/^地区/),
      expect.stringMatching(/^西湖区1/),
      expect.stringMatching(/^上城区1/),
      expect.stringMatching(/^未填写2/),
      expect.stringMatching(/^合计4/),
    ]);
    await regions.getByRole('link', { name: '未填写的全部投诉' }).click();
    await expect.poll(count).toBe('2');
    expect(await namesShown()).toEqual(names('C', 'D'));
    await page.goBack();

    await page.getByRole('tab', { name: '按经办人' }).click();
    const handlers = page.getByRole('table', { name: '按经办人' });
    await handlers.getByRole('link', { name: '赵调查 办结 2 件' }).click();
    await expect.poll(count).toBe('2');
    expect(await namesShown()).toEqual(names('A', 'B'));
    expect(page.url()).toContain('hname=');
    await page.goBack();

    await page.getByRole('tab', { name: '被投诉较多的经营者' }).click();
    const top = page.getByRole('table', { name: '被投诉较多的经营者' });
    await expect.poll(() => top.getByRole('row').nth(1).textContent()).toMatch(/^1杭州某某电器商场—21$/);
    await screenshot(page, 'statistics-top', { fullPage: false });
    await top.getByRole('link', { name: '杭州某某电器商场 投诉 2 件' }).click();
    await expect.poll(count).toBe('2');
    expect(await namesShown()).toEqual(names('A', 'C'));
    expect(await page.getByRole('combobox', { name: '被投诉方' }).inputValue()).toBe('杭州某某电器商场');
  });

  it('exports the period report to Excel: headline sheet beside the year before, a sheet per breakdown', async () => {
    await page.goto(`${host.url}/#/statistics?period=month&from=2026-11-01&to=2026-11-30`);
    await expect.poll(() => figure('received')).toBe('4 件');
    await page.getByRole('button', { name: '导出Excel' }).click();
    const dialog = page.getByRole('dialog', { name: /导出统计报表/ });
    await expect.poll(() => dialog.getByTestId('export-done').textContent()).toContain('投诉统计-2026-11-01至2026-11-30.xlsx');
    await screenshot(page, 'statistics-export', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: '下载 Excel 文件' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['主要数字', '按类别', '按性质', '按渠道', '按月份', '按地区', '按经办人', '被投诉较多的经营者']);
    const head = workbook.getWorksheet('主要数字')!;
    // The month still runs at the core's today: its days and the year before's are those through today.
    expect(head.getRow(2).getCell(1).value).toBe('统计期间：2026年11月1日至2026年11月23日（按收到投诉的日期；已作废的不计）');
    expect(head.getRow(4).getCell(3).value).toBe('上年同期（2025年11月1日至2025年11月23日，办理情况截至2025年11月23日）');
    const line = (label: string) => {
      for (let r = 1; r <= head.rowCount; r++) if (head.getRow(r).getCell(1).value === label) return [head.getRow(r).getCell(2).value, head.getRow(r).getCell(3).value];
      return null;
    };
    expect(line('收到投诉（件）')).toEqual([4, 1]);
    expect(line('受理（件）')).toEqual([3, 0]);
    expect(line('解决（件）')).toEqual([2, 0]);
    expect(line('为消费者挽回经济损失（元）')).toEqual([3000, 0]);
    expect(line('加倍赔偿金额（元）')).toEqual([2000, 0]);
    const categories = workbook.getWorksheet('按类别')!;
    expect(categories.getRow(2).getCell(1).value).toBe('家用电子电器');
    expect(categories.getRow(2).getCell(2).value).toBe(2);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('prints the period report on A4: the tables only, no navigation, sections kept whole', async () => {
    await page.goto(`${host.url}/#/statistics?period=month&from=2026-11-01&to=2026-11-30`);
    await expect.poll(() => figure('received')).toBe('4 件');
    // 打印报表 asks the browser to print (the dialog itself is the system's).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印报表' }).click();
    // It prints once the report's face has come.
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'statistics-print-media');
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    // Back to the browser's own choice: page.pdf() prints with print media unless told otherwise.
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const report = await readPdf(pdf);
    // A4 (595 × 842 pt), as Chromium rounds it.
    expect(Math.abs(report.pages[0]!.width - 595.3)).toBeLessThan(2);
    expect(Math.abs(report.pages[0]!.height - 841.9)).toBeLessThan(2);
    const first = report.pages[0]!.text.replace(/\s+/g, '');
    for (const words of ['杭州市消费者协会', '消费者投诉统计报表', '统计期间：2026年11月（2026年11月1日至2026年11月23日，截至今日）', '上年同期：2025年11月1日至2025年11月23日，办理情况截至2025年11月23日', '上年同期按一年前同日登记簿所记计算（此后补登记、作废或更改的不计）', '受理数', '解决数', '解决率', '挽回经济损失', '3,000.00元', '加倍赔偿', '支持起诉', '咨询', '平均办理时间', '按期办结率', '重复投诉率', '上年同期', '按月份']) {
      expect(first, words).toContain(words);
    }
    const all = report.pages.map((p) => p.text.replace(/\s+/g, '')).join('\n');
    for (const words of ['按投诉类别', '按投诉性质', '按投诉渠道', '按地区', '按经办人', '被投诉较多的经营者', '制表人：孙主任']) expect(all, words).toContain(words);
    expect(all).not.toContain('登记投诉');
    expect(all).not.toContain('导出Excel');
    expect(report.pages.length).toBeGreaterThanOrEqual(2);
    expect(report.pages[0]!.text.replace(/\s+/g, '')).toContain(`1/${report.pages.length}`);
    // The breakdowns start on a page of their own.
    expect(report.pages[1]!.text.replace(/\s+/g, '')).toMatch(/^(\d+\/\d+)?三、按投诉类别/);
    // Only the bundled face: where the PC has Noto Sans CJK, a slice not loaded came out in it, as Type 3.
    expect(report.fonts.filter((f) => !f.embedded || f.type3 || !/NotoSansSC/.test(f.name))).toEqual([]);
    const dir = join(SCREENSHOTS, 'statistics-report');
    mkdirSync(dir, { recursive: true });
    await pdfToPngs(browser, pdf, (n) => join(dir, `page-${n}.png`));
  });

  it("keeps a large office's figures inside their cards at 1366 px: the unit goes under the number", async () => {
    // A month of its own (June 2025: no period above holds it), its 挽回经济损失 wider than a card.
    const key = 'L';
    PERSON[key] = '陈八';
    ids[key] = await registerCase(host, office.tokens.clerk, complaintOf(PERSON[key], { receivedAt: '2025-06-10T10:00:00+08:00', natures: ['contract'], category: 'G01', complainant: { name: PERSON[key], phone: '13900000099' } }));
    const act = async (who: keyof Office['tokens'], action: string, fields: Record<string, unknown> = {}) => {
      const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id: ids[key] }, office.tokens[who]);
      await apiCall(host, 'cases.act', { id: ids[key], version, action, ...fields }, office.tokens[who]);
    };
    await act('clerk', 'accept');
    await act('supervisor', 'assign', { userId: office.ids.investigator });
    await act('investigator', 'startInvestigation');
    await act('investigator', 'proposeOutcome', { measures: ['refund'], recoveredFen: 99_999_999_999, summary: '退款' });
    await act('supervisor', 'approve', { comment: '同意' });
    await act('investigator', 'notify');
    await act('investigator', 'followUp', { satisfaction: 5, note: '满意' });
    await act('investigator', 'close');
    await page.goto(`${host.url}/#/statistics?period=month&from=2025-06-01&to=2025-06-30`);
    await expect.poll(() => figure('recovered')).toBe('100,000.00 万元');
    // Written on one line it ran over the next card (its text wider than its box); the number stays whole.
    const fits = await page.getByTestId('figure-recovered').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    expect(fits.lines).toBe(2);
    await screenshot(page, 'statistics-large-figure', { fullPage: false });
  });
});
