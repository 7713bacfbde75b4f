import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, registerCase, setUpOffice, typeDate, type Office } from './office';

/**
 * 案件, the register as a grid (issue #11): at 1366×768 with nothing cut; found from the keyboard
 * (/ or Ctrl+K, type, ↓, Enter); filtered by every filter beside the box; sorted by a column on the
 * core; paged by the core's cursors; exported to Excel exactly as filtered and read back with exceljs.
 *
 * Sixty cases, each told apart by its number i: surname i mod 10 and a given name by i, a business
 * by i mod 5, a category by i mod 5, a channel by i mod 4, a region by i mod 3 (none for 2),
 * received one a day from 24 September; 0–9 accepted and assigned; 59 voided; 42 paid a gym in advance.
 */
const N = 60;
const SURNAMES = '王李张刘陈杨赵黄周吴';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳';
const nameOf = (i: number) => `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10)]}${GIVEN[(i * 5) % 12]}`;
const BUSINESSES = ['杭州西湖家电商场有限公司', '浙江某某国际旅行社有限公司', '杭州某某健身服务有限公司', '杭州某某房地产营销策划有限公司', '杭州某某电子商务有限公司'];
const CATEGORIES = ['G01', 'S03', 'S04', 'S02', 'G06'];
const CHANNELS = ['visit', 'phone', 'letter', 'online'];
const PREPAID = 42;
const VOIDED = 59;
const receivedOn = (i: number) => new Date(Date.UTC(2026, 8, 24 + i)).toISOString().slice(0, 10);

let host: RunningHost;
let browser: Browser;
let office: Office;
let page: Page;
const ids: number[] = [];
const caseNos: string[] = [];
let regions: { code: string; name: string }[];

const live = (i: number) => i !== VOIDED;
const countWhere = (test: (i: number) => boolean) => Array.from({ length: N }, (_, i) => i).filter((i) => live(i) && test(i)).length;

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  regions = (await apiCall<{ regions: { code: string; name: string }[] }>(host, 'catalog.saveRegions', { regions: [{ name: '西湖区' }, { name: '上城区' }] }, office.adminToken)).regions;
  for (let i = 0; i < N; i++) {
    const over: Record<string, unknown> = {
      receivedAt: `${receivedOn(i)}T${String(9 + (i % 8)).padStart(2, '0')}:15:00+08:00`,
      channel: CHANNELS[i % 4],
      category: CATEGORIES[i % 5],
      complainant: { name: nameOf(i), phone: i === 7 ? '0571-87654321' : `1381234${String(i).padStart(4, '0')}` },
      respondent: { name: BUSINESSES[i % 5] },
      ...(i % 3 === 2 ? {} : { region: regions[i % 3]!.code }),
      ...(i === PREPAID ? { subject: '健身年卡', facts: '办理健身年卡后门店停业，会员卡里的预付款无法退还，多次联系无果。' } : {}),
    };
    ids.push(await registerCase(host, office.tokens.clerk, complaintOf(nameOf(i), over)));
  }
  const act = async (token: string, id: number, action: string, fields: Record<string, unknown> = {}) => {
    const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id }, token);
    await apiCall(host, 'cases.act', { id, version, action, ...fields }, token);
  };
  for (let i = 0; i < 10; i++) {
    await act(office.tokens.clerk, ids[i]!, 'accept');
    await act(office.tokens.supervisor, ids[i]!, 'assign', { userId: office.ids.investigator });
  }
  await act(office.tokens.supervisor, ids[VOIDED]!, 'void', { reason: '重复登记' });
  for (const id of ids) caseNos.push((await apiCall<{ caseNo: string }>(host, 'cases.get', { id }, office.tokens.clerk)).caseNo);
  browser = await launchBrowser();
  page = await deskOf(browser, host, 'clerk');
  await page.setViewportSize({ width: 1366, height: 768 });
}, 240_000);
afterAll(() => tearDown(host, browser));

