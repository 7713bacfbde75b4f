import type { CaseActInput } from '../../../shared/api/schemas/workflow';
import type { UserView } from '../../../shared/api/schemas/common';
import type { WorkingDays } from './schedule';
import { addDays, atOffice, minuteOf, officeDate } from './officeTime';
import { Weighted, type Random } from './random';

/**
 * A case's life after registration, step by step as the office works it (../shared/domain.md "A
 * case, from the counter to the archive"): each step names who takes it and when, a few working
 * days after the one before, so deadlines are met or missed as they are in an office. Steps that
 * would fall after `now` never happen: the newest cases are still open, some of them overdue.
 */

export interface Staff {
  admin: UserView;
  clerks: UserView[];
  investigators: UserView[];
  supervisors: UserView[];
}

/** A step's fields as `cases.act` takes them, without the case's id and version (added when it is taken). */
type Fields = CaseActInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'version' | 'requestId'> : never) : never;
export interface Step {
  at: number;
  by: UserView;
  fields: Fields;
}

/** How every case ends (or is still going), drawn at registration. Shares are [L], an office's usual. */
type Fate = 'void' | 'refuse' | 'materialsThenRefuse' | 'materialsThenAccept' | 'refer' | 'accept';
const FATES = new Weighted<Fate>(['void', 'refuse', 'materialsThenRefuse', 'materialsThenAccept', 'refer', 'accept'], [1, 4, 0.8, 1.7, 6, 86.5]);

/** An outcome as proposed: measures with the money the consumer got back. */
const MEASURES = new Weighted<string[]>(
  [['refund'], ['exchange'], ['repair'], ['compensation'], ['refund', 'compensation'], ['refund', 'punitive'], ['apology'], ['regulatorReferral'], ['lawsuitSupport'], ['unsupported'], ['other']],
  [40, 10, 10, 15, 5, 1.5, 1, 1.5, 0.2, 10, 5.8],
);
const SATISFACTION = new Weighted([5, 4, 3, 2, 1], [45, 30, 15, 6, 4]);
const REFUSAL_GROUNDS = new Weighted(['1', '2', '3', '4', 'A1', 'A2', 'A3'], [30, 15, 25, 8, 12, 5, 5]);
/** Termination grounds both rule sets number (order 20 and order 121). */
const TERMINATION_GROUNDS = new Weighted(['2', '3', '5'], [40, 45, 15]);
const REFERRAL_TO = ['区市场监督管理局', '市住房保障和房产管理局', '浙江省通信管理局', '市文化广电旅游局', '市交通运输局', '国家金融监督管理总局浙江监管局'];

/** Chance that work on a case simply stops at a step (the handler left it): the long-overdue backlog. */
const STALL = 0.0005;

export interface CaseLife {
  id: number;
  version: number;
  fate: Fate;
  quality: boolean;
  consentMediation: boolean;
  paidFen: number;
  claimedFen?: number;
  handler?: UserView;
  /** The last step taken, by action name; null right after registration. */
  last: string | null;
  /** The session scheduled and not yet recorded, and when it begins. */
  sessionId?: number;
  sessionAt?: number;
  sessions: number;
  sessionsHeld: number;
  lastSessionHeld: boolean;
  mediated: 'agreement' | 'terminated' | null;
  replyPending: boolean;
  pausedOnce: boolean;
  followUps: number;
  unhappy: boolean;
  reopened: number;
  sentBack: boolean;
}

