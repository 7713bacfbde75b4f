import { describe, expect, it } from 'vitest';
import { repeatRecountNote } from '../../renderer/src/statistics/figures';

/** The note 统计 shows beside 重复投诉率 while the core counts the repeat flags again (stats.summary `repeatRecount`). */
describe('repeatRecountNote', () => {
  it('says nothing when no recount runs', () => {
    expect(repeatRecountNote(null)).toBeNull();
  });

  it('names the new window and how far the recount has come, never 100 % before it ends', () => {
    expect(repeatRecountNote({ windowDays: 180, done: 4500, total: 20000 })).toBe('正在按新的判断期限（180 天）重新统计重复投诉，已完成 22%；完成前此数字尚不准确');
    expect(repeatRecountNote({ windowDays: 30, done: 19999, total: 20000 })).toMatch(/已完成 99%/);
    expect(repeatRecountNote({ windowDays: 90, done: 0, total: 0 })).toMatch(/（90 天）.*已完成 0%/);
  });
});
