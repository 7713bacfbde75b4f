import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalComplaint, openRegister, type Register } from './harness';
import { keepPng, newPrinter, pdfFonts, pdfImages, pdfInfo, pdfPath, pdfText } from './noticeKit';
import { withStaff, type Staff } from './staff';

/**
 * The office as its notices print it (设置): name, address, phone, issuer, numbering, the seal
 * image checked by its content, and a licensed body font checked when it is set.
 */
const printer = newPrinter();
let reg: Register;
let staff: Staff;
const seal = readFileSync(join(__dirname, '../fixtures/seal.png'));
// Fonts standing in for an office's licensed 仿宋, cut from Droid Sans Fallback (test/fixtures/make-font-fixtures.mjs).
const FONTS = join(__dirname, '../fixtures/fonts');
const TRUETYPE_CJK = join(FONTS, 'stand-in-fangsong.ttf');

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

const refusal = async (input: unknown, op = 'office.update') => {
  const r = await staff.admin.call(op, input);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('office details and numbering', () => {
  it('starts from the name given at setup, with a guessed prefix and the default marks', async () => {
    const office = await staff.clerk.must('office.get', {});
    expect(office).toMatchObject({ name: '杭州市消费者协会', issuer: '杭州市消费者协会', numberPrefix: '杭消协', seal: null, bodyFont: null });
    expect(office.numberMarks).toMatchObject({ receipt: '登', acceptance: '受', refusal: '不受' });
  });

  it('lets an administrator change them, and no one else; marks must stay distinct', async () => {
    const clerk = await staff.clerk.call('office.update', { phone: '12315' });
    expect(clerk.ok || clerk.error.code).toBe('FORBIDDEN');
    const updated = await staff.admin.must('office.update', { issuer: '杭州市消费者权益保护委员会', numberPrefix: '杭消', numberMarks: { acceptance: '受理' }, phone: '0571-85150315' });
    expect(updated).toMatchObject({ issuer: '杭州市消费者权益保护委员会', numberPrefix: '杭消', phone: '0571-85150315', numberMarks: { acceptance: '受理', receipt: '登' } });
    expect(await refusal({ numberMarks: { receipt: '受理' } })).toMatchObject({ code: 'VALIDATION', fields: { 'numberMarks.receipt': '与“受理通知书”的类型字相同，文号会重复' } });
    expect(await refusal({ numberPrefix: '杭〔消〕' })).toMatchObject({ code: 'VALIDATION', fields: { numberPrefix: expect.stringContaining('六角括号') } });
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint());
    await staff.clerk.act(id, 'accept');
    const issued = await staff.clerk.must<{ number: string }>('notices.issue', { caseId: id, type: 'acceptance' });
    expect(issued.number).toBe('杭消受理〔2026〕1号');
  });
});

describe('the seal image', () => {
  it('refuses what is not a whole PNG, saying why, and keeps the office as it was', async () => {
    expect(await refusal({ png: Buffer.from('GIF89a not a seal').toString('base64') }, 'office.setSeal')).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: expect.stringContaining('不是PNG') });
    expect(await refusal({ png: seal.subarray(0, seal.length - 40).toString('base64') }, 'office.setSeal')).toMatchObject({ message: expect.stringContaining('不完整') });
    const flipped = Buffer.from(seal);
    flipped[100] = flipped[100]! ^ 0xff;
    expect(await refusal({ png: flipped.toString('base64') }, 'office.setSeal')).toMatchObject({ message: expect.stringContaining('校验不符') });
    expect((await staff.admin.must('office.get', {})).seal).toBeNull();
  });

  it('takes a seal scan into the vault and prints it over the issuer and date, moving nothing', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint());
    const receipt = async () => pdfPath(reg.core, (await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: id, type: 'receipt' })).sha256);
    const without = await receipt();
    const office = await staff.admin.must('office.setSeal', { png: seal.toString('base64') });
    expect(office.seal).toMatchObject({ width: 400, height: 400, dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(await reg.core.vault.check(office.seal.sha256)).toBe('ok');
    const withSeal = await receipt();
    expect([await pdfImages(without), await pdfImages(withSeal)]).toEqual([0, 1]);
    // Drawn over the text, the seal never pushes anything onto another page.
    expect((await pdfInfo(withSeal)).pages).toBe((await pdfInfo(without)).pages);
    keepPng(withSeal, 'receipt-with-seal');
    expect((await staff.admin.must('office.setSeal', { remove: true })).seal).toBeNull();
  });
});

describe('the licensed body font', () => {
  it('refuses a path that is not a usable TrueType font with all the characters notices print', async () => {
    const dir = join(reg.dir, 'fonts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.ttf'), '这不是字体');
    const cases: [string, RegExp][] = [
      ['simfang.ttf', /完整路径/],
      [join(dir, 'missing.ttf'), /找不到文件/],
      [dir, /不是文件/],
      [join(dir, 'notes.ttf'), /不是 TrueType 字体/],
      [join(FONTS, 'collection.ttc'), /字体集合/],
      [join(FONTS, 'latin-only.ttf'), /缺少文书用字（[^）]*受/],
    ];
    for (const [path, message] of cases) {
      expect(await refusal({ bodyFontPath: path }), path).toMatchObject({ code: 'VALIDATION', fields: { bodyFontPath: expect.stringMatching(message) } });
    }
    expect((await staff.admin.must('office.get', {})).bodyFont).toBeNull();
  });

  it('prints the body in the office’s font, embedded as TrueType, the title still in the bundled bold', async () => {
    const office = await staff.admin.must('office.update', { bodyFontPath: TRUETYPE_CJK });
    expect(office.bodyFont).toMatchObject({ path: TRUETYPE_CJK, family: 'Droid Sans Fallback' });
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: '购买的电视机出现故障，𠀀字罕见。' }));
    await staff.clerk.act(id, 'accept');
    const issued = await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: id, type: 'acceptance' });
    const file = pdfPath(reg.core, issued.sha256);
    const fonts = (await pdfFonts(file));
    expect(fonts.some((f) => /DroidSansFallback/.test(f.name) && f.type === 'CID TrueType')).toBe(true);
    expect(fonts.some((f) => /NotoSerifSC.*Bold/.test(f.name))).toBe(true);
    expect(fonts.filter((f) => !f.embedded || f.type === 'Type 3')).toEqual([]);
    expect((await pdfText(file))).toContain('受理通知书');
    keepPng(file, 'acceptance-office-font');
    expect((await staff.admin.must('office.update', { bodyFontPath: null })).bodyFont).toBeNull();
  });
});
