import type { InputOf } from '../../../shared/api/contract';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import { INCOMPLETE_DATE } from '../common/PickerField';

/** What the one-line form holds: plain strings; '' is "not given" (the time: now, by the core's clock). */
export interface EnquiryFormValues {
  topic: string;
  answer: string;
  channel: string;
  name: string;
  phone: string;
  receivedAt: string;
}

/** Most enquiries come by telephone; else the catalog's first channel. */
export function defaultEnquiryChannel(catalog: Catalog): string {
  return (catalog.channels.find((c) => c.name === '电话') ?? catalog.channels[0])?.code ?? '';
}

export const emptyEnquiry = (channel: string): EnquiryFormValues => ({ topic: '', answer: '', channel, name: '', phone: '', receivedAt: '' });

/**
 * The operation's input from the form. Only what a form alone can get wrong is checked here (a
 * half-typed time); the contract's own schema and then the core check the rest, the time against
 * the core's clock, never the PC's.
 */
export function toEnquiryInput(v: EnquiryFormValues, problems: Record<string, string>, requestId: string): InputOf<'enquiries.log'> {
  if (v.receivedAt === INCOMPLETE_DATE) problems.receivedAt = '时间不完整或不是有效时间，请按 年/月/日 时:分 填写，留空即为现在';
  const optional = (s: string) => (s.trim() === '' ? undefined : s);
  return {
    topic: v.topic,
    answer: v.answer,
    channel: v.channel,
    name: optional(v.name),
    phone: optional(v.phone),
    receivedAt: v.receivedAt === '' || v.receivedAt === INCOMPLETE_DATE ? undefined : v.receivedAt,
    requestId,
  };
}
