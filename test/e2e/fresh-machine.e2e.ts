import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf';
import { launchBrowser, newPage, screenshot, startHost, tearDown, type RunningHost } from './host';

/**
 * What `npm install && npm test` needs on a fresh Linux machine without apt: a Chromium found or
 * taken from the npm registry (test/support/browser.ts), the UI's Chinese font shipped with the
 * renderer, PDFs read with pdf.js (test/support/pdf.ts).
 */
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
});
afterAll(() => tearDown(host, browser));

describe('a fresh machine', () => {
  it('draws the UI in the bundled Noto Sans SC, loading only the slices the screen uses', async () => {
    const page = await newPage(browser);
    const fonts: { url: string; bytes: number }[] = [];
    page.on('response', async (res) => {
      if (res.url().endsWith('.woff2')) fonts.push({ url: res.url(), bytes: (await res.body()).length });
    });
    await page.goto(host.url);
    await expect.poll(() => page.getByText('首次设置').first().isVisible()).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Noto Sans SC"/);
    expect(await page.evaluate("[...document.fonts].some((f) => f.family.replace(/\"/g, '') === 'Noto Sans SC' && f.status === 'loaded')")).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.url.startsWith(`${host.url}/assets/`))).toBe(true);
    const total = fonts.reduce((n, f) => n + f.bytes, 0);
    console.info(`first screen: ${fonts.length} font slices, ${Math.round(total / 1024)} KB`);
    // A fraction of the whole font (about 2.5 MB per weight) reaches the page.
    expect(total).toBeLessThan(2.5 * 1024 * 1024);
    await screenshot(page, 'fresh-machine-setup');
  });

  it('reads a PDF without poppler: text, page size, fonts embedded and not Type 3', async () => {
    const page = await newPage(browser);
    await page.goto(host.url);
    await expect.poll(() => page.getByText('首次设置').first().isVisible()).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const report = await readPdf(pdf);
    expect(report.pageCount).toBe(1);
    expect(report.pages[0]).toMatchObject({ width: 595.92, height: 842.88 });
    expect(report.pages[0]!.text).toContain('首次设置');
    expect(report.fonts.length).toBeGreaterThan(0);
    expect(report.fonts.every((f) => f.embedded && !f.type3)).toBe(true);
  });
});
