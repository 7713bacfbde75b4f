import type { Random } from './random';
import type { Trade } from './trades';

/**
 * The facts (投诉事实) and requests (投诉请求) of a complaint, composed of the phrases clerks write:
 * some words are everywhere (商家, 退款, 质量问题), some are rare (甲醛超标 in one case of tens of
 * thousands), so search is measured on both kinds of term.
 */

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

const WHERE = ['门店', '网店', '直播间', '微信小程序', '商场专柜', '官方旗舰店'];
const PLATFORMS = ['某购物平台', '某直播平台', '某团购平台', '微信朋友圈', '某二手平台'];
const EXCUSES = ['已过七天无理由退货期', '商品已拆封', '人为损坏', '活动商品不退不换', '需先寄回检测', '公司规定'];
const CLAIMS = ['七天见效', '终身保修', '全网最低价', '无效退款', '纯天然无添加', '续航一千公里'];
const HAZARDS = ['冒烟起火', '漏电', '爆裂', '刹车失灵', '零件脱落'];

/** Sentences that pad the facts to their length, in the order a clerk would add them. */
const MORE = [
  '投诉人认为商家的行为侵害了其合法权益。',
  '现有付款记录、聊天记录及照片为证。',
  '此前已向平台客服反映，平台未予处理。',
  '投诉人表示如协商不成将向人民法院起诉。',
  '投诉人希望消保委介入调解，督促商家履行义务。',
  '投诉人多次拨打商家电话，均无人接听或被挂断。',
  '商家承诺三日内给予答复，但逾期未答复。',
  '投诉人系老年人，行动不便，希望尽快处理。',
  '同小区另有多名业主遇到相同情况。',
  '投诉人已保留相关票据及宣传单页。',
  '投诉人此后又到店交涉两次，店长均称需请示总部。',
  '商家曾口头同意处理，但事后反悔，并将投诉人微信拉黑。',
  '投诉人已向当地市场监督管理所反映，被告知可先向消保委投诉。',
  '投诉人称当时销售人员未告知相关限制条款，合同中也没有明确说明。',
  '该问题严重影响了投诉人的正常生活和工作，造成了一定的经济损失。',
  '投诉人提供了购物小票、发票复印件和商品照片。',
  '商家至今未给出任何书面答复。',
]

/**
 * Rare phrases, each in about one case in `per`: the search terms with few hits. The bench reads
 * the counts the seed kept (`seed.json`), so it never guesses how rare they came out.
 */
export const RARE_PHRASES: readonly { text: string; term: string; per: number }[] = [
  { text: '送检后报告显示甲醛超标。', term: '甲醛超标', per: 20_000 },
  { text: '怀疑所购手机系翻新机。', term: '翻新机', per: 8_000 },
  { text: '商家在下单后以库存不足为由砍单。', term: '砍单', per: 15_000 },
  { text: '同一商品老用户价格反而更高，涉嫌大数据杀熟。', term: '大数据杀熟', per: 30_000 },
];

function problem(r: Random, trade: Trade, nature: string, subject: string, paidFen: number): string {
  const defect = r.pick(trade.defects);
  switch (nature) {
    case 'quality':
      return r.chance(0.5) ? `使用${r.int(1, 90)}天后，${subject}出现${defect}的质量问题。` : `收货后发现${defect}，属于明显的质量问题。`;
    case 'after_sales':
      return r.chance(0.5)
        ? `${subject}出现${defect}，投诉人多次联系商家要求维修，商家一直推诿，至今未予处理。`
        : `商家客服承诺${r.int(2, 7)}个工作日内上门检测，但始终无人上门，售后服务形同虚设。`;
    case 'contract':
      return r.chance(0.5) ? `商家未按合同约定履行，${defect}。` : '合同约定的内容至今未履行，商家以各种理由拖延。';
    case 'price':
      return r.chance(0.5) ? `结账时发现实际收费比标价高出${Math.max(1, Math.round(paidFen / 100 / r.int(5, 20)))}元。` : '商家在促销活动中先涨价后打折，涉嫌价格欺诈。';
    case 'false_ad':
      return `商家宣传“${r.pick(CLAIMS)}”，实际效果与宣传严重不符，涉嫌虚假宣传。`;
    case 'safety':
      return `使用过程中突然${r.pick(HAZARDS)}，险些造成人身伤害，存在严重安全隐患。`;
    case 'counterfeit':
      return '经品牌方鉴定为假冒商品，商家拒不承认。';
    case 'measure':
      return `回家复称发现短斤少两，实际重量比标注少${r.int(20, 400)}克。`;
    case 'personality':
      return '投诉人在店内被店员当众辱骂并被要求搜身，人格尊严受到侵害。';
    case 'personal_info':
      return '购买后频繁接到推销电话，怀疑个人信息被商家泄露。';
    default:
      return `${defect}，商家的处理方式让投诉人无法接受。`;
  }
}

