import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceView } from '../../shared/api/schemas/evidence';
import { FOUND_IN_EVIDENCE, PDF_MAX_PAGES, pdfNotes, textReasons } from '../../shared/domain/evidenceText';
import { createCore } from '../../electron/core';
import { createTextReader } from '../../electron/core/services/evidence/textWorker';
import { fixture, FIXTURES, mustImport, ocrInstalled } from './evidenceHelpers';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

/**
 * Evidence that reads itself (issue [H]): pictures are read by OCR in a worker thread, their text
 * kept with the item, found by search, shown by cases.get. OCR takes about a second a picture here
 * (2 s to load the models): few pictures, the screenshots made by test/fixtures/make-ocr-fixtures.mjs.
 */


type Detail = { evidence: EvidenceView[] };
type Found = { rows: { id: number; match: { field: string; text: string } | null }[] };

/** A PDF with a text layer in an embedded Chinese font (the test's cut of Droid Sans Fallback, embedded whole: fontkit 2 has no subset stream), a page per list of lines; an empty list is a page with no text. */
async function pdfOf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // fontkit 2 (the project's own) does what pdf-lib asks of its fontkit 1 fork: create() a TrueType font.
  doc.registerFontkit(fontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  const chinese = await doc.embedFont(readFileSync(join(FIXTURES, 'fonts/stand-in-fangsong.ttf')), { subset: false });
  // That cut has no Latin digits: they are set in Helvetica on the same line, as a PDF from an office suite mixes fonts.
  const latin = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => {
      let x = 60;
      for (const run of line.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
        const font = /^[\x20-\x7e]/.test(run) ? latin : chinese;
        page.drawText(run, { x, y: 760 - i * 28, size: 14, font });
        x += font.widthOfTextAtSize(run, 14);
      }
    });
  }
  return Buffer.from(await doc.save());
}

