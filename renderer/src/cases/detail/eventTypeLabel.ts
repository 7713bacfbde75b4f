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
};

export function eventTypeLabel(type: string): string {
  return labels[type] ?? type;
}
