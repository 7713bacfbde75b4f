import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenshotReading } from '../../shared/api/schemas/screenshot';
import { fixture, ocrInstalled } from './evidenceHelpers';
import { openRegister, type Register } from './harness';

/**
 * 从截图识别 (issue [H]): a screenshot dropped on the registration form is read by the register's
 * OCR worker and the purchase's fields it shows are offered; nothing is stored. The pictures are the
 * checked-in screenshots of test/fixtures/make-ocr-fixtures.mjs.
 */

let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

const base64 = (name: string) => fixture(name).toString('base64');
const rowsIn = (table: string) => reg.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe.skipIf(!ocrInstalled)('intake.readScreenshot (OCR in the worker)', () => {
  it('offers what an order screenshot says: order number, amount paid, day ordered, product — each with its line', async () => {
    const before = { evidence: rowsIn('evidence'), audit: rowsIn('audit_log'), cases: rowsIn('cases') };
    const read = await reg.must<ScreenshotReading>('intake.readScreenshot', { image: base64('ocr-order.png') });
    expect(read.state).toBe('done');
    expect(read.fields).toMatchObject({
      orderNo: { value: '20261102153045' },
      amountPaidFen: { value: 129900 },
      purchasedOn: { value: '2026-11-02' },
      subject: { value: '智能扫地机器人' },
    });
    expect(read.fields.orderNo!.line).toContain('订单编号');
    // Read, not kept: no evidence, no case, nothing on the audit chain.
    expect({ evidence: rowsIn('evidence'), audit: rowsIn('audit_log'), cases: rowsIn('cases') }).toEqual(before);
  }, 120_000);

  it('offers the shop of a receipt, its item, total and day', async () => {
    const read = await reg.must<ScreenshotReading>('intake.readScreenshot', { image: base64('ocr-receipt.png') });
    expect(read.fields).toMatchObject({
      respondentName: { value: '鑫盛家电商行' },
      subject: { value: '电热水壶' },
      amountPaidFen: { value: 8900 },
      purchasedOn: { value: '2026-10-28' },
    });
  }, 120_000);

  it('says so when a picture has no text, and offers nothing', async () => {
    const read = await reg.must<ScreenshotReading>('intake.readScreenshot', { image: base64('ocr-blank.png') });
    expect(read).toEqual({ state: 'empty', note: '图中没有识别到文字', text: '', fields: {} });
  }, 120_000);
});

describe('intake.readScreenshot: bad input', () => {
  it('refuses what is not a picture, and data that is not base64, in Chinese, before any OCR', async () => {
    const pdf = await reg.call('intake.readScreenshot', { image: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n').toString('base64') });
    expect(pdf.ok || pdf.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不是一张图片') });
    const junk = await reg.call('intake.readScreenshot', { image: '这不是图片' });
    expect(junk.ok || junk.error).toMatchObject({ code: 'VALIDATION', fields: { image: '截图数据有误（应为 base64 编码的图片）' } });
    const huge = await reg.call('intake.readScreenshot', { image: 'A'.repeat(1_000_000) });
    expect(huge.ok || huge.error).toMatchObject({ code: 'VALIDATION', fields: { image: '截图过大，请先缩小后再识别' } });
  });
});
