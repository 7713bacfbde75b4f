import type { Db } from '../../db/open';
import type { Logger } from '../../ports';
import type { Vault } from '../../vault/vault';
import { textReasons } from '../../../../shared/domain/evidenceText';
import { decoderInput } from './media';
import type { TextReader, TextReading } from './textWorker';

const PDF = 'application/pdf';

interface Pending {
  id: number;
  case_id: number;
  sha256: string;
  mime: string;
}

export interface TextQueueDeps {
  db: Db;
  vault: Vault;
  reader: TextReader;
  /** The case's words changed: its search index is written afresh (the store's one write path). */
  reindex: (caseId: number) => void;
  log: Logger;
}

/**
 * The reading of evidence text in the background (issue [H]). The queue is the database: the
 * items whose text_state is 'pending', oldest first, so a reading cut off by a close or a crash is
 * simply still pending at the next start. One at a time; each result is stored only if the item is
 * still pending (one voided meanwhile stays 'cancelled', its reading thrown away), with the case's
 * search index in the same transaction.
 */
export function createTextQueue({ db, vault, reader, reindex, log }: TextQueueDeps) {
  let afterWrite: (() => void) | undefined;
  const next = db.prepare(
    "SELECT id, case_id, sha256, mime FROM evidence WHERE text_state = 'pending' AND voided_at IS NULL AND id > ? ORDER BY id LIMIT 1",
  );
  const store = db.prepare(
    "UPDATE evidence SET text = @text, text_from = @from, text_state = @state, text_note = @note WHERE id = @id AND text_state = 'pending' AND voided_at IS NULL",
  );
  const save = db.transaction((item: Pending, r: TextReading) => {
    const changed = store.run({
      id: item.id,
      text: r.state === 'done' ? r.text : null,
      from: r.state === 'done' ? (item.mime === PDF ? 'pdf' : 'ocr') : null,
      state: r.state,
      note: r.note ?? null,
    }).changes;
    if (changed && r.state === 'done') reindex(item.case_id);
    return changed > 0;
  });

  let running: Promise<void> | null = null;
  let started = false;
  let stopped = false;
  let again = false;
  /** Items handed to the reader and not yet answered (one at most). */
  let current: number | null = null;

  /**
   * The picture as the import's thumbnail reads it (media.ts decoderInput): a JPEG or PNG padded with
   * metadata (100 MB of EXIF or text chunks) is read without the padding, which libjpeg and libvips
   * would otherwise hold whole (+300 MB for one picture).
   */
  async function readLean(item: Pending): Promise<TextReading> {
    const input = await decoderInput(vault.pathOf(item.sha256), item.mime).catch(() => vault.pathOf(item.sha256));
    return input === null ? { state: 'failed', note: textReasons.tooLarge, detail: 'metadata beyond the lean buffer' } : reader.read(input);
  }

  async function drain(): Promise<void> {
    // An item whose reading failed to store (a full disk) is passed over until the next start, never read in a loop.
    let after = 0;
    for (;;) {
      again = false;
      if (stopped) return;
      const item = next.get(after) as Pending | undefined;
      if (!item) {
        if (again) {
          after = 0;
          continue;
        }
        return;
      }
      after = item.id;
      current = item.id;
      const reading: TextReading = !vault.holds(item.sha256)
        ? { state: 'failed', note: textReasons.missing, detail: 'missing' }
        : item.mime === PDF
          ? await reader.readPdf(vault.pathOf(item.sha256))
          : await readLean(item);
      current = null;
      if (stopped) return;
      if (reading.state === 'failed') log.warn(`evidence ${item.id}: text not read (${reading.note}; ${reading.detail.slice(0, 300)})`);
      try {
        if (save(item, reading)) afterWrite?.();
      } catch (error) {
        log.error(`evidence ${item.id}: its text could not be stored`, error);
      }
    }
  }

  return {
    /**
     * From now on pending items are read; call once the register takes writes (after the first
     * answer). `onWrite` runs after each stored reading (the opened register keeps its WAL in step).
     */
    start(onWrite?: () => void): void {
      if (stopped || started) return;
      afterWrite = onWrite;
      started = true;
      this.kick();
    },
    /** New items may be pending (an import): read them, after what is being read now. */
    kick(): void {
      if (!started || stopped) return;
      again = true;
      running ??= drain()
        .catch((error: unknown) => log.error('the evidence text queue stopped', error))
        .finally(() => (running = null));
    },
    /** Stops at once (the register closes): what is being read stays pending, for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      await reader.stop();
      await running;
    },
    /** Settles when nothing is pending or being read (tests, the bench). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** The item being read now, if any. */
    get reading(): number | null {
      return current;
    },
    reader,
  };
}
export type TextQueue = ReturnType<typeof createTextQueue>;
