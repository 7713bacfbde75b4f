import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfLayout } from '../support/pdf';
import { apiCall, launchBrowser, screenshot, SCREENSHOTS, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, openCase, registerCase, setUpOffice, type Office } from './office';
import { pdfToPngs } from './pdfPages';

/**
 * 卷宗 in Chromium against the built host (issue [H]): the handler opens a closed case's 文书 tab,
 * clicks 生成卷宗, sees version 1 listed with its pages, and downloads it — the PDF served at
 * GET /files/dossiers/<id>.pdf with the session, numbered through, the notices inside. Every page
 * is drawn to PNG for a person to look at.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let page: Page;
let caseId: number;
let openId: number;

async function act(id: number, token: string, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id }, token);
  await apiCall(host, 'cases.act', { id, version, action, ...fields }, token);
}

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  const { clerk, investigator, supervisor } = office.tokens;
  caseId = await registerCase(host, clerk, complaintOf('欧阳娜娜', { category: 'G01', subject: '双开门冰箱', request: '更换新机' }));
  openId = await registerCase(host, clerk, complaintOf('王五'));
  await apiCall(host, 'notices.issue', { caseId, type: 'receipt' }, clerk);
  await act(caseId, clerk, 'accept');
  await apiCall(host, 'notices.issue', { caseId, type: 'acceptance' }, clerk);
  await act(caseId, supervisor, 'assign', { userId: office.ids.investigator });
  await act(caseId, investigator, 'startInvestigation');
  await act(caseId, investigator, 'recordContact', { with: 'respondent', how: 'visit', summary: '约见店员，其同意更换新机。' });
  await act(caseId, investigator, 'proposeOutcome', { measures: ['exchange'], recoveredFen: 399_900, summary: '更换同型号新机一台。' });
  await act(caseId, supervisor, 'approve', { comment: '同意' });
  await apiCall(host, 'notices.issue', { caseId, type: 'outcome' }, investigator);
  await act(caseId, investigator, 'notify');
  await act(caseId, investigator, 'followUp', { satisfaction: 5, note: '满意' });
  await act(caseId, investigator, 'close');
  browser = await launchBrowser();
  page = await deskOf(browser, host, 'investigator');
  await page.setViewportSize({ width: 1366, height: 900 });
}, 180_000);
afterAll(() => tearDown(host, browser));

describe('卷宗', () => {
  it('the handler makes it from the closed case’s 文书 tab, sees it listed, and downloads the bound PDF', async () => {
    // An open case offers no 卷宗.
    await openCase(page, host, openId);
    await page.getByRole('tab', { name: /^文书/ }).click();
    await expect.poll(() => page.getByRole('region', { name: '签发文书', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '生成卷宗' }).count()).toBe(0);

    await openCase(page, host, caseId);
    await page.getByRole('tab', { name: /^文书/ }).click();
    const make = page.getByRole('button', { name: '生成卷宗' });
    await expect.poll(() => make.isEnabled()).toBe(true);
    await expect.poll(() => page.getByText('尚未生成卷宗').isVisible()).toBe(true);
    await make.click();
    await expect.poll(() => page.getByText(/已生成卷宗第 1 版，共 \d+ 页，已存档/).isVisible(), { timeout: 120_000 }).toBe(true);
    const versions = page.getByRole('table', { name: '卷宗版本' });
    await expect.poll(() => versions.getByText('第 1 版').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '重新生成卷宗' }).isVisible()).toBe(true);
    await screenshot(page, 'dossier-01-made');

    // 下载: the stored PDF with the page's own session.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载卷宗第 1 版' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^卷宗-.+-第1版\.pdf$/);
    const pdf = new Uint8Array(await (await import('node:fs/promises')).readFile((await download.path())!));
    const listed = await apiCall<{ versions: { id: number; pages: number; sha256: string }[] }>(host, 'dossier.list', { caseId }, office.tokens.investigator);
    const v1 = listed.versions[0]!;
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(v1.sha256);
    const layout = await readPdfLayout(pdf);
    expect(layout.pages).toHaveLength(v1.pages);
    expect(layout.fonts.filter((f) => !f.embedded)).toEqual([]);
    const text = layout.pages.map((p) => p.lines.map((l) => l.text).join('\n'));
    text.forEach((t, i) => expect(t.split('\n').slice(0, 3).join(' '), `page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1}(\\s|$)`)));
    const all = text.join('\n').replace(/\s+/g, '');
    for (const part of ['卷宗', '卷内目录', '投诉登记表', '受理回执', '受理通知书', '处理结果告知书', '案件经过', '调查清单', '证据清单', '备考表']) expect(all, part).toContain(part);

    // Without the session, nothing is served.
    const anonymous = await fetch(`${host.url}/files/dossiers/${v1.id}.pdf`, { headers: { Origin: host.url } });
    expect(anonymous.status).toBe(401);

    // Every page as a person sees it.
    const dir = join(SCREENSHOTS, 'dossier');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'dossier.pdf'), pdf);
    expect(await pdfToPngs(browser, pdf, (n) => join(dir, `page-${String(n).padStart(2, '0')}.png`))).toBe(v1.pages);
  }, 240_000);
});
