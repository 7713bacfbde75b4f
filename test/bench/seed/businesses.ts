import { creditCode, landline, mobilePhone } from './identity';
import { DISTRICTS, fullName } from './people';
import { Random, Weighted, zipfWeights } from './random';
import { TRADES, type Trade } from './trades';

/**
 * The businesses complained about: each of a trade (so categories keep their shares), with
 * Zipf-like popularity inside its trade — a few platforms and chains draw thousands of complaints,
 * most shops one or two. Names follow how businesses are registered (…有限公司, …分公司, 个体
 * …商行), and most carry a 统一社会信用代码 that passes GB 32100.
 */

export interface Business {
  /** Its index in the pool of its trade (0 the most complained about). */
  rank: number;
  trade: Trade;
  name: string;
  creditCode?: string;
  address?: string;
  contactPerson?: string;
  phone?: string;
  /** The register's respondent id once it has been registered. */
  respondentId?: number;
}

const BRAND_CHARS = [...'鑫盛华源恒达兴旺隆泰嘉美佳康乐福瑞祥宏博创新睿智德信诚和安丰益通汇金星月阳光明天宇海山江湖云峰林森荣昌凯腾飞远航中正亚欧捷优品尚雅韵锦绣晨曦唯禾悦臻朗煜聚合众百佰万千'];
/** Chains from elsewhere, with a branch (分公司) registered in the district where it trades. */
const OTHER_CITIES = ['上海', '宁波', '深圳', '广州', '北京', '苏州', '南京', '温州'];
/** Zipf exponent of popularity inside a trade: the top business of a trade draws about 7 % of its complaints. */
const POPULARITY = 0.9;

function brand(r: Random): string {
  const a = r.pick(BRAND_CHARS);
  let b = r.pick(BRAND_CHARS);
  while (b === a) b = r.pick(BRAND_CHARS);
  return a + b;
}

function makeBusiness(r: Random, trade: Trade, rank: number): Business {
  const district = DISTRICTS[r.int(0, DISTRICTS.length - 1)]!;
  const word = r.pick(trade.trades);
  const street = r.pick(district.streets);
  const address = `杭州市${district.name}${street}${r.int(1, 1200)}号`;
  const roll = r.next();
  // The most complained-about are companies (platforms, chains); shops are further down the list.
  const individual = rank > 20 && roll < 0.25;
  if (individual) {
    const name = `杭州市${district.name}${brand(r)}${word}${r.pick(['商行', '店', '经营部', '工作室'])}`;
    return { rank, trade, name, creditCode: r.chance(0.8) ? creditCode(r, '92', district.code) : undefined, address: r.chance(0.7) ? address : undefined, contactPerson: r.chance(0.5) ? fullName(r, r.chance(0.5)) : undefined, phone: r.chance(0.6) ? mobilePhone(r) : undefined };
  }
  const out = r.chance(0.12);
  const city = out ? r.pick(OTHER_CITIES) : r.chance(0.85) ? '杭州' : '浙江';
  const form = r.pick(['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司']);
  const branch = out || r.chance(0.1);
  const name = branch ? `${brand(r)}${word}（${city === '浙江' ? '杭州' : city}）${form}${district.name.slice(0, 2)}分公司` : `${city}${brand(r)}${word}${form}`;
  return {
    rank,
    trade,
    name,
    creditCode: r.chance(0.85) ? creditCode(r, '91', district.code) : undefined,
    address: r.chance(0.8) ? address : undefined,
    contactPerson: r.chance(0.4) ? fullName(r, r.chance(0.5)) : undefined,
    phone: r.chance(0.7) ? (r.chance(0.6) ? landline(r) : mobilePhone(r)) : undefined,
  };
}

export interface BusinessPool {
  all: Business[];
  /** A business of this trade, drawn by popularity. */
  draw(r: Random, trade: Trade): Business;
}

/** About `total` businesses, shared among the trades by their share of complaints (at least 40 each). */
export function businessPool(seed: number, total: number): BusinessPool {
  const r = Random.stream(seed, 'businesses');
  const shares = TRADES.reduce((s, t) => s + t.share, 0);
  const names = new Set<string>();
  const all: Business[] = [];
  const byTrade = new Map<string, { list: Business[]; draw: Weighted<number> }>();
  for (const trade of TRADES) {
    const n = Math.max(40, Math.round((total * trade.share) / shares));
    const list: Business[] = [];
    for (let rank = 0; rank < n; rank++) {
      let b = makeBusiness(r, trade, rank);
      // Two businesses never share a name (the register would link them as one).
      while (names.has(b.name)) b = makeBusiness(r, trade, rank);
      names.add(b.name);
      list.push(b);
      all.push(b);
    }
    byTrade.set(trade.code, { list, draw: new Weighted(list.map((_, i) => i), zipfWeights(n, POPULARITY)) });
  }
  // Credit codes are unique in the register (a unique index): a rare repeat loses its code.
  const codes = new Set<string>();
  for (const b of all) {
    if (b.creditCode && codes.has(b.creditCode)) b.creditCode = undefined;
    else if (b.creditCode) codes.add(b.creditCode);
  }
  return {
    all,
    draw(rr, trade) {
      const t = byTrade.get(trade.code)!;
      return t.list[t.draw.index(rr)]!;
    },
  };
}
