import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadlineKinds, type DeadlineKind } from '../../shared/domain/deadlines';
import { copyRegister, fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { newPrinter } from './noticeKit';
import { staffOf, withStaff, type Staff } from './staff';

/**
 * Every kind of deadline on the real core ends as met when the thing it waits for happens, and as
 * cancelled only when it no longer applies (issue #15 "Work queues": a business's reply recorded
 * as a contact left its clock red until 结案, which then "cancelled" it).
 */
let template: { reg: Register; staff: Staff };
let reg: Register;
let staff: Staff;
const printer = newPrinter();

beforeAll(async () => {
  const r = await openRegister(undefined, { pdf: printer });
  template = { reg: r, staff: await withStaff(r) };
}, 120_000);
afterAll(async () => {
  template.reg.close();
  await printer.close();
});
beforeEach(async () => {
  reg = await copyRegister(template.reg, fixedClock('2026-11-23T09:00:00+08:00'), { pdf: printer });
  staff = staffOf(reg, template.staff);
});
afterEach(() => reg.close());

const registered = async () => (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint())).id;
async function investigating() {
  const id = await registered();
  await staff.clerk.act(id, 'accept');
  await staff.supervisor.act(id, 'assign', { userId: staff.investigator.user.id });
  await staff.investigator.act(id, 'startInvestigation');
  return id;
}
async function transferred() {
  const id = await investigating();
  await staff.investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家', transfer: true });
  return id;
}
async function mediating() {
  const id = await investigating();
  await staff.investigator.act(id, 'startMediation', { bothConsent: true });
  return id;
}
async function outcomeNotified() {
  const id = await investigating();
  await staff.investigator.act(id, 'proposeOutcome', { measures: ['refund'], recoveredFen: 100, summary: '退款' });
  await staff.supervisor.act(id, 'approve', { comment: '同意' });
  await staff.investigator.act(id, 'notify');
  return id;
}

/** The clocks of a kind on a case, oldest first, as [state, endedOn]. */
async function clocks(id: number, kind: DeadlineKind) {
  return ((await staff.clerk.get(id)).deadlines as any[]).filter((d) => d.kind === kind).map((d) => [d.state, d.endedOn]);
}
const TODAY = '2026-11-23';
const met = ['met', TODAY];
const cancelled = ['cancelled', TODAY];

