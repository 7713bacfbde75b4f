import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../core/evidenceHelpers';
import { apiCall, launchBrowser, newPage, openRegisterForm, screenshot, startHost, tearDown, type RunningHost } from './host';

/**
 * 从截图识别 (issue [H]) in Chromium: an order screenshot dropped onto the registration form is read
 * by the host's OCR worker, and what it shows is offered field by field with the line it came from;
 * the clerk leaves one, changes one, and only what was ticked is filled. A receipt chosen with the
 * button offers the business; a field already typed is not changed unless ticked.
 */
let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost();
  await apiCall(host, 'setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
  await apiCall(host, 'users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, token);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openRegisterForm(page, host, 'clerk', 'clerk-pass-1');
});
afterAll(() => tearDown(host, browser));

/** Drops a file onto the form as the desktop does: a drop event whose DataTransfer holds it. */
async function drop(name: string, mime: string): Promise<void> {
  const bytes = readFileSync(join(FIXTURES, name)).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ bytes, name, mime }) => {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([data], name, { type: mime }));
      return t;
    },
    { bytes, name, mime },
  );
  const form = page.getByRole('form', { name: '登记投诉' });
  await form.dispatchEvent('dragover', { dataTransfer: transfer });
  await form.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('从截图识别 on the registration form', () => {
  it('offers what a dropped order screenshot says, fills only what the clerk ticks, as changed', async () => {
    await drop('ocr-order.png', 'image/png');
    const dialog = page.getByRole('dialog', { name: /从截图识别/ });
    await expect.poll(() => dialog.getByLabel('订单号', { exact: true }).isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await dialog.getByLabel('订单号', { exact: true }).inputValue()).toBe('20261102153045');
    expect(await dialog.getByLabel('实付金额（元）', { exact: true }).inputValue()).toBe('1299.00');
    expect(await dialog.getByLabel('购买日期', { exact: true }).inputValue()).toBe('2026-11-02');
    expect(await dialog.getByLabel('商品或服务名称', { exact: true }).inputValue()).toBe('智能扫地机器人');
    expect(await dialog.getByText('识别自：“订单编号 20261102153045”').isVisible()).toBe(true);
    // Nothing is filled until the clerk says so.
    expect(await page.locator('input[name="purchasePlace.orderNo"]').inputValue()).toBe('');
    await screenshot(page, '90-screenshot-fill-offer', { fullPage: false });

    await dialog.getByLabel('填入购买日期', { exact: true }).uncheck();
    await dialog.getByLabel('商品或服务名称', { exact: true }).fill('扫地机器人 S10');
    await dialog.getByRole('button', { name: '填入所选' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const form = page.getByRole('form', { name: '登记投诉' });
    expect(await form.getByLabel('订单号', { exact: true }).inputValue()).toBe('20261102153045');
    expect(await form.getByLabel('实付金额（元）', { exact: true }).inputValue()).toBe('1299.00');
    expect(await form.getByLabel('商品或服务名称', { exact: true }).inputValue()).toBe('扫地机器人 S10');
    // The day left unticked stays empty.
    expect(await form.getByRole('group', { name: '购买日期' }).textContent()).not.toContain('2026');
    await page.locator('input[name="purchasePlace.orderNo"]').scrollIntoViewIfNeeded();
    await screenshot(page, '91-screenshot-fill-filled', { fullPage: false });
  });

  it('offers a receipt chosen with the button: the business ticked where the form is empty, the product it already has left as typed', async () => {
    const form = page.getByRole('form', { name: '登记投诉' });
    await page.getByTestId('screenshot-picker').setInputFiles([join(FIXTURES, 'ocr-receipt.png')]);
    const dialog = page.getByRole('dialog', { name: /从截图识别/ });
    await expect.poll(() => dialog.getByLabel('被投诉方名称', { exact: true }).isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await dialog.getByLabel('被投诉方名称', { exact: true }).inputValue()).toBe('鑫盛家电商行');
    expect(await dialog.getByLabel('填入被投诉方名称', { exact: true }).isChecked()).toBe(true);
    // 商品 is already typed: offered unticked, with what the form has now.
    expect(await dialog.getByLabel('填入商品或服务名称', { exact: true }).isChecked()).toBe(false);
    expect(await dialog.getByText('表中现为：扫地机器人 S10').isVisible()).toBe(true);
    // From the keyboard: Enter in a field fills what is ticked.
    await dialog.getByLabel('被投诉方名称', { exact: true }).press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await form.getByLabel('被投诉方名称', { exact: true }).inputValue()).toBe('鑫盛家电商行');
    expect(await form.getByLabel('商品或服务名称', { exact: true }).inputValue()).toBe('扫地机器人 S10');
  });

  it('says in words when what is dropped is no picture', async () => {
    await drop('seal.png', 'image/png'); // a picture with no text
    const dialog = page.getByRole('dialog', { name: /从截图识别/ });
    await expect.poll(() => dialog.getByText(/没有识别到文字|没有找到商家/).isVisible(), { timeout: 60_000 }).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
    const transfer = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['不是图片'], '说明.txt', { type: 'text/plain' }));
      return t;
    });
    const formEl = page.getByRole('form', { name: '登记投诉' });
    await formEl.dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => dialog.getByText('无法识别：这不是一张图片').first().isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
  });
});
