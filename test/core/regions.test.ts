import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalComplaint, openRegister, type Register } from './harness';

/** The office's own regions ([F] breakdown by region; [B] "the office's own list of districts or towns"). */
let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

describe('regions', () => {
  it('are kept by an administrator, registered on a case and counted by region', async () => {
    const { regions } = await reg.must<{ regions: { code: string; name: string }[] }>('catalog.saveRegions', { regions: [{ name: '西湖区' }, { name: '上城区' }] });
    expect(regions).toEqual([{ code: 'R001', name: '西湖区' }, { code: 'R002', name: '上城区' }]);
    await reg.must('cases.register', minimalComplaint({ region: 'R001' }));
    await reg.must('cases.register', minimalComplaint({ region: 'R001' }));
    await reg.must('cases.register', minimalComplaint());
    // A rename keeps the code and its cases; a region left out is retired, its cases keep its name.
    await reg.must('catalog.saveRegions', { regions: [{ code: 'R002', name: '上城区（含原江干区）' }, { name: '滨江区' }] });
    expect((await reg.must<any>('catalog.get', {})).regions).toEqual([{ code: 'R002', name: '上城区（含原江干区）' }, { code: 'R003', name: '滨江区' }]);
    const s = await reg.must<any>('stats.summary', { from: '2026-01-01', to: '2026-12-31' });
    expect(s.byRegion.map((r: any) => [r.key, r.name, r.received])).toEqual([['R001', '西湖区', 2], ['', '未填写', 1]]);
    const c = await reg.must<any>('cases.get', { id: 1 });
    expect(c.region).toEqual({ code: 'R001', name: '西湖区' });
    expect((await reg.must<any>('cases.search', { region: 'R001' })).total).toBe(2);
    expect((await reg.must<any>('cases.search', { region: null })).total).toBe(1);
  });

  it('refuse a duplicate name, an unknown code, and a retired region on a new case, changing nothing', async () => {
    await reg.must('catalog.saveRegions', { regions: [{ name: '西湖区' }] });
    const dup = await reg.call('catalog.saveRegions', { regions: [{ name: '西湖区' }, { name: '西湖区' }] });
    expect(dup.ok ? null : dup.error.fields).toEqual({ 'regions.1.name': '地区“西湖区”与第1项重复' });
    const unknown = await reg.call('catalog.saveRegions', { regions: [{ code: 'R999', name: '某区' }] });
    expect(unknown.ok ? null : unknown.error.fields).toEqual({ 'regions.0.code': '地区代码不存在' });
    expect((await reg.must<any>('catalog.get', {})).regions).toEqual([{ code: 'R001', name: '西湖区' }]);
    await reg.must('catalog.saveRegions', { regions: [] });
    const retired = await reg.call('cases.register', minimalComplaint({ region: 'R001' }));
    expect(retired.ok ? null : retired.error.fields).toEqual({ region: '请从本会的地区列表中选择所属地区' });
  });
});
