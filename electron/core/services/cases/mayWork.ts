import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import { caseStatusLabel, finalStatuses, type CaseStatus } from '../../../../shared/domain/caseStatus';
import type { Db } from '../../db/open';
import { caseWorkOf } from '../../store/caseWork';

export interface WorkableCase {
  id: number;
  caseNo: string;
  status: CaseStatus;
  category: string;
  handlerId: number | null;
}

/**
 * Who may work this case's investigation (add evidence, mark its checklist), by the workflow's
 * roles (API.md "Roles"): an investigator works the cases assigned to them; the counter (clerks,
 * with what arrives by letter or at the desk), supervisors and administrators work any case.
 */
export function mayWork(user: UserView, c: WorkableCase): boolean {
  return user.role !== 'investigator' || c.handlerId === user.id;
}

/** Statuses in which a case's record is finished: nothing more is added to its investigation. */
const FINISHED: readonly CaseStatus[] = finalStatuses;

/** Why this user may not change this case's investigation now, or null when they may. */
export function whyNotWork(c: WorkableCase, user: UserView): DomainError | null {
  if (FINISHED.includes(c.status)) {
    return new DomainError('INVALID_TRANSITION', `案件 ${c.caseNo} ${caseStatusLabel[c.status]}，不能再添加或修改证据和调查清单`);
  }
  if (!mayWork(user, c)) return new DomainError('FORBIDDEN', `案件 ${c.caseNo} 未指派给您，不能修改其证据和调查清单`);
  return null;
}

function load(db: Db, caseId: number): WorkableCase {
  const c = caseWorkOf(db).workable(caseId);
  if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${caseId} 的案件`);
  return c;
}

/**
 * The case a write of its investigation goes to, after the checks every such write makes:
 * it exists (404), it is not finished (409 INVALID_TRANSITION naming its status), and the user
 * may work it (403). Call inside the writing transaction, so the status cannot change in between.
 */
export function caseToWork(db: Db, caseId: number, user: UserView): WorkableCase {
  const c = load(db, caseId);
  const refusal = whyNotWork(c, user);
  if (refusal) throw refusal;
  return c;
}

/** What cases.get tells the page, so it offers the investigation's buttons only when the core would accept them. */
export function investigationAccess(db: Db, caseId: number, user: UserView): { writable: boolean; reason: string | null } {
  const refusal = whyNotWork(load(db, caseId), user);
  return { writable: refusal === null, reason: refusal?.message ?? null };
}

/** The case a read of its evidence goes to: it must exist; reading is open to every signed-in user. */
export function caseToRead(db: Db, caseId: number): { id: number; caseNo: string } {
  const c = caseWorkOf(db).named(caseId);
  if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${caseId} 的案件`);
  return c;
}
