import { minimalComplaint } from '../core/harness';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../core/evidenceHelpers';
import { apiCall, launchBrowser, newPage, screenshot, startHost, type RunningHost, tearDown } from './host';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

let host: RunningHost;
let browser: Browser;
let page: Page;
let caseId: number;
const usb = mkdtempSync(join(tmpdir(), 'complaintdesk-usb-'));

const ITEM = '商品实物或照片（含铭牌、型号、序列号）';

beforeAll(async () => {
  host = await startHost();
  await apiCall(host, 'setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王调查', password: 'admin-pass-1' } });
  const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
  ({ id: caseId } = await apiCall<{ id: number }>(
    host,
    'cases.register',
    minimalComplaint(),
    token,
  ));
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('王调查').first().waitFor();
});
afterAll(async () => {
  await tearDown(host, browser);
  rmSync(usb, { recursive: true, force: true });
});

const progressOf = (testId: string) => page.getByTestId(testId).getAttribute('aria-valuenow').then(Number);

describe('an investigator works a case in Chromium', () => {
  it('cancels an upload under way, keeping nothing of it', async () => {
    await page.goto(`${host.url}/#/cases/${caseId}`);
    await page.getByRole('tab', { name: /证据/ }).click();
    await expect.poll(() => page.getByText('本案还没有证据').isVisible()).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    // A longer video made here (a real clip's head, then 6 MB more): far from sent when cancelled.
    const long = join(usb, '长视频.mp4');
    writeFileSync(long, Buffer.concat([readFileSync(join(FIXTURES, 'clip.mp4')), Buffer.alloc(6 * 1024 * 1024, 1)]));
    await page.getByTestId('evidence-picker').setInputFiles([long]);
    await page.getByRole('button', { name: '开始上传' }).click();
    await expect.poll(() => progressOf('overall-progress'), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: '取消上传' }).click();
    await expect.poll(() => page.getByText(/已取消/).first().isVisible()).toBe(true);
    // The host notices the closed connection and removes the temporary file.
    await expect.poll(() => readdirSync(join(host.dataDir, 'vault/tmp')), { timeout: 10_000 }).toEqual([]);
    rmSync(long);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    await page.getByRole('button', { name: '完成' }).click();
    const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await apiCall<{ evidence: unknown[] }>(host, 'cases.get', { id: caseId }, token)).evidence).toEqual([]);
  });

  it('attaches a photo and a video at once, with progress per file and overall', async () => {
    await expect.poll(() => page.getByText('本案还没有证据').isVisible()).toBe(true);

    // A slow link (about 40 KB/s up), so the bars are seen moving, not only full.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40 * 1024 });

    await page.getByTestId('evidence-picker').setInputFiles([join(FIXTURES, 'photo-exif.jpg'), join(FIXTURES, 'clip.mp4')]);
    await expect.poll(() => page.getByTestId('upload-entry').count()).toBe(2);
    await screenshot(page, 'evidence-01-upload-dialog');
    await page.getByRole('button', { name: '开始上传' }).click();
    await expect.poll(() => progressOf('overall-progress')).toBeGreaterThan(0);
    await expect.poll(() => progressOf('overall-progress')).toBeLessThan(100);
    await screenshot(page, 'evidence-02-uploading');
    await expect.poll(() => progressOf('overall-progress'), { timeout: 30_000 }).toBe(100);
    await expect.poll(() => page.getByText('全部已保存').isVisible()).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => page.getByTestId('evidence-tile').count()).toBe(2);
  });

  it('shows the photo’s thumbnail and the video’s poster frame (ffmpeg’s where it is installed, else Chromium’s own decoder)', async () => {
    const thumbs = page.getByTestId('evidence-thumbnail');
    await expect.poll(() => thumbs.count()).toBe(hasFfmpeg ? 2 : 1);
    if (!hasFfmpeg) {
      // No ffmpeg on this machine: the page draws the poster itself from the video's first frames.
      const poster = page.getByTestId('evidence-poster');
      await expect.poll(() => poster.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0)).toBe(true);
    }
    const sizesOf = () => thumbs.evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => (i.complete ? [i.naturalWidth, i.naturalHeight] : [0, 0])));
    // Both pictures decoded: the thumbnail and the poster frame reached the page.
    await expect.poll(async () => (await sizesOf()).every(([w, h]) => w! * h! > 0)).toBe(true);
    const sizes = await sizesOf();
    // The photo was taken turned (EXIF orientation 6): its thumbnail stands upright, portrait.
    expect(sizes[0]![1]).toBeGreaterThan(sizes[0]![0]!);
    await screenshot(page, 'evidence-03-grid');
  });

  it('opens the photo upright, zooms and turns it', async () => {
    await page.getByTestId('evidence-tile').first().click();
    const img = page.getByTestId('viewer-image');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    const [w, h] = await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight]);
    expect(h).toBeGreaterThan(w!);
    await page.getByRole('button', { name: '放大' }).click();
    expect(await page.getByTestId('zoom-level').textContent()).toBe('150%');
    await page.keyboard.press('r');
    expect(await img.evaluate((i) => getComputedStyle(i).transform)).not.toBe('none');
    await screenshot(page, 'evidence-04-photo-viewer');
  });

  it('plays the video and seeks in it, the file read by HTTP Range', async () => {
    const ranges: { range: string | undefined; status: number }[] = [];
    page.on('response', (r) => {
      if (/\/files\/evidence\/2$/.test(r.url())) ranges.push({ range: r.request().headers().range, status: r.status() });
    });
    await page.getByRole('button', { name: '下一项' }).click();
    const video = page.getByTestId('viewer-video');
    expect(await video.evaluate((v: HTMLVideoElement) => v.canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'))).not.toBe('');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeCloseTo(3, 0);
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
    await video.evaluate((v: HTMLVideoElement) => {
      v.pause();
      return new Promise<void>((resolve) => {
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = 2.2;
      });
    });
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2.2, 1);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
    expect(ranges.some((r) => r.range?.startsWith('bytes=') && r.status === 206)).toBe(true);
    await screenshot(page, 'evidence-05-video-viewer');
    await page.keyboard.press('Escape');
  });

  it('ticks the checklist item the video satisfies, linked to it', async () => {
    await page.getByRole('tab', { name: /调查/ }).click();
    await expect.poll(() => page.getByTestId('checklist-item').count()).toBe(7);
    await page.getByRole('button', { name: `编辑：${ITEM}` }).click();
    await page.getByRole('radio', { name: '已完成' }).check();
    await page.getByLabel('满足此项的证据').click();
    await page.getByRole('option', { name: /证据2：clip\.mp4/ }).click();
    await page.getByLabel('备注').fill('视频清楚显示屏幕竖线及铭牌');
    await page.getByRole('button', { name: '保存' }).click();
    const item = page.getByTestId('checklist-item').filter({ hasText: ITEM });
    await expect.poll(() => item.getByText('证据2：clip.mp4').isVisible()).toBe(true);
    await expect.poll(() => item.getByText(/王调查 于 2026年11月23日 \d\d:\d\d 标记为“已完成”/).isVisible()).toBe(true);
    expect(await page.getByTestId('checklist-summary').textContent()).toContain('已完成 1 项');
    await screenshot(page, 'evidence-06-checklist');
  });

  it('exports the evidence to a folder whose manifest sha256sum -c accepts', async () => {
    await page.getByRole('tab', { name: /证据/ }).click();
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByLabel('导出到文件夹').fill(usb);
    await page.getByRole('button', { name: '导出', exact: true }).last().click();
    await expect.poll(() => page.getByTestId('evidence-notice').textContent()).toContain('已导出 2 个文件');
    const [folder] = readdirSync(usb);
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(usb, folder!), encoding: 'utf8' });
    expect(check.trim().split('\n')).toEqual(['001-photo-exif.jpg: OK', '002-clip.mp4: OK']);
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect.poll(() => page.getByText(/2 个文件导出到/).isVisible()).toBe(true);
    await screenshot(page, 'evidence-07-timeline');
  });

  it('takes a call recording dropped onto the tab, shows an icon for it and plays it', async () => {
    await page.getByRole('tab', { name: /证据/ }).click();
    const bytes = readFileSync(join(FIXTURES, 'voice.m4a')).toString('base64');
    // A real drop: a DataTransfer holding the file, dragged over the zone and dropped on it.
    await page.getByTestId('evidence-drop-zone').evaluate((zone, b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '与商家通话录音.m4a', { type: 'audio/x-m4a' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, bytes);
    await expect.poll(() => page.getByTestId('upload-entry').count()).toBe(1);
    await page.getByRole('button', { name: '开始上传' }).click();
    await expect.poll(() => page.getByText('全部已保存').isVisible()).toBe(true);
    await page.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => page.getByTestId('evidence-tile').count()).toBe(3);
    expect(await page.getByTestId('evidence-icon').count()).toBe(1);
    await screenshot(page, 'evidence-08-grid-with-recording');
    await page.getByTestId('evidence-tile').nth(2).click();
    const audio = page.getByTestId('viewer-audio');
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
    expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(2, 0);
    await page.keyboard.press('Escape');
  });

  it('lets the administrator edit a category’s checklist as a new version, the case keeping its own', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('tab', { name: '调查与证据' }).click();
    await expect.poll(() => page.getByTestId('template-version').textContent()).toContain('第 1 版');
    await page.getByRole('button', { name: '增加一项' }).click();
    await page.getByLabel('第 8 项', { exact: true }).fill('调取商场监控录像');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByText('已保存为第 2 版').isVisible()).toBe(true);
    await screenshot(page, 'evidence-09-settings-checklists');
    await page.goto(`${host.url}/#/cases/${caseId}`);
    await page.getByRole('tab', { name: /调查/ }).click();
    await expect.poll(() => page.getByTestId('checklist-summary').textContent()).toContain('第 1 版');
    expect(await page.getByTestId('checklist-item').count()).toBe(7);
  });
});
