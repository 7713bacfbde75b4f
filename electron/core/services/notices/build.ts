import { DomainError } from '../../../../shared/api/errors';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import type { OfficeProfile } from '../../../../shared/api/schemas/office';
import type { UserView } from '../../../../shared/api/schemas/common';
import { idTypeLabel } from '../../../../shared/domain/caseStatus';
import type { RuleSet } from '../../../../shared/domain/ruleSets';
import { materialsRequestOf } from '../../../../shared/notices/availability';
import { cnDate, paragraphs } from '../../../../shared/notices/format';
import type { NoticeDocument } from '../../../../shared/notices/model';
import { numberHead, type NoticeType } from '../../../../shared/notices/types';
import { isoLocal, localDate } from '../../time';
import { registrationFormOf } from './registrationForm';

/**
 * Each notice filled from the case (domain.md "Documents the office prints"): parties, dates,
 * subject, grounds by number with their text, agreed terms, outcome. The free-text parts get a
 * default the clerk may edit (shared/notices/fields.ts); everything else comes from the record.
 */
export interface BuildContext {
  c: CaseDetail;
  office: OfficeProfile;
  /** The office date the notice is dated. */
  today: string;
  zone: string;
  user: UserView;
  rules: RuleSet;
  sessionId?: number;
  anchor: string | null;
}

const sentence = (s: string) => s.trim().replace(/[。；;，,]$/, '');
const approvalOf = (a: { by: { displayName: string }; at: string; comment: string }) => ({ by: a.by.displayName, on: a.at.slice(0, 10), comment: a.comment });

function commonPart(ctx: BuildContext, type: NoticeType) {
  const { c, office } = ctx;
  const contactName = c.handler?.displayName ?? ctx.user.displayName;
  return {
    caseNo: c.caseNo,
    number: { head: numberHead({ prefix: office.numberPrefix, mark: office.numberMarks[type], year: Number(ctx.today.slice(0, 4)) }), seq: null },
    date: ctx.today,
    office: { name: office.name, issuer: office.issuer, address: office.address, phone: office.phone },
    complainant: {
      name: c.complainant.name,
      idLine: c.complainant.idNumber ? `${idTypeLabel[c.complainant.idType]}号码：${c.complainant.idNumber}` : null,
      phone: c.complainant.phone,
      address: c.complainant.address,
    },
    respondent: { name: c.respondent.name, creditCode: c.respondent.creditCode, address: c.respondent.address, contactPerson: c.respondent.contactPerson, phone: c.respondent.phone },
    subject: c.subject,
    receivedOn: c.receivedAt.slice(0, 10),
    seal: office.seal?.sha256 ?? null,
    anchor: ctx.anchor,
    contact: office.phone ? `联系人：${contactName}，联系电话：${office.phone}` : `联系人：${contactName}`,
  };
}

/**
 * The acceptance decision as the receipt promises it (domain.md: the receipt gives the date it is
 * due by): while it is still to come, its due date, and whether that date had already passed on
 * the day of the receipt (a letter registered late) — then the receipt promises it at once.
 */
function acceptanceDecision(c: CaseDetail): { acceptanceDueOn: string | null; acceptanceDuePassed: boolean } {
  const due = c.deadlines.find((d) => d.kind === 'acceptance');
  if (!due || (due.state !== 'running' && due.state !== 'overdue')) return { acceptanceDueOn: null, acceptanceDuePassed: false };
  return { acceptanceDueOn: due.dueOn, acceptanceDuePassed: due.state === 'overdue' };
}

/**
 * 处理情况 as the office tells the complainant what it did, from the record: acceptance,
 * investigation, mediation and what was agreed. The handler's proposal to the supervisor
 * ("建议按调解协议结案") is the office's own note and stays on the record, not on this paper.
 */
function handlingOf(c: CaseDetail): string {
  const m = c.mediation;
  const held = m?.sessions.some((s) => s.held) ?? false;
  const terms = paragraphs(m?.terms ?? '')
    .map((t) => t.replace(/^(\d+\s*[.．、]|[一二三四五六七八九十]+、|[(（][^)）]{1,3}[)）])\s*/, '').replace(/[。；;，,]+$/, ''))
    .filter(Boolean);
  let text = `本会${c.acceptedOn ? `于${cnDate(c.acceptedOn)}` : ''}受理你的投诉后，对投诉事项进行了调查核实`;
  if (m && held) text += '，并组织双方进行了调解';
  if (m?.result === 'agreement') text += terms.length ? `，双方自愿达成协议：${terms.join('；')}` : '，双方自愿达成协议';
  else if (m?.result === 'terminated') text += '，调解未能达成协议';
  return `${text}。`;
}