/** Each kind: the steps that meet it, and the ones after which it no longer applies. */
const cases: Record<DeadlineKind, [string, () => Promise<{ id: number; want: unknown[] }>][]> = {
  acceptance: [
    ['met by 受理', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'accept');
      return { id, want: [met] };
    }],
    ['met by an approved 不予受理', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'refuse', { grounds: ['1'], reason: '不属于本会职责' });
      await staff.supervisor.act(id, 'approve', { comment: '同意不予受理' });
      return { id, want: [met] };
    }],
    ['met by 分流转办 (the decision where the complaint goes)', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'refer', { to: '区市场监管局', reason: '属行政处理' });
      return { id, want: [met] };
    }],
    ['cancelled by 作废', async () => {
      const id = await registered();
      await staff.supervisor.act(id, 'void', { reason: '重复登记' });
      return { id, want: [cancelled] };
    }],
  ],
  materials: [
    ['met by 材料已补齐', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'requestMaterials', { items: ['购物发票'], dueOn: '2026-11-30' });
      await staff.clerk.act(id, 'materialsReceived');
      return { id, want: [met] };
    }],
    ['met by 受理 (the materials sufficed)', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'requestMaterials', { items: ['购物发票'], dueOn: '2026-11-30' });
      await staff.clerk.act(id, 'accept');
      return { id, want: [met] };
    }],
    ['cancelled by an approved 不予受理', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'requestMaterials', { items: ['购物发票'], dueOn: '2026-11-30' });
      await staff.clerk.act(id, 'refuse', { grounds: ['5'], reason: '逾期未补正' });
      await staff.supervisor.act(id, 'approve', { comment: '同意' });
      return { id, want: [cancelled] };
    }],
  ],
  referralReport: [
    ['met by 记录转办答复', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'refer', { to: '区市场监管局', reason: '属行政处理' });
      await staff.clerk.act(id, 'recordReferralReply', { summary: '已立案' });
      return { id, want: [met] };
    }],
    ['cancelled by 作废', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'refer', { to: '区市场监管局', reason: '属行政处理' });
      await staff.supervisor.act(id, 'void', { reason: '重复登记' });
      return { id, want: [cancelled] };
    }],
  ],
  businessReply: [
    ['met by 记录经营者答复', async () => {
      const id = await transferred();
      await staff.clerk.act(id, 'recordBusinessReply', { how: 'letter', summary: '商家书面答复：同意退货' });
      return { id, want: [met] };
    }],
    ['met by a contact recorded as the reply', async () => {
      const id = await transferred();
      await staff.investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '商家答复同意退货', isReply: true });
      return { id, want: [met] };
    }],
    ['met by marking the checklist’s 经营者答复 done', async () => {
      const id = await transferred();
      const item = (await staff.investigator.get(id)).checklist.find((i: any) => i.text === '经营者答复');
      await staff.investigator.must('checklist.mark', { caseId: id, itemId: item.id, state: 'done', note: '商家书面答复' });
      return { id, want: [met] };
    }],
    ['met by a mediation session both parties attended', async () => {
      const id = await transferred();
      await staff.investigator.act(id, 'startMediation', { bothConsent: true });
      await staff.investigator.act(id, 'scheduleSession', { at: '2026-11-23T09:00:00+08:00', mode: 'phone', mediator: '李调解' });
      const sessionId = (await staff.investigator.get(id)).mediation.sessions[0].id;
      await staff.investigator.act(id, 'recordSession', { sessionId, held: true, summary: '双方在线' });
      return { id, want: [met] };
    }],
    ['met by a mediation agreement', async () => {
      const id = await transferred();
      await staff.investigator.act(id, 'startMediation', { bothConsent: true });
      await staff.investigator.act(id, 'endMediation', { result: 'agreement', terms: '退款' });
      return { id, want: [met] };
    }],
    ['cancelled by a new transfer (the earlier one no longer applies), the new one met by the reply', async () => {
      const id = await transferred();
      await staff.investigator.act(id, 'recordContact', { with: 'respondent', how: 'letter', summary: '再次书面转交', transfer: true });
      await staff.investigator.act(id, 'recordBusinessReply', { how: 'letter', summary: '答复' });
      return { id, want: [cancelled, met] };
    }],
    ['cancelled by an outcome proposed without it', async () => {
      const id = await transferred();
      await staff.investigator.act(id, 'proposeOutcome', { measures: ['unsupported'], recoveredFen: 0, summary: '经营者不予答复，诉求证据不足' });
      return { id, want: [cancelled] };
    }],
    ['cancelled by 分流转办', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交', transfer: true });
      await staff.clerk.act(id, 'refer', { to: '区市场监管局', reason: '属行政处理' });
      return { id, want: [cancelled] };
    }],
  ],
  mediation: [
    ['met by 结束调解', async () => {
      const id = await mediating();
      await staff.investigator.act(id, 'endMediation', { result: 'terminated', ground: '3' });
      return { id, want: [met] };
    }],
    ['met by 提出处理意见 without mediation', async () => {
      const id = await investigating();
      await staff.investigator.act(id, 'proposeOutcome', { measures: ['repair'], recoveredFen: 0, summary: '修理' });
      return { id, want: [met] };
    }],
    ['cancelled by 分流转办 after acceptance', async () => {
      const id = await registered();
      await staff.clerk.act(id, 'accept');
      await staff.clerk.act(id, 'refer', { to: '区市场监管局', reason: '属行政处理' });
      return { id, want: [cancelled] };
    }],
    ['cancelled by 作废', async () => {
      const id = await investigating();
      await staff.supervisor.act(id, 'void', { reason: '重复登记' });
      return { id, want: [cancelled] };
    }],
  ],
  terminationNotice: [
    ['met by issuing the 终止调解告知书', async () => {
      const id = await mediating();
      await staff.investigator.act(id, 'endMediation', { result: 'terminated', ground: '3' });
      await staff.investigator.must('notices.issue', { caseId: id, type: 'mediationEnded' });
      return { id, want: [met] };
    }],
    ['cancelled by 作废', async () => {
      const id = await mediating();
      await staff.investigator.act(id, 'endMediation', { result: 'terminated', ground: '3' });
      await staff.supervisor.act(id, 'void', { reason: '投诉人撤回' });
      return { id, want: [cancelled] };
    }],
  ],
  followUp: [
    ['met by the last visit the case needs (two for a quality complaint)', async () => {
      const id = await outcomeNotified();
      await staff.investigator.act(id, 'followUp', { satisfaction: 4, note: '满意' });
      expect(await clocks(id, 'followUp')).toEqual([['running', null]]);
      await staff.investigator.act(id, 'followUp', { satisfaction: 5, note: '再次回访，满意' });
      return { id, want: [met] };
    }],
    ['cancelled by 重新调查 (the outcome it follows is no longer final)', async () => {
      const id = await outcomeNotified();
      await staff.investigator.act(id, 'followUp', { satisfaction: 1, note: '不满意' });
      await staff.investigator.act(id, 'reopen', { reason: '投诉人不满意' });
      return { id, want: [cancelled] };
    }],
  ],
};

describe('every kind of deadline ends as met or cancelled for the right reason', () => {
  it('covers every kind', () => {
    expect(Object.keys(cases).sort()).toEqual([...deadlineKinds].sort());
    for (const kind of deadlineKinds) expect(cases[kind].some(([what]) => what.startsWith('met')), kind).toBe(true);
  });

  for (const kind of deadlineKinds) {
    describe(kind, () => {
      it.each(cases[kind])('%s', async (_what, run) => {
        const { id, want } = await run();
        expect(await clocks(id, kind)).toEqual(want);
      });
    });
  }

  it('keeps a reply met through the rest of the case, not cancelled at 结案', async () => {
    const id = await transferred();
    await staff.clerk.act(id, 'recordBusinessReply', { how: 'letter', summary: '同意退货' });
    await staff.investigator.act(id, 'proposeOutcome', { measures: ['refund'], recoveredFen: 100, summary: '退款' });
    await staff.supervisor.act(id, 'approve', { comment: '同意' });
    await staff.investigator.act(id, 'notify');
    await staff.investigator.act(id, 'followUp', { satisfaction: 5, note: '满意' });
    await staff.investigator.act(id, 'followUp', { satisfaction: 5, note: '满意' });
    await staff.investigator.act(id, 'close');
    const c = await staff.clerk.get(id);
    expect(c.deadlines.map((d: any) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['mediation', 'met'],
      ['businessReply', 'met'],
      ['followUp', 'met'],
    ]);
    expect((await staff.clerk.must('cases.search', { overdue: true, deadlineKind: 'businessReply' })).total).toBe(0);
  });
});
