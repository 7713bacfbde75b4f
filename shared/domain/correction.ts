import type { Role } from '../api/schemas/common';
import { caseStatusLabel, type CaseStatus } from './caseStatus';

/**
 * 更正登记信息 (API.md `cases.correct`; issue [B]): what of a registration may be corrected, by
 * whom, and when. One rule for the core, which enforces it, and the page, which draws its button
 * and greys the fields from what the core says.
 */

/** Each correctable field of the registration (cases.register's input), by its dotted path, with its Chinese name. */
export const correctionFieldLabel = {
  receivedAt: '收到时间',
  channel: '投诉渠道',
  region: '地区',
  'complainant.name': '投诉人姓名',
  'complainant.idType': '证件类型',
  'complainant.idNumber': '证件号码',
  'complainant.phone': '联系电话',
  'complainant.address': '投诉人地址',
  respondent: '被投诉方',
  subject: '商品或服务名称',
  purchasedOn: '购买日期',
  'purchasePlace.shop': '购买店铺',
  'purchasePlace.platform': '购买平台',
  'purchasePlace.orderNo': '订单号',
  amountPaidFen: '实付金额',
  facts: '投诉事实',
  request: '投诉请求',
  requestTypes: '请求类型',
  agent: '代理人',
  amountClaimedFen: '请求金额',
  category: '投诉类别',
  natures: '投诉性质',
  consentMediation: '同意调解',
  consentPublication: '同意公开',
} as const;
export type CorrectionField = keyof typeof correctionFieldLabel;

/** One line of a `corrected` event: the field, its value before and after, and both as the timeline shows them. */
export interface CorrectionChange {
  field: CorrectionField;
  before: unknown;
  after: unknown;
  beforeText: string;
  afterText: string;
}

export interface CorrectionRefusal {
  code: 'FORBIDDEN' | 'INVALID_TRANSITION';
  message: string;
}

/**
 * Who may correct a registration, following the workflow table (shared/domain/workflow.ts; API.md
 * "Roles"): registering is the desk's step, so a clerk corrects what the desk wrote while the case
 * is still at the desk (`registered`, before the acceptance decision). Once it is decided the record
 * belongs to the handling of the case, and a correction changes what every later notice and the
 * statistics say: a supervisor or an administrator (who may do all a clerk may, and oversee the
 * handling) corrects it, at any status but voided — an archived record with a wrong phone is still
 * worth putting right. Investigators do not correct the registration, not even on their own cases:
 * what they learn goes on the timeline as a contact, and the desk or the 负责人 corrects the record;
 * the registration is not a handler step in the workflow table. A voided case is kept as it was.
 */
export function correctionRefusal(status: CaseStatus, role: Role): CorrectionRefusal | null {
  if (role === 'investigator') return { code: 'FORBIDDEN', message: '调查员不能更正登记信息；请在时间线记录核实的情况，由登记员或负责人更正' };
  if (status === 'voided') return { code: 'INVALID_TRANSITION', message: '案件已作废，登记信息不能再更正' };
  if (role === 'clerk' && status !== 'registered') {
    return { code: 'FORBIDDEN', message: `案件${caseStatusLabel[status]}，登记员只能在受理决定前更正登记信息；请由负责人更正` };
  }
  return null;
}

/**
 * The receipt time is corrected only before the acceptance decision: it starts the acceptance clock
 * (消法第46条; domain.md "Time limits") and picks the rule set in force (domain.md "Laws and rules in
 * force"). Before the decision the clock is counted again from the corrected date in the same
 * transaction; after it, whether the office decided in time is history the statistics report
 * ("in time"), and rewriting it would change a met legal limit behind the record.
 */
export function receivedAtCorrectable(status: CaseStatus): boolean {
  return status === 'registered';
}

export const RECEIVED_AT_FIXED = '已作出受理决定，收到时间不能再更正（受理期限已据此计算并办结）';
