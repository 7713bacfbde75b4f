import type { EnquiryView } from '../../../shared/api/schemas/enquiries';

/**
 * What 咨询登记's 转为投诉 hands the registration page (router state): the enquiry's id, linked to
 * the case when it is saved (cases.register `fromEnquiryId`), and what the form starts from.
 */
export interface FromEnquiry {
  id: number;
  receivedAt: string;
  channel: string;
  topic: string;
  name: string;
  phone: string;
}

export const fromEnquiryOf = (e: EnquiryView): FromEnquiry => ({
  id: e.id,
  receivedAt: e.receivedAt,
  channel: e.channel.code,
  topic: e.topic,
  name: e.name ?? '',
  phone: e.phone ?? '',
});

/** Router state survives a reload and the back button: taken only when it has this shape. */
export function readFromEnquiry(state: unknown): FromEnquiry | null {
  const f = (state as { fromEnquiry?: Partial<FromEnquiry> } | null)?.fromEnquiry;
  if (!f || typeof f !== 'object') return null;
  const { id, receivedAt, channel, topic, name, phone } = f;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return null;
  if ([receivedAt, channel, topic, name, phone].some((v) => typeof v !== 'string')) return null;
  return f as FromEnquiry;
}

/**
 * The registration form as an enquiry starts it: the caller as complainant, the channel they came
 * by (while the office still offers it), and what they asked as the first words of the facts.
 */
export function registerFormFromEnquiry<V extends { complainant: { name: string; phone: string }; channel: string; facts: string }>(
  values: V,
  f: FromEnquiry | null,
  channels: readonly { code: string }[],
): V {
  if (!f) return values;
  return {
    ...values,
    complainant: { ...values.complainant, name: f.name, phone: f.phone },
    channel: channels.some((c) => c.code === f.channel) ? f.channel : values.channel,
    facts: f.topic,
  };
}
