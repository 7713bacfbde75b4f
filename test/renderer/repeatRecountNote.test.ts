import { describe, expect, it } from 'vitest';
import { repeatRecountNote } from '../../renderer/src/statistics/figures';

/** The note 统计 shows beside 重复投诉率 while the core counts the repeat flags again (stats.summary `repeatRecount`). */
describe('repeatRecountNote', () => {
  it('says nothing when no recount runs', () => {
    expect(repeatRecountNote(null)).toBeNull();
  });

  it('names the new window and how far the recount has come, never 100 % before it ends', () => {
    expect(repeatRecountNote({ windowDays: 180, done: 4500, total: 20000 })).toBe('正在按新的 180 天期限重新统计，已完成 22%，此数字暂不准确');
    expect(repeatRecountNote({ windowDays: 30, done: 19999, total: 20000 })).toMatch(/已完成 99%/);
    expect(repeatRecountNote({ windowDays: 90, done: 0, total: 0 })).toMatch(/新的 90 天期限.*已完成 0%/);
  });
});
