import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeSettingsView } from '../../shared/api/schemas/officeSettings';
import { fixedClock, minimalComplaint, openRegister, tempDir, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 办公设置 (issue [B] "Office settings in one place"): every section read with its default, each
 * section's values validated with a Chinese error under the field and nothing changed, one audit
 * action for every change with the values before → after, the rules of the case-number prefix,
 * the time zone and the repeat window, and the older operations still reading and writing the
 * same keys through the one service.
 */
let reg: Register;
let staff: Staff;
const backupRoot = tempDir('complaintdesk-settings-backup-');

const view = () => staff.admin.must<OfficeSettingsView>('officeSettings.get', {});
const save = (section: string, values: unknown, extra: Record<string, unknown> = {}) => staff.admin.call('officeSettings.saveSection', { section, values, ...extra });
const auditRows = () =>
  (reg.core.db.prepare("SELECT action, data FROM audit_log WHERE entity = 'settings' ORDER BY id").all() as { action: string; data: string }[]).map((r) => ({ action: r.action, data: JSON.parse(r.data) }));
const stored = (key: string) => reg.core.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;

/** A refusal: its error, and proof that neither the settings nor the audit chain moved. */
async function refused(section: string, values: unknown, extra: Record<string, unknown> = {}) {
  const before = await view();
  const audits = auditRows().length;
  const r = await save(section, values, extra);
  if (r.ok) throw new Error(`expected ${section} ${JSON.stringify(values)} to be refused`);
  expect(await view()).toEqual(before);
  expect(auditRows()).toHaveLength(audits);
  return r.error;
}

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-23T09:00:00+08:00'));
  staff = await withStaff(reg);
}, 60_000);
afterAll(() => {
  reg.close();
  backupRoot.remove();
});

describe('officeSettings.get', () => {
  it('gives every section with the defaults a new register runs on', async () => {
    const v = await view();
    expect(v.office).toMatchObject({ name: '杭州市消费者协会', issuer: '杭州市消费者协会', address: '', phone: '', timeZone: 'Asia/Shanghai', bodyFontPath: null, seal: null, bodyFont: null });
    expect(v.numbering).toMatchObject({ caseNoPrefix: 'TS', noticePrefix: '杭消协', noticeMarks: { receipt: '登', acceptance: '受' } });
    expect(v.workflow).toEqual({ idleLockMinutes: 15, followUpsRequired: 1, followUpsRequiredForQuality: 2 });
    expect(v.evidence).toEqual({ maxBytes: 8 * 1024 ** 3 });
    expect(v.backup).toEqual({ dir: null, dailyAt: null });
    expect(v.intake).toEqual({ repeatWindowDays: 90 });
    expect(v.archive).toEqual({ retention: '定期30年' });
    expect(v.openDeadlines).toBe(0);
    expect(v.nextCaseNo).toBe('TS2026-00001');
  });

  it('is read by everyone and saved by administrators only', async () => {
    expect((await staff.clerk.must<OfficeSettingsView>('officeSettings.get', {})).intake.repeatWindowDays).toBe(90);
    const r = await staff.supervisor.call('officeSettings.saveSection', { section: 'intake', values: { repeatWindowDays: 30 } });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
  });
});

