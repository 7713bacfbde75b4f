import type { RegisterCaseInput } from '../../../shared/api/schemas/cases';
import type { Business, BusinessPool } from './businesses';
import { facts, request } from './facts';
import { addDays, officeDate, officeIso } from './officeTime';
import { DISTRICTS, person, type District, type Person } from './people';
import { Random, type RandomState } from './random';
import { channelDraw, natureDraw, tradeDraw, TRADES, type Trade } from './trades';

/**
 * One complaint as a clerk types it into 登记, from a person, a business and what happened, with
 * repeat complaints (the same person against the same business again within weeks) and a few
 * professional claimants (职业索赔人) who file against many businesses.
 */

export interface Draft {
  input: RegisterCaseInput & Record<string, unknown>;
  person: Person;
  business: Business;
  trade: Trade;
  natures: string[];
  paidFen: number;
  claimedFen?: number;
  repeat: boolean;
}

/**
 * Fields the register may take that this generator fills when the contract has them, so a field
 * the core adds later (e.g. `region`) is filled without touching the rest: name → value for a draft.
 */
export type OptionalFields = Record<string, (d: Omit<Draft, 'input'>) => unknown>;

/** Fields the register's contract may grow, and how a draft fills each. */
export function optionalFieldsFor(shape: Record<string, unknown>, regionCodeOf: (d: District) => string): OptionalFields {
  const all: OptionalFields = {
    // 所属区域: where the complainant lives, as the office lists its districts.
    region: (d) => regionCodeOf(d.person.district),
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => name in shape));
}

/** Share of complaints that repeat an earlier one of the same person against the same business. [L] */
const REPEAT_RATE = 0.03;
const REPEAT_WINDOW_MS = 42 * 86_400_000;
/** Share of complaints filed by professional claimants. [L] */
const PROFESSIONAL_RATE = 0.004;

interface Recent {
  at: number;
  person: Person;
  business: Business;
  trade: Trade;
  subject: string;
  natures: string[];
}

/**
 * The generator's place, for `npm run seed -- --resume`: its stream and the complaints a repeat may
 * come back to, with the business as its place in the pool, the trade by code and the district by
 * name (the objects the next process has are its own, and the pool's carry the respondents' ids).
 */
export interface ComplaintsState {
  r: RandomState;
  recent: (Omit<Recent, 'person' | 'business' | 'trade'> & { person: Omit<Person, 'district'> & { district: string }; business: number; trade: string })[];
}

/**
 * How long before its registration a complaint arrived, in minutes: a visitor or a caller is
 * registered at once, a letter, a message or an online form some hours later.
 */
function lagMinutes(r: Random, channel: string): number {
  if (channel === 'visit' || channel === 'phone') return r.next() * 15;
  return Math.min(4 * 24 * 60, r.exponential(600));
}

export class ComplaintGenerator {
  private readonly r: Random;
  /** The complaints of the last weeks, oldest first, from `recentHead` on. */
  private recent: Recent[] = [];
  private recentHead = 0;
  private readonly professionals: Person[];

  constructor(
    seed: number,
    private readonly businesses: BusinessPool,
    private readonly optional: OptionalFields,
  ) {
    this.r = Random.stream(seed, 'complaints');
    const pr = Random.stream(seed, 'professionals');
    this.professionals = Array.from({ length: 150 }, () => person(pr, '2020-01-01'));
  }

  snapshot(): ComplaintsState {
    const place = new Map(this.businesses.all.map((b, i) => [b, i]));
    return {
      r: this.r.state(),
      recent: this.recent.slice(this.recentHead).map((x) => ({ ...x, person: { ...x.person, district: x.person.district.name }, business: place.get(x.business)!, trade: x.trade.code })),
    };
  }

  restore(s: ComplaintsState): void {
    this.r.restore(s.r);
    const district = new Map(DISTRICTS.map((d) => [d.name, d]));
    const trade = new Map(TRADES.map((t) => [t.code, t]));
    this.recent = s.recent.map((x) => ({ ...x, person: { ...x.person, district: district.get(x.person.district)! }, business: this.businesses.all[x.business]!, trade: trade.get(x.trade)! }));
    this.recentHead = 0;
  }

