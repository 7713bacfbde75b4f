import type { NoticeType } from './types';

/**
 * The free-text parts of each document that the clerk may edit before issuing (the "overrides" of
 * `notices.issue`). The core fills each from the case; the 文书 tab draws one box per field; the
 * core checks overrides against this list. Everything else on a notice comes from the record.
 */
export interface NoticeField {
  key: string;
  label: string;
  max: number;
  multiline?: boolean;
  required?: boolean;
  /** Shown under the box. */
  hint?: string;
}

const addressee: NoticeField = { key: 'addressee', label: '主送（收件人）', max: 100, required: true };
const contact: NoticeField = { key: 'contact', label: '附注（联系人、电话）', max: 200, hint: '印在落款日期下一行，加圆括号' };
const lines = '每行一项';

export const noticeFields: Record<NoticeType, readonly NoticeField[]> = {
  receipt: [addressee, { key: 'matter', label: '投诉事项', max: 1000, multiline: true, required: true }, { key: 'note', label: '说明', max: 1000, multiline: true }, contact],
  acceptance: [addressee, { key: 'note', label: '说明', max: 2000, multiline: true }, contact],
  refusal: [addressee, { key: 'reason', label: '不予受理的具体说明', max: 5000, multiline: true, required: true }, contact],
  materials: [
    addressee,
    { key: 'items', label: '需补正的材料', max: 2000, multiline: true, required: true, hint: lines },
    { key: 'consequence', label: '逾期不补正的后果', max: 500, multiline: true, required: true },
    contact,
  ],
  referral: [
    addressee,
    { key: 'reason', label: '转办理由', max: 2000, multiline: true, required: true },
    { key: 'attachments', label: '附件', max: 500, multiline: true, hint: lines },
    contact,
  ],
  mediationNotice: [
    addressee,
    { key: 'bring', label: '需携带的材料', max: 1000, multiline: true, required: true },
    { key: 'consequence', label: '无故不到场的后果', max: 500, multiline: true, required: true },
    contact,
  ],
  mediationAgreement: [
    { key: 'complainantAgent', label: '投诉人的代理人（姓名、身份）', max: 200 },
    { key: 'respondentRepresentative', label: '被投诉人的法定代表人或负责人', max: 100 },
    { key: 'respondentAgent', label: '被投诉人的委托代理人（姓名、职务）', max: 200 },
    { key: 'complaint', label: '投诉事项及请求', max: 10000, multiline: true, required: true },
    { key: 'terms', label: '协议内容', max: 10000, multiline: true, required: true, hint: lines },
  ],
  mediationEnded: [addressee, { key: 'detail', label: '情况说明', max: 2000, multiline: true }, contact],
  outcome: [
    addressee,
    { key: 'complaint', label: '投诉事项', max: 10000, multiline: true, required: true },
    { key: 'responsibility', label: '责任认定', max: 2000, multiline: true, required: true },
    { key: 'handling', label: '处理情况', max: 5000, multiline: true, required: true },
    { key: 'feedback', label: '反馈方式', max: 1000, multiline: true, required: true },
    contact,
  ],
};

/**
 * What is wrong with overrides for a type, as field path → Chinese message (`overrides.<key>`);
 * empty when they are fine. An empty required box is refused rather than printed blank.
 */
export function overrideProblems(type: NoticeType, overrides: Record<string, string>): Record<string, string> {
  const fields = noticeFields[type];
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const field = fields.find((f) => f.key === key);
    if (!field) problems[`overrides.${key}`] = `该文书没有可修改的“${key}”`;
    else if (value.length > field.max) problems[`overrides.${key}`] = `${field.label}不能超过${field.max}个字`;
    else if (field.required && value.trim() === '') problems[`overrides.${key}`] = `请填写${field.label}`;
  }
  return problems;
}