function negotiation(r: Random): string {
  const roll = r.next();
  if (roll < 0.35) return `投诉人要求退款，商家以${r.pick(EXCUSES)}为由拒绝退款。`;
  if (roll < 0.6) return '投诉人与商家多次协商未果。';
  if (roll < 0.75) return '商家同意维修但拒绝退换，投诉人不能接受。';
  if (roll < 0.9) return '商家客服电话一直无人接听，网店已无法联系。';
  return '商家只同意退还部分款项，双方分歧较大。';
}

export interface FactsInput {
  trade: Trade;
  natures: string[];
  subject: string;
  purchasedOn: string;
  paidFen: number;
  respondentShort: string;
}

/** Facts of 100–400 characters: what was bought, what went wrong, what the business said, and more. */
export function facts(r: Random, f: FactsInput): string {
  const target = r.int(100, 400);
  const intro = f.trade.goods
    ? r.chance(0.6)
      ? `${cn(f.purchasedOn)}，投诉人在${f.respondentShort}${r.pick(WHERE)}购买${f.subject}，支付${yuan(f.paidFen)}元。`
      : `投诉人于${cn(f.purchasedOn)}通过${r.pick(PLATFORMS)}向${f.respondentShort}购买了${f.subject}，实付${yuan(f.paidFen)}元。`
    : r.chance(0.6)
      ? `${cn(f.purchasedOn)}，投诉人在${f.respondentShort}办理${f.subject}，一次性交费${yuan(f.paidFen)}元。`
      : `投诉人称，其于${cn(f.purchasedOn)}与${f.respondentShort}签订${f.subject}合同，合同金额${yuan(f.paidFen)}元。`;
  const parts = [intro, ...f.natures.map((n) => problem(r, f.trade, n, f.subject, f.paidFen)), negotiation(r)];
  for (const rare of RARE_PHRASES) if (r.chance(1 / rare.per)) parts.splice(2, 0, rare.text);
  let text = parts.join('');
  for (const sentence of r.shuffled(MORE)) {
    if (text.length >= target) break;
    text += sentence;
  }
  // A long story is cut at a sentence end, never mid-word.
  if (text.length > 400) text = text.slice(0, text.lastIndexOf('。', 399) + 1);
  return text;
}

/** 投诉请求, with the amount claimed in fen when the request names one. */
export function request(r: Random, natures: string[], paidFen: number): { text: string; claimedFen?: number } {
  const roll = r.next();
  if (natures.includes('personal_info')) return { text: '要求商家删除个人信息并停止骚扰，赔礼道歉。' };
  if (roll < 0.3) return { text: '要求退货退款。', claimedFen: paidFen };
  if (roll < 0.45) return { text: `要求商家退还货款${yuan(paidFen)}元。`, claimedFen: paidFen };
  if (roll < 0.55) return { text: '要求更换同型号新品。' };
  if (roll < 0.63) return { text: '要求免费维修，并延长保修期。' };
  if (roll < 0.75) {
    const claimed = Math.round(paidFen * (0.3 + r.next()));
    return { text: `要求赔偿损失${yuan(claimed)}元。`, claimedFen: claimed };
  }
  if (roll < 0.8) return { text: '要求按照《消费者权益保护法》第五十五条退一赔三。', claimedFen: paidFen * 4 };
  if (roll < 0.9) return { text: '要求解除合同并退还剩余费用。', claimedFen: Math.round(paidFen * (0.2 + 0.8 * r.next())) };
  if (roll < 0.95) return { text: '要求商家继续履行合同。' };
  return { text: '要求商家赔礼道歉并退款。', claimedFen: paidFen };
}
