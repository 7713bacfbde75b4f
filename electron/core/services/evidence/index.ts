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
import { createTextQueue } from './textQueue';
import { createTextReader, type TextReader } from './textWorker';
import type { OfficeClock } from '../../officeClock';
import type { CaseHead } from '../../store/caseHeads';

export interface EvidenceDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  settings: Settings;
  events: CaseEvents;
  vault: Vault;
  media: MediaTools;
  log: Logger;
  /** A case's number, status and handler (the store's read), for the export's check of who may carry it out. */
  caseHead: (caseId: number) => CaseHead | null;
  /** The case's search index written afresh (the store's write path): evidence text is found by search. */
  reindex: (caseId: number) => void;
  /** Reads pictures' text (OCR in a worker thread); one of its own when not given. */
  textReader?: TextReader;
}

/** The evidence of cases: reading, adding, describing, voiding, verifying and exporting. */
export function createEvidence(deps: EvidenceDeps) {
  const { db, clock, audit, settings, events, vault } = deps;
  const reader = createEvidenceReader(db, vault, deps.log);
  // Started by the opened register once it takes writes (start/openState.ts); until then it only waits.
  const text = createTextQueue({ db, vault, reader: deps.textReader ?? createTextReader(), reindex: deps.reindex, log: deps.log });
  return {
    ...reader,
    ...createEvidenceStore({ ...deps, reader, onAdded: () => text.kick() }),
    /** The background reading of pictures' text (OCR). */
    text,
    verify: createEvidenceVerifier(db, clock, audit, settings, events, vault),
    exportTo: createEvidenceExporter(db, deps.caseHead, clock, audit, settings, events, vault, reader),
    reportMedia: createMediaReport(db, clock, audit, reader),
  };
}
export type Evidence = ReturnType<typeof createEvidence>;
