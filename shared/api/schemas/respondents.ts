import { z } from 'zod';
import { creditCodeProblem, phoneProblem } from '../../domain/validators';
import { SEARCH_COUNT_CAP } from './cases';
import { id, requestId, storableText, text } from './common';

export const respondentSorts = ['cases', 'name', 'recent'] as const;
export type RespondentSortKey = (typeof respondentSorts)[number];

/** Most cases one merge moves, or one edit of a business's searchable details re-indexes, in one request. */
export const RESPONDENT_CASES_PER_REQUEST = 5_000;

export const respondentRow = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  /** Its complaints, voided ones left out. */
  cases: z.number().int(),
  /** Of those, still being handled (not closed, not refused). */
  openCases: z.number().int(),
  /** Of those, repeat complaints (the same complainant against it again within the office's window). */
  repeats: z.number().int(),
  /** Receipt date of its latest complaint, voided ones left out. */
  lastReceivedOn: z.string().nullable(),
});
export type RespondentListRow = z.infer<typeof respondentRow>;

export const respondentsList = {
  input: z.object({
    text: z.string().trim().max(100, '搜索词不能超过100个字').optional(),
    sort: z.enum(respondentSorts, { error: '排序应为 cases、name 或 recent' }).default('cases'),
    page: z.number().int().min(1, '页码从1开始').max(10_000, '页码过大').default(1),
    pageSize: z.number().int().min(1).max(200, '每页最多200条').default(50),
  }),
  output: z.object({
    rows: z.array(respondentRow),
    /** Rows counted, up to the search's cap (10,000). */
    total: z.number().int(),
    /** More than `total` matched. */
    more: z.boolean(),
  }),
};
export const RESPONDENT_COUNT_CAP = SEARCH_COUNT_CAP;

const ref = z.object({ id: z.number().int(), name: z.string() });

export const respondentsGet = {
  input: z.object({ id }),
  output: respondentRow.extend({
    version: z.number().int(),
    createdAt: z.string(),
    /** This row was merged into another (its cases are there now). */
    mergedInto: ref.nullable(),
    mergedAt: z.string().nullable(),
    /** Rows merged into this one earlier (kept, hidden from the list). */
    merged: z.array(ref.extend({ creditCode: z.string().nullable(), mergedAt: z.string().nullable() })),
  }),
};

/** Absent: unchanged; empty or null: cleared. */
const clearable = (label: string, max: number) =>
  storableText(label, z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过${max}个字`))
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const respondentsUpdate = {
  input: z
    .object({
      id,
      /** The version the editor saw (respondents.get `version`); another is 409 CONFLICT. */
      version: z.number({ error: '版本号应为整数' }).int('版本号应为整数').min(0, '版本号不能为负').optional(),
      name: text('被投诉方名称', 100).optional(),
      creditCode: clearable('统一社会信用代码', 18),
      address: clearable('被投诉方地址', 200),
      contactPerson: clearable('联系人', 50),
      phone: clearable('联系电话', 30),
    })
    .superRefine((r, ctx) => {
      const code = r.creditCode ? creditCodeProblem(r.creditCode) : null;
      if (code) ctx.addIssue({ code: 'custom', message: code, path: ['creditCode'] });
      const phone = r.phone ? phoneProblem(r.phone) : null;
      if (phone) ctx.addIssue({ code: 'custom', message: phone, path: ['phone'] });
    }),
  output: z.object({ version: z.number().int(), reindexed: z.number().int() }),
};
export type RespondentUpdateInput = z.output<typeof respondentsUpdate.input>;

export const respondentsMerge = {
  input: z.object({
    /** The row that goes: its cases move, it is kept marked as merged. */
    from: id,
    /** The row that stays. */
    into: id,
    reason: text('合并原因', 500),
    requestId,
  }),
  output: z.object({ into: z.number().int(), moved: z.number().int() }),
};
export type RespondentMergeInput = z.output<typeof respondentsMerge.input>;
