import { checklistStateLabel, type ChecklistState } from '../../../../shared/domain/evidence';

/** Case event types in the clerk's words; later capabilities add theirs here. */
const labels: Record<string, string> = {
  registered: '登记',
  accepted: '受理',
  refused: '不予受理',
  referred: '转办',
  investigation_started: '开始调查',
  mediation_started: '开始调解',
  submitted_for_approval: '提交审批',
  approved: '审批通过',
  notified: '告知',
  follow_up: '回访',
  closed: '结案',
  voided: '作废',
  checklist_marked: '调查清单',
  checklist_item_added: '增加调查事项',
  evidence_added: '添加证据',
  evidence_described: '修改证据信息',
  evidence_voided: '作废证据',
  evidence_verified: '校验证据',
  evidence_exported: '导出证据',
};

export function eventTypeLabel(type: string): string {
  return labels[type] ?? type;
}

const PROBLEM: Record<string, string> = { missing: '文件缺失', altered: '文件已被改动' };
type Data = Record<string, any>;

/** One line of what the event recorded, for the timeline (the data itself stays as the core wrote it). */
const summaries: Record<string, (d: Data) => string> = {
  checklist_marked: (d) =>
    `“${d.text}”标为${checklistStateLabel[d.state as ChecklistState] ?? d.state}${d.note ? `，备注：${d.note}` : ''}${d.evidenceIds?.length ? `，关联证据 ${d.evidenceIds.join('、')}` : ''}`,
  checklist_item_added: (d) => `“${d.text}”`,
  evidence_added: (d) => `证据${d.evidenceId}：${d.name}（${d.kindLabel ?? d.kind}）`,
  evidence_described: (d) => `证据${d.evidenceId}：${d.name}，修改了 ${Object.keys(d.changes ?? {}).length} 项`,
  evidence_voided: (d) => `证据${d.evidenceId}：${d.name}，理由：${d.reason}`,
  evidence_verified: (d) =>
    `${d.scope === 'vault' ? '全库校验，' : ''}本案 ${d.checked} 个文件${
      d.problems?.length ? `，发现问题：${(d.problems as Data[]).map((p) => `证据${p.evidenceId}（${p.name}）${PROBLEM[p.problem] ?? p.problem}`).join('；')}` : '，全部完好'
    }`,
  evidence_exported: (d) => `${d.files} 个文件导出到 ${d.dir}`,
};

export function eventSummary(type: string, data: Data): string {
  try {
    return summaries[type]?.(data) ?? '';
  } catch {
    return '';
  }
}