describe('each section is validated, with its Chinese error under the field, and a refusal changes nothing', () => {
  const cases: [section: string, values: unknown, field: string, message: RegExp][] = [
    ['office', { name: '  ' }, 'values.name', /请填写单位名称/],
    ['office', { phone: 'x'.repeat(61) }, 'values.phone', /不能超过60/],
    ['office', { timeZone: 'Mars/Olympus' }, 'values.timeZone', /不认识这个时区/],
    ['office', { timeZone: '+08:00' }, 'values.timeZone', /不认识这个时区/],
    ['office', { bodyFontPath: '/no/such/font.ttf' }, 'values.bodyFontPath', /./],
    ['numbering', { caseNoPrefix: 'TS-' }, 'values.caseNoPrefix', /不能含数字、空格、横线/],
    ['numbering', { caseNoPrefix: 'TS1' }, 'values.caseNoPrefix', /只能用大写英文字母或汉字/],
    ['numbering', { caseNoPrefix: 'ts' }, 'values.caseNoPrefix', /大写/],
    ['numbering', { caseNoPrefix: '杭 TS' }, 'values.caseNoPrefix', /空格/],
    ['numbering', { caseNoPrefix: '杭〔TS〕' }, 'values.caseNoPrefix', /括号/],
    ['numbering', { caseNoPrefix: 'ABCDEFG' }, 'values.caseNoPrefix', /不超过6个字/],
    ['numbering', { caseNoPrefix: '' }, 'values.caseNoPrefix', /请填写案件编号前缀/],
    ['numbering', { noticePrefix: '杭消协2' }, 'values.noticePrefix', /数字/],
    ['numbering', { noticeMarks: { receipt: '受' } }, 'values.noticeMarks.receipt', /与“受理通知书”的类型字相同/],
    ['workflow', { idleLockMinutes: -1 }, 'values.idleLockMinutes', /不能为负/],
    ['workflow', { idleLockMinutes: 241 }, 'values.idleLockMinutes', /最长240分钟/],
    ['workflow', { followUpsRequired: 1.5 }, 'values.followUpsRequired', /整数/],
    ['evidence', { maxBytes: 1000 }, 'values.maxBytes', /不能小于 1 MB/],
    ['evidence', { maxBytes: '8GB' }, 'values.maxBytes', /应为数字/],
    ['backup', { dir: 'backups' }, 'values.dir', /完整路径/],
    ['backup', { dailyAt: '25:00' }, 'values.dailyAt', /时:分/],
    ['backup', { dir: null, dailyAt: '17:30' }, 'values.dir', /请填写备份位置/],
    ['intake', { repeatWindowDays: 0 }, 'values.repeatWindowDays', /至少1天/],
    ['intake', { repeatWindowDays: 366 }, 'values.repeatWindowDays', /不能超过365天/],
    ['intake', { repeatWindowDays: 12.5 }, 'values.repeatWindowDays', /整数/],
    ['intake', { repeatWindowDays: '90' }, 'values.repeatWindowDays', /请填写天数/],
    ['archive', { retention: '定期20年' }, 'values.retention', /永久、定期30年、定期10年/],
    ['archive', { retention: null }, 'values.retention', /保管期限/],
  ];
  it.each(cases)('%s %j → %s', async (section, values, field, message) => {
    const error = await refused(section, values);
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.[field]).toMatch(message);
  });

  it('refuses an unknown section, an empty change and a missing section, in Chinese', async () => {
    expect((await refused('colour', { theme: 'dark' })).message).toMatch(/请说明修改哪一部分设置/);
    expect((await refused('intake', {})).fields?.values).toMatch(/请至少填写一项设置/);
    const r = await staff.admin.call('officeSettings.saveSection', { values: { repeatWindowDays: 30 } });
    expect(r.ok || r.error.code).toBe('VALIDATION');
  });
});

