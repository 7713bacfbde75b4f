import type { Role } from '../api/schemas/common';
import { roleMayTake, workflow, type CaseAction } from '../domain/workflow';
import { noticeTitle, type NoticeType } from './types';

/**
 * Who may issue which notice, from the workflow table (shared/domain/workflow.ts actors; API.md
 * "Roles"). Issuing uses up an official number, so it is no one's to take on a case they do not
 * work. The desk (clerks, and supervisors and administrators, who may do what a clerk may) sends
 * out the office's paper, any notice of any case. An investigator works the cases assigned to them
 * and issues only the notices of their own steps there (调解通知书, 调解书, 终止调解告知书,
 * 处理结果告知书), never a counter's decision such as the 受理通知书. The core refuses the rest
 * (403) and the 文书 tab greys their buttons, from this one rule.
 */
export const noticeStep: Record<NoticeType, CaseAction> = {
  // Registration is no step of the table: the counter that registers is the desk that accepts.
  receipt: 'accept',
  acceptance: 'accept',
  refusal: 'refuse',
  materials: 'requestMaterials',
  referral: 'refer',
  mediationNotice: 'scheduleSession',
  mediationAgreement: 'endMediation',
  mediationEnded: 'endMediation',
  outcome: 'notify',
};

/** Why this user may not issue this notice on a case handled by `handlerId`, or null when they may. */
export function noticeIssuerRefusal(type: NoticeType, user: { id: number; role: Role }, handlerId: number | null): string | null {
  // The desk's steps are open to these roles on any case (roleMayTake of a desk step).
  if (roleMayTake(user.role, 'accept')) return null;
  const step = workflow[noticeStep[type]];
  if (!step.actors.includes('handler') || !roleMayTake(user.role, noticeStep[type])) {
    return `${noticeTitle[type]}由登记员、负责人或管理员签发，您的角色不能签发`;
  }
  if (handlerId !== user.id) return `该案件未指派给您，不能签发${noticeTitle[type]}`;
  return null;
}
