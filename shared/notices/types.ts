/**
 * The documents the office prints (../shared/domain.md "Documents the office prints"; API.md
 * `notices.issue`). Names of the types are a public interface: scripts send them.
 */
export const noticeTypes = [
  'receipt',
  'acceptance',
  'refusal',
  'materials',
  'referral',
  'mediationNotice',
  'mediationAgreement',
  'mediationEnded',
  'outcome',
] as const;
export type NoticeType = (typeof noticeTypes)[number];

/** The title printed on each document, and how the clerk names it. */
export const noticeTitle: Record<NoticeType, string> = {
  receipt: '受理回执',
  acceptance: '受理通知书',
  refusal: '不予受理告知书',
  materials: '限期提供材料通知书',
  referral: '转办通知书',
  mediationNotice: '调解通知书',
  mediationAgreement: '调解书',
  mediationEnded: '终止调解告知书',
  outcome: '处理结果告知书',
};

/**
 * The word each type adds to the office's prefix in its number, e.g. 杭消协受〔2026〕12号, so the
 * per-type sequences never print the same number twice. Defaults; an administrator may change them.
 */
export const defaultNumberMarks: Record<NoticeType, string> = {
  receipt: '登',
  acceptance: '受',
  refusal: '不受',
  materials: '补',
  referral: '转',
  mediationNotice: '调通',
  mediationAgreement: '调',
  mediationEnded: '终调',
  outcome: '处',
};

/** "杭消协受〔2026〕12号" (GB/T 9704-2012 7.2.4: 年份用六角括号〔〕, 序号不编虚位). */
export function noticeNumber(head: { prefix: string; mark: string; year: number }, seq: number): string {
  return `${numberHead(head)}${seq}号`;
}

/** Everything of the number before the sequence: what a preview prints, with the sequence left blank. */
export function numberHead({ prefix, mark, year }: { prefix: string; mark: string; year: number }): string {
  return `${prefix}${mark}〔${year}〕`;
}
