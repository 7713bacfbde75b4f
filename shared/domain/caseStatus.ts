/**
 * Case statuses along the path of ../shared/domain.md "A case, from the counter to the archive".
 * The foundation registers cases only; the workflow issue adds the transitions between them.
 */
export const caseStatuses = [
  'registered',
  'accepted',
  'refused',
  'referred',
  'investigating',
  'mediating',
  'awaiting_approval',
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
  notified: '已告知',
  follow_up: '回访中',
  closed: '已结案',
  voided: '已作废',
};

export const idTypes = ['resident', 'passport', 'hkmo', 'taiwan', 'other'] as const;
export type IdType = (typeof idTypes)[number];

export const idTypeLabel: Record<IdType, string> = {
  resident: '居民身份证',
  passport: '护照',
  hkmo: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  other: '其他证件',
};
