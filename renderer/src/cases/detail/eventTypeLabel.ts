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
  noticeIssued: '签发文书',
  noticePrinted: '打印文书',
};

export function eventTypeLabel(type: string): string {
  return labels[type] ?? type;
}

/** A few words after the label, where the event names a document: which notice, which copy. */
export function eventDetail(type: string, data: Record<string, unknown>): string {
  if (type === 'noticeIssued') return ` ${String(data.title ?? '')} ${String(data.number ?? '')}`;
  if (type === 'noticePrinted') return ` ${String(data.number ?? '')}（第${String(data.copy ?? '')}次${data.how === 'pdf' ? '另存为PDF' : '打印'}）`;
  return '';
}