describe('a save writes the keys and one settings.change audit row with before → after', () => {
  it('saves each section, and records only what changed', async () => {
    const audits = auditRows().length;
    const dir = join(backupRoot.dir, 'usb');
    mkdirSync(dir);
    const saved = [
      await save('office', { address: '杭州市上城区解放路1号', phone: '12315' }),
      await save('workflow', { idleLockMinutes: 10 }),
      await save('evidence', { maxBytes: 2 * 1024 ** 3 }),
      await save('backup', { dir, dailyAt: '17:30' }),
      await save('intake', { repeatWindowDays: 60 }),
      await save('archive', { retention: '永久' }),
      await save('numbering', { noticePrefix: '杭消', noticeMarks: { acceptance: '受理' } }),
    ];
    for (const r of saved) expect(r.ok, JSON.stringify(r)).toBe(true);
    const v = await view();
    expect(v.office).toMatchObject({ address: '杭州市上城区解放路1号', phone: '12315', name: '杭州市消费者协会' });
    expect(v.workflow.idleLockMinutes).toBe(10);
    expect(v.evidence.maxBytes).toBe(2 * 1024 ** 3);
    expect(v.backup).toEqual({ dir, dailyAt: '17:30' });
    expect(v.intake.repeatWindowDays).toBe(60);
    expect(v.numbering).toMatchObject({ noticePrefix: '杭消', noticeMarks: { acceptance: '受理', receipt: '登' } });
    // The 卷宗 cover reads this key directly, with exactly these words.
    expect(stored('archive.retention')).toBe(JSON.stringify('永久'));
    expect(stored('intake.repeatWindowDays')).toBe('60');

    const rows = auditRows().slice(audits);
    expect(rows.map((r) => r.action)).toEqual(Array(7).fill('settings.change'));
    expect(rows[0]!.data).toEqual({ section: 'office', before: { address: '', phone: '' }, after: { address: '杭州市上城区解放路1号', phone: '12315' } });
    expect(rows[4]!.data).toEqual({ section: 'intake', before: { repeatWindowDays: 90 }, after: { repeatWindowDays: 60 } });
    expect(rows[5]!.data).toEqual({ section: 'archive', before: { retention: '定期30年' }, after: { retention: '永久' } });

    // Saving the same values again changes nothing and writes no audit row.
    const again = await staff.admin.must<{ changed: string[] }>('officeSettings.saveSection', { section: 'intake', values: { repeatWindowDays: 60 } });
    expect(again.changed).toEqual([]);
    expect(auditRows().slice(audits)).toHaveLength(7);
  });

  it('the repeat window is the one cases.repeats looks back over', async () => {
    expect((await save('intake', { repeatWindowDays: 30 })).ok).toBe(true);
    const r = await staff.clerk.must<{ windowDays: number }>('cases.repeats', { complainant: { phone: '13812345678' }, respondent: { name: '杭州某某电器有限公司' } });
    expect(r.windowDays).toBe(30);
  });
});

describe('the case-number prefix numbers only the cases registered after it changes', () => {
  it('gives the next case the new prefix, keeps the old numbers, and both are found by number', async () => {
    const before = await staff.clerk.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint());
    expect(before.caseNo).toMatch(/^TS2026-\d{5}$/);
    const seq = Number(before.caseNo.slice(-5));

    const r = await staff.admin.must<OfficeSettingsView & { changed: string[] }>('officeSettings.saveSection', { section: 'numbering', values: { caseNoPrefix: '杭XH' } });
    expect(r.changed).toEqual(['numbering.caseNoPrefix']);
    expect(r.nextCaseNo).toBe(`杭XH2026-${String(seq + 1).padStart(5, '0')}`);

    const after = await staff.clerk.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({ complainant: { name: '李四', phone: '13900001111' } }));
    expect(after.caseNo).toBe(`杭XH2026-${String(seq + 1).padStart(5, '0')}`);
    expect((await staff.clerk.get(before.id)).caseNo).toBe(before.caseNo);
    expect(reg.core.db.prepare("SELECT count(*) FROM cases WHERE case_no LIKE 'TS%'").pluck().get()).toBe(1);

    for (const c of [before, after]) {
      const found = await staff.clerk.must<{ rows: { id: number }[] }>('cases.search', { text: c.caseNo });
      expect(found.rows.map((row) => row.id)).toContain(c.id);
    }
    expect(auditRows().at(-1)!.data).toEqual({ section: 'numbering', before: { caseNoPrefix: 'TS' }, after: { caseNoPrefix: '杭XH' } });
  });
});

