import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../electron/core/backup/verify';
import { openKeyring, recoveryCode } from '../../electron/core/integrity/officeKey';
import { runRestore } from '../../electron/host/restore';
import { minimalComplaint, openRegister, tempDir, type Register } from './harness';

/**
 * Forged backups: the database edited and the manifest's hash recomputed, or the audit chain cut
 * from its end while the manifest keeps its head. Both are refused by `backup.verify`, by
 * `backup.restore` in the app and by `npm run restore`, changing nothing.
 */
const place = tempDir('complaintdesk-forgery-');
let reg: Register;
let backup: string;
afterAll(() => {
  reg?.close();
  place.remove();
});

beforeAll(async () => {
  reg = await openRegister();
  for (let i = 0; i < 5; i++) await reg.must('cases.register', minimalComplaint({ subject: `商品${i}` }));
  backup = (await reg.must<{ path: string }>('backup.create', { dir: join(place.dir, 'usb') })).path;
}, 60_000);

let n = 0;
/** A copy of the backup (with its evidence store) to forge. */
function copyOfBackup(): string {
  const target = join(place.dir, `forged-${n++}`);
  cpSync(join(backup, '..'), target, { recursive: true });
  return join(target, backup.split('/').pop()!);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function forge(dir: string, edit: (db: Database.Database) => void, keepHead = true): void {
  const file = join(dir, 'complaintdesk.sqlite');
  const db = new Database(file);
  edit(db);
  db.close();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.database = { ...manifest.database, size: statSync(file).size, sha256: sha256(file) };
  manifest.cases = new Database(file, { readonly: true }).prepare('SELECT COUNT(*) FROM cases').pluck().get();
  if (!keepHead) delete manifest.mac;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

const EDITS = {
  'a case’s facts changed': (db: Database.Database) => db.prepare("UPDATE cases SET facts = '商家已全额退款，投诉人撤诉。' WHERE id = 2").run(),
  'a case deleted': (db: Database.Database) => {
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER case_events_append_only_delete');
    db.exec('DELETE FROM case_natures WHERE case_id = 3; DELETE FROM case_deadlines WHERE case_id = 3; DELETE FROM case_events WHERE case_id = 3; DELETE FROM case_checklist_items WHERE case_id = 3; DELETE FROM case_checklists WHERE case_id = 3; DELETE FROM cases WHERE id = 3');
  },
  'the audit chain cut from the end': (db: Database.Database) => {
    db.exec('DROP TRIGGER audit_log_append_only_delete');
    db.prepare('DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 5 FROM audit_log)').run();
  },
};

describe('a forged backup', () => {
  it('the genuine one verifies, signed with the office key', async () => {
    const v = await reg.must<{ ok: boolean; signed: boolean }>('backup.verify', { path: backup });
    expect(v).toMatchObject({ ok: true, signed: true });
  });

  for (const [what, edit] of Object.entries(EDITS)) {
    it(`${what}, its manifest's hash recomputed: refused by verify, by the app's restore and by npm run restore`, async () => {
      const dir = copyOfBackup();
      forge(dir, edit);
      const v = await reg.must<{ ok: boolean; problems: { message: string }[] }>('backup.verify', { path: dir });
      expect(v.ok).toBe(false);
      expect(v.problems.map((p) => p.message).join('\n')).toMatch(/签名与办公室密钥不符/);
      const before = readdirSync(reg.dir).sort();
      const r = (await reg.call('backup.restore', { path: dir, confirm: true })) as { ok: boolean; error: { message: string } };
      expect(r.ok).toBe(false);
      expect(r.error.message).toMatch(/未通过检查，未作任何改动/);
      expect(readdirSync(reg.dir).sort()).toEqual(before);
      const lines: string[] = [];
      const into = join(place.dir, `restored-${n}`);
      expect(await runRestore(['--from', dir, '--data', into], (l) => lines.push(l), process.env.COMPLAINTDESK_KEYS)).toBe(1);
      expect(lines.join('\n')).toMatch(/未通过检查/);
      expect(() => statSync(into)).toThrow();
    }, 60_000);
  }

  it('its audit chain cut from the end while the manifest (still signed) keeps its head: refused', async () => {
    const dir = copyOfBackup();
    const file = join(dir, 'complaintdesk.sqlite');
    // Only the database is touched; the signed manifest still names the old file's hash, so put the file's hash aside:
    // the check that catches this independently of the hash is the chain against the manifest's head.
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_log_append_only_delete');
    db.prepare('DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 5 FROM audit_log)').run();
    db.close();
    const v = await verifyBackup(dir, undefined, undefined, { keys: openKeyring(process.env.COMPLAINTDESK_KEYS!) });
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message).toMatch(/与清单记录的校验值不符/);
  }, 60_000);

  it('with a manifest from before the office key (unsigned): refused unless the administrator accepts it at the shell', async () => {
    const dir = copyOfBackup();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    delete manifest.mac;
    delete manifest.keyId;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const v = await reg.must<{ ok: boolean; problems: { message: string }[] }>('backup.verify', { path: dir });
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message).toMatch(/没有办公室密钥的签名/);
    const lines: string[] = [];
    expect(await runRestore(['--from', dir, '--data', join(place.dir, 'unsigned-restored'), '--accept-unsigned'], (l) => lines.push(l), process.env.COMPLAINTDESK_KEYS)).toBe(0);
    expect(lines.join('\n')).toMatch(/没有办公室密钥的签名/);
  }, 60_000);

  it('the unsigned cut chain: the chain is held to the manifest’s head even without a signature', async () => {
    const dir = copyOfBackup();
    forge(dir, EDITS['the audit chain cut from the end'], false);
    const v = await verifyBackup(dir, undefined, undefined, { keys: null, acceptUnsigned: true });
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.message).join('\n')).toMatch(/审计链.*与清单记录.*不符/);
  }, 60_000);
});

describe('a backup brought to a new PC', () => {
  it('is refused without the recovery code, and restores with it; the office key then lives on the new PC', async () => {
    const newPc = join(place.dir, 'new-pc-keys');
    const lines: string[] = [];
    expect(await runRestore(['--from', backup, '--data', join(place.dir, 'new-pc-data')], (l) => lines.push(l), newPc)).toBe(1);
    expect(lines.join('\n')).toMatch(/另一把办公室密钥/);
    const code = recoveryCode(openKeyring(process.env.COMPLAINTDESK_KEYS!).current);
    expect(code).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    const ok: string[] = [];
    expect(await runRestore(['--from', backup, '--data', join(place.dir, 'new-pc-data'), '--recovery-code', code.toLowerCase()], (l) => ok.push(l), newPc)).toBe(0);
    expect(openKeyring(newPc).current.id).toBe(openKeyring(process.env.COMPLAINTDESK_KEYS!).current.id);
    const typo = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect(await runRestore(['--from', backup, '--data', join(place.dir, 'typo'), '--recovery-code', typo], () => {}, join(place.dir, 'typo-keys'))).toBe(1);
  }, 60_000);
});

describe('backup.verify on a folder whose manifest.json is a FIFO', () => {
  it('answers (refusing a file that is not a regular one) instead of waiting forever', async () => {
    const dir = copyOfBackup();
    rmSync(join(dir, 'manifest.json'));
    execFileSync('mkfifo', [join(dir, 'manifest.json')]);
    const v = await reg.must<{ ok: boolean; problems: { message: string }[] }>('backup.verify', { path: dir });
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message).toMatch(/不是一个普通文件/);
  }, 30_000);
});