/** The mediation session a 调解通知书 announces: the one chosen, or the only one still to come. */
function sessionOf(ctx: BuildContext) {
  const open = ctx.c.mediation?.sessions.filter((s) => s.held === null) ?? [];
  if (ctx.sessionId !== undefined) {
    const chosen = open.find((s) => s.id === ctx.sessionId);
    if (!chosen) throw new DomainError('VALIDATION', '请选择本案一次已安排、尚未进行的调解', { sessionId: '请选择本案一次已安排、尚未进行的调解' });
    return chosen;
  }
  if (open.length !== 1) throw new DomainError('VALIDATION', '本案有多次已安排的调解，请选择要通知的一次', { sessionId: '请选择要通知的调解' });
  return open[0]!;
}

/** The notice with its default free text; the rule of shared/notices/availability.ts has allowed it. */
export function buildNotice(type: NoticeType, ctx: BuildContext): NoticeDocument {
  const { c } = ctx;
  const { contact, ...common } = commonPart(ctx, type);
  const addressee = c.complainant.name;
  switch (type) {
    case 'receipt':
      return {
        type,
        ...common,
        ...acceptanceDecision(c),
        text: { addressee, matter: `${sentence(c.subject)}。投诉请求：${c.request.trim()}`, note: '', contact },
      };
    case 'acceptance':
      return { type, ...common, acceptedOn: c.acceptedOn!, text: { addressee, note: '', contact } };
    case 'refusal': {
      const r = c.refusal!;
      return {
        type,
        ...common,
        article: r.article,
        grounds: r.grounds.map((g) => ({ item: g.item, text: g.text })),
        approval: approvalOf(r.approval!),
        text: { addressee, reason: r.reason, contact },
      };
    }
    case 'materials': {
      const m = materialsRequestOf(c)!;
      return {
        type,
        ...common,
        requestedOn: m.requestedOn,
        dueOn: m.dueOn,
        text: { addressee, items: m.items.join('\n'), consequence: '逾期不补正且无正当理由的，本会将依照有关规定不予受理。', contact },
      };
    }
    case 'referral': {
      const r = c.referral!;
      return {
        type,
        ...common,
        to: r.to,
        referredOn: r.on,
        reportDueOn: r.reportDueOn,
        request: c.request,
        // The 附件 it lists is real: the 投诉登记表 prints as its following pages, in the same PDF.
        attachment: registrationFormOf(c, { office: ctx.office.name, today: ctx.today, anchor: ctx.anchor }),
        text: { addressee: r.to, reason: r.reason, attachments: '投诉登记表\n相关证据材料复印件', contact },
      };
    }
    case 'mediationNotice': {
      const s = sessionOf(ctx);
      const at = new Date(s.at);
      return {
        type,
        ...common,
        session: { id: s.id, date: localDate(at, ctx.zone), time: isoLocal(at, ctx.zone).slice(11, 16), place: s.place, mode: s.mode, mediator: s.mediator, mediatorPhone: s.mediatorPhone },
        text: {
          addressee: `${c.complainant.name}、${c.respondent.name}`,
          bring: s.bring ?? '身份证明、购物凭证以及与投诉有关的证据材料原件和复印件',
          consequence: `当事人无正当理由不参加调解的，本会将依照${ctx.rules.termination.article}的规定终止调解。`,
          contact,
        },
      };
    }
    case 'mediationAgreement': {
      const held = c.mediation?.sessions.filter((s) => s.held) ?? [];
      return {
        type,
        ...common,
        mediator: held[held.length - 1]?.mediator ?? null,
        text: {
          complaint: `${c.facts.trim()}\n投诉请求：${c.request.trim()}`,
          terms: c.mediation?.terms ?? '',
          // domain.md 调解书: "parties (with legal representative and agents)"; the agent registered
          // at the counter is filled in, for the clerk to change before issuing.
          complainantAgent: c.agent ? `${c.agent.name}${c.agent.relation ? `（${c.agent.relation}）` : ''}，联系电话：${c.agent.phone}` : '',
          respondentRepresentative: '',
          respondentAgent: '',
        },
      };
    }
    case 'mediationEnded': {
      const g = c.mediation!.ground!;
      return { type, ...common, acceptedOn: c.acceptedOn, ground: { article: g.article, item: g.item, text: g.text }, text: { addressee, detail: '', contact } };
    }
    case 'outcome': {
      const o = c.outcome!;
      const unsupported = o.measures.some((m) => m.code === 'unsupported');
      return {
        type,
        ...common,
        measures: o.measures.map((m) => m.name),
        recoveredFen: o.recoveredFen,
        punitiveFen: o.punitiveFen,
        approval: approvalOf(o.approval!),
        text: {
          addressee,
          complaint: `${c.facts.trim()}\n投诉请求：${c.request.trim()}`,
          responsibility: unsupported ? '经调查，你的投诉请求依据不足，被投诉方不承担相应责任。' : '经调查，被投诉方对投诉事项负有责任。',
          handling: handlingOf(c),
          feedback: `如对处理结果有异议，请于收到本告知书之日起5个工作日内与本会联系${ctx.office.phone ? `（联系电话：${ctx.office.phone}）` : ''}；也可依照《中华人民共和国消费者权益保护法》第三十九条的规定，通过其他途径解决争议。`,
          contact,
        },
      };
    }
  }
}
