import { z } from 'zod';
import { empty } from './common';
import { editableKinds, LIST_NAME_MAX, statisticsGroups, WORD_MAX, WORDS_MAX } from '../../domain/catalogLists';

const item = z.object({ code: z.string(), name: z.string() });

export const catalogGet = {
  input: empty,
  output: z.object({
    /** Active categories only; `words` are the everyday words that find one on the form (shared/domain/catalogLists.ts). */
    categories: z.array(item.extend({ group: z.string(), words: z.array(z.string()) })),
    natures: z.array(item),
    channels: z.array(item),
    refusalGrounds: z.array(z.object({ code: z.string(), text: z.string() })),
    terminationGrounds: z.array(z.object({ code: z.string(), text: z.string() })),
    /** 处理结果 codes (domain.md "Outcome measures"), extendable by an administrator. */
    measures: z.array(item),
    /** The office's own districts or towns, for the region of a complaint and the statistics by region. */
    regions: z.array(item),
    /**
     * Retired items of the administrator-edited lists: never offered for a new case, only to name the
     * cases that have them (a timeline's 处理结果, the register's filters).
     */
    retired: z.array(item.extend({ kind: z.enum(editableKinds) })),
  }),
};
export type Catalog = z.infer<typeof catalogGet.output>;

/** The office's own list of districts or towns (an administrator's), in the order the form offers them. */
export const catalogSaveRegions = {
  input: z.object({
    regions: z
      .array(
        z.object({
          /** An existing region's code (a rename keeps it); absent for a new one. */
          code: z.string().trim().min(1).max(40).optional(),
          name: z.string({ error: '请填写地区名称' }).trim().min(1, '请填写地区名称').max(30, '地区名称不能超过30个字'),
        }),
      )
      .max(200, '地区最多200个'),
  }),
  output: z.object({ regions: z.array(item) }),
};

/** One item of a list an administrator edits (shared/domain/catalogLists.ts). */
export const listItem = z.object({
  /** An existing item's code (a rename keeps it); absent for a new one. */
  code: z.string().trim().min(1).max(40).optional(),
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(LIST_NAME_MAX, `名称不能超过${LIST_NAME_MAX}个字`),
  /** Categories only: the 中消协 statistics group, from the fixed list. */
  group: z.enum(statisticsGroups, { error: `请从${statisticsGroups.join('、')}中选择统计大类` }).optional(),
  /** Categories only: everyday words that find it on the registration form (手机 → 家用电子电器). */
  words: z
    .array(z.string().trim().min(1, '常用词不能为空').max(WORD_MAX, `常用词不能超过${WORD_MAX}个字`))
    .max(WORDS_MAX, `常用词最多${WORDS_MAX}个`)
    .optional(),
  /** False: retired — no longer offered for new cases, still named on every case that has it. */
  active: z.boolean(),
});
export type ListItem = z.infer<typeof listItem>;

const lists = z.object({ category: z.array(listItem), nature: z.array(listItem), channel: z.array(listItem), measure: z.array(listItem) });

/** The lists an administrator edits, retired items included (after the active ones). */
export const catalogLists = { input: empty, output: lists };

/** One list as an administrator leaves it, in order; an item left out or inactive is retired, never deleted. */
export const catalogSaveList = {
  input: z.object({
    kind: z.enum(editableKinds, { error: '未知的目录' }),
    items: z.array(listItem).max(200, '一个目录最多200项'),
  }),
  output: z.object({ kind: z.enum(editableKinds), items: z.array(listItem) }),
};