  /** A complaint registered at `registeredMs`. */
  next(registeredMs: number): Draft {
    const r = this.r;
    const channel = channelDraw.draw(r);
    const receivedMs = Math.floor((registeredMs - lagMinutes(r, channel) * 60_000) / 1000) * 1000;
    const receivedOn = officeDate(receivedMs);

    const earlier = r.chance(REPEAT_RATE) ? this.recentOne(registeredMs) : null;
    let p: Person;
    let trade: Trade;
    let business: Business;
    let subject: string;
    let natures: string[];
    let professional = false;
    if (earlier) {
      ({ person: p, trade, business, subject, natures } = earlier);
    } else {
      professional = r.chance(PROFESSIONAL_RATE);
      p = professional ? r.pick(this.professionals) : person(r, receivedOn);
      // A professional claimant picks food, drink and medicine labels (食品安全法 第148条 claims).
      if (professional) {
        const code = r.pick(['G03', 'G03', 'G04', 'G08']);
        trade = TRADES.find((t) => t.code === code)!;
      } else trade = tradeDraw.draw(r);
      business = this.businesses.draw(r, trade);
      subject = r.pick(trade.subjects);
      natures = this.naturesOf(trade, professional);
    }
    const paidFen = this.paid(trade);
    const purchasedOn = addDays(receivedOn, -Math.min(1000, Math.floor(r.logNormal(18, 1.1))));
    const respondentShort = business.name.length > 14 ? '该商家' : business.name;
    let text = facts(r, { trade, natures, subject, purchasedOn, paidFen, respondentShort });
    if (earlier) text = `投诉人曾于${Number(officeDate(earlier.at).slice(5, 7))}月就同一问题投诉该商家，商家承诺处理后仍未解决。${text}`.slice(0, 400);
    const req = professional
      ? { text: '要求退还价款并按照《食品安全法》第一百四十八条支付价款十倍的赔偿金。', claimedFen: paidFen * 11 }
      : request(r, natures, paidFen);

    const draftCore = { person: p, business, trade, natures, paidFen, claimedFen: req.claimedFen, repeat: earlier !== null };
    const input: Draft['input'] = {
      receivedAt: officeIso(receivedMs),
      channel,
      complainant: {
        name: p.name,
        idType: p.idType,
        ...(p.idNumber ? { idNumber: p.idNumber } : {}),
        phone: p.phone,
        ...(p.address ? { address: p.address } : {}),
      },
      respondent: this.respondentRef(business),
      category: trade.code,
      natures,
      subject,
      purchasedOn: purchasedOn > receivedOn ? receivedOn : purchasedOn,
      amountPaidFen: paidFen,
      facts: text,
      request: req.text,
      ...(req.claimedFen !== undefined ? { amountClaimedFen: req.claimedFen } : {}),
      consentMediation: r.chance(0.85),
      ...(r.chance(0.4) ? { consentPublication: r.chance(0.3) } : {}),
    };
    for (const [name, fill] of Object.entries(this.optional)) input[name] = fill(draftCore);
    this.remember({ at: registeredMs, person: p, business, trade, subject, natures });
    return { input, ...draftCore };
  }

  /** A business already in the register is picked from the list (its id); now and then typed again by name. */
  private respondentRef(b: Business): RegisterCaseInput['respondent'] {
    if (b.respondentId !== undefined && this.r.chance(0.95)) return { id: b.respondentId };
    return {
      name: b.name,
      ...(b.creditCode ? { creditCode: b.creditCode } : {}),
      ...(b.address ? { address: b.address } : {}),
      ...(b.contactPerson ? { contactPerson: b.contactPerson } : {}),
      ...(b.phone ? { phone: b.phone } : {}),
    };
  }

  private naturesOf(trade: Trade, professional: boolean): string[] {
    const r = this.r;
    if (professional) return [r.pick(['counterfeit', 'false_ad', 'quality'])];
    const draw = trade.goods ? natureDraw.goods : natureDraw.services;
    const first = draw.draw(r);
    if (!r.chance(0.25)) return [first];
    const second = draw.draw(r);
    return second === first ? [first] : [first, second];
  }

  private paid(trade: Trade): number {
    const yuan = Math.min(2_000_000, Math.max(1, this.r.logNormal(trade.paidYuan, trade.spread)));
    // Most prices are whole yuan; online orders often carry fen.
    return this.r.chance(0.7) ? Math.round(yuan) * 100 : Math.round(yuan * 100);
  }

  private remember(x: Recent): void {
    this.recent.push(x);
    while (this.recentHead < this.recent.length && this.recent[this.recentHead]!.at < x.at - REPEAT_WINDOW_MS) this.recentHead++;
    if (this.recentHead > 50_000) {
      this.recent = this.recent.slice(this.recentHead);
      this.recentHead = 0;
    }
  }

  /** One of the complaints of the last six weeks (not of the last day), to be complained of again. */
  private recentOne(now: number): Recent | null {
    let lo = this.recentHead;
    let hi = this.recent.length;
    // The first kept complaint less than a day old: the repeat comes from before it.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.recent[mid]!.at <= now - 86_400_000) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.recentHead) return null;
    return this.recent[this.r.int(this.recentHead, lo - 1)]!;
  }
}
