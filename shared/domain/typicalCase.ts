import { cnDate, cnYuan } from '../notices/format';
import { createAnonymiser, type AnonymiseParties } from './anonymise';

/**
 * The draft of a 典型案例 write-up (issue [H]), composed from the case's record by the core: a
 * title, and a body in the sections publishers of typical cases use — 基本案情 (the facts and the
 * request), 处理过程 (what the office did), 处理结果 (domain.md "Outcome measures": the measures and
 * the money recovered, the punitive part named), 案例点评 (left for the supervisor to write). Every
 * free text passes through the one anonymiser of the case, so a party is called the same everywhere.
 * The supervisor edits the draft; it is a starting point, not the publication.
 */

type Person = { id: number; displayName: string };
type Coded = { code: string; name: string };

export interface TypicalSource {
  caseNo: string;
  receivedAt: string;
  /** `group`: 商品类 or 服务类 (domain.md "Categories"), which decides 购买 or 接受. */
  category: Coded & { group?: string };
  natures: Coded[];
  complainant: { name: string; idNumber: string | null; phone: string; address: string | null };
  /** An agent (委托代理人), where the register keeps one. */
  agent?: { name: string; idNumber?: string | null; phone?: string | null; address?: string | null } | null;
  respondent: { name: string; address: string | null; contactPerson: string | null; phone: string | null };
  subject: string;
  purchasedOn: string | null;
  amountPaidFen: number | null;
  facts: string;
  request: string;
  acceptedOn: string | null;
  events: { at: string; type: string; by: Person | null; data: Record<string, unknown> }[];
  mediation: { startedOn: string; result: string | null; terms: string | null; endedOn: string | null; sessions: { held: boolean | null }[] } | null;
  outcome: { measures: Coded[]; recoveredFen: number; punitiveFen: number; summary: string; resolved: boolean } | null;
  closedOn: string | null;
}

export function partiesOf(c: TypicalSource): AnonymiseParties {
  return {
    people: [c.complainant.name, c.agent?.name, c.respondent.contactPerson],
    businesses: [c.respondent.name],
    phones: [c.complainant.phone, c.agent?.phone, c.respondent.phone],
    idNumbers: [c.complainant.idNumber, c.agent?.idNumber],
    addresses: [c.complainant.address, c.agent?.address, c.respondent.address],
  };
}

const HOW: Record<string, string> = { phone: '电话', visit: '面谈', onsite: '实地', letter: '函件', online: '网络', other: '' };
const sentence = (s: string) => {
  const t = s.trim();
  return !t ? '' : /[。！？；…]$/.test(t) ? t : `${t}。`;
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** 张某、某电器有限公司 as the write-up names them: the pseudonyms by role. */
export function pseudonymsOf(c: TypicalSource, nameBusiness: boolean): { role: string; shown: string }[] {
  const a = createAnonymiser(partiesOf(c), { nameBusiness });
  const out = [{ role: '投诉人', shown: a.pseudonyms.get(c.complainant.name.trim()) ?? '某' }];
  if (c.agent?.name) out.push({ role: '委托代理人', shown: a.pseudonyms.get(c.agent.name.trim()) ?? '某' });
  out.push({ role: '被投诉方', shown: a.businessNames.get(c.respondent.name.trim()) ?? c.respondent.name });
  if (c.respondent.contactPerson) out.push({ role: '被投诉方联系人', shown: a.pseudonyms.get(c.respondent.contactPerson.trim()) ?? '某' });
  return out;
}

export function typicalDraftOf(c: TypicalSource, nameBusiness: boolean): { title: string; body: string } {
  const anon = createAnonymiser(partiesOf(c), { nameBusiness });
  const who = anon.pseudonyms.get(c.complainant.name.trim()) ?? '某';
  const business = anon.businessNames.get(c.respondent.name.trim()) ?? c.respondent.name;
  const nature = c.natures[0]?.name && c.natures[0].name !== '其他' ? c.natures[0].name : '';
  const title = anon(`${c.subject}${nature}纠纷案`).slice(0, 100);

  const bought = [
    c.purchasedOn ? `${cnDate(c.purchasedOn)}，` : '',
    `${who}在${business}${c.category.group?.startsWith('服务') ? '接受' : '购买'}${anon(c.subject)}`,
    c.amountPaidFen !== null ? `，支付${cnYuan(c.amountPaidFen)}` : '',
    '。',
  ].join('');
  const facts = [
    `【基本案情】`,
    `${cnDate(c.receivedAt)}，消费者${who}向本会投诉称：${bought}${sentence(anon(c.facts))}`,
    `${who}请求：${sentence(anon(c.request))}`,
  ];

  const steps: string[] = [];
  if (c.acceptedOn) steps.push(`${cnDate(c.acceptedOn)}，本会受理该投诉，并指派工作人员调查。`);
  for (const e of c.events) {
    if (e.type !== 'recordContact' && e.type !== 'recordBusinessReply') continue;
    const summary = sentence(anon(str(e.data.summary)));
    if (!summary) continue;
    const how = HOW[str(e.data.how)] ?? '';
    const party = e.data.with === 'complainant' ? who : business;
    steps.push(
      e.type === 'recordBusinessReply' || e.data.isReply
        ? `${cnDate(e.at)}，${business}答复：${summary}`
        : `${cnDate(e.at)}，本会工作人员${how ? `以${how}方式` : ''}联系${party}：${summary}`,
    );
  }
  if (c.mediation) {
    const held = c.mediation.sessions.filter((s) => s.held).length;
    steps.push(`${cnDate(c.mediation.startedOn)}，经双方同意，本会组织调解${held > 1 ? `，先后调解${held}次` : ''}。`);
    if (c.mediation.result === 'agreement') steps.push(`双方达成调解协议${c.mediation.terms ? `：${sentence(anon(c.mediation.terms))}` : '。'}`);
    else if (c.mediation.result === 'terminated') steps.push('双方未能达成一致，本会终止调解，并告知消费者可通过其他途径解决。');
  }
  if (c.outcome?.summary) steps.push(`本会处理意见：${sentence(anon(c.outcome.summary))}`);

  const result: string[] = [];
  if (c.outcome) {
    const measures = c.outcome.measures.map((m) => m.name).join('、');
    if (measures) result.push(`处理结果：${measures}。`);
    if (c.outcome.recoveredFen > 0) {
      result.push(
        `经本会处理，为消费者挽回经济损失${cnYuan(c.outcome.recoveredFen)}${c.outcome.punitiveFen > 0 ? `，其中加倍赔偿${cnYuan(c.outcome.punitiveFen)}` : ''}。`,
      );
    }
  }
  if (c.closedOn) result.push(`本案于${cnDate(c.closedOn)}结案。`);

  const body = [
    ...facts,
    '',
    '【处理过程】',
    ...(steps.length ? steps : ['（请补写本会的处理过程）']),
    '',
    '【处理结果】',
    ...(result.length ? [result.join('')] : ['（请补写处理结果）']),
    '',
    '【案例点评】',
    '（请填写本案的意义与给消费者的提示）',
  ].join('\n');
  return { title, body };
}

/** The text as exported: the title, the body, and the office with the date. */
export function typicalText(title: string, body: string, office: string, dateCn: string): string {
  return `${title}\n\n${body.trim()}\n\n${office}\n${dateCn}\n`;
}
