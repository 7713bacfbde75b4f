import type { z } from 'zod';
import type { UploadBody } from '../../../../shared/api/dispatch';
import { DomainError } from '../../../../shared/api/errors';
import type { evidenceDescribe, evidenceImport } from '../../../../shared/api/schemas/evidence';
import type { UserView } from '../../../../shared/api/schemas/common';
import { DEFAULT_EVIDENCE_MAX_BYTES, evidenceKindLabel, formatBytes } from '../../../../shared/domain/evidence';
import type { Db } from '../../db/open';
import type { Logger } from '../../ports';
import type { Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import { caseToWork } from '../cases/mayWork';
import type { Settings } from '../settings';
import { mediaFacts, type MediaTools } from './media';
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
}

/** Adding, describing and voiding evidence. Files go through the vault; rows only after their file is in place. */
export function createEvidenceStore({ db, clock, audit, settings, events, vault, reader, media, log }: EvidenceStoreDeps) {
  const insert = db.prepare(
    `INSERT INTO evidence (case_id, sha256, size, mime, original_name, kind, description, source, captured_at, captured_at_from,
       orientation, width, height, duration_seconds, thumb_sha256, added_by, added_at)
     VALUES (@caseId, @sha256, @size, @mime, @name, @kind, @description, @source, @capturedAt, @capturedAtFrom,
       @orientation, @width, @height, @durationSeconds, @thumbSha256, @userId, @at)`,
  );
  const duplicate = db.prepare('SELECT id FROM evidence WHERE case_id = ? AND sha256 = ? AND voided_at IS NULL').pluck();
  const setVoid = db.prepare('UPDATE evidence SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL');

  const zone = () => clock.zone();
  const now = () => clock.now();

  /**
   * evidence.import: one streaming pass into the vault (hash while writing, memory flat), the type
   * sniffed from the first bytes before anything is kept, then the row, its event and its audit
   * entry in one transaction. Cut off, cancelled, refused or killed half-way: no row, no half file.
   */
  async function importEvidence(input: ImportInput, user: UserView, upload: UploadBody) {
    // Checked before a byte is copied, and again in the writing transaction (the case may change meanwhile).
    db.transaction(() => caseToWork(db, input.caseId, user))();
    const maxBytes = settings.get('evidence.maxBytes', DEFAULT_EVIDENCE_MAX_BYTES);
    if (upload.declaredSize === 0) throw new DomainError('VALIDATION', `文件“${input.name}”是空的（0 字节），未保存；请确认选对了文件`);
    if (upload.declaredSize !== null && upload.declaredSize > maxBytes) {
      throw new DomainError('TOO_LARGE', `文件“${input.name}”大小 ${formatBytes(upload.declaredSize)}，超过上限 ${formatBytes(maxBytes)}，未保存；如确需保存，请管理员在设置中调整上限`);
    }
    // Set by the vault's accept hook, which always runs before the file is committed.
    let type = null as { mime: string; ext: string } | null;
    const stored = await vault.importStream(upload.stream, {
      maxBytes,
      signal: upload.signal,
      expectedSize: upload.declaredSize,
      accept: async (head) => {
        type = await sniffAllowed(head, input.name);
      },
    });
    if (!type) throw new Error('the vault committed a file without sniffing its type');
    const { mime } = type;
    const facts = await mediaFacts(vault.pathOf(stored.sha256), mime, zone(), media, log);
    const thumbSha256 = facts.thumbnail ? (await vault.putBuffer(facts.thumbnail)).sha256 : null;
    const typed = input.capturedAt ? clock.iso(new Date(input.capturedAt)) : null;

    return db.transaction(() => {
      caseToWork(db, input.caseId, user);
      const twin = duplicate.get(input.caseId, stored.sha256) as number | undefined;
      if (twin) throw new DomainError('CONFLICT', `“${input.name}”与本案已有的证据 ${twin} 内容完全相同，未重复添加`);
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
          capturedAt: typed ?? facts.capturedAt,
          capturedAtFrom: typed ? 'typed' : facts.capturedAtFrom,
          orientation: facts.orientation,
          width: facts.width,
          height: facts.height,
          durationSeconds: facts.durationSeconds,
          thumbSha256,
          userId: user.id,
          at,
        }).lastInsertRowid,
      );
      const data = { evidenceId: id, name: input.name, kind: input.kind, kindLabel: evidenceKindLabel[input.kind], sha256: stored.sha256, size: stored.size, mime };
      events.record({ caseId: input.caseId, at, userId: user.id, type: 'evidence_added', data });
      audit.append({ at, userId: user.id, action: 'evidence.import', entity: 'evidence', entityId: id, data });
      return { id, sha256: stored.sha256, size: stored.size, mime };
    }).immediate();
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
        const to = input.capturedAt === null ? null : clock.iso(new Date(input.capturedAt));
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
      const data = { evidenceId: id, name: r.original_name, reason };
      events.record({ caseId: r.case_id, at, userId: user.id, type: 'evidence_voided', data });
      audit.append({ at, userId: user.id, action: 'evidence.void', entity: 'evidence', entityId: id, data });
    }).immediate();
  }

  return { importEvidence, describe, voidEvidence };
}
