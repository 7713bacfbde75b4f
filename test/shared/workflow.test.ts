import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../shared/api/schemas/common';
import { caseStatuses, finalStatuses } from '../../shared/domain/caseStatus';
import { allowedActions, caseActions, mayAct, roleMayTake, transitionOf, workflow, type CaseAction, type WorkflowState } from '../../shared/domain/workflow';

/** Properties of the workflow table that API.md's "Roles" paragraph states, checked over every combination. */

const HANDLER_ACTIONS: CaseAction[] = ['startInvestigation', 'recordContact', 'recordBusinessReply', 'pause', 'resume', 'startMediation', 'scheduleSession', 'recordSession', 'endMediation', 'proposeOutcome', 'notify', 'followUp', 'reopen', 'close'];
const SUPERVISOR_ALONE: CaseAction[] = ['assign', 'approve', 'sendBack', 'void'];

const base = (over: Partial<WorkflowState> = {}): WorkflowState => ({
  status: 'registered',
  handlerId: 7,
  paused: false,
  awaitingMaterials: false,
  awaitingBusinessReply: false,
  proposal: null,
  unrecordedSessions: 0,
  referralReported: false,
  followUps: 0,
  followUpsRequired: 1,
  ...over,
});
const user = (role: Role, id = 1) => ({ id, role });

/** Every state the guards distinguish, in every status. */
function* everyState(): Generator<WorkflowState> {
  for (const status of caseStatuses) {
    for (const paused of [false, true])
      for (const awaitingMaterials of [false, true])
        for (const proposal of [null, { kind: 'refusal' as const, by: 2 }, { kind: 'outcome' as const, by: 7 }])
          for (const unrecordedSessions of [0, 1])
            for (const referralReported of [false, true])
              for (const awaitingBusinessReply of [false, true])
                for (const [followUps, followUpsRequired] of [[0, 1], [1, 1], [1, 2]] as const)
                  for (const handlerId of [null, 7])
                    yield base({ status, paused, awaitingMaterials, awaitingBusinessReply, proposal, unrecordedSessions, referralReported, followUps, followUpsRequired, handlerId });
  }
}

describe('the workflow table', () => {
  it('lets a clerk take no handler-only step and nothing a supervisor alone may do', () => {
    for (const a of SUPERVISOR_ALONE) expect(roleMayTake('clerk', a), a).toBe(false);
    for (const a of ['startInvestigation', 'pause', 'resume', 'startMediation', 'endMediation', 'proposeOutcome', 'followUp', 'reopen', 'close'] as const) {
      expect(roleMayTake('clerk', a), a).toBe(false);
    }
    for (const a of ['accept', 'refuse', 'requestMaterials', 'refer', 'recordContact', 'recordBusinessReply', 'notify'] as const) expect(roleMayTake('clerk', a), a).toBe(true);
  });

  it('lets an investigator take handler steps only, and only on cases assigned to them', () => {
    for (const a of caseActions) expect(roleMayTake('investigator', a), a).toBe(HANDLER_ACTIONS.includes(a));
    for (const s of everyState()) {
      for (const a of caseActions) {
        if (s.handlerId !== 1) expect(mayAct(s, user('investigator', 1), a)?.code, `${s.status} ${a}`).toBe('FORBIDDEN');
      }
    }
  });

  it('lets supervisors and administrators take every step', () => {
    for (const r of ['supervisor', 'admin'] as const) for (const a of caseActions) expect(roleMayTake(r, a), `${r} ${a}`).toBe(true);
  });

  it('never lets anyone approve or send back their own proposal', () => {
    for (const s of everyState()) {
      if (!s.proposal) continue;
      for (const r of roles) {
        for (const a of ['approve', 'sendBack'] as const) {
          expect(allowedActions(s, user(r, s.proposal.by)), `${r} ${s.status}`).not.toContain(a);
          expect(mayAct(s, user(r, s.proposal.by), a)?.code).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('allows nothing in a final status, and every action leads out of an open one', () => {
    for (const s of everyState()) {
      if (!finalStatuses.includes(s.status)) continue;
      for (const r of roles) expect(allowedActions(s, user(r, 7)), `${r} ${s.status}`).toEqual([]);
    }
    for (const a of caseActions) for (const from of workflow[a].from) expect(finalStatuses, `${a} from ${from}`).not.toContain(from);
  });

  it('gives allowedActions exactly the steps that pass both the actor and the status checks', () => {
    let checked = 0;
    for (const s of everyState()) {
      for (const r of roles) {
        const u = user(r, 7);
        const expected = caseActions.filter((a) => mayAct(s, u, a) === null && !('code' in transitionOf(s, a)));
        expect(allowedActions(s, u)).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('says in Chinese, naming the status, why a step is not possible now', () => {
    const refusal = transitionOf(base({ status: 'closed' }), 'accept');
    expect(refusal).toEqual({ code: 'INVALID_TRANSITION', message: '案件当前状态为“已结案”，不能进行“受理”' });
    expect(transitionOf(base({ status: 'investigating', paused: true }), 'proposeOutcome')).toEqual({ code: 'INVALID_TRANSITION', message: '案件计时已暂停，请先恢复计时' });
    expect(transitionOf(base({ status: 'accepted', handlerId: null }), 'startInvestigation')).toMatchObject({ message: '请先由负责人指派承办人' });
    // A reply recorded where the complaint was never passed to the business.
    expect(transitionOf(base({ status: 'investigating' }), 'recordBusinessReply')).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/^本案没有等待中的经营者答复/) });
    expect(transitionOf(base({ status: 'investigating', awaitingBusinessReply: true }), 'recordBusinessReply')).toEqual({ to: 'investigating' });
  });

  it('sends an approved refusal to 不予受理 and an approved outcome to 已批准; a send-back returns each to where it came from', () => {
    const refusal = base({ status: 'awaiting_approval', proposal: { kind: 'refusal', by: 2 } });
    const outcome = base({ status: 'awaiting_approval', proposal: { kind: 'outcome', by: 2 } });
    expect(transitionOf(refusal, 'approve')).toEqual({ to: 'refused' });
    expect(transitionOf(outcome, 'approve')).toEqual({ to: 'approved' });
    expect(transitionOf(refusal, 'sendBack')).toEqual({ to: 'registered' });
    expect(transitionOf(outcome, 'sendBack')).toEqual({ to: 'investigating' });
  });
});
