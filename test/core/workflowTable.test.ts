import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../shared/domain/caseStatus';
import { caseActions, mayAct, transitionOf, type CaseAction, type WorkflowState } from '../../shared/domain/workflow';
import { minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Actor, type Staff } from './staff';

/**
 * Every (status, action, role) against the real core, the expected answer generated from the
 * workflow table: allowed → the step is taken; the actor check → 403; the status → 409
 * INVALID_TRANSITION. Each attempt runs inside a savepoint that is rolled back, so one case per
 * status serves every combination.
 */
let reg: Register;
let staff: Staff;
const cases = new Map<CaseStatus, number>();

async function build(status: CaseStatus): Promise<number> {
  const { clerk, investigator, supervisor } = staff;
  const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint());
  type Steps = [Actor, string, Record<string, unknown>?][];
  const accepted: Steps = [
    [clerk, 'accept'],
    [supervisor, 'assign', { userId: investigator.user.id }],
  ];
  const investigating = [...accepted, [investigator, 'startInvestigation']] as Steps;
  const awaiting = [...investigating, [investigator, 'proposeOutcome', { measures: ['refund'], recoveredFen: 100, summary: '退款' }]] as Steps;
  const approved = [...awaiting, [supervisor, 'approve', { comment: '同意' }]] as Steps;
  const notified = [...approved, [investigator, 'notify']] as Steps;
  const followUp = [...notified, [investigator, 'followUp', { satisfaction: 5, note: '满意' }]] as Steps;
  const plan: Record<CaseStatus, Steps> = {
    registered: [],
    accepted,
    refused: [
      [clerk, 'refuse', { grounds: ['1'], reason: '不属于本会职责' }],
      [supervisor, 'approve', { comment: '同意' }],
    ],
    referred: [[clerk, 'refer', { to: '区市场监管局', reason: '属行政处理' }]],
    investigating,
    mediating: [
      ...investigating,
      // Passed to the business: its reply is awaited (recordBusinessReply is possible here).
      [investigator, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家', transfer: true }],
      [investigator, 'startMediation', { bothConsent: true }],
      [investigator, 'scheduleSession', { at: '2026-11-25T14:00:00+08:00', place: '调解室', mode: 'onsite', mediator: '李调解' }],
    ],
    awaiting_approval: awaiting,
    approved,
    notified,
    follow_up: followUp,
    // A quality complaint needs two follow-up visits before it closes (setting followUp.requiredForQuality).
    closed: [...followUp, [investigator, 'followUp', { satisfaction: 4, note: '再次回访' }], [investigator, 'close']],
    voided: [[supervisor, 'void', { reason: '重复登记' }]],
  };
  for (const [who, action, fields] of plan[status]) await who.act(id, action, fields);
  expect((await clerk.get(id)).status).toBe(status);
  return id;
}

/** Fields that pass every input check for this case, so the answer depends on role and status alone. */
function fieldsFor(action: CaseAction, c: any): Record<string, unknown> {
  const unrecorded = c.mediation?.sessions.find((s: any) => s.held === null);
  const table: Record<CaseAction, Record<string, unknown>> = {
    accept: {},
    refuse: { grounds: ['1'], reason: '说明' },
    requestMaterials: { items: ['购物发票'], dueOn: '2026-11-30' },
    materialsReceived: {},
    refer: { to: '区市场监管局', reason: '说明' },
    recordReferralReply: { summary: '已处理' },
    assign: { userId: staff.investigator2.user.id },
    startInvestigation: {},
    recordContact: { with: 'complainant', how: 'phone', summary: '电话联系' },
    recordBusinessReply: { how: 'letter', summary: '商家书面答复同意退货' },
    pause: { reason: 'appraisal', note: '送检' },
    resume: {},
    startMediation: { bothConsent: true },
    scheduleSession: { at: '2026-11-26T09:30:00+08:00', place: '调解室', mode: 'phone', mediator: '王调解' },
    // The session is due later: it may be recorded now only as not held (called off).
    recordSession: { sessionId: unrecorded?.id ?? 1, held: false, summary: '商家来电取消' },
    endMediation: { result: 'agreement', terms: '退款', cancelSessions: true },
    proposeOutcome: { measures: ['refund'], recoveredFen: 100, summary: '退款' },
    approve: { comment: '同意' },
    sendBack: { comment: '补充' },
    notify: {},
    followUp: { satisfaction: 4, note: '满意' },
    reopen: { reason: '不满意' },
    close: {},
    void: { reason: '重复' },
  };
  return table[action];
}

