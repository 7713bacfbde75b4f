import { mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, sep } from 'node:path';
import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import { evidenceKindLabel, evidenceSourceLabel } from '../../../../shared/domain/evidence';
import type { Db } from '../../db/open';
import type { Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import { mayWork, type WorkableCase } from '../cases/mayWork';
import type { Settings } from '../settings';
import type { EvidenceReader } from './read';
import type { CaseHead } from '../../store/caseHeads';
import type { OfficeClock } from '../../officeClock';

/** The manifest `sha256sum -c SHA256SUMS` reads: "<hash>  <name>" per line, nothing else. */
export const CHECKSUM_FILE = 'SHA256SUMS';
export const LIST_FILE = '证据清单.csv';

/**
 * A name from a user made safe as one file name on any system (never a path): no separators, no
 * characters Windows refuses, no control characters, not too long, the extension kept.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) return fallback;
  const ext = extname(cleaned).slice(0, 12);
  const stem = cleaned.slice(0, cleaned.length - ext.length);
  return [...stem].slice(0, 80).join('') + ext;
}

/**
 * One cell of 证据清单.csv, a file made to be opened in a spreadsheet. A text that starts with
 * = + - @, a tab or a carriage return is a formula there (=HYPERLINK(…), =cmd|…): per OWASP's CSV
 * injection guidance it gets a leading single quote, so it is shown as the text it is and never run.
 * Numbers (sizes, the row number) are written as numbers.
 */
export function csvCell(v: unknown): string {
  if (typeof v === 'number') return String(v);
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * evidence.export: a case's evidence (voided items left out) copied to a new folder inside `dir`
 * (e.g. a USB stick), each copy hashed as it is written, with SHA256SUMS for `sha256sum -c` and a
 * list of names, kinds and hashes for people. A file found altered or missing stops the export.
 */
export function createEvidenceExporter(db: Db, caseHead: (caseId: number) => CaseHead | null, clock: OfficeClock, audit: Audit, settings: Settings, events: CaseEvents, vault: Vault, reader: EvidenceReader) {

  /**
   * The case whose evidence this user may carry out of the office: as for its investigation
   * (mayWork, from the workflow's roles), an investigator only a case assigned to them; the desk,
   * supervisors and administrators any. A finished case's evidence may still be exported.
   */
  function caseToExport(caseId: number, user: UserView): WorkableCase {
    const c: WorkableCase | null = caseHead(caseId);
    if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${caseId} 的案件`);
    if (!mayWork(user, c)) throw new DomainError('FORBIDDEN', `案件 ${c.caseNo} 未指派给您，不能导出其证据`);
    return c;
  }

  return async function exportEvidence(caseId: number, dir: string, user: UserView): Promise<{ dir: string; files: number; manifest: string }> {
    const c = caseToExport(caseId, user);
    if (!isAbsolute(dir)) throw new DomainError('VALIDATION', '导出文件夹应为完整路径，如 E:\\ 或 /media/u盘', { dir: '请填写完整路径' });
    const target = await stat(dir).catch(() => null);
    if (!target?.isDirectory()) throw new DomainError('VALIDATION', `找不到文件夹“${dir}”，请确认 U 盘已插好、路径无误`, { dir: '文件夹不存在' });
    // Not into the register's own folder (its vault, its backups' neighbours): an export leaves the office.
    const [real, data] = await Promise.all([realpath(dir), realpath(dirname(vault.root)).catch(() => dirname(vault.root))]);
    if (real === data || real.startsWith(data + sep)) {
      throw new DomainError('VALIDATION', '不能导出到系统的数据文件夹内，请选择 U 盘或其他文件夹', { dir: '不能导出到数据文件夹内' });
    }
    const items = reader.list(caseId).filter((e) => !e.voided);
    if (items.length === 0) throw new DomainError('VALIDATION', `案件 ${c.caseNo} 没有可导出的证据`);

    const stamp = clock.now().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    let out = join(dir, `${c.caseNo}-证据-${stamp}`);
    for (let n = 2; await stat(out).then(() => true, () => false); n++) out = join(dir, `${c.caseNo}-证据-${stamp}-${n}`);
    await mkdir(out);
    try {
      const sums: string[] = [];
      const rows: string[] = [['序号', '文件名', '原文件名', '证据种类', '说明', '来源', '形成时间', '添加人', '添加时间', '大小（字节）', 'SHA-256'].join(',')];
      for (const [i, e] of items.entries()) {
        const file = `${String(i + 1).padStart(3, '0')}-${safeFileName(e.name, `证据${e.id}`)}`;
        if ((await vault.check(e.sha256)) === 'missing') {
          throw new DomainError('CONFLICT', `证据 ${e.id}（${e.name}）的文件在证据库中缺失，导出已停止；请管理员校验证据库并从备份恢复`);
        }
        const written = await vault.copyOut(e.sha256, join(out, file));
        if (written !== e.sha256) {
          throw new DomainError('CONFLICT', `证据 ${e.id}（${e.name}）的文件与登记时的 SHA-256 不符（可能已被改动），导出已停止；请管理员校验证据库`);
        }
        sums.push(`${e.sha256}  ${file}`);
        rows.push(
          [i + 1, file, e.name, evidenceKindLabel[e.kind], e.description, e.source ? evidenceSourceLabel[e.source] : '', e.capturedAt, e.addedBy.displayName, e.addedAt, e.size, e.sha256]
            .map(csvCell)
            .join(','),
        );
      }
      const manifest = join(out, CHECKSUM_FILE);
      await writeFile(manifest, `${sums.join('\n')}\n`, { flush: true });
      // With a byte-order mark, so a spreadsheet opens the Chinese text correctly.
      await writeFile(join(out, LIST_FILE), `\ufeff${rows.join('\r\n')}\r\n`, { flush: true });
      db.transaction(() => {
        const at = clock.now();
        const data = { dir: out, files: items.length, evidenceIds: items.map((e) => e.id) };
        events.record({ caseId, at, userId: user.id, type: 'evidence_exported', data });
        audit.append({ at, userId: user.id, action: 'evidence.export', entity: 'case', entityId: caseId, data });
      }).immediate();
      return { dir: out, files: items.length, manifest };
    } catch (error) {
      // A half export is not a copy anyone should rely on.
      await rm(out, { recursive: true, force: true });
      throw error;
    }
  };
}