/** One PNG chunk with its length and checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

async function readBy(reg: Register, caseId: number, id: number, timeoutMs = 60_000): Promise<EvidenceView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const item = (await reg.must<Detail>('cases.get', { id: caseId })).evidence.find((e) => e.id === id)!;
    if (item.textState !== 'pending') return item;
    if (Date.now() > until) throw new Error(`evidence ${id} still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!ocrInstalled)('evidence text (OCR in a worker thread)', () => {
  let reg: Register;
  let caseId: number;
  let otherCase: number;
  beforeAll(async () => {
    reg = await openRegister();
    caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
    otherCase = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '李四', phone: '13900001111' } }))).id;
  });
  afterAll(() => reg.close());

  it('reads an order screenshot, a receipt and a chat line for line, and shows the text with the item', async () => {
    const order = await mustImport(reg, { caseId, name: '订单截图.png', kind: 'electronic', source: 'complainant' }, fixture('ocr-order.png'));
    const receipt = await mustImport(reg, { caseId, name: '小票.png', kind: 'document', source: 'complainant' }, fixture('ocr-receipt.png'));
    const chat = await mustImport(reg, { caseId: otherCase, name: '客服聊天.png', kind: 'electronic', source: 'complainant' }, fixture('ocr-chat.png'));
    const pending = (await reg.must<Detail>('cases.get', { id: caseId })).evidence.find((e) => e.id === order.id)!;
    expect(pending.textState).toBe('pending');
    expect(pending.text).toBeNull();

    const o = await readBy(reg, caseId, order.id);
    expect(o).toMatchObject({ textState: 'done', textFrom: 'ocr', textNote: null });
    const lines = o.text!.split('\n');
    expect(lines).toContain('订单编号 20261102153045');
    expect(lines).toContain('实付款 ¥1299.00');
    expect(lines).toContain('下单时间 2026-11-02 15:30');
    expect(lines).toContain('商品 智能扫地机器人');

    const r = await readBy(reg, caseId, receipt.id);
    expect(r.text!.split('\n')).toEqual(expect.arrayContaining(['鑫盛家电商行', '电热水壶 89.00', '合计 89.00', '日期 2026年10月28日']));
    const c = await readBy(reg, otherCase, chat.id);
    expect(c.text!.split('\n')).toEqual(['亲，已超过七天无理由退货期限', '商品有质量问题，要求退款', '本店不支持退款']);
  });

  it('finds a case by a word that is only in a picture, and says it was found in evidence', async () => {
    const byOrderNo = await reg.must<Found>('cases.search', { text: '20261102153045' });
    expect(byOrderNo.rows.map((x) => x.id)).toEqual([caseId]);
    expect(byOrderNo.rows[0]!.match).toEqual({ field: FOUND_IN_EVIDENCE, text: expect.stringContaining('20261102153045') });
    const byShop = await reg.must<Found>('cases.search', { text: '不支持退款' });
    expect(byShop.rows.map((x) => x.id)).toEqual([otherCase]);
    expect(byShop.rows[0]!.match?.field).toBe(FOUND_IN_EVIDENCE);
  });

  it('takes a voided item out of the queue and its text out of the search', async () => {
    // Voided at once: it never reaches the worker, or its reading is thrown away when it comes back.
    const receipt2 = await sharp(fixture('ocr-receipt.png')).negate({ alpha: false }).png().toBuffer();
    const item = await mustImport(reg, { caseId: otherCase, name: '误传的小票.png', kind: 'document' }, receipt2);
    await reg.must('evidence.void', { id: item.id, reason: '误传' });
    await reg.core.services.evidence.text.idle();
    const voided = (await reg.must<Detail>('cases.get', { id: otherCase })).evidence.find((e) => e.id === item.id)!;
    expect(voided).toMatchObject({ textState: 'cancelled', text: null });
    // A read item voided later: its words leave the case's index.
    const chat = (await reg.must<Detail>('cases.get', { id: otherCase })).evidence.find((e) => e.name === '客服聊天.png')!;
    await reg.must('evidence.void', { id: chat.id, reason: '与本案无关' });
    expect((await reg.must<Found>('cases.search', { text: '不支持退款' })).rows).toEqual([]);
  });

  it('gives a clear result for a picture without text, a corrupt one and one too large, and nothing stays in the queue', async () => {
    const blank = await mustImport(reg, { caseId, name: '空白截图.png', kind: 'electronic' }, fixture('ocr-blank.png'));
    // A PNG whose picture data is cut off after the header: it passes the import's sniffing, not the decoder.
    const whole = fixture('ocr-order.png');
    const corrupt = await mustImport(reg, { caseId, name: '损坏.png', kind: 'electronic' }, Buffer.concat([whole.subarray(0, 200), Buffer.alloc(400, 0x5a)]));
    expect((await readBy(reg, caseId, blank.id)).textState).toBe('empty');
    expect(await readBy(reg, caseId, corrupt.id)).toMatchObject({ textState: 'failed', textNote: textReasons.corrupt, text: null });
    const pending = reg.core.db.prepare("SELECT COUNT(*) FROM evidence WHERE text_state = 'pending'").pluck().get();
    expect(pending).toBe(0);
  });

  it('reads a screenshot padded with 8 MB of text chunks as the plain one, from its bytes without the padding', async () => {
    const plain = fixture('ocr-order.png');
    // Signature and IHDR (8 + 25 bytes), then the padding (the import's thumbnail leaves it out too), then the rest.
    const padding = chunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(1024 * 1024, 0x41)]));
    const padded = Buffer.concat([plain.subarray(0, 33), ...Array.from({ length: 8 }, () => padding), plain.subarray(33)]);
    const item = await mustImport(reg, { caseId: otherCase, name: '带注释的订单截图.png', kind: 'electronic', source: 'complainant' }, padded);
    const read = await readBy(reg, otherCase, item.id);
    expect(read.textState).toBe('done');
    expect(read.text).toContain('订单编号');
  });

  it('refuses a 20000×20000 picture from its header, before decoding it', async () => {
    // A PNG that says 20000×20000 in its header (with a valid checksum) and holds a few bytes: a decoder would need 1.6 GB.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const huge = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
    const reader = createTextReader();
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ocr-huge-'));
    try {
      writeFileSync(join(dir, 'huge.png'), huge);
      expect(await reader.read(join(dir, 'huge.png'))).toMatchObject({ state: 'failed', note: textReasons.tooLarge });
    } finally {
      await reader.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the text layer of a PDF without OCR: Chinese in an embedded font, found by search, from its own words', async () => {
    const pdf = await pdfOf([['发票号码：26332000000012345678', '购买方：杭州某某电器有限公司', '合计金额：1299.00元']]);
    const item = await mustImport(reg, { caseId, name: '发票.pdf', kind: 'document' }, pdf);
    const read = await readBy(reg, caseId, item.id);
    expect(read).toMatchObject({ textState: 'done', textFrom: 'pdf', textNote: null });
    expect(read.text!.split('\n')).toEqual(['发票号码：26332000000012345678', '购买方：杭州某某电器有限公司', '合计金额：1299.00元']);
    const found = await reg.must<Found>('cases.search', { text: '26332000000012345678' });
    expect(found.rows.map((x) => x.id)).toEqual([caseId]);
    expect(found.rows[0]!.match?.field).toBe(FOUND_IN_EVIDENCE);
  });

  it('reads the first 100 pages of a 300-page PDF and says so; a scan without a text layer, a cut-off PDF: a clear note; a video: nothing to read', async () => {
    const long = await pdfOf(Array.from({ length: 300 }, (_, i) => [`第${i + 1}页`]));
    const scan = await pdfOf([[], []]);
    const whole = await pdfOf([['合计金额：1299.00元']]);
    const items = {
      long: await mustImport(reg, { caseId, name: '合同.pdf', kind: 'document' }, long),
      scan: await mustImport(reg, { caseId, name: '扫描件.pdf', kind: 'document' }, scan),
      cut: await mustImport(reg, { caseId, name: '损坏.pdf', kind: 'document' }, whole.subarray(0, 300)),
      clip: await mustImport(reg, { caseId, name: '视频.mp4', kind: 'audiovisual' }, fixture('clip.mp4')),
    };
    const longRead = await readBy(reg, caseId, items.long.id);
    expect(longRead).toMatchObject({ textState: 'done', textFrom: 'pdf', textNote: pdfNotes.firstPages(PDF_MAX_PAGES, 300) });
    const pages = longRead.text!.split('\n');
    expect([pages.length, pages[0], pages.at(-1)]).toEqual([PDF_MAX_PAGES, '第1页', `第${PDF_MAX_PAGES}页`]);
    expect(await readBy(reg, caseId, items.scan.id)).toMatchObject({ textState: 'empty', textNote: pdfNotes.noTextLayer, text: null });
    expect(await readBy(reg, caseId, items.cut.id)).toMatchObject({ textState: 'failed', textNote: textReasons.pdfCorrupt, text: null });
    const clip = (await reg.must<Detail>('cases.get', { id: caseId })).evidence.find((e) => e.id === items.clip.id);
    expect(clip).toMatchObject({ textState: null, text: null });
    expect(reg.core.db.prepare("SELECT COUNT(*) FROM evidence WHERE text_state = 'pending'").pluck().get()).toBe(0);
  });
});

describe.skipIf(!ocrInstalled)('the evidence text queue across a restart', () => {
  it('reads at the next start what a close cut off, after the app answers', async () => {
    const reg = await openRegister();
    try {
      const caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
      const item = await mustImport(reg, { caseId, name: '订单截图.png', kind: 'electronic' }, fixture('ocr-order.png'));
      // Closed before the queue starts (3 s after the start): the item is left pending on disk.
      reg.core.close();
      const core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, backgroundDelayMs: 0 });
      try {
        const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
        expect(login.ok).toBe(true);
        const token = (login as { value: { token: string } }).value.token;
        // The first answer comes while the item is still pending: the reading waits for the start to end.
        const first = await core.call('cases.get', { id: caseId }, token);
        expect((first as { value: Detail }).value.evidence[0]!.textState).toBe('pending');
        const until = Date.now() + 60_000;
        let state: string | null = 'pending';
        while (state === 'pending' && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 100));
          state = core.db.prepare('SELECT text_state FROM evidence WHERE id = ?').pluck().get(item.id) as string;
        }
        expect(state).toBe('done');
        const found = await core.call('cases.search', { text: '智能扫地机器人' }, token);
        expect((found as { value: Found }).value.rows.map((r) => r.id)).toEqual([caseId]);
      } finally {
        core.close();
      }
    } finally {
      reg.close();
    }
  });
});
