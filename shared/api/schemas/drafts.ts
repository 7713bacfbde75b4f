import { z } from 'zod';
import { DRAFT_MAX_BYTES, DRAFT_MAX_DEPTH, draftForms, nestingDepth, utf8Bytes } from '../../domain/drafts';
import { empty, storableText } from './common';

const form = z.enum(draftForms, { error: '草稿所属的表单应为：register（登记投诉）' });

/** Which instance of the form: '' for a new registration; later e.g. the enquiry it was started from. */
const key = storableText('草稿标识', z.string({ error: '草稿标识应为文字' }).max(100, '草稿标识不能超过100个字')).default('');

const KB = DRAFT_MAX_BYTES / 1024;

/**
 * The form's values as the page holds them: a JSON object, at most 64 KB as JSON and a few levels
 * deep. What is inside is the page's business (a draft is half-typed, so no field rule applies);
 * strings are kept exactly, as JSON keeps them.
 */
const data = z
  .record(z.string(), z.unknown(), { error: '草稿内容应为表单各项的值（一个对象）' })
  .superRefine((v, ctx) => {
    if (nestingDepth(v) > DRAFT_MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: `草稿内容层次过深（最多 ${DRAFT_MAX_DEPTH} 层）` });
      return;
    }
    const bytes = utf8Bytes(JSON.stringify(v));
    if (bytes > DRAFT_MAX_BYTES) ctx.addIssue({ code: 'custom', message: `草稿内容过长（${Math.ceil(bytes / 1024)} KB），最多 ${KB} KB，未保存` });
  });

const draftRow = z.object({
  form: z.enum(draftForms),
  key: z.string(),
  /** When it was last saved, by the office clock (ISO with the office's offset). */
  savedAt: z.string(),
  /** Who and what it is about, as the core reads it from the values: "张晓明 · 手机屏幕破裂". */
  summary: z.string(),
});
export type DraftRow = z.infer<typeof draftRow>;

export const draftsSave = {
  input: z.object({ form, key, data }),
  output: z.object({ savedAt: z.string() }),
};

export const draftsList = {
  input: empty,
  output: z.object({ drafts: z.array(draftRow) }),
};

export const draftsGet = {
  input: z.object({ form, key }),
  /** null when the signed-in user has no draft of that form and key. */
  output: z.object({ draft: draftRow.extend({ data: z.record(z.string(), z.unknown()) }).nullable() }),
};
export type DraftView = NonNullable<z.infer<typeof draftsGet.output>['draft']>;

export const draftsDiscard = {
  input: z.object({ form, key }),
  /** false when there was none (discarding twice is no error). */
  output: z.object({ discarded: z.boolean() }),
};