const grid = () => page.getByRole('grid', { name: '案件列表' });
const count = () => page.getByTestId('case-count').textContent();
const pageRange = () => page.getByTestId('page-range').textContent();
/** The case numbers on the page, top to bottom. */
const shownCaseNos = () => page.locator('.MuiDataGrid-cell[data-field="caseNo"]').allTextContents();
async function openList(query = ''): Promise<void> {
  await page.goto(`${host.url}/#/cases${query ? `?${query}` : ''}`);
  await expect.poll(() => grid().getByRole('row').count()).toBeGreaterThan(1);
}

describe('the register grid', () => {
  it('fits 1366 px: names, phones, categories and headers whole, no sideways scrolling', async () => {
    await openList();
    await expect.poll(count).toBe(String(N - 1));
    await screenshot(page, 'register-grid', { fullPage: false });
    // Every case on one page, so every row is checked.
    await openList('size=100');
    await expect.poll(() => grid().locator('.MuiDataGrid-row').count()).toBe(N - 1);
    const cut = await page.evaluate(() => {
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el.querySelector('span, .MuiChip-label') ?? el);
        return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const problems: string[] = [];
      for (const field of ['caseNo', 'receivedAt', 'complainantName', 'complainantPhone', 'categoryName', 'status', 'handlerName']) {
        for (const cell of Array.from(document.querySelectorAll(`.MuiDataGrid-cell[data-field="${field}"]`))) {
          // 收到 is the date on one line (kept whole: it overflows rather than wraps) with the time under it.
          if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${field} overflows: ${cell.textContent}`);
          else if (field !== 'status' && field !== 'receivedAt' && lines(cell) > 1) problems.push(`${field} wraps: ${cell.textContent}`);
        }
      }
      for (const title of Array.from(document.querySelectorAll('.MuiDataGrid-columnHeaderTitle'))) {
        if (title.scrollWidth > title.clientWidth + 1) problems.push(`header cut: ${title.textContent}`);
      }
      const scroller = document.querySelector('.MuiDataGrid-virtualScroller')!;
      if (scroller.scrollWidth > scroller.clientWidth + 1) {
        const widths = Array.from(document.querySelectorAll('.MuiDataGrid-columnHeader')).map((h) => `${h.getAttribute('data-field')}:${Math.round(h.getBoundingClientRect().width)}`);
        const wide = Array.from(scroller.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > scroller.getBoundingClientRect().right + 1).slice(0, 5).map((e) => `${e.className}:${Math.round(e.getBoundingClientRect().right)}`);
        problems.push(`scrolls sideways by ${scroller.scrollWidth - scroller.clientWidth}px (client ${scroller.clientWidth}; ${widths.join(' ')}; ${wide.join(' | ')})`);
      }
      return problems;
    });
    expect(cut).toEqual([]);
    // The landline and the longest category are among the rows checked.
    expect(await grid().getByText('0571-87654321').isVisible()).toBe(true);
    expect(await grid().getByText('房屋装修及物业服务').first().isVisible()).toBe(true);
    const headers = await grid().getByRole('columnheader').allTextContents();
    expect(headers.join('|')).toBe('案件编号|收到|投诉人|联系电话|被投诉方 / 商品或服务|类别|状态|经办人|最近期限');
    // Sorted by a column, its header holds the arrow too, and stays whole (投诉人 read "投…" at 86 px).
    for (const sort of ['caseNo:asc', 'receivedAt:asc', 'complainantName:asc', 'respondentName:desc', 'category:asc', 'status:asc', 'dueOn:asc']) {
      await openList(`sort=${encodeURIComponent(sort)}`);
      await expect.poll(count).toBe(String(N - 1));
      const cutHeaders = await page.evaluate(() => Array.from(document.querySelectorAll('.MuiDataGrid-columnHeaderTitle')).filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
      expect(cutHeaders, sort).toEqual([]);
    }
  });

  it('finds a case from the keyboard: /, type, ↓, Enter opens it; the words found elsewhere show under the row', async () => {
    await openList();
    await page.getByRole('heading', { name: '案件' }).click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.keyboard.type('预付款');
    await expect.poll(count).toBe('1');
    const snippet = grid().getByTestId('match-snippet');
    await expect.poll(() => snippet.textContent()).toMatch(/^事实：.*预付款无法退还/);
    expect(await grid().locator('mark').allTextContents()).toEqual(['预付款']);
    expect(page.url()).toContain('q=%E9%A2%84%E4%BB%98%E6%AC%BE');
    await screenshot(page, 'register-grid-search', { fullPage: false });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('data-id'))).toBe(String(ids[PREPAID]));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/cases/${ids[PREPAID]}$`));
    await expect.poll(() => page.getByTestId('case-no').textContent()).toBe(caseNos[PREPAID]);

    // Back to the list as it was; Ctrl+K to the box from anywhere on it, Esc from the rows back to it.
    await page.goBack();
    await expect.poll(count).toBe('1');
    await page.getByRole('heading', { name: '案件' }).click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('预付款');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
  });

  it('searches one character in names and a phone fragment, marking what it found', async () => {
    await openList();
    await page.getByLabel('搜索').fill(SURNAMES[3]!);
    await expect.poll(count).toBe(String(countWhere((i) => i % 10 === 3)));
    expect(await page.getByText('单字和一两位数字、字母只查姓名').isVisible()).toBe(true);
    await screenshot(page, 'register-grid-one-character', { fullPage: false });
    await page.getByLabel('搜索').fill('12340007');
    await expect.poll(count).toBe('0');
    expect(await page.getByText('单字和一两位数字、字母只查姓名').count()).toBe(0);
    await page.getByLabel('搜索').fill('12340017');
    await expect.poll(count).toBe('1');
    expect(await grid().locator('.MuiDataGrid-cell[data-field="complainantPhone"] mark').textContent()).toBe('12340017');
  });

  it('marks what it found without widening it: a case number found by its beginning keeps its width, on one line', async () => {
    // The case number's column is as wide as a six-digit number of a year (a large office's); a mark that
    // padded its text wrapped such a number at every mark, a piece a line, on the million.
    const cell = () => grid().locator(`.MuiDataGrid-row[data-id="${ids[N - 2]}"] .MuiDataGrid-cell[data-field="caseNo"]`);
    const textBox = () =>
      cell().evaluate((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        const box = range.getBoundingClientRect();
        return { width: box.width, lines: range.getClientRects().length > 0 ? new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size : 0 };
      });
    await openList();
    await expect.poll(count).toBe(String(N - 1));
    const plain = await textBox();
    await page.getByLabel('搜索').fill(caseNos[N - 2]!.slice(0, caseNos[N - 2]!.indexOf('-') + 2));
    await expect.poll(() => cell().locator('mark').count()).toBe(1);
    const marked = await textBox();
    expect(marked.width).toBeCloseTo(plain.width, 1);
    expect([plain.lines, marked.lines]).toEqual([1, 1]);
  });

  it('pages by cursor: 下一页 reads from where the page ended, 上一页 finds its page again', async () => {
    const bodies: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (r.url().endsWith('/api/cases.search')) bodies.push(r.postData() ?? '');
    };
    page.on('request', onRequest);
    await openList();
    await expect.poll(count).toBe(String(N - 1));
    expect(await pageRange()).toBe('第 1 页 · 第 1–25 件');
    const first = await shownCaseNos();
    // Newest received first.
    expect(first[0]).toBe(caseNos[N - 2]);
    const next = page.getByRole('button', { name: '下一页' });
    await next.click();
    await expect.poll(pageRange).toBe('第 2 页 · 第 26–50 件');
    const second = await shownCaseNos();
    expect(bodies.some((b) => (JSON.parse(b) as { after?: string }).after)).toBe(true);
    await next.click();
    await expect.poll(pageRange).toBe('第 3 页 · 第 51–59 件');
    const third = await shownCaseNos();
    expect(await next.isDisabled()).toBe(true);
    expect(new Set([...first, ...second, ...third]).size).toBe(N - 1);
    expect([...first, ...second, ...third]).toEqual(caseNos.slice(0, N - 1).reverse());
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(pageRange).toBe('第 2 页 · 第 26–50 件');
    expect(await shownCaseNos()).toEqual(second);
    await screenshot(page, 'register-grid-page-2', { fullPage: false });
    await page.getByRole('button', { name: '首页' }).click();
    await expect.poll(pageRange).toBe('第 1 页 · 第 1–25 件');
    page.off('request', onRequest);
  });

  it('sorts by a column on the core, in the order the core gives, both ways', async () => {
    await openList();
    const core = async (sort: string) =>
      (await apiCall<{ rows: { caseNo: string }[] }>(host, 'cases.search', { sort, pageSize: 25 }, office.tokens.clerk)).rows.map((r) => r.caseNo);
    const header = (name: string) => grid().getByRole('columnheader').filter({ has: page.getByText(name, { exact: true }) });
    await header('投诉人').click();
    await page.waitForURL(/sort=complainantName%3Aasc/);
    await expect.poll(shownCaseNos).toEqual(await core('complainantName:asc'));
    expect(await header('投诉人').getAttribute('aria-sort')).toBe('ascending');
    await header('投诉人').click();
    await page.waitForURL(/sort=complainantName%3Adesc/);
    await expect.poll(shownCaseNos).toEqual(await core('complainantName:desc'));
    await header('状态').click();
    await page.waitForURL(/sort=status%3Aasc/);
    await expect.poll(shownCaseNos).toEqual(await core('status:asc'));
    await header('类别').click();
    await expect.poll(shownCaseNos).toEqual(await core('category:asc'));
    // 联系电话 is not an order the core keeps an index for: its header does not sort.
    await header('联系电话').click();
    await expect.poll(shownCaseNos).toEqual(await core('category:asc'));
  });

  it('filters by category, region, handler, business, dates and voided cases, each kept in the address', async () => {
    await openList();
    await page.getByRole('button', { name: '更多筛选' }).click();
    const more = page.getByRole('group', { name: '更多筛选' });
    const choose = async (label: string, option: string) => {
      await more.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('类别', '房屋装修及物业服务');
    await expect.poll(count).toBe(String(countWhere((i) => i % 5 === 3)));
    await choose('地区', '西湖区');
    await expect.poll(count).toBe(String(countWhere((i) => i % 5 === 3 && i % 3 === 0)));
    expect(page.url()).toMatch(new RegExp(`category=S02&.*region=${regions[0]!.code}|region=${regions[0]!.code}&.*category=S02`));
    await screenshot(page, 'register-grid-filters', { fullPage: false });
    // The address alone opens the same list (as 今日 and 统计 link to it).
    await page.reload();
    await expect.poll(count).toBe(String(countWhere((i) => i % 5 === 3 && i % 3 === 0)));
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(count).toBe(String(N - 1));

    await page.getByRole('group', { name: '更多筛选' }).getByRole('combobox', { name: '地区' }).click();
    await page.getByRole('option', { name: '未填地区' }).click();
    await expect.poll(count).toBe(String(countWhere((i) => i % 3 === 2)));
    await page.getByRole('button', { name: '清除筛选' }).click();

    await choose('经办人', '未指派');
    await expect.poll(count).toBe(String(countWhere((i) => i >= 10)));
    await page.getByRole('button', { name: '清除筛选' }).click();

    await page.getByRole('group', { name: '更多筛选' }).getByRole('combobox', { name: '被投诉方' }).fill('健身');
    await page.getByRole('option', { name: /杭州某某健身服务有限公司/ }).click();
    await expect.poll(count).toBe(String(countWhere((i) => i % 5 === 2)));
    expect(page.url()).toContain('rname=');
    await page.getByRole('button', { name: '清除筛选' }).click();

    await typeDate(page.getByRole('group', { name: '更多筛选' }), '收到自', '2026-11-01');
    await typeDate(page.getByRole('group', { name: '更多筛选' }), '收到至', '2026-11-10');
    await page.waitForURL(/from=2026-11-01.*to=2026-11-10/);
    await expect.poll(count).toBe(String(countWhere((i) => receivedOn(i) >= '2026-11-01' && receivedOn(i) <= '2026-11-10')));
    await screenshot(page, 'register-grid-dates', { fullPage: false });
    // Both rows of 更多筛选 stand above the count: the page's fixed height once squeezed them under it.
    const moreBox = (await page.getByRole('group', { name: '更多筛选' }).boundingBox())!;
    const countBox = (await page.getByRole('status').filter({ hasText: /^共/ }).boundingBox())!;
    expect(moreBox.height).toBeGreaterThan(60);
    expect(moreBox.y + moreBox.height).toBeLessThanOrEqual(countBox.y);
    await page.getByRole('button', { name: '清除筛选' }).click();

    await page.getByRole('group', { name: '更多筛选' }).getByRole('button', { name: '含已作废' }).click();
    await expect.poll(count).toBe(String(N));
    await page.getByRole('combobox', { name: '状态', exact: true }).click();
    await page.getByRole('option', { name: '已作废' }).click();
    await expect.poll(count).toBe('1');
    expect(await shownCaseNos()).toEqual([caseNos[VOIDED]]);
  });

  it('filters by a deadline\'s state, of any kind or of one (期限状态, 期限种类)', async () => {
    // Cases 0–9, received 24 September to 3 October, were accepted on 23 November: their acceptance
    // deadline met late. 10–58 wait to be accepted (the clock runs); 59's clock ended when it was voided.
    await openList();
    const more = page.getByRole('group', { name: '更多筛选' });
    // Left open by the test before (the page keeps it open while filters in it are set, or as last left).
    if (!(await more.isVisible())) await page.getByRole('button', { name: '更多筛选' }).click();
    const state = async (option: string) => {
      await more.getByRole('combobox', { name: '期限状态' }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    const kind = async (option: string) => {
      await page.getByRole('combobox', { name: '期限种类' }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await state('逾期完成');
    await expect.poll(count).toBe('10');
    expect(new Set(await shownCaseNos())).toEqual(new Set(caseNos.slice(0, 10)));
    expect(page.url()).toContain('state=metLate');
    await kind('受理期限');
    await expect.poll(count).toBe('10');
    await kind('调解期限');
    await expect.poll(count).toBe('0');
    await state('计时中');
    await kind('受理期限');
    await expect.poll(count).toBe(String(countWhere((i) => i >= 10)));
    await state('已取消');
    await expect.poll(count).toBe('0');
    await more.getByRole('button', { name: '含已作废' }).click();
    await expect.poll(count).toBe('1');
    expect(await shownCaseNos()).toEqual([caseNos[VOIDED]]);
    await screenshot(page, 'register-grid-deadline-state', { fullPage: false });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(count).toBe(String(N - 1));
  });

  it('exports exactly the filtered list to Excel, with progress, and the file reads back', async () => {
    await openList('category=S02&sort=caseNo%3Aasc');
    const expected = countWhere((i) => i % 5 === 3);
    await expect.poll(count).toBe(String(expected));
    await page.getByRole('button', { name: '导出Excel' }).click();
    const dialog = page.getByRole('dialog', { name: /导出案件登记簿/ });
    await expect.poll(() => dialog.getByTestId('export-done').textContent()).toMatch(new RegExp(`已导出 ${expected} 件：案件登记簿-\\d{8}-\\d{4}\\.xlsx`));
    await screenshot(page, 'register-export', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: '下载 Excel 文件' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^案件登记簿-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('案件登记簿')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['案件编号', '收到时间', '登记时间', '状态', '投诉人', '联系电话']);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, k) => sheet.getRow(k + 2));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(caseNos.filter((_, i) => i % 5 === 3 && live(i)));
    expect(new Set(rows.map((r) => r.getCell(col('投诉类别')).value))).toEqual(new Set(['房屋装修及物业服务']));
    expect(rows[0]!.getCell(col('收到时间')).value).toBeInstanceOf(Date);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('shows the newest registered first when asked in the address (今日 “最新收到的投诉”)', async () => {
    // A letter received long ago, registered now: first by registration, far down by receipt.
    const id = await registerCase(host, office.tokens.clerk, complaintOf('迟到信', { channel: 'letter', receivedAt: '2026-01-05T09:00:00+08:00' }));
    await openList('sort=registeredAt%3Adesc');
    await expect.poll(() => page.locator('.MuiDataGrid-row').first().getAttribute('data-id')).toBe(String(id));
    expect(await page.getByText('按登记时间排列，最新登记的在前').isVisible()).toBe(true);
    await openList();
    await expect.poll(() => page.locator('.MuiDataGrid-row').first().getAttribute('data-id')).toBe(String(ids[N - 2]));
    expect(await grid().getByText('迟到信').count()).toBe(0);
  });
});