function stateOf(c: any): WorkflowState {
  return {
    status: c.status,
    handlerId: c.handler?.id ?? null,
    paused: c.paused !== null,
    awaitingMaterials: c.materials !== null,
    awaitingBusinessReply: c.deadlines.some((d: any) => d.kind === 'businessReply' && ['running', 'overdue', 'paused'].includes(d.state)),
    proposal: c.proposal ? { kind: c.proposal.kind, by: c.proposal.by.id } : null,
    unrecordedSessions: c.mediation?.sessions.filter((s: any) => s.held === null).length ?? 0,
    referralReported: c.referral?.reply != null,
    followUps: c.followUps.length,
    followUpsRequired: c.followUpsRequired,
  };
}

beforeAll(async () => {
  reg = await openRegister();
  staff = await withStaff(reg);
  for (const status of ['registered', 'accepted', 'refused', 'referred', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up', 'closed', 'voided'] as const) {
    cases.set(status, await build(status));
  }
}, 60_000);
afterAll(() => reg.close());

describe('every status × action × role on the real core', () => {
  it('answers as the workflow table says, and a refused step changes nothing', async () => {
    const actors = { clerk: staff.clerk, investigator: staff.investigator, supervisor: staff.supervisor, admin: staff.admin };
    const db = reg.core.db;
    const seen = { ok: 0, FORBIDDEN: 0, INVALID_TRANSITION: 0, VALIDATION: 0 };
    for (const [status, id] of cases) {
      for (const [roleName, actor] of Object.entries(actors)) {
        const c = await actor.get(id);
        const state = stateOf(c);
        for (const action of caseActions) {
          const denied = mayAct(state, actor.user, action);
          const move = transitionOf(state, action);
          // Input comes first (API.md's order): recording a session needs one to record.
          const inputProblem = action === 'recordSession' && state.unrecordedSessions === 0;
          const expected = inputProblem ? 'VALIDATION' : (denied?.code ?? ('code' in move ? move.code : 'ok'));
          db.exec('SAVEPOINT probe');
          try {
            const r = await actor.call('cases.act', { id, version: c.version, action, ...fieldsFor(action, c) });
            const got = r.ok ? 'ok' : r.error.code;
            expect(got, `${roleName} ${action} on ${status}: ${r.ok ? '' : r.error.message}`).toBe(expected);
            if (r.ok) expect(r.value).toEqual({ status: 'to' in move ? move.to : status, version: c.version + 1 });
            seen[got as keyof typeof seen]++;
          } finally {
            db.exec('ROLLBACK TO probe; RELEASE probe');
          }
        }
        expect((await actor.get(id)).version).toBe(c.version);
      }
    }
    // Every kind of answer is exercised, many times over.
    expect(seen.ok).toBeGreaterThan(60);
    expect(seen.FORBIDDEN).toBeGreaterThan(150);
    expect(seen.INVALID_TRANSITION).toBeGreaterThan(300);
  }, 60_000);

  it('lists as allowedActions exactly the steps the core then takes', async () => {
    for (const [, id] of cases) {
      for (const actor of [staff.clerk, staff.investigator, staff.investigator2, staff.supervisor, staff.admin]) {
        const c = await actor.get(id);
        const db = reg.core.db;
        for (const action of caseActions) {
          db.exec('SAVEPOINT probe');
          try {
            const r = await actor.call('cases.act', { id, version: c.version, action, ...fieldsFor(action, c) });
            expect(r.ok, `${actor.user.username} ${action} on ${c.status}`).toBe(c.allowedActions.includes(action));
          } finally {
            db.exec('ROLLBACK TO probe; RELEASE probe');
          }
        }
      }
    }
  }, 60_000);
});
