import { useCallback, useRef, useState } from 'react';
import type { EvidenceKind, EvidenceSource } from '../../../shared/domain/evidence';
import { suggestedKind } from '../../../shared/domain/evidence';
import { useApi } from '../api/ApiContext';
import { CANCELLED_MESSAGE } from '../api/client';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadEntry {
  key: string;
  file: File;
  kind: EvidenceKind;
  description: string;
  status: UploadStatus;
  sent: number;
  message: string | null;
}

let keys = 0;

/**
 * A batch of files on its way into the case: per-file and overall progress, one file at a time
 * (the disk writes one stream well), and one cancel that stops the current file and the rest.
 */
export function useUploads(caseId: number) {
  const api = useApi();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const patch = (key: string, change: Partial<UploadEntry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));

  const prepare = useCallback((files: File[]) => {
    setEntries(
      files.map((file) => ({ key: `u${++keys}`, file, kind: suggestedKind(file.type), description: '', status: 'waiting', sent: 0, message: null })),
    );
  }, []);

  const start = async (source: EvidenceSource | '') => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    for (const entry of entries) {
      if (entry.status === 'done') continue;
      if (abort.signal.aborted) {
        patch(entry.key, { status: 'cancelled', message: CANCELLED_MESSAGE });
        continue;
      }
      patch(entry.key, { status: 'uploading', sent: 0, message: null });
      const input = { caseId, name: entry.file.name, kind: entry.kind, description: entry.description || undefined, source: source || undefined };
      const r = await api.upload('evidence.import', input, entry.file, {
        signal: abort.signal,
        onProgress: (sent) => patch(entry.key, { sent }),
      });
      if (r.ok) patch(entry.key, { status: 'done', sent: entry.file.size, message: null });
      else patch(entry.key, { status: abort.signal.aborted ? 'cancelled' : 'failed', sent: 0, message: r.error.message });
    }
    setRunning(false);
    controller.current = null;
  };

  const cancel = () => controller.current?.abort();
  const total = entries.reduce((n, e) => n + e.file.size, 0);
  const sent = entries.reduce((n, e) => n + (e.status === 'done' ? e.file.size : e.sent), 0);

  return { entries, setEntries, prepare, start, cancel, running, overall: total === 0 ? 0 : (sent / total) * 100 };
}
