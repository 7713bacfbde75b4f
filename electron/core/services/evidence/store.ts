import type { z } from 'zod';
import type { UploadBody } from '../../../../shared/api/dispatch';
import { DomainError } from '../../../../shared/api/errors';
import type { evidenceDescribe, evidenceImport } from '../../../../shared/api/schemas/evidence';
import type { UserView } from '../../../../shared/api/schemas/common';
import { textStateAtImport } from '../../../../shared/domain/evidenceText';
import { captureTimeProblem, DEFAULT_EVIDENCE_MAX_BYTES, evidenceKindLabel, formatBytes } from '../../../../shared/domain/evidence';
import type { Db } from '../../db/open';
import type { Logger } from '../../ports';
import type { Stored, Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import { caseToWork } from '../cases/mayWork';
import type { Settings } from '../settings';
import { mediaFacts, type MediaFacts, type MediaTools } from './media';
import type { EvidenceReader } from './read';
import { sniffAllowed } from './sniff';
import type { OfficeClock } from '../../officeClock';

type ImportInput = z.output<typeof evidenceImport.input>;
type DescribeInput = z.output<typeof evidenceDescribe.input>;

export interface EvidenceStoreDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  settings: Settings;
  events: CaseEvents;
  vault: Vault;
  reader: EvidenceReader;
  media: MediaTools;
  log: Logger;
  /** A new item was recorded (its text may be waiting to be read). */
  onAdded?: () => void;
}

