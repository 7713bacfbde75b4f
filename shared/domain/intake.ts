/**
 * The date and money rules of a registration that the form and the core both check (issue [B]
 * "How it must work"): one piece of code, so the red mark under a field and the core's refusal
 * never disagree. "Today" is always an argument: the core passes its office clock's date, the form
 * the date the core gave it (clock.today), never the PC's.
 */

/** 收到时间 not after today (the core also checks the instant, with a few minutes for clock skew). */
export function receiptInFutureProblem(receivedOn: string, today: string): string | null {
  return receivedOn > today ? '收到时间不能晚于现在' : null;
}

/** Nobody complains about a purchase before making it: the purchase date is not after the receipt date. */
export function purchaseAfterReceiptProblem(purchasedOn: string | null | undefined, receivedOn: string): string | null {
  return purchasedOn && purchasedOn > receivedOn ? '购买日期不能晚于收到投诉的日期' : null;
}

/** How many years back a purchase is flagged: domain.md "Time limits", limitation 3 years [S] (order 20 第15条, order 121 第16条). */
export const LIMITATION_YEARS = 3;

/**
 * The same day `years` later, as 民法典 第203条 counts a period in years: the corresponding day of
 * the last month, or that month's last day when it has no such day (2024-02-29 + 3 years = 2027-02-28).
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A purchase more than three years before the complaint was received: the day of purchase not
 * counted (民法典 第201条), the period ends on the same date three years on, so a complaint on that
 * date is within it and one the day after is not. It may be 不予受理 ground 4 (order 121 第十六条,
 * domain.md "Grounds for refusal": more than 3 years since the complainant knew or should have known
 * of the harm) — the harm may have come to light later than the purchase, so it is a warning the
 * clerk confirms, never a refusal by the machine.
 */
export function purchaseOverLimitation(purchasedOn: string | null | undefined, receivedOn: string): boolean {
  return !!purchasedOn && receivedOn > addYears(purchasedOn, LIMITATION_YEARS);
}

export const OLD_PURCHASE_WARNING =
  '购买日期距收到投诉已超过三年。若投诉人知道或者应当知道权益受到侵害已超过三年，属于不予受理的情形（《市场监督管理投诉举报处理办法》第十六条）。请核实后勾选“已核实，仍予登记”再保存。';

/** Clerks paste amounts with thousands separators, currency signs or full-width digits. */
function normaliseAmount(text: string): string {
  return text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
}

const AMOUNT = /^(\d{1,12})(?:\.(\d*))?$/;

/** What is wrong with a typed 元 amount (two decimals at most: money is kept in 分), in Chinese; null when it is a valid amount. */
export function yuanProblem(text: string): string | null {
  const t = normaliseAmount(text);
  if (t === '') return null;
  if (t.startsWith('-')) return '金额不能为负数';
  const m = AMOUNT.exec(t);
  if (!m) return '金额应为数字（单位：元），如 199.50';
  if ((m[2] ?? '').length > 2) return '金额最多保留两位小数（精确到分），如 199.50';
  return null;
}

/** "199.50" → 19950; "" → undefined; an invalid amount → null (check yuanProblem first). Integer arithmetic only. */
export function yuanToFen(text: string): number | undefined | null {
  const t = normaliseAmount(text);
  if (t === '') return undefined;
  if (yuanProblem(text)) return null;
  const m = AMOUNT.exec(t);
  if (!m) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(cents);
}
