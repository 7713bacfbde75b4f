import { contactMethodLabel, contactPartyLabel, mediationResultLabel, pauseReasonLabel, sessionModeLabel } from '../api/schemas/workflow';
import { caseStatusLabel } from './caseStatus';
import { correctionFieldLabel } from './correction';
import { deadlineKindLabel } from './deadlines';
import { checklistStateLabel } from './evidence';
import { caseActions, actionLabel, type CaseAction } from './workflow';

/**
 * A case's history in words (its timeline, event by event): one describer for the case page's
 * 时间线 (renderer/src/cases/detail/timeline) and the 卷宗's 案件经过 the core prints (issue [H]),
 * each with its own way of writing dates and amounts (the renderer's formatters, or `plainFormats`).
 */
export interface Formats {
  dateCn: (iso: string) => string;
  dateTime: (iso: string) => string;
  yuan: (fen: number) => string;
}

/** What each mark of a follow-up visit means to the person on the phone. */
export const satisfactionLabel: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '很满意' };

/** A code through its label table; an unknown code (data from a newer version) shows as itself. */
export const labelOf = (table: Readonly<Record<string, string>>, code: unknown): string => {
  const key = String(code ?? '');
  return table[key] ?? key;
};

const cn = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

/** Dates and amounts as the core writes them: the office date and time an ISO string was written with, never shifted. */
export const plainFormats: Formats = {
  dateCn: cn,
  dateTime: (iso) => (/T\d{2}:\d{2}/.test(iso) ? `${cn(iso)} ${iso.slice(11, 16)}` : cn(iso)),
  yuan: (fen) => `${(fen / 100).toFixed(2)} 元`,
};


