import { z } from 'zod';
import { id, storableText, text } from './common';

/**
 * 典型案例 (issue [H]): a supervisor marks a closed case as typical and exports a write-up of it
 * for publication, with the parties anonymised (shared/domain/anonymise.ts). The core drafts the
 * write-up from the case's record; the supervisor edits it; what is exported is recorded.
 */

export const TYPICAL_TITLE_MAX = 100;
export const TYPICAL_BODY_MAX = 20_000;

const person = z.object({ id: z.number().int(), displayName: z.string() });

/** Whether a case is typical, and whether the signed-in user may mark it now (the core decides). */
export const typicalStatus = {
  input: z.object({ caseId: id }),
  output: z.object({
    marked: z.object({ at: z.string(), by: person }).nullable(),
    canMark: z.boolean(),
    /** Why the user may not mark it, in the core's words (null when they may, or it is marked). */
    reason: z.string().nullable(),
  }),
};

export const typicalMark = {
  input: z.object({ caseId: id }),
  output: z.object({ markedAt: z.string() }),
};

/** A marking undone (a slip, or the case should not be published): the reason and the saved write-up go on the timeline. */
export const typicalUnmark = {
  input: z.object({ caseId: id, reason: text('撤销原因', 500) }),
  output: z.object({ ok: z.literal(true) }),
};

export const typicalRow = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  subject: z.string(),
  categoryName: z.string(),
  closedOn: z.string().nullable(),
  markedAt: z.string(),
  markedBy: person,
  /** The write-up's title as last saved or exported, null while only the core's draft exists. */
  title: z.string().nullable(),
  exports: z.number().int(),
  lastExportedAt: z.string().nullable(),
});
export type TypicalRow = z.infer<typeof typicalRow>;

export const typicalList = {
  input: z.object({
    page: z.number({ error: '页码应为整数' }).int('页码应为整数').min(1, '页码从1开始').max(100_000, '页码过大').default(1),
    pageSize: z.number({ error: '每页条数应为整数' }).int('每页条数应为整数').min(1, '每页至少1条').max(200, '每页最多200条').default(50),
  }),
  output: z.object({ rows: z.array(typicalRow), total: z.number().int() }),
};

const writeUp = {
  title: storableText(
    '标题',
    z
      .string({ error: '请填写标题' })
      .trim()
      .min(1, '请填写标题')
      .max(TYPICAL_TITLE_MAX, `标题不能超过${TYPICAL_TITLE_MAX}个字`)
      .refine((v) => !/[\r\n]/.test(v), '标题不能换行'),
  ),
  body: storableText(
    '正文',
    z.string({ error: '请填写正文' }).trim().min(1, '请填写正文').max(TYPICAL_BODY_MAX, `正文不能超过${TYPICAL_BODY_MAX}个字`),
  ),
};

export const typicalDraft = {
  input: z.object({
    caseId: id,
    /** Name the business (true) or call it 某 + its trade and form (false). Absent: as last saved, else not named. */
    nameBusiness: z.boolean({ error: '请选择是否公开经营者名称' }).optional(),
    /** true: the core's draft from the record again, whatever was saved. */
    fresh: z.boolean().optional(),
  }),
  output: z.object({
    caseId: z.number().int(),
    caseNo: z.string(),
    nameBusiness: z.boolean(),
    title: z.string(),
    body: z.string(),
    /** The draft is the supervisor's saved text (else the core's, from the record). */
    saved: z.object({ at: z.string(), by: person }).nullable(),
    /** The complainant's answer at registration to publication (null: not asked). */
    consentPublication: z.boolean().nullable(),
    /** How the parties are called in the write-up (for the editor to show). */
    pseudonyms: z.array(z.object({ role: z.string(), shown: z.string() })),
    exports: z.array(z.object({ at: z.string(), by: person, format: z.enum(['text', 'document']), title: z.string() })),
  }),
};
export type TypicalDraft = z.infer<typeof typicalDraft.output>;

export const typicalSave = {
  input: z.object({ caseId: id, nameBusiness: z.boolean({ error: '请选择是否公开经营者名称' }), ...writeUp }),
  output: z.object({ savedAt: z.string() }),
};

export const typicalExport = {
  input: z.object({
    caseId: id,
    nameBusiness: z.boolean({ error: '请选择是否公开经营者名称' }),
    format: z.enum(['text', 'document'], { error: '导出格式应为 text（文本）或 document（文档）' }),
    ...writeUp,
  }),
  output: z.object({
    exportedAt: z.string(),
    /** The file name the page saves the text under (典型案例-<case number>.txt). */
    fileName: z.string(),
    /** The text as exported: title, body and the office's line. */
    text: z.string(),
    office: z.string(),
    /** 2026年11月23日: the date printed under the write-up. */
    dateCn: z.string(),
  }),
};
export type TypicalExportInput = z.output<typeof typicalExport.input>;
export type TypicalSaveInput = z.output<typeof typicalSave.input>;
