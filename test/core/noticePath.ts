import type { NoticeType } from '../../shared/notices/types';
import { minimalComplaint, type Register } from './harness';
import type { Staff } from './staff';

/**
 * Cases driven through the workflow by the people whose step it is (test/core/staff.ts), to the
 * point where each notice is due: the state each type of notice needs.
 */
export const FACTS = '购买后第三天屏幕出现竖线，商家以“人为损坏”为由拒绝退货。';

export async function caseReadyFor(reg: Register, staff: Staff, type: NoticeType, complaint: Record<string, unknown> = {}): Promise<number> {
  const { clerk, investigator, supervisor } = staff;
  const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: FACTS, ...complaint }));
  if (type === 'receipt') return id;
  if (type === 'refusal') {
    await clerk.act(id, 'refuse', { grounds: ['3', 'A1'], reason: '投诉人购买电视机用于经营活动，系经营者之间的争议。' });
    await supervisor.act(id, 'approve', { comment: '同意不予受理' });
    return id;
  }
  if (type === 'materials') {
    await clerk.act(id, 'requestMaterials', { items: ['居民身份证复印件', '购物发票或收据'], dueOn: '2026-12-04' });
    return id;
  }
  if (type === 'referral') {
    await clerk.act(id, 'refer', { to: '杭州市西湖区市场监督管理局', reason: '被投诉方住所地在西湖区，属该局管辖' });
    return id;
  }
  await clerk.act(id, 'accept');
  if (type === 'acceptance') return id;
  await supervisor.act(id, 'assign', { userId: investigator.user.id });
  await investigator.act(id, 'startInvestigation');
  if (type === 'outcome') {
    await investigator.act(id, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '经调解，商家同意退货退款并支付一倍赔偿。' });
    await supervisor.act(id, 'approve', { comment: '同意' });
    return id;
  }
  await investigator.act(id, 'startMediation', { bothConsent: true });
  // A session is recorded as held only once its time has come: the ones recorded below are held now.
  await investigator.act(id, 'scheduleSession', {
    at: type === 'mediationNotice' ? '2026-11-26T14:30:00+08:00' : reg.clock.now().toISOString(),
    place: '本会二楼调解室',
    mode: 'onsite',
    mediator: '李调解',
    mediatorPhone: '0571-85150315',
  });
  if (type === 'mediationNotice') return id;
  const c = await investigator.get(id);
  const held = type === 'mediationAgreement';
  await investigator.act(id, 'recordSession', { sessionId: c.mediation.sessions[0].id, held, summary: held ? '双方到场' : '被投诉方无正当理由未到场' });
  if (type === 'mediationAgreement') {
    await investigator.act(id, 'endMediation', { result: 'agreement', terms: '被投诉人于2026年11月30日前退还货款4999元\n投诉人退还电视机' });
  } else {
    await investigator.act(id, 'endMediation', { result: 'terminated', ground: '2' });
  }
  return id;
}
