import { describe, expect, it } from 'vitest';
import { describeEvent, type Names } from '../../renderer/src/cases/detail/timeline/eventText';

const names: Names = {
  refusalGround: (c) => ({ A1: '经营者之间的争议' })[c] ?? c,
  terminationGround: (c) => c,
  measure: (c) => ({ refund: '退货退款', punitive: '加倍赔偿' })[c] ?? c,
  handlerBefore: '钱调查',
};

/** The timeline reads each event in words: what, the status before → after, and the step's details. */
describe('a case event in words', () => {
  it('names the step, the status change and the approver’s comment', () => {
    expect(describeEvent('sendBack', { from: 'awaiting_approval', to: 'investigating', kind: 'outcome', comment: '请补充凭证' }, names)).toEqual({
      what: '退回',
      change: '待审批 → 调查中',
      details: ['退回处理意见', '退回意见：请补充凭证'],
    });
  });

  it('shows a handler change and due dates that moved, before → after', () => {
    expect(describeEvent('assign', { from: 'accepted', to: 'accepted', handlerName: '赵调查' }, names)).toMatchObject({ change: null, details: ['承办人：钱调查 → 赵调查'] });
    expect(describeEvent('resume', { pausedSince: '2026-09-24', moved: [{ kind: 'mediation', before: '2026-11-20', after: '2026-12-07' }] }, names).details).toEqual([
      '自 2026年9月24日 起的暂停结束',
      '调解期限 2026年11月20日 → 2026年12月7日',
    ]);
  });

  it('words codes from the catalog and money in 元', () => {
    expect(describeEvent('refuse', { grounds: ['A1'], reason: '转售' }, names).details).toEqual(['理由：经营者之间的争议', '具体说明：转售']);
    expect(describeEvent('proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '退一赔一' }, names).details).toEqual([
      '处理结果：退货退款、加倍赔偿',
      '挽回经济损失 9998.00 元，其中加倍赔偿 4999.00 元',
      '处理意见：退一赔一',
    ]);
  });

  it('says a complaint came from an enquiry (由咨询转来)', () => {
    const d = describeEvent('registered', { caseNo: 'TS2026-00012', acceptanceDueOn: '2026-12-01', fromEnquiry: { id: 4, receivedAt: '2026-11-20T09:30:00+08:00', topic: '冰箱不制冷' } }, names);
    expect(d.details).toContain('由咨询转来：2026年11月20日的咨询“冰箱不制冷”');
  });

  it('keeps an event of a kind it does not know, by its type, rather than dropping it', () => {
    expect(describeEvent('evidenceAdded', { name: 'a.jpg' }, names)).toEqual({ what: 'evidenceAdded', change: null, details: [] });
  });
});
