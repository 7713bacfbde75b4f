import type { Random } from './random';

/**
 * 咨询登记 beside the complaints: an association answers about as many enquiries as it registers
 * complaints (接待来访和咨询 and 受理投诉 are of one size in 中消协's yearly figures), so each
 * registration brings 0, 1 or 2 enquiries at the same moment (1.1 on average), mostly by telephone.
 */
const TOPICS = [
  '网购商品七天无理由退货怎么算',
  '预付卡商家关门了怎么办',
  '家电三包期是多久',
  '投诉需要带哪些材料',
  '快递丢件找谁赔',
  '健身房不退会员费能投诉吗',
  '手机维修后又坏了怎么办',
  '装修公司拖延工期如何维权',
  '旅行社临时加价合理吗',
  '直播间买到假货怎么投诉',
] as const;
const ANSWERS = [
  '告知可先与商家协商，协商不成可来投诉，并说明需带购物凭证和身份证件',
  '告知相关法律规定及维权途径',
  '建议保留聊天记录、付款凭证，必要时来会登记投诉',
  '属于其他部门职责，告知主管部门联系方式',
] as const;
const CHANNELS = ['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'visit', 'visit', 'visit', 'online'] as const;

export interface EnquiryDraft {
  channel: string;
  topic: string;
  answer: string;
}

export function enquiriesBeside(r: Random): EnquiryDraft[] {
  const n = (r.chance(0.8) ? 1 : 0) + (r.chance(0.3) ? 1 : 0);
  return Array.from({ length: n }, () => ({ channel: r.pick(CHANNELS), topic: r.pick(TOPICS), answer: r.pick(ANSWERS) }));
}
