import { z } from 'zod';
import { noticeTypes } from '../../notices/types';
import { workflowSettings } from './admin';
import { empty, text } from './common';
import { mark, noticePrefix } from './office';

/**
 * 办公设置: every office setting of the key/value store in typed sections, read together and saved a
 * section at a time (`officeSettings.get`, `officeSettings.saveSection`). Each section's schema is
 * the one rule for its values: the screen checks with it before sending, the core parses with it,
 * and a value that fails changes nothing. The [L]/[U] rules of domain.md live here as settings.
 */

export const settingsSections = ['office', 'numbering', 'workflow', 'evidence', 'backup', 'intake', 'archive'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** Where each setting is stored; other code (the 卷宗 cover, migrations, the store) reads these keys. */
export const settingKeys = {
  office: {
    name: 'office.name',
    address: 'office.address',
    phone: 'office.phone',
    issuer: 'office.issuer',
    timeZone: 'office.timeZone',
    bodyFont: 'notices.bodyFont',
  },
  numbering: { caseNoPrefix: 'caseNo.prefix', noticePrefix: 'notices.numberPrefix', noticeMarks: 'notices.numberMarks' },
  workflow: { idleLockMinutes: 'session.idleLockMinutes', followUpsRequired: 'followUp.required', followUpsRequiredForQuality: 'followUp.requiredForQuality' },
  evidence: { maxBytes: 'evidence.maxBytes' },
  backup: { dir: 'backup.dir', dailyAt: 'backup.dailyAt' },
  intake: { repeatWindowDays: 'intake.repeatWindowDays' },
  archive: { retention: 'archive.retention' },
} as const;

/** 保管期限 printed on the 卷宗 cover (档案保管期限: 永久, 定期30年, 定期10年). */
export const retentionPeriods = ['永久', '定期30年', '定期10年'] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];
export const DEFAULT_RETENTION: RetentionPeriod = '定期30年';
export const DEFAULT_CASE_NO_PREFIX = 'TS';
export const REPEAT_WINDOW_MAX_DAYS = 365;
/** The workflow section's defaults (回访: domain.md step 8, quality cases at least twice). */
export const WORKFLOW_DEFAULTS = { idleLockMinutes: 15, followUpsRequired: 1, followUpsRequiredForQuality: 2 } as const;

/**
 * The case-number prefix goes straight before the year (TS2026-00012), so it may not end in or hold
 * a digit, and a space, a dash, a slash or a bracket would make the number ambiguous when read out,
 * typed into search or printed in a 文号. Capital letters are what search matches however typed.
 */
export const caseNoPrefix = z
  .string({ error: '请填写案件编号前缀' })
  .trim()
  .min(1, '请填写案件编号前缀')
  .max(6, '案件编号前缀不超过6个字')
  .regex(/^[A-Z\u3400-\u9fff]+$/, '案件编号前缀只能用大写英文字母或汉字，不能含数字、空格、横线、斜线或括号');

const marks = z.object(Object.fromEntries(noticeTypes.map((t) => [t, mark])) as Record<(typeof noticeTypes)[number], typeof mark>);

/** Whether the JavaScript runtime knows the zone (the core counts "today" with Intl in it). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a Chinese office may keep its clock in; the legal deadlines of domain.md run on 北京时间. */
export const officeTimeZones = [
  { zone: 'Asia/Shanghai', label: '北京时间（Asia/Shanghai）' },
  { zone: 'Asia/Urumqi', label: '乌鲁木齐时间（Asia/Urumqi）' },
  { zone: 'Asia/Hong_Kong', label: '香港时间（Asia/Hong_Kong）' },
  { zone: 'Asia/Macau', label: '澳门时间（Asia/Macau）' },
  { zone: 'Asia/Taipei', label: '台北时间（Asia/Taipei）' },
] as const;

const timeZone = z
  .string({ error: '请选择时区' })
  .trim()
  .min(1, '请选择时区')
  .max(64, '时区名称过长')
  .refine(isKnownTimeZone, '不认识这个时区，请从列表中选择，如 Asia/Shanghai（北京时间）');

const folder = z
  .string({ error: '请填写备份位置' })
  .trim()
  .min(1, '请填写备份位置')
  .max(1000, '备份位置过长')
  .refine((v) => !v.includes('\0'), '备份位置含有无效字符');

