import { stat } from 'node:fs/promises';
import { DomainError } from '../../../../shared/api/errors';
import type { EvidenceView } from '../../../../shared/api/schemas/evidence';
import { charsetOf, textMime, type EvidenceKind, type EvidenceSource } from '../../../../shared/domain/evidence';
import type { EvidenceTextFrom, EvidenceTextState } from '../../../../shared/domain/evidenceText';
import type { Db } from '../../db/open';
import type { ServedFile } from '../../vault/fileResponse';
import type { Logger } from '../../ports';
import type { Vault } from '../../vault/vault';

export interface EvidenceRow {
  id: number;
  case_id: number;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  kind: EvidenceKind;
  description: string | null;
  source: EvidenceSource | null;
  captured_at: string | null;
  captured_at_from: 'exif' | 'media' | 'typed' | null;
  captured_at_raw: string | null;
  orientation: number | null;
  width: number | null;
  height: number | null;
  duration_seconds: number | null;
  thumb_sha256: string | null;
  added_by: number;
  added_at: string;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: string | null;
  text: string | null;
  text_from: EvidenceTextFrom | null;
  text_state: EvidenceTextState | null;
  text_note: string | null;
}

/** Text is served with its charset, so a browser shows GBK or UTF-16 as written; text kept before charsets were stored is UTF-8. */
function servedType(mime: string): string {
  const charset = charsetOf(mime);
  return charset ? textMime(charset) : mime;
}

type Joined = EvidenceRow & { added_by_name: string; voided_by_name: string | null };

const SELECT = `SELECT e.*, a.display_name AS added_by_name, v.display_name AS voided_by_name
                  FROM evidence e JOIN users a ON a.id = e.added_by LEFT JOIN users v ON v.id = e.voided_by`;

export function toEvidenceView(r: Joined): EvidenceView {
  return {
    id: r.id,
    caseId: r.case_id,
    name: r.original_name,
    kind: r.kind,
    sha256: r.sha256,
    size: r.size,
    mime: r.mime,
    description: r.description,
    source: r.source,
    capturedAt: r.captured_at,
    capturedAtFrom: r.captured_at_from,
    capturedAtRaw: r.captured_at_raw,
    orientation: r.orientation,
    width: r.width,
    height: r.height,
    durationSeconds: r.duration_seconds,
    hasThumbnail: r.thumb_sha256 !== null,
    addedBy: { id: r.added_by, displayName: r.added_by_name },
    addedAt: r.added_at,
    text: r.text,
    textFrom: r.text_from,
    textState: r.text_state,
    textNote: r.text_note,
    voided: r.voided_at ? { at: r.voided_at, by: { id: r.voided_by ?? 0, displayName: r.voided_by_name ?? '' }, reason: r.void_reason ?? '' } : null,
  };
}

/**
 * Up to this size a file is re-hashed before it is first served (and again whenever it has been
 * written to since): photos, scans, recordings, PDFs. A larger one, a phone video of gigabytes read
 * by Range a megabyte at a time while it plays, cannot be hashed on every read: it is hashed once in
 * the background, and refused from then on if it was altered. `evidence.verify` checks them all.
 */
export const VERIFY_BEFORE_SERVING = 64 * 1024 * 1024;

/** Reading evidence: a case's list for cases.get, and one file for the transports to stream. */
export function createEvidenceReader(db: Db, vault: Vault, log?: Logger) {
  const ofCase = db.prepare(`${SELECT} WHERE e.case_id = ? ORDER BY e.id`);
  const one = db.prepare(`${SELECT} WHERE e.id = ?`);

  function row(id: number): Joined {
    const r = one.get(id) as Joined | undefined;
    if (!r) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的证据`);
    return r;
  }

  return {
    row,
    list: (caseId: number): EvidenceView[] => (ofCase.all(caseId) as Joined[]).map(toEvidenceView),

    /** The stored file (or its thumbnail) behind an id; a voided item stays readable, it is on the record. */
    async file(id: number, variant: 'original' | 'thumbnail'): Promise<ServedFile> {
      const r = row(id);
      const sha256 = variant === 'thumbnail' ? r.thumb_sha256 : r.sha256;
      if (!sha256) throw new DomainError('NOT_FOUND', '该证据没有缩略图');
      const path = vault.pathOf(sha256);
      const missing = () => new DomainError('NOT_FOUND', `证据 ${id}（${r.original_name}）的文件在证据库中缺失，请管理员运行“校验证据库”并从备份恢复`);
      // The original is served only as it was recorded, as an issued notice's PDF is (DESIGN.md "Data": chain of custody).
      if (variant === 'original') {
        const verdict = await vault.trust(sha256, r.size, {
          hashUpTo: VERIFY_BEFORE_SERVING,
          onAltered: () => log?.warn(`evidence ${id}: its file no longer matches its SHA-256; it is no longer served`),
        });
        if (verdict === 'missing') throw missing();
        if (verdict === 'altered') {
          throw new DomainError('CONFLICT', `证据 ${id}（${r.original_name}）的文件与登记时的 SHA-256 不符（可能已被改动），已停止提供；请管理员运行“校验证据库”并从备份恢复`);
        }
      }
      const found = await stat(path).catch(() => null);
      if (!found?.isFile()) throw missing();
      return variant === 'thumbnail'
        ? { path, size: found.size, mime: 'image/jpeg', name: `缩略图-${r.original_name}.jpg`, sha256 }
        : { path, size: found.size, mime: servedType(r.mime), name: r.original_name, sha256 };
    },
  };
}
export type EvidenceReader = ReturnType<typeof createEvidenceReader>;
