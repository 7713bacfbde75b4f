import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import { noticeIssuerRefusal } from '../../../../shared/notices/issuers';
import type { NoticeType } from '../../../../shared/notices/types';
import type { CaseHead } from '../../store/caseHeads';

/**
 * notices.issue's first check (before anything is printed or a number peeked): the case exists
 * (404) and this user may issue this notice on it (403, shared/notices/issuers). Refused here, no
 * number is used.
 */
export function refuseUnlessIssuer(c: Pick<CaseHead, 'caseNo' | 'handlerId'> | null, input: { caseId: number; type: NoticeType }, user: UserView): void {
  if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`);
  const refusal = noticeIssuerRefusal(input.type, user, c.handlerId);
  if (refusal) throw new DomainError('FORBIDDEN', `${refusal}（案件 ${c.caseNo}），本次未签发、未占用文号`);
}
