import { z } from 'zod';
import { noticeTypes } from '../../notices/types';
import { empty, text } from './common';

/**
 * The office as its notices print it (DESIGN.md "设置": office details and seal, numbering): name,
 * address, phone, the name it signs with, the number prefix and per-type marks, an optional seal
 * image, and an optional licensed 仿宋 font file for the body (domain.md "Documents the office prints").
 */

const marks = z.object(Object.fromEntries(noticeTypes.map((t) => [t, z.string()])) as Record<(typeof noticeTypes)[number], z.ZodString>);

export const officeProfile = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  /** 发文机关署名 (often the office's name; some sign as 消费者权益保护委员会). */
  issuer: z.string(),
  /** e.g. 杭消协, printed before each type's mark: 杭消协受〔2026〕12号. */
  numberPrefix: z.string(),
  numberMarks: marks,
  seal: z.object({ sha256: z.string(), dataUrl: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
  /** The licensed body font, as checked when it was set. */
  bodyFont: z.object({ path: z.string(), family: z.string(), glyphs: z.number().int() }).nullable(),
});
export type OfficeProfile = z.infer<typeof officeProfile>;

/** A word of an official number (文号): not empty, at most `max` characters, no space, digit or 〔〕. */
const numberWord = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过${max}个字`)
    .regex(/^[^\s〔〕\d]+$/, `${label}不能含空格、数字或六角括号`);

/** 文号前缀 (杭消协) and a type's mark (受): one rule for office.update and 办公设置's numbering section. */
export const noticePrefix = numberWord('文号前缀', 12);
export const mark = numberWord('类型字', 4);

export const officeGet = { input: empty, output: officeProfile };

export const officeUpdate = {
  input: z
    .object({
      name: text('单位名称', 60),
      address: z.string().trim().max(200, '地址不能超过200个字'),
      phone: z.string().trim().max(60, '电话不能超过60个字'),
      issuer: text('落款名称', 60),
      numberPrefix: noticePrefix,
      numberMarks: z.object(Object.fromEntries(noticeTypes.map((t) => [t, mark])) as Record<(typeof noticeTypes)[number], typeof mark>).partial(),
      /** Absolute path of a licensed TrueType/OpenType 仿宋 file; null goes back to the bundled face. */
      bodyFontPath: z.string().trim().min(1, '请填写字体文件的完整路径').max(500, '路径过长').nullable(),
    })
    .partial()
    .superRefine((v, ctx) => {
      const given = Object.values(v.numberMarks ?? {});
      if (new Set(given).size !== given.length) ctx.addIssue({ code: 'custom', path: ['numberMarks'], message: '各类文书的类型字不能相同，否则文号会重复' });
    }),
  output: officeProfile,
};

/** A PNG of at most 512 KB as base64 (a seal scanned on a transparent background), or remove it. */
export const SEAL_MAX_BYTES = 512 * 1024;
export const officeSetSeal = {
  input: z.union([
    z.object({ png: z.string({ error: '请选择印章图片' }).min(1, '请选择印章图片').max(Math.ceil((SEAL_MAX_BYTES * 4) / 3) + 4, '印章图片不能超过512 KB') }),
    z.object({ remove: z.literal(true) }),
  ], { error: '请选择印章图片，或移除印章' }),
  output: officeProfile,
};
