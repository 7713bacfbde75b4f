import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { SeedManifest } from '../seed/manifest';
import { percentile } from './measure';
import { operations, pickTerms, typedCaseNo, typedYearAndNumber } from './operations';

const manifest = {
  cases: 200_000,
  terms: { 王: 14_000, 翀: 3, 珺: 0, 退款: 90_000, 砍单: 12, 质量问题: 40_000, 甲醛超标: 9, 大数据杀熟: 0 },
  samples: [{ id: 7, caseNo: 'TS2025-00007', name: '王芳', phone: '13812345678', idNumber: null, respondent: '杭州星辰电器有限公司', creditCode: null }],
} as unknown as SeedManifest;

describe('the bench’s operations', () => {
  it('search the most frequent and the rarest term that has hits, for each length', () => {
    expect(pickTerms(manifest.terms).map((t) => `${t.label}:${t.term}`)).toEqual([
      '1 char, frequent:王',
      '1 char, rare:翀',
      '2 chars, frequent:退款',
      '2 chars, rare:砍单',
      '3+ chars, frequent:质量问题',
      '3+ chars, rare:甲醛超标',
    ]);
  });

  it('send inputs the contract accepts, skipping operations the host does not serve', () => {
    const served = new Set(Object.keys(contract));
    const ops = operations(manifest, '2026-11-30', (op) => served.has(op));
    expect(ops.length).toBeGreaterThan(30);
    for (const op of ops) {
      for (const call of op.calls(3)) {
        const schema = contract[call.op as keyof typeof contract];
        expect(schema, call.op).toBeDefined();
        const parsed = schema.input.safeParse(call.input);
        expect(parsed.success, `${op.label}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
    expect(operations(manifest, '2026-11-30', () => false).some((op) => op.calls(0)[0]!.op === 'stats.summary')).toBe(false);
  });

  it('types a case number one to four digits past its dash, in turn', () => {
    expect([0, 1, 2, 3, 4].map((i) => typedCaseNo('TS2025-108267', i))).toEqual(['TS2025-1', 'TS2025-10', 'TS2025-108', 'TS2025-1082', 'TS2025-1']);
  });

  it('types a case number without its prefix, one to five digits past its dash, in turn', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => typedYearAndNumber('TS2025-108267', i))).toEqual(['2025-1', '2025-10', '2025-108', '2025-1082', '2025-10826', '2025-1']);
    expect(typedYearAndNumber('消投2026-000421', 2)).toBe('2026-000');
  });

  it('reads percentiles by nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});
