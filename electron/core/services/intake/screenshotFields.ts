/**
 * What an order screenshot, a receipt or an invoice photo says about the purchase (issue [H],
 * "Dropping a screenshot of an order onto the registration form offers to fill …"): the business,
 * the product, the amount paid, the date and the order number, read from the OCR's lines. Each
 * found value keeps the line it came from, so the clerk sees why it is offered; nothing is found
 * by guessing across lines that carry no label, except the business's name and a receipt's item,
 * which shops print without one.
 */
export interface FoundField<T> {
  value: T;
  /** The OCR line the value was read from, as read. */
  line: string;
}

export interface ScreenshotFields {
  respondentName?: FoundField<string>;
  subject?: FoundField<string>;
  amountPaidFen?: FoundField<number>;
  purchasedOn?: FoundField<string>;
  orderNo?: FoundField<string>;
}

/** A label and its value: a space or colon between them, or a value that starts with a digit or ¥ (an OCR may glue those on). */
const SEP = String.raw`(?:[\s:：]+|(?=[¥￥\d]))`;

/** Labels in the order they are trusted: 实付 is what was paid; 合计 and 总价 only where no 实付 is shown. */
const AMOUNT_LABELS = [
  ['实付款', '实付金额', '实付', '实收', '实际支付', '支付金额', '付款金额'],
  ['合计', '总计', '总价', '订单金额', '应付', '金额'],
];
const ORDER_LABELS = ['订单编号', '订单号码', '订单号', '交易单号', '交易号', '商户单号', '流水号', '单号'];
const DATE_LABELS = ['下单时间', '付款时间', '支付时间', '成交时间', '交易时间', '创建时间', '购买日期', '开票日期', '日期', '时间'];
const PRODUCT_LABELS = ['商品名称', '商品', '品名', '货物或应税劳务、服务名称', '项目名称', '服务名称'];
const SHOP_LABELS = ['店铺名称', '店铺', '商家名称', '商家', '卖家', '商户名称', '商户', '销售方名称', '销售方', '收款方'];

/** Names a business prints as its own: a line that ends so, with nothing after it. */
const BUSINESS_ENDINGS = /(旗舰店|专卖店|专营店|官方店|商行|商店|商城|超市|有限公司|有限责任公司|公司|门店|分店|[^\s]{2,}店)$/;
/** Lines that name a business's ending but are something else (a page title, a hint). */
const NOT_A_BUSINESS = /订单|详情|进店|关注|客服|联系|退|评价|收藏/;

const labelled = (labels: string[], value: string) => new RegExp(`^(?:${labels.join('|')})${SEP}${value}$`);

/** A calendar day as ISO, or null when the numbers are no real day. */
function isoDay(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}
const DAY = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;

/** Yuan as written on a receipt (¥1,299.00, 1299元) → fen; null for anything else. */
function fenOf(text: string): number | null {
  const m = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元?$/.exec(text.trim());
  if (!m) return null;
  const yuan = Number(m[1]!.replace(/,/g, ''));
  const fen = yuan * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}

function firstLabelled<T>(lines: string[], labels: string[], value: string, take: (m: RegExpExecArray) => T | null): FoundField<T> | undefined {
  const pattern = labelled(labels, value);
  for (const line of lines) {
    const m = pattern.exec(line);
    const v = m ? take(m) : null;
    if (v !== null) return { value: v, line };
  }
  return undefined;
}

/** A receipt may print the day with no label: the first line that is a day, with a time at most. */
function unlabelledDay(lines: string[]): FoundField<string> | undefined {
  const alone = new RegExp(`^${DAY}(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$`);
  for (const line of lines) {
    const m = alone.exec(line);
    const day = m ? isoDay(m[1]!, m[2]!, m[3]!) : null;
    if (day) return { value: day, line };
  }
  return undefined;
}

/** The fields found in the text an OCR read from one picture (its lines, top to bottom). */
export function screenshotFields(text: string): ScreenshotFields {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const found: ScreenshotFields = {};

  const orderNo = firstLabelled(lines, ORDER_LABELS, String.raw`([A-Za-z0-9][A-Za-z0-9-]{5,63})`, (m) => m[1]!);
  if (orderNo) found.orderNo = orderNo;

  for (const labels of AMOUNT_LABELS) {
    const amount = firstLabelled(lines, labels, String.raw`(.+)`, (m) => fenOf(m[1]!));
    if (amount) {
      found.amountPaidFen = amount;
      break;
    }
  }

  const date = firstLabelled(lines, DATE_LABELS, `${DAY}.*`, (m) => isoDay(m[1]!, m[2]!, m[3]!)) ?? unlabelledDay(lines);
  if (date) found.purchasedOn = date;

  const product = firstLabelled(lines, PRODUCT_LABELS, String.raw`(.{2,200})`, (m) => (fenOf(m[1]!) === null ? m[1]!.trim() : null));
  if (product) found.subject = product;
  else {
    // A shop's receipt lists its item and its price on one line, above 合计.
    const all = [...AMOUNT_LABELS.flat(), ...ORDER_LABELS, ...DATE_LABELS, '收款', '找零', '数量', '单价'];
    for (const line of lines) {
      const m = /^(\S.{0,60}?)\s+[¥￥]?\d+(?:\.\d{1,2})?$/.exec(line);
      if (m && !all.some((l) => m[1]!.startsWith(l)) && /[\u4e00-\u9fff]/.test(m[1]!)) {
        found.subject = { value: m[1]!.trim(), line };
        break;
      }
    }
  }

  const shop = firstLabelled(lines, SHOP_LABELS, String.raw`(.{2,100})`, (m) => m[1]!.trim());
  if (shop) found.respondentName = shop;
  else {
    const named = lines.find((l) => l.length <= 60 && BUSINESS_ENDINGS.test(l) && !NOT_A_BUSINESS.test(l) && !/\d{3,}/.test(l));
    if (named) found.respondentName = { value: named, line: named };
  }
  return found;
}
