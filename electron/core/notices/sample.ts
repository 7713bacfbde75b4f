import { createElement } from 'react';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../../shared/notices/model';
import { anchorLine } from '../../../shared/notices/styles';
import { noticeTypes, type NoticeType } from '../../../shared/notices/types';

/**
 * One made-up notice of each type: the characters every notice prints whatever the case (titles,
 * fixed sentences, 消法第三十九条), which an office's own 仿宋 must have before it is accepted.
 */
const common = {
  caseNo: 'TS2026-00001',
  number: { head: '杭消协受〔2026〕', seq: 1 },
  date: '2026-11-02',
  office: { name: '杭州市消费者协会', issuer: '杭州市消费者协会', address: '杭州市西湖区文三路1号', phone: '0571-12345678' },
  complainant: { name: '张三', idLine: '居民身份证号码：330106199001011234', phone: '13812345678', address: '杭州市上城区' },
  respondent: { name: '杭州某某电器有限公司', creditCode: '91330100MA2XXXXXXX', address: '杭州市', contactPerson: '李四', phone: '0571-87654321' },
  subject: '电视机',
  receivedOn: '2026-11-02',
  text: {
    addressee: '张三',
    contact: '联系人：王五，联系电话：0571-12345678',
    matter: '电视机质量问题',
    reason: '不属于本会职责范围',
    items: '身份证明\n购物凭证',
    consequence: '逾期不补正的，本会将不予受理。',
    attachments: '投诉登记表\n证据材料',
    bring: '身份证明、购物凭证',
    complaint: '购买后出现质量问题。投诉请求：退货退款',
    terms: '被投诉人退还货款',
    responsibility: '被投诉方负有责任。',
    handling: '经调解，双方达成一致。',
    feedback: '如有异议请与本会联系。',
  },
  seal: null,
  anchor: null,
};

const approval = { by: '孙主任', on: '2026-11-03', comment: '同意' };

const extra: { [T in NoticeType]: Omit<Extract<NoticeDocument, { type: T }>, keyof typeof common | 'type'> } = {
  receipt: { acceptanceDueOn: '2026-11-11' },
  acceptance: { acceptedOn: '2026-11-03' },
  refusal: { article: '《市场监督管理投诉举报处理办法》第十六条', grounds: [{ item: '第（三）项', text: '不属于生活消费' }], approval },
  materials: { requestedOn: '2026-11-03', dueOn: '2026-11-10' },
  referral: { to: '杭州市市场监督管理局', referredOn: '2026-11-03', reportDueOn: '2026-11-24', request: '退货退款' },
  mediationNotice: { session: { id: 1, date: '2026-11-25', time: '14:30', place: '本会调解室', mode: 'onsite', mediator: '李调解', mediatorPhone: '0571-12345678' } },
  mediationAgreement: { mediator: '李调解' },
  mediationEnded: { acceptedOn: '2026-11-03', ground: { article: '《市场监督管理投诉举报处理办法》第二十三条', item: '第（二）项', text: '无正当理由不参加调解' } },
  outcome: { measures: ['退货退款', '赔偿'], recoveredFen: 499900, punitiveFen: 0, approval },
};

export const sampleNotice = (type: NoticeType): NoticeDocument => ({ type, ...common, ...extra[type] }) as NoticeDocument;

/** Each sample, and the words only some notices print: a correction's, a late receipt's. */
const variants = (t: NoticeType): NoticeDocument[] => {
  const doc = sampleNotice(t);
  const more: NoticeDocument[] = [{ ...doc, supersedes: { number: '杭消协受〔2026〕1号' } }];
  if (doc.type === 'receipt') more.push({ ...doc, acceptanceDuePassed: true });
  return [doc, ...more];
};

let fixed: string | null = null;
/** Every character the sample notices print, digits, the page-number dash and the verification line included. */
export async function noticeCharacters(): Promise<string> {
  // Needed only when an office installs its own face; not loaded at start.
  const { renderToStaticMarkup } = await import('react-dom/server');
  fixed ??= [
    ...new Set(
      noticeTypes
        .flatMap(variants)
        .map((doc) => renderToStaticMarkup(createElement(NoticeView, { doc, sealSrc: null })).replace(/<[^>]*>/g, ''))
        .join('') + `${anchorLine('存证')}0123456789—`,
    ),
  ]
    .filter((c) => c.trim() !== '')
    .join('');
  return fixed;
}
