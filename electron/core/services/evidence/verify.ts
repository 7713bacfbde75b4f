import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { Db } from '../../db/open';
import type { Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import { caseToRead } from '../cases/mayWork';
import type { Settings } from '../settings';
import type { OfficeClock } from '../../officeClock';

export interface Problem { evidenceId: number; problem: 'missing' | 'altered' }

/**
 * Re-hashes every file (DESIGN.md "Data": verification reports missing or altered files), voided
 * items too since their files stay on the record, and writes the result on each case's timeline.
 */
export function createEvidenceVerifier(db: Db, clock: OfficeClock, audit: Audit, settings: Settings, events: CaseEvents, vault: Vault) {
  const ofCase = db.prepare('SELECT id, case_id, sha256, original_name FROM evidence WHERE case_id = ? ORDER BY id');
  const all = db.prepare('SELECT id, case_id, sha256, original_name FROM evidence ORDER BY case_id, id');

  return async function verify(caseId: number | undefined, user: UserView): Promise<{ checked: number; problems: Problem[] }> {
    if (caseId === undefined && user.role !== 'admin') throw new DomainError('FORBIDDEN', '校验整个证据库仅限管理员；校验本案证据请在案件中操作');
    if (caseId !== undefined) caseToRead(db, caseId);
    const rows = (caseId === undefined ? all.all() : ofCase.all(caseId)) as { id: number; case_id: number; sha256: string; original_name: string }[];
    // One read per distinct file, one at a time: a vault of large videos is read once, without thrashing the disk.
    const outcome = new Map<string, 'ok' | 'missing' | 'altered'>();
    for (const r of rows) if (!outcome.has(r.sha256)) outcome.set(r.sha256, await vault.check(r.sha256));
    const problems: Problem[] = [];
    const byCase = new Map<number, { checked: number; problems: { evidenceId: number; name: string; problem: 'missing' | 'altered' }[] }>();
    for (const r of rows) {
      const entry = byCase.get(r.case_id) ?? { checked: 0, problems: [] };
      entry.checked++;
      const result = outcome.get(r.sha256)!;
      if (result !== 'ok') {
        problems.push({ evidenceId: r.id, problem: result });
        entry.problems.push({ evidenceId: r.id, name: r.original_name, problem: result });
      }
      byCase.set(r.case_id, entry);
    }
    if (caseId !== undefined && !byCase.has(caseId)) byCase.set(caseId, { checked: 0, problems: [] });
    // A register opened read-only (damaged at start) is never written: the result is answered, not recorded.
    if (db.readonly) return { checked: rows.length, problems };
    db.transaction(() => {
      const at = clock.now();
      const scope = caseId === undefined ? 'vault' : 'case';
      for (const [id, result] of byCase) events.record({ caseId: id, at, userId: user.id, type: 'evidence_verified', data: { scope, ...result } });
      audit.append({ at, userId: user.id, action: 'evidence.verify', entity: caseId === undefined ? null : 'case', entityId: caseId ?? null, data: { checked: rows.length, problems } });
    }).immediate();
    return { checked: rows.length, problems };
  };
}
