import type { Db } from '../../db/open';
import type { Logger } from '../../ports';
import type { Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import type { Settings } from '../settings';
import { createEvidenceExporter } from './export';
import type { MediaTools } from './media';
import { createEvidenceReader } from './read';
import { createMediaReport } from './reportMedia';
import { createEvidenceStore } from './store';
import { createEvidenceVerifier } from './verify';
import type { OfficeClock } from '../../officeClock';
import type { CaseHead } from '../../store/caseHeads';

export interface EvidenceDeps { db: Db; clock: OfficeClock; audit: Audit; settings: Settings; events: CaseEvents; vault: Vault; media: MediaTools; log: Logger; caseHead: (caseId: number) => CaseHead | null }

/** The evidence of cases: reading, adding, describing, voiding, verifying and exporting. */
export function createEvidence(deps: EvidenceDeps) {
  const { db, clock, audit, settings, events, vault } = deps;
  const reader = createEvidenceReader(db, vault, deps.log);
  return {
    ...reader,
    ...createEvidenceStore({ ...deps, reader }),
    verify: createEvidenceVerifier(db, clock, audit, settings, events, vault),
    exportTo: createEvidenceExporter(db, deps.caseHead, clock, audit, settings, events, vault, reader),
    reportMedia: createMediaReport(db, clock, audit, reader),
  };
}
export type Evidence = ReturnType<typeof createEvidence>;