export function newLife(r: Random, id: number, natures: string[], consentMediation: boolean, paidFen: number, claimedFen?: number): CaseLife {
  return {
    id,
    version: 1,
    fate: FATES.draw(r),
    quality: natures.includes('quality'),
    consentMediation,
    paidFen,
    claimedFen,
    last: null,
    sessions: 0,
    sessionsHeld: 0,
    lastSessionHeld: false,
    mediated: null,
    replyPending: false,
    pausedOnce: false,
    followUps: 0,
    unhappy: false,
    reopened: 0,
    sentBack: false,
  };
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

export class Lifecycle {
  constructor(
    private readonly r: Random,
    private readonly staff: Staff,
    private readonly calendar: WorkingDays,
  ) {}

  /** An office moment `workingDays` working days after `from` (0: later the same working day when there is time). */
  later(from: number, workingDays: number): number {
    const r = this.r;
    let date = officeDate(from);
    if (workingDays === 0 && this.calendar.isWorkingDay(date) && minuteOf(from) < 16 * 60) {
      return from + Math.floor((10 + r.next() * Math.min(240, 17 * 60 - minuteOf(from) - 10)) * 60_000);
    }
    let left = Math.max(1, workingDays);
    while (left > 0) {
      date = addDays(date, 1);
      if (this.calendar.isWorkingDay(date)) left--;
    }
    return Math.floor(atOffice(date, 510 + r.next() * 510) / 1000) * 1000;
  }

  /** Working days a step takes after the one before: mostly quick, now and then long. */
  private days(median: number, slowChance = 0.05, slow = 3): number {
    const r = this.r;
    const d = Math.round(r.logNormal(Math.max(0.5, median), 0.6));
    return r.chance(slowChance) ? d * slow + 1 : d;
  }

  private clerk = () => this.r.pick(this.staff.clerks);
  private supervisor = () => this.r.pick(this.staff.supervisors);
  /** Investigators do not carry equal loads: a draw leaning towards the first ones. */
  private investigator = () => this.staff.investigators[Math.floor(this.staff.investigators.length * this.r.next() ** 1.3)]!;

  /** The step after `c.last` at or after `t`, or null when the case is finished or stalls. */
  next(c: CaseLife, t: number): Step | null {
    const r = this.r;
    if (c.last !== null && r.chance(STALL)) return null;
    const step = (days: number, by: UserView, fields: Fields): Step => ({ at: this.later(t, days), by, fields });
    const h = c.handler!;
    switch (c.last) {
      case null:
        if (c.fate === 'void') return step(this.days(1), this.supervisor(), { action: 'void', reason: r.pick(['重复登记', '登记有误，投诉人已另行登记', '投诉人当场撤回投诉']) });
        if (c.fate === 'refuse') return this.refusal(c, t);
        if (c.fate === 'refer') return step(this.days(1.5), this.clerk(), { action: 'refer', to: r.pick(REFERRAL_TO), reason: '投诉事项属于行政机关职责范围，依法分流转办' });
        if (c.fate.startsWith('materials')) {
          const at = this.later(t, this.days(1));
          return { at, by: this.clerk(), fields: { action: 'requestMaterials', items: r.some(['购物凭证', '身份证明复印件', '商品照片', '与商家的沟通记录', '合同复印件'], r.int(1, 3)), dueOn: addDays(officeDate(at), 10) } };
        }
        return step(this.days(2, 0.05, 3), this.clerk(), { action: 'accept' });
      case 'requestMaterials':
        if (c.fate === 'materialsThenRefuse') return { at: this.later(t + 11 * 86_400_000, 1), by: this.clerk(), fields: { action: 'refuse', grounds: ['5'], reason: '投诉人逾期未提供必要的材料' } };
        return step(this.days(4), this.clerk(), { action: 'materialsReceived', note: '投诉人已补齐材料' });
      case 'materialsReceived':
        return step(this.days(1), this.clerk(), { action: 'accept' });
      case 'refuse':
        return step(this.days(1), this.supervisor(), { action: 'approve', comment: '同意不予受理' });
      case 'refer':
        // One receiving office in ten answers only after reminders, weeks late.
        return step(r.chance(0.1) ? 30 + r.int(0, 30) : this.days(10, 0.15, 2), this.clerk(), { action: 'recordReferralReply', summary: r.pick(['承办单位已受理，正在处理', '承办单位已办结，已告知投诉人处理结果', '承办单位答复：已责令经营者整改']) });
      case 'recordReferralReply':
        return step(this.days(2), this.supervisor(), { action: 'close', note: '转办单位已答复，予以结案' });
      case 'accept':
        return step(this.days(1), this.supervisor(), { action: 'assign', userId: this.investigator().id });
      case 'assign':
        return step(this.days(1), h, { action: 'startInvestigation' });
      case 'startInvestigation':
        if (r.chance(0.7)) return step(this.days(1), h, { action: 'recordContact', with: 'respondent', how: r.pick(['phone', 'phone', 'visit', 'onsite', 'online']), summary: '已将投诉转交经营者，要求其限期答复', transfer: true });
        return this.investigate(c, t);
      case 'recordContact':
        if (c.replyPending && r.chance(0.85)) return step(this.days(2, 0.15, 2), h, { action: 'recordContact', with: 'respondent', how: 'phone', summary: r.pick(['经营者答复：同意退款', '经营者答复：同意维修', '经营者答复：不同意投诉人的要求', '经营者答复：愿意协商解决']), isReply: true });
        return this.investigate(c, t);
      case 'pause':
        return step(this.days(12), h, { action: 'resume', note: '检测报告已出具，恢复计时' });
      case 'resume':
        return this.investigate(c, t, true);
      case 'startMediation':
        return this.scheduleSession(c, t);
      case 'scheduleSession': {
        // Recorded on the session's day, after it.
        const held = r.chance(0.9);
        const at = Math.max(t + 60_000, (c.sessionAt ?? t) + Math.floor((60 + r.next() * 120) * 60_000));
        return { at, by: h, fields: { action: 'recordSession', sessionId: c.sessionId!, held, summary: held ? '双方到场，就赔偿方案进行了协商' : '经营者无正当理由未到场' } };
      }
      case 'recordSession':
        // A session not held is scheduled again (up to three); one in five needs a second meeting.
        if ((!c.lastSessionHeld && c.sessions < 3) || (c.lastSessionHeld && c.sessionsHeld === 1 && r.chance(0.2))) return this.scheduleSession(c, t);
        if (c.sessionsHeld > 0 && r.chance(0.72)) return step(this.days(1), h, { action: 'endMediation', result: 'agreement', terms: `经营者退还投诉人${yuan(c.paidFen)}元，双方再无其他争议。` });
        return step(this.days(1), h, { action: 'endMediation', result: 'terminated', ground: TERMINATION_GROUNDS.draw(r) });
      case 'endMediation':
        return this.proposal(c, t);
      case 'proposeOutcome':
        if (!c.sentBack && r.chance(0.04)) return step(this.days(1), this.supervisor(), { action: 'sendBack', comment: '事实认定不清，请补充调查' });
        return step(this.days(1), this.supervisor(), { action: 'approve', comment: r.pick(['同意', '同意处理意见', '同意，请及时告知投诉人']) });
      case 'sendBack':
        return this.proposal(c, t);
      case 'approve':
        // An approved refusal ends the case at the counter (不予受理): nothing follows.
        if (!c.handler) return null;
        return step(this.days(1), h, { action: 'notify', how: r.pick(['phone', 'phone', 'letter', 'online']) });
      case 'notify':
        return step(this.days(3), h, this.followUp());
      case 'followUp':
        if (c.unhappy && c.reopened === 0 && r.chance(0.5)) return step(this.days(1), h, { action: 'reopen', reason: '投诉人对处理结果不满意，重新调查' });
        if (c.quality && c.followUps < 2) return step(this.days(5), h, this.followUp());
        return step(this.days(1), h, { action: 'close', ...(c.unhappy ? { note: '投诉人诉求超出法定范围，经解释后予以结案' } : r.chance(0.3) ? { note: '处理完毕，予以结案' } : {}) });
      case 'reopen':
        return this.investigate(c, t, true);
      default:
        return null;
    }
  }

  private scheduleSession(c: CaseLife, t: number): Step {
    const r = this.r;
    const at = this.later(t, this.days(1));
    let day = addDays(officeDate(at), r.int(2, 7));
    while (!this.calendar.isWorkingDay(day)) day = addDays(day, 1);
    const h = c.handler!;
    return {
      at,
      by: h,
      fields: { action: 'scheduleSession', at: `${day}T${r.pick(['09:30', '14:30'])}:00+08:00`, place: r.pick(['本会调解室', '经营者门店', '社区调解工作室']), mode: r.pick(['onsite', 'onsite', 'phone', 'video']), mediator: h.displayName },
    };
  }

  private refusal(c: CaseLife, t: number): Step {
    const r = this.r;
    const grounds = r.chance(0.15) ? [REFUSAL_GROUNDS.draw(r), REFUSAL_GROUNDS.draw(r)] : [REFUSAL_GROUNDS.draw(r)];
    return { at: this.later(t, this.days(2)), by: this.clerk(), fields: { action: 'refuse', grounds: [...new Set(grounds)], reason: '经初审，投诉不符合受理条件' } };
  }

  /** Investigation goes on: a pause for appraisal now and then, mediation with both parties' consent, then the proposal. */
  private investigate(c: CaseLife, t: number, afterPause = false): Step {
    const r = this.r;
    const h = c.handler!;
    if (!afterPause && !c.pausedOnce && r.chance(0.03)) return { at: this.later(t, this.days(2)), by: h, fields: { action: 'pause', reason: r.pick(['appraisal', 'appraisal', 'materials', 'recusal']), note: '委托检测机构进行检测' } };
    if (c.mediated === null && c.consentMediation && c.reopened === 0 && r.chance(0.45)) return { at: this.later(t, this.days(2)), by: h, fields: { action: 'startMediation', bothConsent: true } };
    return this.proposal(c, t);
  }

  private proposal(c: CaseLife, t: number): Step {
    const r = this.r;
    let measures = MEASURES.draw(r);
    if (c.mediated === 'agreement' && measures[0] === 'unsupported') measures = ['refund'];
    if (c.mediated === 'terminated' && r.chance(0.5)) measures = r.pick([['unsupported'], ['regulatorReferral'], ['lawsuitSupport']]);
    const paid = c.paidFen;
    let recoveredFen = 0;
    let punitiveFen = 0;
    for (const m of measures) {
      if (m === 'refund' || m === 'exchange') recoveredFen += paid;
      else if (m === 'repair') recoveredFen += Math.round(paid * 0.2);
      else if (m === 'compensation') recoveredFen += c.claimedFen !== undefined ? Math.min(c.claimedFen, Math.round(paid * (0.1 + r.next()))) : Math.round(paid * (0.1 + 0.5 * r.next()));
      else if (m === 'punitive') {
        punitiveFen = Math.max(50_000, paid * 3);
        recoveredFen += punitiveFen;
      } else if (m === 'other') recoveredFen += Math.round(paid * 0.1 * r.next());
    }
    const summary = measures.includes('unsupported')
      ? '经调查，投诉人的诉求缺乏事实依据，不予支持'
      : `经调查处理，经营者同意${measures.includes('refund') ? '退款' : measures.includes('exchange') ? '更换' : measures.includes('repair') ? '维修' : '处理'}，为消费者挽回经济损失${yuan(recoveredFen)}元`;
    return {
      at: this.later(t, this.days(6, 0.08, 3)),
      by: c.handler!,
      fields: { action: 'proposeOutcome', measures, recoveredFen, ...(punitiveFen ? { punitiveFen } : {}), summary },
    };
  }

  private followUp(): Fields {
    const satisfaction = SATISFACTION.draw(this.r);
    return { action: 'followUp', satisfaction, note: satisfaction >= 3 ? '投诉人对处理结果表示满意' : '投诉人对处理结果不满意' };
  }

  /** After a step was taken: what it changed on the life. */
  taken(c: CaseLife, s: Step, version: number, sessionId?: number): void {
    const f = s.fields;
    c.version = version;
    c.last = f.action;
    switch (f.action) {
      case 'assign':
        c.handler = this.staff.investigators.find((u) => u.id === f.userId);
        break;
      case 'recordContact':
        if (f.transfer) c.replyPending = true;
        if (f.isReply) c.replyPending = false;
        break;
      case 'pause':
        c.pausedOnce = true;
        break;
      case 'scheduleSession':
        c.sessionId = sessionId;
        c.sessionAt = Date.parse(f.at);
        c.sessions++;
        break;
      case 'recordSession':
        if (f.held) c.sessionsHeld++;
        c.lastSessionHeld = f.held;
        c.sessionId = undefined;
        c.sessionAt = undefined;
        break;
      case 'endMediation':
        c.mediated = f.result;
        break;
      case 'sendBack':
        c.sentBack = true;
        break;
      case 'followUp':
        c.followUps++;
        c.unhappy = f.satisfaction < 3;
        break;
      case 'reopen':
        c.reopened++;
        c.followUps = 0;
        c.unhappy = false;
        c.mediated = c.mediated ?? 'terminated';
        break;
    }
  }
}
