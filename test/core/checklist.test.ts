import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import checklists from '../../resources/checklists/default-checklists.json';
import type { CaseDetail } from '../../shared/api/schemas/cases';
import { minimalComplaint, openRegister, type Register } from './harness';
import { fixture, mustImport } from './evidenceHelpers';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

const register = async (over: Record<string, unknown> = {}) => (await reg.must<{ id: number }>('cases.register', minimalComplaint(over))).id;
const detail = (id: number) => reg.must<CaseDetail>('cases.get', { id });

async function clerkToken(): Promise<string> {
  await reg.must('users.create', { username: 'clerk', displayName: '李登记', password: 'clerk-pass-1', role: 'clerk' });
  return (await reg.must<{ token: string }>('session.login', { username: 'clerk', password: 'clerk-pass-1' }, null)).token;
}

describe('checklist templates', () => {
  it('ship for every category of the catalog (domain.md "Categories"), as version 1', async () => {
    const { categories } = await reg.must<{ categories: { code: string }[] }>('catalog.get', {});
    expect(Object.keys(checklists.templates).sort()).toEqual(categories.map((c) => c.code).sort());
    const { templates } = await reg.must<{ templates: { category: { code: string }; version: number; items: string[]; savedAt: string | null }[] }>('checklistTemplates.list', {});
    expect(templates).toHaveLength(categories.length);
    for (const t of templates) {
      expect(t.version).toBe(1);
      expect(t.items.length).toBeGreaterThan(2);
      expect(t.savedAt).toBeNull();
    }
    expect(templates.find((t) => t.category.code === 'G01')!.items).toEqual(expect.arrayContaining(['三包凭证或保修卡', '经营者答复', '现场核查记录']));
  });

  it('are edited by an administrator as a new version; a case keeps the version it started with', async () => {
    const before = await register();
    const items = ['购物凭证', '商品实物或照片', '第三方检测报告'];
    expect(await reg.must('checklistTemplates.save', { category: 'G01', items })).toEqual({ version: 2 });
    // Saving the same list again makes no new version.
    expect(await reg.must('checklistTemplates.save', { category: 'G01', items })).toEqual({ version: 2 });
    const after = await register();

    const old = await detail(before);
    expect(old.checklistOrigin).toEqual({ category: 'G01', version: 1 });
    expect(old.checklist.map((i) => i.text)).toEqual(checklists.templates.G01);
    const fresh = await detail(after);
    expect(fresh.checklistOrigin).toEqual({ category: 'G01', version: 2 });
    expect(fresh.checklist.map((i) => i.text)).toEqual(items);
    expect(fresh.checklist.every((i) => i.state === 'todo' && !i.addedToCase && i.markedBy === null)).toBe(true);
  });

  it('refuse a non-administrator, an unknown category and a repeated item, in Chinese', async () => {
    const clerk = await clerkToken();
    expect(await reg.call('checklistTemplates.save', { category: 'G01', items: ['a'] }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reg.call('checklistTemplates.save', { category: 'ZZ', items: ['a'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { category: expect.any(String) } } });
    expect(await reg.call('checklistTemplates.save', { category: 'G01', items: ['购物凭证', '购物凭证'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'items.1': '与第 1 项重复' } },
    });
    expect(await reg.call('checklistTemplates.save', { category: 'G01', items: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a case’s checklist', () => {
  it('is marked done with a note and the evidence that satisfies it; who and when are kept; each mark is an event', async () => {
    const id = await register();
    const photo = await mustImport(reg, { caseId: id, name: '商品照片.jpg', kind: 'physical' }, fixture('photo-exif.jpg'));
    const item = (await detail(id)).checklist.find((i) => i.text.startsWith('商品实物或照片'))!;
    await reg.must('checklist.mark', { caseId: id, itemId: item.id, state: 'done', note: '已拍摄铭牌', evidenceIds: [photo.id] });
    let c = await detail(id);
    expect(c.checklist.find((i) => i.id === item.id)).toMatchObject({
      state: 'done',
      note: '已拍摄铭牌',
      evidenceIds: [photo.id],
      markedBy: { displayName: '王管理' },
      markedAt: '2026-11-23T09:00:00+08:00',
    });
    expect(c.events.at(-1)).toMatchObject({ type: 'checklist_marked', by: { displayName: '王管理' }, data: { itemId: item.id, state: 'done', previousState: 'todo', evidenceIds: [photo.id] } });

    // Absent note and links stay as they are; an empty note and [] remove them.
    reg.clock.set('2026-11-23T10:15:00+08:00');
    await reg.must('checklist.mark', { caseId: id, itemId: item.id, state: 'na' });
    c = await detail(id);
    expect(c.checklist.find((i) => i.id === item.id)).toMatchObject({ state: 'na', note: '已拍摄铭牌', evidenceIds: [photo.id], markedAt: '2026-11-23T10:15:00+08:00' });
    await reg.must('checklist.mark', { caseId: id, itemId: item.id, state: 'todo', note: '', evidenceIds: [] });
    expect((await detail(id)).checklist.find((i) => i.id === item.id)).toMatchObject({ state: 'todo', note: null, evidenceIds: [] });
    expect((await detail(id)).events.filter((e) => e.type === 'checklist_marked')).toHaveLength(3);
  });

  it('refuses evidence of another case, an item of another case and an unknown state', async () => {
    const a = await register();
    const b = await register();
    const other = await mustImport(reg, { caseId: b, name: 'x.jpg', kind: 'physical' }, fixture('photo-exif.jpg'));
    const itemA = (await detail(a)).checklist[0]!;
    const itemB = (await detail(b)).checklist[0]!;
    expect(await reg.call('checklist.mark', { caseId: a, itemId: itemA.id, state: 'done', evidenceIds: [other.id] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不属于本案') } });
    expect(await reg.call('checklist.mark', { caseId: a, itemId: itemB.id, state: 'done' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await reg.call('checklist.mark', { caseId: a, itemId: itemA.id, state: 'finished' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { state: expect.stringContaining('todo') } } });
    expect((await detail(a)).checklist[0]).toMatchObject({ state: 'todo', evidenceIds: [] });
  });

  it('takes items for one case alone, at the end of its list', async () => {
    const id = await register();
    const other = await register();
    const { id: itemId } = await reg.must<{ id: number }>('checklist.addItem', { caseId: id, text: '调取商场监控录像' });
    const c = await detail(id);
    expect(c.checklist.at(-1)).toMatchObject({ id: itemId, text: '调取商场监控录像', addedToCase: true, state: 'todo' });
    expect(c.events.at(-1)).toMatchObject({ type: 'checklist_item_added', data: { text: '调取商场监控录像' } });
    expect((await detail(other)).checklist.map((i) => i.text)).not.toContain('调取商场监控录像');
  });

  it('is not changed on a voided or closed case (409, naming the status)', async () => {
    const id = await register();
    const item = (await detail(id)).checklist[0]!;
    reg.core.db.prepare("UPDATE cases SET status = 'closed' WHERE id = ?").run(id);
    expect(await reg.call('checklist.mark', { caseId: id, itemId: item.id, state: 'done' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('已结案') } });
    reg.core.db.prepare("UPDATE cases SET status = 'voided' WHERE id = ?").run(id);
    expect(await reg.call('checklist.addItem', { caseId: id, text: '补充' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('已作废') } });
  });
});
