import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, systemChromium } from '../../electron/host/chromiumPrinter';
import { minimalComplaint, openRegister, quietLog } from '../core/harness';
import { keepPng, pdfFonts, pdfInfo, pdfText } from '../core/noticeKit';

/**
 * The host's print engine: the machine's Chromium where there is one, else the one the npm
 * registry ships (@sparticuz/chromium), forced here so the fallback is known to print a real
 * notice — A4, real text, every font embedded and none Type 3.
 */
const bundled = createChromiumPrinter({ log: quietLog, prefer: 'bundled' });
afterAll(() => bundled.close());

/** The Chromium processes this test process started (Linux /proc; elsewhere none are seen). */
function browsersOfThisProcess(): number[] {
  if (!existsSync('/proc/self/stat')) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the print engine of browser mode', () => {
  it('honours CHROMIUM_PATH, and names no Chromium that is not there', () => {
    expect(systemChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).toBeNull();
    expect(systemChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  // A machine without Chromium (a fresh one) prints with the registry's, as the next test shows.
  it.skipIf(!systemChromium({}))('finds the machine’s own Chromium (needs Debian’s chromium or Chrome installed; skipped without)', () => {
    expect(systemChromium({})).toMatch(/chrom|msedge/i);
  });

  it('falls back to the registry’s Chromium, which prints a notice with embedded CID fonts', async () => {
    const reg = await openRegister(undefined, { pdf: bundled });
    try {
      const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint());
      const issued = await reg.must<{ sha256: string; number: string }>('notices.issue', { caseId: id, type: 'receipt' });
      expect(bundled.engine()).toMatch(/^@sparticuz\/chromium 147\./);
      const file = reg.core.vault.pathOf(issued.sha256);
      expect((await pdfInfo(file)).pageSize).toContain('(A4)');
      expect((await pdfText(file)).replace(/\s+/g, '')).toContain(issued.number);
      const fonts = (await pdfFonts(file));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded || f.type === 'Type 3')).toEqual([]);
      keepPng(file, 'receipt-bundled-chromium');
    } finally {
      reg.close();
    }
  }, 120_000);

  it('runs on a thread of its own: the thread that answers the page never loads playwright-core', async () => {
    // Loading it held the host's thread ≈ 0.9 s at a million cases (README "Measured"). Vitest runs
    // each file in a process of its own, so this file's module cache is this thread's alone.
    const loadedHere = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/playwright-core/'));
    expect(await bundled.warm()).toMatch(/^@sparticuz\/chromium /);
    expect(bundled.threadId).toBeGreaterThan(0);
    const pdf = await bundled.printToPdf('<!doctype html><html><body>线程</body></html>', { pageSize: 'A4' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(loadedHere()).toEqual([]);
  }, 120_000);

  it('gives up on a print that hangs, says so in Chinese, and prints the next notice on a fresh browser', async () => {
    const before = browsersOfThisProcess();
    const impatient = createChromiumPrinter({ log: quietLog, prefer: 'bundled', timeoutMs: 3_000 });
    try {
      await impatient.warm();
      // A page whose script never ends never reaches `load`.
      const hung = impatient.printToPdf('<!doctype html><html><body><script>for (;;) {}</script></body></html>', { pageSize: 'A4' });
      const next = impatient.printToPdf('<!doctype html><html><body>下一份</body></html>', { pageSize: 'A4' });
      await expect(hung).rejects.toMatchObject({ code: 'INTERNAL', message: '生成PDF超时，请重试' });
      expect(Buffer.from((await next).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    } finally {
      await impatient.close();
    }
    expect(impatient.threadId).toBeNull();
    // The hung page's browser is gone too, not left spinning a core (the registry's Chromium runs
    // as one process for a cloud function unless told otherwise, and then no close could end it).
    const until = Date.now() + 10_000;
    const left = () => browsersOfThisProcess().filter((pid) => !before.includes(pid));
    while (left().length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(left()).toEqual([]);
  }, 120_000);

  it('rests when no notice comes: its thread and browser end, and the next notice starts them again', async () => {
    const resting = createChromiumPrinter({ log: quietLog, prefer: 'bundled', idleMs: 300 });
    try {
      const html = '<!doctype html><html><body>歇</body></html>';
      await resting.printToPdf(html, { pageSize: 'A4' });
      const first = resting.threadId;
      expect(first).toBeGreaterThan(0);
      const until = Date.now() + 20_000;
      while (resting.threadId !== null && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(resting.threadId).toBeNull();
      expect(resting.engine()).toBeNull();
      const again = await resting.printToPdf(html, { pageSize: 'A4' });
      expect(Buffer.from(again.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(resting.threadId).not.toBe(first);
    } finally {
      await resting.close();
    }
  }, 120_000);

  it('refuses at once what is beyond its queue, and prints the rest', async () => {
    const small = createChromiumPrinter({ log: quietLog, maxQueue: 1 });
    try {
      const html = '<!doctype html><html><body>排队</body></html>';
      const jobs = [small.printToPdf(html, { pageSize: 'A4' }), small.printToPdf(html, { pageSize: 'A4' }), small.printToPdf(html, { pageSize: 'A4' })];
      const settled = await Promise.allSettled(jobs);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: '正在生成的文书过多，请稍后再试' });
    } finally {
      await small.close();
    }
  });
});
