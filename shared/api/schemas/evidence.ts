import { z } from 'zod';
import { evidenceTextStates } from '../../domain/evidenceText';
import { captureTimeProblem, checklistStates, evidenceKinds, evidenceSources } from '../../domain/evidence';
import { code, empty, id, isoDateTime, optionalText, text } from './common';

const person = z.object({ id: z.number().int(), displayName: z.string() });

const kind = z.enum(evidenceKinds, { error: '证据种类应为 statement、document、physical、audiovisual、electronic、witness、appraisal、inspection 之一' });
const source = z.enum(evidenceSources, { error: '证据来源应为 complainant、respondent、site、office、third_party、other 之一' });

/**
 * Query strings carry numbers as text and an empty box as ""; both transports give the same input.
 * Decimal digits only: a plain coercion read `0x1`, `1e0` and ` 1.0` as case 1.
 */
const numericId = z.preprocess((v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v), id);
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * A capture time (形成时间): a real instant, not before 1970 (shared/domain/evidence
 * captureTimeProblem); the core adds "not after now", which only its clock knows.
 */
const captureTime = isoDateTime.superRefine((v, ctx) => {
  const problem = captureTimeProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const evidenceView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  /** The name the file had on the clerk's PC: shown, never used as a path. */
  name: z.string(),
  kind,
  sha256: z.string(),
  size: z.number().int(),
  /** Sniffed from the content, never taken from the name. */
  mime: z.string(),
  description: z.string().nullable(),
  source: source.nullable(),
  capturedAt: z.string().nullable(),
  /** Where capturedAt came from: the photo's EXIF, the video's own metadata, or typed by the clerk. */
  capturedAtFrom: z.enum(['exif', 'media', 'typed']).nullable(),
  /**
   * The time text the file itself states, when it was no real time or out of bounds (EXIF
   * `2026:02:30 25:61:61 +99:99`): kept as it was, and not taken as capturedAt.
   */
  capturedAtRaw: z.string().nullable(),
  /** EXIF orientation 1–8; the page rotates the picture by it. */
  orientation: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  hasThumbnail: z.boolean(),
  /**
   * The text read from the item (issue [H]): OCR of a photo, screenshot or scan, or a PDF's text
   * layer; null while it is being read and when none was found. textState says which
   * (shared/domain/evidenceText.ts; null: not a kind that is read, a video say), textNote why not.
   */
  text: z.string().nullable(),
  textFrom: z.enum(['ocr', 'pdf']).nullable(),
  textState: z.enum(evidenceTextStates).nullable(),
  textNote: z.string().nullable(),
  addedBy: person,
  addedAt: z.string(),
  voided: z.object({ at: z.string(), by: person, reason: z.string() }).nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const checklistItemView = z.object({
  id: z.number().int(),
  text: z.string(),
  state: z.enum(checklistStates),
  note: z.string().nullable(),
  markedBy: person.nullable(),
  markedAt: z.string().nullable(),
  evidenceIds: z.array(z.number().int()),
  /** True for an item added to this case alone, false for one from the category's template. */
  addedToCase: z.boolean(),
});
export type ChecklistItemView = z.infer<typeof checklistItemView>;

/** The template version a case started with: later edits of the template do not change it. */
export const checklistOrigin = z.object({ category: z.string(), version: z.number().int() }).nullable();

export const evidenceImport = {
  input: z.object({
    caseId: numericId,
    name: text('文件名', 255),
    kind,
    description: optionalText('证据说明', 500),
    source: blankAsAbsent(source),
    capturedAt: blankAsAbsent(captureTime),
  }),
  output: z.object({ id: z.number().int(), sha256: z.string(), size: z.number().int(), mime: z.string() }),
};

export const evidenceFile = {
  input: z.object({ id: numericId, variant: z.enum(['original', 'thumbnail']).default('original') }),
  /** Read by the transports, which stream the file with HTTP Range; never sent as JSON. */
  output: z.object({ path: z.string(), size: z.number().int(), mime: z.string(), name: z.string(), sha256: z.string() }),
};

export const evidenceDescribe = {
  input: z.object({
    id,
    kind: kind.optional(),
    description: z.string().trim().max(500, '证据说明不能超过500个字').nullable().optional(),
    source: source.nullable().optional(),
    capturedAt: captureTime.nullable().optional(),
  }),
  output: z.object({ ok: z.literal(true) }),
};

export const evidenceVoid = {
  input: z.object({ id, reason: text('作废理由', 500) }),
  output: z.object({ ok: z.literal(true) }),
};

export const evidenceVerify = {
  input: z.object({ caseId: id.optional() }),
  output: z.object({
    checked: z.number().int(),
    problems: z.array(z.object({ evidenceId: z.number().int(), problem: z.enum(['missing', 'altered']) })),
  }),
};

export const evidenceExport = {
  input: z.object({ caseId: id, dir: text('导出文件夹', 1000) }),
  output: z.object({ dir: z.string(), files: z.number().int(), manifest: z.string() }),
};

export const evidenceSettingsGet = {
  input: empty,
  output: z.object({ maxBytes: z.number().int() }),
};

export const evidenceSettingsSave = {
  input: z.object({
    maxBytes: z
      .number({ error: '大小上限应为数字（字节）' })
      .int('大小上限应为整数字节')
      .min(1024 * 1024, '大小上限不能小于 1 MB')
      .max(1024 ** 4, '大小上限不能超过 1 TB'),
  }),
  output: z.object({ ok: z.literal(true) }),
};

const itemText = text('清单事项', 100);

export const checklistMark = {
  input: z.object({
    caseId: id,
    itemId: id,
    state: z.enum(checklistStates, { error: '状态应为 todo（待办）、done（已完成）或 na（不适用）' }),
    /** Absent: the note stays as it is; an empty text removes it. */
    note: z.string().trim().max(500, '备注不能超过500个字').optional(),
    /** Absent: the links stay as they are; [] removes them. */
    evidenceIds: z.array(id).max(50, '最多关联50项证据').optional(),
  }),
  output: z.object({ ok: z.literal(true) }),
};

export const checklistAddItem = {
  input: z.object({ caseId: id, text: itemText }),
  output: z.object({ id: z.number().int() }),
};

export const checklistTemplateView = z.object({
  category: z.object({ code: z.string(), name: z.string(), group: z.string() }),
  version: z.number().int(),
  items: z.array(z.string()),
  /** null for the version shipped with the program. */
  savedAt: z.string().nullable(),
  savedBy: person.nullable(),
});
export type ChecklistTemplateView = z.infer<typeof checklistTemplateView>;

export const checklistTemplatesList = {
  input: empty,
  output: z.object({ templates: z.array(checklistTemplateView) }),
};

export const checklistTemplatesSave = {
  input: z.object({
    category: code,
    items: z.array(itemText).min(1, '清单至少要有一项').max(50, '清单最多50项'),
  }),
  output: z.object({ version: z.number().int() }),
};

/**
 * What the page's own decoder (Chromium) read of a video or recording it played, where the core had
 * no ffprobe to read it at import: duration and picture size. Only fills values the record lacks;
 * what is already there is never changed.
 */
export const evidenceReportMedia = {
  input: z
    .object({
      id,
      durationSeconds: z.number({ error: '时长应为秒数' }).positive('时长应大于0').max(30 * 24 * 3600, '时长超过30天，不是可信的读数'),
      width: z.number().int('画面宽度应为整数').min(1).max(16384, '画面宽度超过16384像素，不是可信的读数').optional(),
      height: z.number().int('画面高度应为整数').min(1).max(16384, '画面高度超过16384像素，不是可信的读数').optional(),
    })
    .refine((v) => (v.width === undefined) === (v.height === undefined), { message: '画面宽度和高度应同时给出', path: ['height'] }),
  output: z.object({ filled: z.array(z.enum(['durationSeconds', 'width', 'height'])) }),
};
