/**
 * Case statuses along the path of ../shared/domain.md "A case, from the counter to the archive"
 * (names fixed by ../shared/API.md: scripts read them). The moves between them are the state
 * machine of shared/domain/workflow.ts.
 */
export const caseStatuses = [
  'registered',
  'accepted',
  'refused',
  'referred',
  'investigating',
  'mediating',
  'awaiting_approval',
  'approved',
  'notified',
  'follow_up',
  'closed',
  'voided',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStatusLabel: Record<CaseStatus, string> = {
  registered: '已登记待受理',
  accepted: '已受理',
  refused: '不予受理',
  referred: '已转办',
  investigating: '调查中',
  mediating: '调解中',
  awaiting_approval: '待审批',
  approved: '已批准',
  notified: '已告知',
  follow_up: '回访中',
  closed: '已结案',
  voided: '已作废',
};

/** Statuses a case never leaves: nothing more happens to it, except reading and printing. */
export const finalStatuses: readonly CaseStatus[] = ['refused', 'closed', 'voided'];

export const idTypes = ['resident', 'passport', 'hkmo', 'taiwan', 'other'] as const;
export type IdType = (typeof idTypes)[number];

export const idTypeLabel: Record<IdType, string> = {
  resident: '居民身份证',
  passport: '护照',
  hkmo: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  other: '其他证件',
};