/** Each section's values as an administrator saves them (the whole section; `saveSection` takes any part). */
export const sectionValues = {
  office: z.object({
    name: text('单位名称', 60),
    address: z.string({ error: '地址应为文字' }).trim().max(200, '地址不能超过200个字'),
    phone: z.string({ error: '电话应为文字' }).trim().max(60, '电话不能超过60个字'),
    issuer: text('落款名称', 60),
    timeZone,
    /** Absolute path of a licensed TrueType 仿宋 file; null: the bundled face. */
    bodyFontPath: z.string({ error: '字体文件路径应为文字' }).trim().min(1, '请填写字体文件的完整路径').max(500, '路径过长').nullable(),
  }),
  numbering: z.object({
    caseNoPrefix,
    noticePrefix,
    noticeMarks: marks.partial(),
  }),
  workflow: workflowSettings,
  evidence: z.object({
    maxBytes: z
      .number({ error: '大小上限应为数字（字节）' })
      .int('大小上限应为整数字节')
      .min(1024 * 1024, '大小上限不能小于 1 MB')
      .max(1024 ** 4, '大小上限不能超过 1 TB'),
  }),
  backup: z.object({
    dir: folder.nullable(),
    dailyAt: z.string({ error: '时间格式应为 时:分，如 17:30' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分，如 17:30').nullable(),
  }),
  intake: z.object({
    /** 重复投诉 look-back (domain.md [L]; default 90). */
    repeatWindowDays: z
      .number({ error: '请填写天数' })
      .int('天数应为整数')
      .min(1, '重复投诉的判断期限至少1天')
      .max(REPEAT_WINDOW_MAX_DAYS, `重复投诉的判断期限不能超过${REPEAT_WINDOW_MAX_DAYS}天`),
  }),
  archive: z.object({
    retention: z.enum(retentionPeriods, { error: `保管期限只能是 ${retentionPeriods.join('、')}` }),
  }),
} as const;

const sectionView = {
  office: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    issuer: z.string(),
    timeZone: z.string(),
    bodyFontPath: z.string().nullable(),
    /** Changed with `office.setSeal` (an image upload), shown here. */
    seal: z.object({ sha256: z.string(), dataUrl: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
    bodyFont: z.object({ path: z.string(), family: z.string(), glyphs: z.number().int() }).nullable(),
  }),
  numbering: z.object({ caseNoPrefix: z.string(), noticePrefix: z.string(), noticeMarks: z.object(Object.fromEntries(noticeTypes.map((t) => [t, z.string()])) as Record<(typeof noticeTypes)[number], z.ZodString>) }),
  workflow: workflowSettings,
  evidence: sectionValues.evidence,
  backup: z.object({ dir: z.string().nullable(), dailyAt: z.string().nullable() }),
  intake: sectionValues.intake,
  archive: sectionValues.archive,
};

export const officeSettingsView = z.object({
  ...sectionView,
  /**
   * Deadlines still running or paused: a change of the time zone moves the office's "today" under
   * them, so the core asks for `confirmOpenDeadlines` while there are any (the screen says so).
   */
  openDeadlines: z.number().int(),
  /** The next case number as the core would give it now (the prefix applies from the next case on). */
  nextCaseNo: z.string(),
});
export type OfficeSettingsView = z.infer<typeof officeSettingsView>;
export type SectionValues<S extends SettingsSection> = z.output<(typeof sectionValues)[S]>;
export type SaveSectionInput = z.output<typeof officeSettingsSaveSection.input>;

const atLeastOne = (v: object) => Object.keys(v).length > 0;
const part = <T extends z.ZodObject>(values: T) => values.partial().refine(atLeastOne, '请至少填写一项设置');
/** Changing the time zone while deadlines are open: the administrator has read the warning. */
const confirmOpenDeadlines = z.boolean({ error: '请确认是否知晓对未到期期限的影响' }).optional();

export const officeSettingsGet = { input: empty, output: officeSettingsView };

export const officeSettingsSaveSection = {
  input: z.discriminatedUnion(
    'section',
    [
      z.object({ section: z.literal('office'), values: part(sectionValues.office), confirmOpenDeadlines }),
      z.object({ section: z.literal('numbering'), values: part(sectionValues.numbering) }),
      z.object({ section: z.literal('workflow'), values: part(sectionValues.workflow) }),
      z.object({ section: z.literal('evidence'), values: part(sectionValues.evidence) }),
      z.object({ section: z.literal('backup'), values: part(sectionValues.backup) }),
      z.object({ section: z.literal('intake'), values: part(sectionValues.intake) }),
      z.object({ section: z.literal('archive'), values: part(sectionValues.archive) }),
    ],
    { error: `请说明修改哪一部分设置：${settingsSections.join('、')}` },
  ),
  output: officeSettingsView.extend({
    /** The settings this save changed ("section.field"), empty when nothing differed. */
    changed: z.array(z.string()),
  }),
};