/** Adding, describing and voiding evidence. Files go through the vault; rows only after their file is in place. */
export function createEvidenceStore({ db, clock, audit, settings, events, vault, reader, media, log, onAdded }: EvidenceStoreDeps) {
  const insert = db.prepare(
    `INSERT INTO evidence (case_id, sha256, size, mime, original_name, kind, description, source, captured_at, captured_at_from,
       captured_at_raw, orientation, width, height, duration_seconds, thumb_sha256, added_by, added_at, text_state, text_note)
     VALUES (@caseId, @sha256, @size, @mime, @name, @kind, @description, @source, @capturedAt, @capturedAtFrom,
       @capturedAtRaw, @orientation, @width, @height, @durationSeconds, @thumbSha256, @userId, @at, @textState, @textNote)`,
  );
  // Every row that names a vault file: evidence and its thumbnails, notices' PDFs, the office's seal.
  const inUse = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM evidence WHERE sha256 = @sha256 OR thumb_sha256 = @sha256)
           OR EXISTS (SELECT 1 FROM notices WHERE sha256 = @sha256)
           OR EXISTS (SELECT 1 FROM settings WHERE instr(value, @sha256) > 0)`,
    )
    .pluck();
  const duplicate = db.prepare('SELECT id FROM evidence WHERE case_id = ? AND sha256 = ? AND voided_at IS NULL').pluck();
  const setVoid = db.prepare('UPDATE evidence SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL');
  // A voided item leaves the reading queue; one being read has its reading thrown away (textQueue.ts).
  const cancelText = db.prepare("UPDATE evidence SET text_state = 'cancelled' WHERE id = ? AND text_state = 'pending'");

  const zone = () => clock.zone();
  const now = () => clock.now();

  /**
   * evidence.import: one streaming pass into the vault (hash while writing, memory flat), the type
   * sniffed from the first bytes before anything is kept, then the row, its event and its audit
   * entry in one transaction. Cut off, cancelled, refused, failed (a full disk) or killed half-way:
   * no row, no half file, and no file the import brought in without its row.
   */
  async function importEvidence(input: ImportInput, user: UserView, upload: UploadBody) {
    // Checked before a byte is copied, and again in the writing transaction (the case may change meanwhile).
    db.transaction(() => caseToWork(db, input.caseId, user))();
    const typed = input.capturedAt ? typedCaptureTime(input.capturedAt) : null;
    const maxBytes = settings.get('evidence.maxBytes', DEFAULT_EVIDENCE_MAX_BYTES);
    if (upload.declaredSize === 0) throw new DomainError('VALIDATION', `文件“${input.name}”是空的（0 字节），未保存；请确认选对了文件`);
    if (upload.declaredSize !== null && upload.declaredSize > maxBytes) {
      throw new DomainError('TOO_LARGE', `文件“${input.name}”大小 ${formatBytes(upload.declaredSize)}，超过上限 ${formatBytes(maxBytes)}，未保存；如确需保存，请管理员在设置中调整上限`);
    }
    // Set by the vault's accept hook, which always runs before the file is committed.
    let type = null as { mime: string; ext: string } | null;
    const stored = await vault
      .importStream(upload.stream, {
        maxBytes,
        signal: upload.signal,
        expectedSize: upload.declaredSize,
        accept: async (head) => {
          type = await sniffAllowed(head, input.name);
        },
      })
      .catch((error: unknown) => {
        // The sender went away or cancelled: no fault of the register's, and nothing was kept.
        if (upload.signal?.aborted && !(error instanceof DomainError)) throw new DomainError('VALIDATION', `“${input.name}”的上传已中断（发送方断开或取消），未保存`);
        throw error;
      });
    let thumb: Stored | null = null;
    try {
      if (!type) throw new Error('the vault committed a file without sniffing its type');
      const { mime } = type;
      const facts = await mediaFacts(vault.pathOf(stored.sha256), mime, zone(), media, log);
      const fileTime = boundedFileTime(facts);
      // A thumbnail is a convenience: one that cannot be stored (a full disk) leaves the page its icon.
      if (facts.thumbnail) thumb = await vault.putBuffer(facts.thumbnail).catch((error: unknown) => (log.warn(`thumbnail not stored: ${(error as Error).message}`), null));

      const text = textStateAtImport(mime);
      const added = db.transaction(() => {
        caseToWork(db, input.caseId, user);
        const twin = duplicate.get(input.caseId, stored.sha256) as number | undefined;
        if (twin) throw new DomainError('CONFLICT', `“${input.name}”与本案已有的证据 ${twin} 内容完全相同，未重复添加`);
        // The file is still there (see vault.discard): a row never names a missing file.
        if (!vault.holds(stored.sha256)) throw new DomainError('CONFLICT', `“${input.name}”保存时被同时进行的另一次添加撤回，未保存，请重新添加`);
        const thumbSha256 = thumb && vault.holds(thumb.sha256) ? thumb.sha256 : null;
        const at = now();
        const id = Number(
          insert.run({
            caseId: input.caseId,
            sha256: stored.sha256,
            size: stored.size,
            mime,
            name: input.name,
            kind: input.kind,
            description: input.description ?? null,
            source: input.source ?? null,
            // What the clerk typed wins over what the file says; the file's own time fills in otherwise.
            capturedAt: typed ?? fileTime.capturedAt,
            capturedAtFrom: typed ? 'typed' : fileTime.capturedAtFrom,
            capturedAtRaw: fileTime.capturedAtRaw,
            orientation: facts.orientation,
            width: facts.width,
            height: facts.height,
            durationSeconds: facts.durationSeconds,
            thumbSha256,
            userId: user.id,
            at,
            textState: text?.state ?? null,
            textNote: text?.note ?? null,
          }).lastInsertRowid,
        );
        const data = { evidenceId: id, name: input.name, kind: input.kind, kindLabel: evidenceKindLabel[input.kind], sha256: stored.sha256, size: stored.size, mime };
        events.record({ caseId: input.caseId, at, userId: user.id, type: 'evidence_added', data });
        audit.append({ at, userId: user.id, action: 'evidence.import', entity: 'evidence', entityId: id, data });
        return { id, sha256: stored.sha256, size: stored.size, mime };
      }).immediate();
      if (text?.state === 'pending') onAdded?.();
      return added;
    } catch (error) {
      // Refused after the file was in the vault (the case closed meanwhile, a twin, a full disk at
      // the row): what this import brought in goes again, unless a row names it.
      for (const file of [stored, thumb]) if (file?.created) vault.discard(file.sha256, () => inUse.get({ sha256: file.sha256 }) === 1);
      throw error;
    }
  }

  /** A capture time the clerk typed, with the bound only the clock knows (not after now); 400 naming the field otherwise. */
  function typedCaptureTime(value: string): string {
    const problem = captureTimeProblem(value, clock.instant());
    if (problem) throw new DomainError('VALIDATION', `输入有误：${problem}`, { capturedAt: problem });
    return clock.iso(new Date(value));
  }

  /** The file's own time, if it is one and passes the same bounds as a typed one; else none, the file's text kept beside. */
  function boundedFileTime(facts: MediaFacts): Pick<MediaFacts, 'capturedAt' | 'capturedAtFrom' | 'capturedAtRaw'> {
    if (facts.capturedAt && !captureTimeProblem(facts.capturedAt, clock.instant())) {
      return { capturedAt: facts.capturedAt, capturedAtFrom: facts.capturedAtFrom, capturedAtRaw: null };
    }
    return { capturedAt: null, capturedAtFrom: null, capturedAtRaw: facts.capturedAtRaw ?? facts.capturedAt };
  }

  /** Kind, description, source or capture time, changed with the old and new values on the record. */
  function describe(input: DescribeInput, user: UserView): void {
    db.transaction(() => {
      const r = reader.row(input.id);
      caseToWork(db, r.case_id, user);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const sets: string[] = [];
      const params: unknown[] = [];
      const change = (field: string, column: string, from: unknown, to: unknown) => {
        if (to === undefined || to === from) return;
        changes[field] = { from, to };
        sets.push(`${column} = ?`);
        params.push(to);
      };
      change('kind', 'kind', r.kind, input.kind);
      change('description', 'description', r.description, input.description === '' ? null : input.description);
      change('source', 'source', r.source, input.source);
      if (input.capturedAt !== undefined) {
        const to = input.capturedAt === null ? null : typedCaptureTime(input.capturedAt);
        change('capturedAt', 'captured_at', r.captured_at, to);
        if (changes.capturedAt) {
          sets.push('captured_at_from = ?');
          params.push(to === null ? null : 'typed');
        }
      }
      if (sets.length === 0) return;
      db.prepare(`UPDATE evidence SET ${sets.join(', ')} WHERE id = ?`).run(...params, r.id);
      const at = now();
      const data = { evidenceId: r.id, name: r.original_name, changes };
      events.record({ caseId: r.case_id, at, userId: user.id, type: 'evidence_described', data });
      audit.append({ at, userId: user.id, action: 'evidence.describe', entity: 'evidence', entityId: r.id, data });
    }).immediate();
  }

  /** 作废 with a reason: the row and the file stay, on the record; links from the checklist stay too. */
  function voidEvidence(id: number, reason: string, user: UserView): void {
    db.transaction(() => {
      const r = reader.row(id);
      caseToWork(db, r.case_id, user);
      if (r.voided_at) throw new DomainError('CONFLICT', `证据 ${id}（${r.original_name}）已于 ${r.voided_at.slice(0, 10)} 作废`);
      const at = now();
      setVoid.run(at, user.id, reason, id);
      cancelText.run(id);
      const data = { evidenceId: id, name: r.original_name, reason };
      events.record({ caseId: r.case_id, at, userId: user.id, type: 'evidence_voided', data });
      audit.append({ at, userId: user.id, action: 'evidence.void', entity: 'evidence', entityId: id, data });
    }).immediate();
  }

  return { importEvidence, describe, voidEvidence };
}