/** Names the timeline looks codes up in: the catalog's, and who handled the case before each event. */
export interface Names {
  refusalGround: (code: string) => string;
  terminationGround: (code: string) => string;
  measure: (code: string) => string;
  /** The handler's name before an `assign`, as the timeline has it up to then. */
  handlerBefore: string | null;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const kind = (v: unknown) => labelOf(deadlineKindLabel, v);
const proposalKind = (v: unknown) => (v === 'refusal' ? '不予受理' : '处理意见');
/** A corrected long text (the facts) in a line of the timeline: its start, the whole stays on the record. */
const clip = (v: unknown, max = 60) => {
  const s = str(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};
const line = (label: string, value: unknown) => (str(value) ? `${label}：${str(value)}` : null);

type Describe = (d: Data, names: Names) => (string | null)[];

/** What each step recorded, in words (shared/API.md `cases.act`; the steps in electron/core/services/workflow/steps). */
/** Events that are not steps of the workflow, by their type. */
const otherEvents = {
  registered: '登记',
  corrected: '更正登记信息',
  deadlinesRecounted: '期限重算',
  checklist_marked: '调查清单',
  checklist_item_added: '增加调查事项',
  evidence_added: '添加证据',
  evidence_described: '修改证据信息',
  evidence_voided: '作废证据',
  evidence_verified: '校验证据',
  evidence_exported: '导出证据',
  noticeIssued: '签发文书',
  noticePrinted: '打印文书',
  registrationFormPrinted: '打印投诉登记表',
  dossierMade: '生成卷宗',
  linkedRepeat: '关联重复投诉',
  respondentMerged: '被投诉方合并',
  typical_marked: '标记为典型案例',
  typical_exported: '导出典型案例文稿',
  typical_unmarked: '撤销典型案例',
} as const;
type OtherEvent = keyof typeof otherEvents;

const PROBLEM: Record<string, string> = { missing: '文件缺失', altered: '文件已被改动' };

/** The details of each event, with dates and amounts written the `f` way. */
function detailsWith(f: Formats): Partial<Record<CaseAction | OtherEvent, Describe>> {
  const formatDateCn = f.dateCn;
  const formatDateTime = f.dateTime;
  const formatYuan = f.yuan;
  const date = (v: unknown) => (typeof v === 'string' && v ? formatDateCn(v) : '');
  /** A due date that moved: "调解期限 2026年11月20日 → 2026年12月7日". */
  const moved = (m: unknown) => {
    const d = (m ?? {}) as Data;
    return `${kind(d.kind)} ${date(d.before)} → ${date(d.after)}${d.provisional ? '（暂定）' : ''}`;
  };
  return {
  registered: (d) => [
    line('案件编号', d.caseNo),
    d.fromEnquiry ? `由咨询转来：${date((d.fromEnquiry as Data).receivedAt)}的咨询“${str((d.fromEnquiry as Data).topic)}”` : null,
    d.acceptanceDueOn ? `受理期限 ${date(d.acceptanceDueOn)}` : null,
    d.oldPurchaseConfirmed === true ? '购买日期距收到投诉已超过三年，登记员已核实' : null,
  ],
  corrected: (d) => [
    ...(list(d.changes) as Data[]).map((x) => `更正：${labelOf(correctionFieldLabel, x.field)} ${clip(x.beforeText)} → ${clip(x.afterText)}`),
    line('更正原因', d.reason),
    ...list(d.deadlines).map(moved),
    ...list((d.checklist as Data | undefined)?.added).map((t) => `调查清单随类别新增“${str(t)}”`),
    ...list((d.checklist as Data | undefined)?.setAside).map((t) => `调查清单“${str(t)}”标为不适用`),
  ],
  typical_unmarked: (d) => [line('撤销原因', d.reason), line('文稿标题', d.title)],
  typical_exported: (d) => [line('格式', d.formatName), line('标题', d.title), d.nameBusiness === true ? '公开经营者名称' : '经营者名称已匿名'],
  respondentMerged: (d) => [`被投诉方合并：${str((d.from as Data | undefined)?.name)} → ${str((d.into as Data | undefined)?.name)}`, line('合并原因', d.reason)],
  accept: (d) => [line('说明', d.note), d.mediationDueOn ? `调解期限 ${date(d.mediationDueOn)}` : null, d.acceptanceLate ? '受理时已超过受理期限' : null],
  refuse: (d, n) => [...list(d.grounds).map((g) => `理由：${n.refusalGround(str(g))}`), line('具体说明', d.reason)],
  requestMaterials: (d) => [line('需补正', list(d.items).map(str).join('、')), `补正期限 ${date(d.dueOn)}`, d.acceptancePaused ? '受理期限暂停计算' : null],
  materialsReceived: (d) => [line('说明', d.note), d.acceptanceDue ? moved({ kind: 'acceptance', ...(d.acceptanceDue as Data) }) : null],
  refer: (d) => [line('转办单位', d.to), line('理由', d.reason), `回复期限 ${date(d.reportDueOn)}`],
  recordReferralReply: (d) => [line('答复', d.summary)],
  assign: (d, n) => [`承办人：${n.handlerBefore ?? '未指派'} → ${str(d.handlerName)}`],
  recordContact: (d) => [
    `${labelOf(contactPartyLabel, d.with)}（${labelOf(contactMethodLabel, d.how)}）：${str(d.summary)}`,
    d.transfer ? `转交经营者，答复期限 ${date(d.replyDueOn)}` : null,
    d.isReply ? `经营者已答复${d.replyLate ? '（已超过答复期限）' : ''}` : null,
    ...list(d.checklistDone).map((t) => `调查清单“${str(t)}”标为已完成`),
  ],
  recordBusinessReply: (d) => [
    `答复方式：${labelOf(contactMethodLabel, d.how)}`,
    line('答复', d.summary),
    d.replyLate ? '已超过答复期限' : null,
    ...list(d.checklistDone).map((t) => `调查清单“${str(t)}”标为已完成`),
  ],
  pause: (d) => [`原因：${labelOf(pauseReasonLabel, d.reason)}`, line('说明', d.note), ...list(d.stopped).map((k) => `${kind(k)}暂停计算`)],
  resume: (d) => [d.pausedSince ? `自 ${date(d.pausedSince)} 起的暂停结束` : null, line('说明', d.note), ...list(d.moved).map(moved)],
  startMediation: (d) => [d.complainantConsentedAtRegistration ? '双方同意调解' : '双方同意调解（登记时投诉人未表示同意）'],
  scheduleSession: (d) => [`${formatDateTime(str(d.at))} ${str(d.place)}（${labelOf(sessionModeLabel, d.mode)}），调解员 ${str(d.mediator)}`],
  recordSession: (d) => [d.held ? '调解如期进行' : '调解未能进行', line('情况', d.summary), d.businessReplyMet ? '双方到场，经营者答复期限完成' : null],
  endMediation: (d, n) => [
    labelOf(mediationResultLabel, d.result),
    line('协议内容', d.terms),
    d.ground ? `情形：${n.terminationGround(str(d.ground))}` : null,
    d.noticeDueOn ? `终止调解告知期限 ${date(d.noticeDueOn)}` : null,
    list(d.cancelledSessions).length ? `取消尚未进行的调解安排 ${list(d.cancelledSessions).length} 次` : null,
  ],
  proposeOutcome: (d, n) => [
    line('处理结果', list(d.measures).map((m) => n.measure(str(m))).join('、')),
    `挽回经济损失 ${formatYuan(Number(d.recoveredFen ?? 0))}${Number(d.punitiveFen ?? 0) > 0 ? `，其中加倍赔偿 ${formatYuan(Number(d.punitiveFen))}` : ''}`,
    line('处理意见', d.summary),
    ...list(d.cancelled).map((k) => `${kind(k)}取消`),
  ],
  approve: (d) => [`批准${proposalKind(d.kind)}`, line('批示', d.comment)],
  sendBack: (d) => [`退回${proposalKind(d.kind)}`, line('退回意见', d.comment)],
  notify: (d) => [d.how ? `告知方式：${labelOf(contactMethodLabel, d.how)}` : null, line('情况', d.note), d.followUpDueOn ? `回访期限 ${date(d.followUpDueOn)}` : null],
  followUp: (d) => [
    `满意度 ${str(d.satisfaction)} 分（${satisfactionLabel[Number(d.satisfaction)] ?? ''}）`,
    line('情况', d.note),
    d.visit ? `第 ${str(d.visit)} 次回访，须 ${str(d.required)} 次` : null,
  ],
  reopen: (d) => [line('理由', d.reason)],
  close: (d) => [line('说明', d.note)],
  void: (d) => [line('理由', d.reason), ...list(d.cancelled).map((k) => `${kind(k)}取消`)],
  deadlinesRecounted: (d) => [`录入 ${str(d.year)} 年节假日后重算`, ...list(d.deadlines).map(moved)],
  checklist_marked: (d) => [
    `“${str(d.text)}”标为${labelOf(checklistStateLabel, d.state)}`,
    line('备注', d.note),
    list(d.evidenceIds).length ? `关联证据 ${list(d.evidenceIds).map(str).join('、')}` : null,
    ...list(d.deadlinesMet).map((m) => `${kind((m as Data).kind)}完成`),
  ],
  checklist_item_added: (d) => [`“${str(d.text)}”`],
  evidence_added: (d) => [`证据${str(d.evidenceId)}：${str(d.name)}（${str(d.kindLabel ?? d.kind)}）`],
  evidence_described: (d) => [`证据${str(d.evidenceId)}：${str(d.name)}，修改了 ${Object.keys((d.changes ?? {}) as Data).length} 项`],
  evidence_voided: (d) => [`证据${str(d.evidenceId)}：${str(d.name)}`, line('理由', d.reason)],
  evidence_verified: (d) => [
    `${d.scope === 'vault' ? '全库校验，' : ''}本案 ${str(d.checked)} 个文件`,
    list(d.problems).length
      ? `发现问题：${(list(d.problems) as Data[]).map((p) => `证据${str(p.evidenceId)}（${str(p.name)}）${PROBLEM[str(p.problem)] ?? str(p.problem)}`).join('；')}`
      : '全部完好',
  ],
  evidence_exported: (d) => [`${str(d.files)} 个文件导出到 ${str(d.dir)}`],
  noticeIssued: (d) => [`${str(d.title)} ${str(d.number)}`],
  registrationFormPrinted: (d) => [`共${str(d.pages)}页，已存档`],
  noticePrinted: (d) => [`${str(d.number)}（第${str(d.copy)}次${d.how === 'pdf' ? '另存为PDF' : '打印'}）`],
  linkedRepeat: (d) => [d.role === 'repeatOf' ? `本案为 ${str(d.caseNo)} 的重复投诉` : `${str(d.caseNo)} 关联为本案的重复投诉`],
  };
}

const isAction = (t: string): t is CaseAction => (caseActions as readonly string[]).includes(t);

/** An event in words: what happened, the status before → after, and the step's details. */
export function eventDescriber(formats: Formats) {
  const details = detailsWith(formats);
  return function describeEvent(type: string, data: Data, names: Names): { what: string; change: string | null; details: string[] } {
  const what = isAction(type) ? actionLabel(type) : type in otherEvents ? otherEvents[type as OtherEvent] : type;
  const from = str(data.from);
  const to = str(data.to);
  const change = from && to && from !== to ? `${labelOf(caseStatusLabel, from)} → ${labelOf(caseStatusLabel, to)}` : null;
  const describe = details[type as keyof typeof details];
  return { what, change, details: (describe?.(data, names) ?? []).filter((l): l is string => !!l) };
  };
}

/** Events in the core's words (the 卷宗). */
export const describeEvent = eventDescriber(plainFormats);
