import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import type { CaseDetail } from '../../shared/api/schemas/cases';
import checklists from '../../resources/checklists/default-checklists.json';
import { fixture, mustImport } from './evidenceHelpers';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, TEST_NOW } from './harness';
import { asVersion } from '../support/asVersion';
import { withStaff } from './staff';

/**
 * A case's checklist keeps no copy of what its template gives (migration 0042): the items a case
 * got from its template at their own positions read their text from that template version, which
 * never changes, and their time from the checklist's. What is read is the same as before.
 */
const tmp = tempDir();
afterAll(() => tmp.remove());

type Item = CaseDetail['checklist'][number];
const G01 = checklists.templates.G01 as string[];

/** The raw rows of a case's items, as the file holds them. */
const rawItems = (db: Database.Database, caseId: number) =>
  db.prepare('SELECT id, position, text, from_template, created_at FROM case_checklist_items WHERE case_id = ? ORDER BY position, id').all(caseId) as {
    id: number;
    position: number;
    text: string | null;
    from_template: number;
    created_at: string | null;
  }[];

/** The file as version 41 of the app left it: every item with its text and time written out, in that version's tables. */
async function asVersion41(file: string): Promise<void> {
  const db = new Database(file);
  await asVersion(db, 41);
  expect(db.prepare('SELECT COUNT(*) FROM case_checklist_items WHERE text IS NULL OR created_at IS NULL').pluck().get()).toBe(0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('a case’s checklist without copies of its template', () => {
  it('is read from the template version the case started with, and a new version changes no case already registered', async () => {
    const reg = await openRegister();
    try {
      const first = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G01' }))).id;
      expect(rawItems(reg.core.db, first)).toEqual(G01.map((_t, position) => ({ id: expect.any(Number), position, text: null, from_template: 1, created_at: null })));
      const read = (await reg.must<CaseDetail>('cases.get', { id: first })).checklist;
      expect(read.map((i) => i.text)).toEqual(G01);
      expect(read.every((i) => i.state === 'todo' && !i.addedToCase)).toBe(true);

      await reg.must('checklistTemplates.save', { category: 'G01', items: ['新的第一项', ...G01.slice(1)] });
      const second = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G01' }))).id;
      expect((await reg.must<CaseDetail>('cases.get', { id: first })).checklist).toEqual(read);
      expect((await reg.must<CaseDetail>('cases.get', { id: second })).checklist.map((i) => i.text)).toEqual(['新的第一项', ...G01.slice(1)]);

    } finally {
      reg.close();
    }
  });

  it('migration 42 on a register as version 41 left it: every item reads as before, with its marks, notes, evidence and ids', async () => {
    const reg = await openRegister();
    const staff = await withStaff(reg);
    const folder = join(tmp.dir, 'register-41');
    mkdirSync(folder);
    let before: Record<number, Item[]> = {};
    let ids: number[] = [];
    try {
      const worked = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G01' }))).id;
      const corrected = (await staff.clerk.must('cases.register', minimalComplaint({ category: 'G01' }))).id as number;
      await reg.must('checklistTemplates.save', { category: 'G01', items: [...G01, '第二版新增项'] });
      const later = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G01' }))).id;

      const photo = await mustImport(reg, { caseId: worked, name: '商品照片.jpg', kind: 'physical' }, fixture('photo-exif.jpg'));
      const items = (await reg.must<CaseDetail>('cases.get', { id: worked })).checklist;
      reg.clock.set('2026-11-23T10:15:00+08:00');
      await reg.must('checklist.mark', { caseId: worked, itemId: items[0]!.id, state: 'done', note: '已拍摄铭牌', evidenceIds: [photo.id] });
      await reg.must('checklist.addItem', { caseId: worked, text: '消费者提供的聊天记录' });
      const { version } = await staff.clerk.get(corrected);
      await staff.clerk.must('cases.correct', { id: corrected, version, changes: { category: 'G02' }, reason: '所购为羽绒服，类别登记有误' });

      ids = [worked, corrected, later];
      before = {};
      for (const id of ids) before[id] = (await reg.must<CaseDetail>('cases.get', { id })).checklist;
      expect(before[worked]![0]).toMatchObject({ state: 'done', note: '已拍摄铭牌', evidenceIds: [photo.id] });
      expect(before[worked]!.at(-1)).toMatchObject({ text: '消费者提供的聊天记录', addedToCase: true });
      expect(before[later]!.at(-1)!.text).toBe('第二版新增项');
      expect(before[corrected]!.some((i) => i.state === 'na')).toBe(true);
      reg.core.close();
      copyFileSync(join(reg.dir, 'complaintdesk.sqlite'), join(folder, 'complaintdesk.sqlite'));
    } finally {
      reg.close();
    }
    // Only the register moves to a folder of its own: new to this PC (no seal), so it is checked whole, then upgraded.
    const file = join(folder, 'complaintdesk.sqlite');
    await asVersion41(file);
    const core = await createCore({ dataDir: folder, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
    try {
      await core.checked();
      expect(core.health).toEqual({ readOnly: false, problem: null });
      expect(core.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
      const token = login.ok ? (login.value as { token: string }).token : '';
      for (const id of ids) {
        const r = await core.call('cases.get', { id }, token);
        expect(r.ok && (r.value as CaseDetail).checklist).toEqual(before[id]);
      }
      const db = core.db;
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Untouched or not, every item its template gives at its own position lost its copy; the rest kept theirs.
      const [worked, corrected, later] = ids;
      expect(rawItems(db, worked!).map((r) => r.text)).toEqual([...G01.map(() => null), '消费者提供的聊天记录']);
      expect(rawItems(db, worked!)[0]!.created_at).toBeNull();
      expect(rawItems(db, later!).every((r) => r.text === null && r.created_at === null)).toBe(true);
      // The corrected case moved to G02's template: its G01 items were written out, G02's own came after
      // them, and only an item G02 gives at the same position reads from it.
      const G02 = checklists.templates.G02 as string[];
      const textOf = (id: number) => before[corrected!]!.find((i) => i.id === id)!.text;
      const kept = rawItems(db, corrected!);
      expect(kept.filter((r) => r.text === null).every((r) => G02[r.position] === textOf(r.id))).toBe(true);
      expect(kept.filter((r) => r.text !== null).length).toBeGreaterThan(3);

      // It takes new work as before: a mark on an item read from its template, and a new case.
      const first = before[worked!]![1]!;
      expect((await core.call('checklist.mark', { caseId: worked, itemId: first.id, state: 'na', note: '无需' }, token)).ok).toBe(true);
      const after = await core.call('cases.get', { id: worked }, token);
      expect(after.ok && (after.value as CaseDetail).checklist[1]).toMatchObject({ id: first.id, text: first.text, state: 'na', note: '无需' });
    } finally {
      core.close();
    }
  });

  it('migration 42 stops at a link to evidence whose item is gone, and leaves the register as it was', async () => {
    const file = join(tmp.dir, 'dangling.sqlite');
    const reg = await openRegister();
    let photoId = 0;
    try {
      const id = (await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G01' }))).id;
      photoId = (await mustImport(reg, { caseId: id, name: '商品照片.jpg', kind: 'physical' }, fixture('photo-exif.jpg'))).id;
      reg.core.db.pragma('wal_checkpoint(TRUNCATE)');
      reg.core.close();
      copyFileSync(join(reg.dir, 'complaintdesk.sqlite'), file);
    } finally {
      reg.close();
    }
    await asVersion41(file);
    const db = new Database(file);
    // Written past the foreign keys, as only a hand edit could.
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO checklist_item_evidence (item_id, evidence_id) VALUES (9999, ?)').run(photoId);
    db.pragma('foreign_keys = ON');
    const texts = db.prepare('SELECT text FROM case_checklist_items ORDER BY id').pluck().all();
    await expect(migrate(db, file, quietLog)).rejects.toThrow(/有 1 条调查清单与证据的关联指向不存在的清单项/);
    expect(db.pragma('user_version', { simple: true })).toBe(41);
    expect(db.prepare('SELECT item_id FROM checklist_item_evidence').pluck().all()).toEqual([9999]);
    expect(db.prepare('SELECT text FROM case_checklist_items ORDER BY id').pluck().all()).toEqual(texts);
    expect(texts).toEqual(G01);
    db.close();
  });
});
