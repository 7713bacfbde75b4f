import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, launchBrowser, newPage, screenshot, startHost, type RunningHost, tearDown } from './host';

/**
 * Issue [B] "Every field of the 投诉登记表": a walk-in with an agent registered from the keyboard
 * alone — 有代理人 ticked with Space opens the agent's fields in Tab order, the 授权委托书 is
 * noted, the purchase place and order number and the request types are typed; a purchase more than
 * three years old is warned of and confirmed before it saves. The host's clock: 2026-11-23 09:00.
 */
let host: RunningHost;
let browser: Browser;
let page: Page;
let admin: string;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);

beforeAll(async () => {
  host = await startHost();
  await api('setup.init', { officeName: '宁波市消费者权益保护委员会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  admin = (await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' })).token;
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, admin);
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

const typeAndTab = async (text: string) => {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
};
const tabs = async (n: number) => {
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
};
/** Types to filter a multi-choice, sees the option offered first, and takes it with Enter, as a clerk looks before pressing it. */
const pickTyped = async (name: string) => {
  await page.keyboard.type(name);
  await expect.poll(() => page.getByRole('option').first().textContent()).toBe(name);
  await page.keyboard.press('Enter');
};
const focusedLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.replace(/[\s*]/g, '') ?? el?.getAttribute('aria-label') ?? '';
  });

describe('a walk-in with an agent, from the keyboard alone', () => {
  it('registers the complainant, the agent with the 授权委托书, where it was bought, the request types, and confirms an old purchase', async () => {
    await page.goto(host.url);
    await expect.poll(focusedLabel).toBe('用户名');
    await typeAndTab('clerk');
    await page.keyboard.type('clerk-pass-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('陈晓').first().isVisible()).toBe(true);

    await page.keyboard.press('Alt+2');
    await expect.poll(focusedLabel).toBe('投诉人姓名');
    await typeAndTab('王秀英');
    await typeAndTab('13612345678');
    await tabs(3); // 证件类型, 证件号码, 投诉人地址
    expect(await focusedLabel()).toBe('有代理人（代为投诉）');
    // Unticked, the agent's fields are not there to tab through.
    expect(await page.getByLabel('代理人姓名').count()).toBe(0);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('代理人姓名');
    await typeAndTab('李志强');
    expect(await focusedLabel()).toBe('代理人电话');
    await typeAndTab('13788889999');
    expect(await focusedLabel()).toBe('与投诉人关系');
    await typeAndTab('儿子');
    expect(await focusedLabel()).toBe('已收到授权委托书');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('被投诉方名称');
    await typeAndTab('宁波某某电器有限公司');
    await tabs(4); // 统一社会信用代码, 联系人, 被投诉方电话, 被投诉方地址
    expect(await focusedLabel()).toBe('商品或服务名称');
    await typeAndTab('滚筒洗衣机');
    // 购买日期: typed section by section; three years and a day before today.
    await page.keyboard.type('20231122');
    await tabs(2); // its calendar button
    expect(await focusedLabel()).toBe('实付金额（元）');
    await typeAndTab('3299');
    // The warning shows as soon as the dates say so, by the core's today.
    const warning = page.getByRole('alert').filter({ hasText: '超过三年' });
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await focusedLabel()).toBe('已核实，仍予登记');
    await page.keyboard.press('Tab'); // left unticked for now
    expect(await focusedLabel()).toBe('购买店铺');
    await typeAndTab('国美（天一店）');
    expect(await focusedLabel()).toBe('购买平台');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('订单号');
    await typeAndTab('GM2023112200187');
    expect(await focusedLabel()).toBe('投诉事实');
    await typeAndTab('洗衣机脱水时剧烈晃动，维修三次未修好。');
    expect(await focusedLabel()).toBe('请求类型');
    await pickTyped('更换');
    await pickTyped('赔偿');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('投诉请求');
    await typeAndTab('更换同型号新机，赔偿误工费');
    expect(await focusedLabel()).toBe('请求金额（元）');
    await typeAndTab('500');
    expect(await focusedLabel()).toBe('投诉类别');
    await page.keyboard.type('家用电子');
    await page.keyboard.press('Enter');

    // Saved without the confirmation: the form stops at the warning, nothing is registered.
    await page.keyboard.press('Control+Enter');
    await expect.poll(focusedLabel).toBe('已核实，仍予登记');
    await expect.poll(() => page.getByText('请核实后勾选“已核实，仍予登记”').isVisible()).toBe(true);
    expect((await api<{ total: number }>('cases.search', {}, admin)).total).toBe(0);
    await page.keyboard.press('Space');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, '60-register-agent-fields', { fullPage: false });
    await screenshot(page, '61-register-agent-fields-full');
    await page.keyboard.press('Control+Enter');

    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(caseNoOf(1));

    const c = await api<any>('cases.get', { id: 1 }, admin);
    expect(c).toMatchObject({
      complainant: { name: '王秀英', phone: '13612345678' },
      agent: { name: '李志强', phone: '13788889999', relation: '儿子', authorizationReceived: true },
      purchasePlace: { shop: '国美（天一店）', platform: null, orderNo: 'GM2023112200187' },
      requestTypes: [
        { code: 'exchange', name: '更换' },
        { code: 'compensation', name: '赔偿' },
      ],
      request: '更换同型号新机，赔偿误工费',
      purchasedOn: '2023-11-22',
      purchaseOverLimitation: true,
      amountPaidFen: 329900,
    });
    const found = await api<{ rows: { id: number }[] }>('cases.search', { text: 'GM2023112200187' }, admin);
    expect(found.rows.map((r) => r.id)).toEqual([1]);
  });

  it('shows the agent, the purchase place, the request types and the three-year flag on the case page', async () => {
    await page.keyboard.press('Escape');
    await page.goto(`${host.url}/#/cases/1`);
    const overview = page.getByText('代理人', { exact: true });
    await expect.poll(() => overview.isVisible()).toBe(true);
    for (const text of ['李志强', '已收到', '国美（天一店）', 'GM2023112200187', '更换、赔偿']) {
      await expect.poll(() => page.getByText(text, { exact: true }).first().isVisible(), { message: text }).toBe(true);
    }
    expect(await page.getByRole('alert').filter({ hasText: '超过三年' }).isVisible()).toBe(true);
    await screenshot(page, '62-case-agent-fields');
  });
});