describe('the time zone moves "today" under open deadlines, so it changes only when the administrator confirms', () => {
  it('refuses while deadlines run unless confirmed; stored times and due dates stay as they were', async () => {
    reg.clock.set('2026-11-24T01:30:00+08:00'); // 23:30 the day before in Ürümqi (UTC+6)
    const open = await view();
    expect(open.openDeadlines).toBeGreaterThan(0);
    const error = await refused('office', { timeZone: 'Asia/Urumqi' });
    expect(error.code).toBe('CONFLICT');
    expect(error.fields?.['values.timeZone']).toMatch(new RegExp(`还有 ${open.openDeadlines} 个未到期的期限`));

    const { rows } = await staff.clerk.must<{ rows: { id: number }[] }>('cases.search', {});
    const aCase = await staff.clerk.get(rows[0]!.id);
    expect((await staff.clerk.must<{ today: string }>('clock.today', {})).today).toBe('2026-11-24');

    const r = await staff.admin.must<OfficeSettingsView>('officeSettings.saveSection', { section: 'office', values: { timeZone: 'Asia/Urumqi' }, confirmOpenDeadlines: true });
    expect(r.office.timeZone).toBe('Asia/Urumqi');
    expect((await staff.clerk.must<{ today: string }>('clock.today', {})).today).toBe('2026-11-23');
    const again = await staff.clerk.get(aCase.id);
    expect(again.receivedAt).toBe(aCase.receivedAt);
    expect(again.deadlines.map((d: { dueOn: string }) => d.dueOn)).toEqual(aCase.deadlines.map((d: { dueOn: string }) => d.dueOn));
    expect(auditRows().at(-1)!.data).toEqual({ section: 'office', before: { timeZone: 'Asia/Shanghai' }, after: { timeZone: 'Asia/Urumqi' } });

    expect((await save('office', { timeZone: 'Asia/Shanghai' }, { confirmOpenDeadlines: true })).ok).toBe(true);
    reg.clock.set('2026-11-23T09:00:00+08:00');
  });
});

describe('the older operations keep working for a release, through the same keys', () => {
  it('settings.get/update read and write the workflow section', async () => {
    const audits = auditRows().length;
    const updated = await staff.admin.must('settings.update', { followUpsRequired: 2 });
    expect(updated).toEqual({ idleLockMinutes: 10, followUpsRequired: 2, followUpsRequiredForQuality: 2 });
    expect(await staff.clerk.must('settings.get', {})).toEqual(updated);
    expect((await view()).workflow).toEqual(updated);
    expect(auditRows().slice(audits)).toEqual([{ action: 'settings.change', data: { section: 'workflow', before: { followUpsRequired: 1 }, after: { followUpsRequired: 2 } } }]);
    expect((await staff.admin.call('settings.update', { idleLockMinutes: 999 })).ok).toBe(false);
  });

  it('office.get/update read and write the office and numbering sections', async () => {
    const office = await staff.admin.must<{ numberPrefix: string; phone: string }>('office.update', { numberPrefix: '杭消协', phone: '0571-85150315' });
    expect(office).toMatchObject({ numberPrefix: '杭消协', phone: '0571-85150315' });
    expect((await view()).numbering.noticePrefix).toBe('杭消协');
    expect((await view()).office.phone).toBe('0571-85150315');
    const r = await staff.admin.call('office.update', { numberMarks: { receipt: '受理' } });
    expect(r.ok ? null : r.error.fields).toEqual({ 'numberMarks.receipt': '与“受理通知书”的类型字相同，文号会重复' });
    expect(auditRows().at(-1)!.action).toBe('settings.change');
  });

  it('evidenceSettings.get/save read and write the evidence section', async () => {
    expect(await staff.admin.must('evidenceSettings.save', { maxBytes: 4 * 1024 ** 3 })).toEqual({ ok: true });
    expect(await staff.clerk.must('evidenceSettings.get', {})).toEqual({ maxBytes: 4 * 1024 ** 3 });
    expect((await view()).evidence.maxBytes).toBe(4 * 1024 ** 3);
  });

  it('backup.configure writes the backup section, its errors under its own field names', async () => {
    const dir = join(backupRoot.dir, 'other');
    expect(await staff.admin.must('backup.configure', { dir, dailyAt: null })).toEqual({ ok: true });
    expect((await view()).backup).toEqual({ dir, dailyAt: null });
    expect((await staff.admin.must<{ settings: unknown }>('backup.status', {})).settings).toEqual({ dir, dailyAt: null });
    const r = await staff.admin.call('backup.configure', { dir: 'relative', dailyAt: null });
    expect(r.ok ? null : r.error.fields).toEqual({ dir: '请填写完整路径' });
    expect((await view()).backup.dir).toBe(dir);
  });
});
