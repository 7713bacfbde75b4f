import { z } from 'zod';
import { ruleLimitKinds } from '../../domain/ruleSets';
import { empty, id, isoDate, text } from './common';

/**
 * What administrators keep (DESIGN.md "设置"): time limits as rule sets with an effective date,
 * the holiday calendar per year, the workflow's office settings. Everyone may read them; the
 * deadlines on every case depend on them.
 */

const limit = z.object({
  amount: z.number({ error: '请填写天数' }).int('天数应为整数').min(1, '天数至少为1').max(365, '天数不能超过365'),
  unit: z.enum(['workingDays', 'calendarDays'], { error: '请选择 工作日 或 自然日' }),
});
const numberedGrounds = z.object({ article: z.string(), grounds: z.array(z.object({ code: z.string(), item: z.string() })) });
const ruleSet = z.object({
  code: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  limits: z.object(Object.fromEntries(ruleLimitKinds.map((k) => [k, limit])) as Record<(typeof ruleLimitKinds)[number], typeof limit>),
  refusal: numberedGrounds,
  termination: numberedGrounds,
  /** Cases received under this set. */
  cases: z.number().int(),
});
export type RuleSetView = z.infer<typeof ruleSet>;

export const ruleSetsList = { input: empty, output: z.object({ ruleSets: z.array(ruleSet) }) };

export const ruleSetsSave = {
  input: z.object({
    /** Absent: a new set (e.g. when new rules come into force), its grounds copied from the set it follows. */
    code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '代码只能用字母、数字、下划线或短横线').optional(),
    name: text('规则集名称', 60),
    effectiveFrom: isoDate,
    limits: z.object(Object.fromEntries(ruleLimitKinds.map((k) => [k, limit])) as Record<(typeof ruleLimitKinds)[number], typeof limit>),
  }),
  output: z.object({ code: z.string() }),
};

const day = z.object({ day: isoDate, name: text('名称', 20) });
export const calendarGet = {
  input: empty,
  output: z.object({
    years: z.array(z.object({ year: z.number().int(), source: z.string(), holidays: z.array(z.object({ day: z.string(), name: z.string() })), workdays: z.array(z.string()) })),
    /** Years some open deadline is counted through that the calendar does not know yet. */
    missingYears: z.array(z.number().int()),
  }),
};

export const calendarSaveYear = {
  input: z.object({
    year: z.number({ error: '请填写年份' }).int('年份应为整数').min(2000, '年份不能早于2000年').max(2100, '年份不能晚于2100年'),
    source: text('依据（如国务院办公厅通知的名称）', 200),
    holidays: z.array(day).min(1, '请至少填写一天法定节假日').max(60, '节假日天数过多'),
    workdays: z.array(isoDate).max(20, '调休上班日过多'),
  }),
  output: z.object({ recomputed: z.number().int() }),
};

export const workflowSettings = z.object({
  /** Lock the screen after this many idle minutes (0: never). */
  idleLockMinutes: z.number({ error: '请填写分钟数' }).int('应为整数').min(0, '不能为负').max(240, '最长240分钟'),
  /** 回访 visits before a case may close (domain.md step 8). */
  followUpsRequired: z.number().int('应为整数').min(0, '不能为负').max(5, '最多5次'),
  followUpsRequiredForQuality: z.number().int('应为整数').min(0, '不能为负').max(5, '最多5次'),
});
export type WorkflowSettings = z.infer<typeof workflowSettings>;

export const settingsGet = { input: empty, output: workflowSettings };
export const settingsUpdate = { input: workflowSettings.partial(), output: workflowSettings };

export const clockToday = {
  input: empty,
  output: z.object({ today: z.string(), now: z.string() }),
};

export const usersSetDisabled = {
  input: z.object({ userId: id, disabled: z.boolean({ error: '请说明停用还是启用' }) }),
  output: z.object({ ok: z.literal(true) }),
};

export const usersAssignable = {
  input: empty,
  output: z.object({ users: z.array(z.object({ id: z.number().int(), displayName: z.string(), openCases: z.number().int() })) }),
};

export const sessionUnlock = {
  input: z.object({ password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长') }),
  output: z.object({ ok: z.literal(true) }),
};
