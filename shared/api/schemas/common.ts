import { z } from 'zod';

/** Calendar date, as used for legal deadlines (DESIGN.md "Data"): YYYY-MM-DD, a real date. */
export const isoDate = z.iso.date({ error: '日期格式应为 年-月-日，如 2026-11-22' });

/** Instant with an offset (DESIGN.md "Data"). */
export const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601 带时区，如 2026-11-22T09:30:00+08:00' });

/**
 * The earliest receipt date the register takes: no consumer-association desk registers a complaint
 * from before the register's own era, so an earlier year is a typing slip (year 0999 once gave case
 * number TSNaN-00001). The latest is "now", which only the core's clock knows.
 */
export const EARLIEST_RECEIPT_DATE = '2000-01-01';

/** 收到时间 as every input that names one takes it (registration, correction, the repeat look-up). */
export const receivedAt = isoDateTime.refine((v) => v.slice(0, 10) >= EARLIEST_RECEIPT_DATE, '收到时间不能早于2000年1月1日，请核对年份');

/** Money is integer fen (分), never floating yuan (DESIGN.md "Data"). */
export const fen = z
  .number({ error: '金额应为数字（单位：分）' })
  .int('金额应为整数分')
  .min(0, '金额不能为负数')
  .max(100_000_000_000, '金额过大，请核对');

export const id = z.number({ error: '编号应为整数' }).int('编号应为整数').positive('编号应为正整数');

/** Codes from the catalog (categories, natures, channels): data, not enums (domain.md "Categories"). */
export const code = z.string({ error: '请选择' }).trim().min(1, '请选择').max(40, '代码过长');

/**
 * Characters no clerk types and the register does not keep: control characters other than tab and
 * line breaks (a NUL once broke full-text search), and halves of a UTF-16 pair, which SQLite would
 * silently turn into U+FFFD. Refused with a message rather than quietly removed.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Invisible characters that change what a text looks like or stop it matching itself: the
 * bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C: "Trojan Source", a file name 'abc\u202Egpj.exe' shows as 'abcexe.jpg') and the
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+180E: '张\u200B三' looks like 张三 and is
 * never found by that name). A zero-width joiner inside an emoji (🤦‍♀️ in a pasted chat message)
 * is no such trick and stays.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u200C\u2060\uFEFF\u180E]|(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D|\u200D(?!\p{Extended_Pictographic})/u;

export const storableText = (label: string, schema: z.ZodString) =>
  schema
    .refine((v) => !UNSTORABLE.test(v), `${label}含有无法保存的控制字符或残缺字符，请删除后重新输入`)
    .refine((v) => !INVISIBLE.test(v), `${label}含有看不见的方向控制符或零宽字符（常由网页或聊天软件复制带入），请删除后重新输入`);

/** Required text, trimmed, with a Chinese message naming the field. */
export const text = (label: string, max: number) =>
  storableText(
    label,
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(1, `请填写${label}`)
      .max(max, `${label}不能超过${max}个字`),
  );

/** Optional text: an empty box means "not given", stored as absent. */
export const optionalText = (label: string, max: number) =>
  storableText(
    label,
    z
      .string({ error: `${label}应为文字` })
      .trim()
      .max(max, `${label}不能超过${max}个字`),
  )
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const roles = ['clerk', 'investigator', 'supervisor', 'admin'] as const;
export const role = z.enum(roles, { error: '角色应为 登记员、调查员、负责人 或 管理员 之一' });
export type Role = z.infer<typeof role>;

export const userView = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
});
export type UserView = z.infer<typeof userView>;

export const empty = z.object({}).strict();

/**
 * A creating operation's optional client request id (a UUID, new for each attempt at creating
 * something): a retry with the same id by the same user answers with the first result instead of
 * creating a second record, e.g. when the answer was lost to a dying host. One line per schema.
 */
export const requestId = z.uuid({ error: '请求编号（requestId）应为 UUID' }).optional();
