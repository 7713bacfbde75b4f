import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runCheck } from '../integrity/checkWorker';
import type { Keyring, OfficeKey } from '../integrity/officeKey';
import { hashFile, storePath, type OnBytes } from './files';
import { checkSignature, DB_NAME, readManifest, STORE, totalBytes, type Manifest } from './manifest';

export interface Problem {
  file: string;
  problem: 'missing' | 'altered' | 'integrity' | 'manifest';
  message: string;
}

export interface Verified {
  ok: boolean;
  cases: number;
  files: number;
  bytes: number;
  problems: Problem[];
  createdAt: string | null;
  officeName: string | null;
  auditHead: { hash: string; rows: number } | null;
  /** Signed with the office key (and which key): a backup made before the key is not. */
  signed: boolean;
  keyId: string | null;
  manifest: Manifest | null;
}

export interface VerifyOptions {
  /** The keys this PC holds. */
  keys: Keyring | null;
  /** A key given by its recovery code: a backup brought from another PC. */
  recoveryKey?: OfficeKey | null;
  /** `npm run restore --accept-unsigned`: a backup made before the office key, restored deliberately. */
  acceptUnsigned?: boolean;
}

const sizeOf = (path: string) => stat(path).then((s) => (s.isFile() ? s.size : null), () => null);

/** Checks a copy of the register: SQLite's full integrity_check, and that it counts what the manifest says. */
export function checkDatabaseCopySync(file: string): CopyCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') return { ok: false, detail: rows.slice(0, 3).map((r) => r.integrity_check).join('；') };
    return { ok: true, cases: db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  } finally {
    db?.close();
  }
}
export type CopyCheck = { ok: true; cases: number } | { ok: false; detail: string };

/** The same check in a worker thread (its own connection), run there by the same code. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check');
  if (rows.length !== 1 || rows[0].integrity_check !== 'ok') parentPort.postMessage({ ok: false, detail: rows.slice(0, 3).map((r) => r.integrity_check).join('；') });
  else parentPort.postMessage({ ok: true, cases: db.prepare('SELECT COUNT(*) FROM cases').pluck().get() });
} catch (error) {
  parentPort.postMessage({ ok: false, detail: String(error && error.message) });
} finally {
  if (db) db.close();
}`;

/**
 * integrity_check reads the whole copy in one call (1.5 s for 20 000 cases here): it runs in a
 * worker thread so the process that answers the page is not held meanwhile. Where a worker cannot
 * load the SQLite module (a packaging that hides it), the check runs here instead.
 */
export async function checkDatabaseCopy(file: string): Promise<CopyCheck> {
  let module: string;
  try {
    module = require.resolve('better-sqlite3');
  } catch {
    return checkDatabaseCopySync(file);
  }
  return new Promise<CopyCheck>((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER, { eval: true, workerData: { module, file } });
    worker.once('message', (m: CopyCheck) => {
      settled = true;
      resolve(m);
    });
    worker.once('error', () => {
      if (!settled) resolve(checkDatabaseCopySync(file));
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) resolve(checkDatabaseCopySync(file));
      settled = true;
    });
  });
}

/**
 * `backup.verify` and the first step of every restore: the manifest, the database (its hash, then
 * integrity_check), and every evidence file re-hashed against the manifest. Reads only.
 */
export async function verifyBackup(path: string, onTotal?: (bytes: number) => void, onBytes?: OnBytes, options: VerifyOptions = { keys: null }): Promise<Verified> {
  const read = await readManifest(path);
  if ('error' in read) {
    return { ok: false, cases: 0, files: 0, bytes: 0, problems: [{ file: 'manifest.json', problem: 'manifest', message: read.error }], createdAt: null, officeName: null, auditHead: null, signed: false, keyId: null, manifest: null };
  }
  const m = read.manifest;
  onTotal?.(totalBytes(m));
  const problems: Problem[] = [];
  // The signature first: a manifest anyone could have recomputed proves nothing about the files it lists.
  const signature = checkSignature(read.raw, options.keys, options.recoveryKey ?? null);
  if (signature.kind === 'forged') problems.push({ file: 'manifest.json', problem: 'manifest', message: '备份清单的签名与办公室密钥不符：清单或备份被改动过，不能据此恢复' });
  else if (signature.kind === 'unknownKey') {
    problems.push({ file: 'manifest.json', problem: 'manifest', message: `这份备份由另一把办公室密钥签名（密钥编号 ${signature.keyId}，可能来自另一台电脑）；请输入该单位的恢复码后再检查` });
  } else if (signature.kind === 'unsigned' && !options.acceptUnsigned) {
    problems.push({ file: 'manifest.json', problem: 'manifest', message: '这份备份没有办公室密钥的签名（由旧版本制作），无法确认它未被改动；请用新版本重新备份。确需恢复时，管理员可在本机用恢复工具加 --accept-unsigned' });
  }
  const dbFile = join(path, DB_NAME);
  const dbSize = await sizeOf(dbFile);
  if (dbSize === null) problems.push({ file: DB_NAME, problem: 'missing', message: '备份中的数据库文件不见了' });
  else if (dbSize !== m.database.size || (await hashFile(dbFile, onBytes)) !== m.database.sha256) {
    problems.push({ file: DB_NAME, problem: 'altered', message: '备份中的数据库文件与清单记录的校验值不符，已被改动或损坏' });
  } else {
    const check = await checkDatabaseCopy(dbFile);
    if (!check.ok) problems.push({ file: DB_NAME, problem: 'integrity', message: `备份中的数据库未通过完整性检查：${check.detail}` });
    else if (check.cases !== m.cases) problems.push({ file: DB_NAME, problem: 'integrity', message: `备份中的案件数（${check.cases}）与清单（${m.cases}）不符` });
    else {
      // The chain re-hashed and its head held to the manifest's: a chain cut short, or re-hashed after an edit, ends elsewhere.
      const chain = await runCheck({ task: 'chain', file: dbFile }).done;
      const head = chain.head as { hash: string; rows: number } | undefined;
      if (!chain.ok) problems.push({ file: DB_NAME, problem: 'integrity', message: `备份中的操作记录（审计链）从第 ${String(chain.firstBroken ?? '?')} 条起对不上` });
      else if (!head || head.rows !== m.auditHead.rows || head.hash !== m.auditHead.hash) {
        problems.push({ file: DB_NAME, problem: 'integrity', message: `备份中的操作记录（审计链，${head?.rows ?? 0} 条）与清单记录（${m.auditHead.rows} 条）不符，备份被改动过` });
      }
    }
  }
  const store = join(dirname(path), STORE);
  for (const f of m.vault.files) {
    const file = storePath(store, f.sha256);
    const size = await sizeOf(file);
    const name = `${STORE}/${f.sha256.slice(0, 2)}/${f.sha256}`;
    if (size === null) problems.push({ file: name, problem: 'missing', message: '证据文件不见了' });
    else if (size !== f.size || (await hashFile(file, onBytes)) !== f.sha256) problems.push({ file: name, problem: 'altered', message: '证据文件与校验值不符，已被改动或损坏' });
  }
  return {
    ok: problems.length === 0,
    cases: m.cases,
    files: m.vault.files.length,
    bytes: totalBytes(m),
    problems,
    createdAt: m.createdAt,
    officeName: m.officeName,
    auditHead: m.auditHead,
    signed: signature.kind === 'ok',
    keyId: m.keyId ?? null,
    manifest: m,
  };
}
