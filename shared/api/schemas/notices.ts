import { z } from 'zod';
import { noticeDocument } from '../../notices/model';
import { registrationFormDocument } from '../../notices/registrationForm';
import { noticeTypes } from '../../notices/types';
import { id, requestId, text } from './common';

/**
 * Printed notices (../shared/API.md `notices.issue`, `GET /files/notices/<id>.pdf`): issue, preview,
 * read back, log each print, correct by superseding. Which type a case allows is
 * shared/notices/availability.ts; which free-text parts may be edited is shared/notices/fields.ts.
 */

const type = z.enum(noticeTypes, { error: `文书类型应为 ${noticeTypes.join('、')} 之一` });
/** Edited free-text parts by key; checked against the type's fields by the core. */
const overrides = z.record(z.string().max(40), z.string({ error: '应为文字' }).max(20_000, '内容过长'), { error: '修改内容应为 键→文字' });

const draft = {
  caseId: id,
  type,
  overrides: overrides.optional(),
  /** 调解通知书: the scheduled session it announces (may be left out when there is only one). */
  sessionId: id.optional(),
  /** A correction: the earlier notice of the case this one replaces; both stay on the record. */
  supersedes: id.optional(),
};

export const noticesIssue = {
  input: z
    .object({ ...draft, reason: text('更正理由', 500).optional(), requestId })
    .superRefine((v, ctx) => {
      if (v.supersedes !== undefined && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '更正文书请填写更正理由' });
      if (v.supersedes === undefined && v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '只有更正文书时才填写更正理由' });
    }),
  output: z.object({ id: z.number().int(), number: z.string(), sha256: z.string() }),
};

export const noticesPreview = {
  input: z.object(draft),
  output: z.object({
    /** The notice as it would be issued now, number left blank: nothing is stored, no number used. */
    document: noticeDocument,
    /** The seal image as a data: URL, or null. */
    seal: z.string().nullable(),
  }),
};

const person = z.object({ id: z.number().int(), displayName: z.string() });
const ref = z.object({ id: z.number().int(), number: z.string() });

/** A notice as the case lists it (`cases.get` `notices`). */
export const noticeListItem = z.object({
  id: z.number().int(),
  type,
  number: z.string(),
  issuedAt: z.string(),
  issuedBy: person,
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  supersedes: ref.nullable(),
  supersededBy: ref.nullable(),
  correctionReason: z.string().nullable(),
  /** How often it was printed or saved as PDF, and when last. */
  prints: z.number().int(),
  lastPrintedAt: z.string().nullable(),
});
export type NoticeListItem = z.infer<typeof noticeListItem>;

export const noticesGet = {
  input: z.object({ id }),
  output: z.object({ notice: noticeListItem, caseId: z.number().int(), document: noticeDocument, seal: z.string().nullable() }),
};

export const printWays = ['print', 'pdf'] as const;
export const noticesLogPrint = {
  input: z.object({ id, how: z.enum(printWays, { error: '请说明是打印还是另存为PDF' }) }),
  output: z.object({ prints: z.number().int() }),
};

/** Where the host finds the PDF to stream (`GET /files/notices/<id>.pdf`); no path leaves the core. */
export const noticesFile = {
  input: z.object({ id }),
  output: z.object({ id: z.number().int(), number: z.string(), fileName: z.string(), sha256: z.string(), size: z.number().int() }),
};

/** 投诉登记表 of a case, printed now and stored frozen (no 文号): its PDF's hash and pages, and what it printed. */
export const noticesPrintRegistrationForm = {
  input: z.object({ caseId: id }),
  output: z.object({
    sha256: z.string(),
    size: z.number().int(),
    pages: z.number().int(),
    fileName: z.string(),
    printedAt: z.string(),
    document: registrationFormDocument,
  }),
};
