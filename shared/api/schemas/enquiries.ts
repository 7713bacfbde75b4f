import { z } from 'zod';
import { optionalPhone } from './cases';
import { EARLIEST_RECEIPT_DATE } from './common';
import { code, isoDate, isoDateTime, optionalText, requestId, text } from './common';

/** The longest period one list of enquiries covers: a year of a busy desk, read page by page. */
export const ENQUIRY_LIST_MAX_DAYS = 366;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * 咨询登记 (issue [B]): an enquiry answered at the desk, logged in one line. The latest receipt
 * time is "now", which only the core's clock knows; the earliest is the register's own era.
 */
export const enquiriesLog = {
  input: z.object({
    receivedAt: isoDateTime.refine((v) => v.slice(0, 10) >= EARLIEST_RECEIPT_DATE, '咨询时间不能早于2000年1月1日，请核对年份').optional(),
    channel: code,
    topic: text('咨询事项', 500),
    answer: text('答复内容', 2000),
    name: optionalText('咨询人姓名', 50),
    phone: optionalPhone,
    requestId,
  }),
  output: z.object({ id: z.number().int() }),
};
export type EnquiryLogInput = z.output<typeof enquiriesLog.input>;

export const enquiryView = z.object({
  id: z.number().int(),
  /** ISO with the office's offset, as the register keeps it. */
  receivedAt: z.string(),
  /** The office date of receipt. */
  receivedOn: z.string(),
  channel: z.object({ code: z.string(), name: z.string() }),
  topic: z.string(),
  answer: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  loggedBy: z.object({ id: z.number().int(), displayName: z.string() }),
  loggedAt: z.string(),
  /** The complaint this enquiry became (cases.register `fromEnquiryId`), or null. */
  case: z.object({ id: z.number().int(), caseNo: z.string() }).nullable(),
});
export type EnquiryView = z.infer<typeof enquiryView>;

export const enquiriesList = {
  input: z
    .object({
      from: isoDate,
      to: isoDate,
      page: z.number({ error: '页码应为整数' }).int('页码应为整数').min(1, '页码从1开始').max(100_000, '页码过大').default(1),
      pageSize: z.number({ error: '每页条数应为整数' }).int('每页条数应为整数').min(1, '每页至少1条').max(200, '每页最多200条').default(50),
    })
    .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
    .refine((p) => p.from > p.to || daysBetween(p.from, p.to) < ENQUIRY_LIST_MAX_DAYS, {
      message: `一次最多查看${ENQUIRY_LIST_MAX_DAYS}天的咨询记录，请缩短日期范围`,
      path: ['from'],
    }),
  output: z.object({ rows: z.array(enquiryView), total: z.number().int() }),
};
export type EnquiriesListInput = z.output<typeof enquiriesList.input>;

