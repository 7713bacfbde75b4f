/**
 * 投诉请求类型: what a complainant may ask for, as the 投诉登记表 lists it (domain.md "A case" step 1:
 * 修理、重作、更换、退货、补足数量、退款、赔偿 …). The codes match the outcome measures of domain.md
 * where the meaning is the same (repair, redo, exchange, makeup, compensation, punitive, apology,
 * other), so a request can later be set beside what the case achieved; 退货 and 退款 are asked for
 * separately at the counter, so they are two requests here (the measure `refund` is 退货退款).
 * The free-text request stays beside them: this list says what kind, the text says exactly what.
 */
export const requestTypes = [
  { code: 'repair', name: '修理' },
  { code: 'redo', name: '重作' },
  { code: 'exchange', name: '更换' },
  { code: 'return', name: '退货' },
  { code: 'makeup', name: '补足数量' },
  { code: 'refund', name: '退款' },
  { code: 'compensation', name: '赔偿' },
  { code: 'punitive', name: '加倍赔偿' },
  { code: 'apology', name: '赔礼道歉' },
  { code: 'other', name: '其他' },
] as const;

export type RequestType = (typeof requestTypes)[number]['code'];
export const requestTypeCodes = requestTypes.map((t) => t.code) as [RequestType, ...RequestType[]];

const names: Record<string, string> = Object.fromEntries(requestTypes.map((t) => [t.code, t.name]));

/** The Chinese name of a request type; a code this version does not know is shown as stored. */
export const requestTypeName = (code: string): string => names[code] ?? code;

/** Codes in the list's order, each once: how a case keeps its request types. */
export function orderedRequestTypes(codes: readonly string[]): RequestType[] {
  const chosen = new Set(codes);
  return requestTypeCodes.filter((c) => chosen.has(c));
}
