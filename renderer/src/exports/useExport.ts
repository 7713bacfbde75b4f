import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import { FILE_SCHEME } from '../../../shared/api/operationNames';
import type { ExportState } from '../../../shared/api/schemas/exports';
import { useApi } from '../api/ApiContext';

/** Where a finished export is downloaded: the host's GET /files/exports/<id>.xlsx, or the same path on the desktop shell's scheme. */
export function exportFileUrl(id: string): string {
  const path = `/files/exports/${id}.xlsx`;
  return window.api ? `${FILE_SCHEME}://app${path}` : path;
}

export type ExportRequest = InputOf<'exports.start'>;

export interface ExportRun {
  /** null: nothing asked yet. */
  state: ExportState | null;
  /** Why it could not start or be followed, in the core's Chinese. */
  error: string | null;
  starting: boolean;
}

const POLL_MS = 400;

/**
 * An export to Excel (exports.start), followed while the core writes it (exports.progress) until it
 * is done, failed or cancelled. The page stays usable meanwhile; closing it stops following, not the export.
 */
export function useExport() {
  const api = useApi();
  const [run, setRun] = useState<ExportRun>({ state: null, error: null, starting: false });
  const following = useRef<string | null>(null);
  useEffect(() => () => void (following.current = null), []);

  const follow = useCallback(
    async (id: string) => {
      following.current = id;
      while (following.current === id) {
        const r = await api.call('exports.progress', { id });
        if (following.current !== id) return;
        if (!r.ok) {
          setRun((prev) => ({ ...prev, error: r.error.message }));
          return;
        }
        setRun({ state: r.value, error: null, starting: false });
        if (r.value.state !== 'running') return;
        await new Promise((done) => setTimeout(done, POLL_MS));
      }
    },
    [api],
  );

  const start = useCallback(
    async (request: ExportRequest) => {
      setRun({ state: null, error: null, starting: true });
      const r = await api.call('exports.start', request);
      if (!r.ok) return setRun({ state: null, error: r.error.message, starting: false });
      await follow(r.value.id);
    },
    [api, follow],
  );

  const cancel = useCallback(async () => {
    const id = run.state?.id;
    if (!id) return;
    const r = await api.call('exports.cancel', { id });
    // Finished in the meantime: the next progress says so; anything else is worth saying.
    if (!r.ok && r.error.code !== 'CONFLICT') setRun((prev) => ({ ...prev, error: r.error.message }));
  }, [api, run.state?.id]);

  const reset = useCallback(() => {
    following.current = null;
    setRun({ state: null, error: null, starting: false });
  }, []);

  return { run, start, cancel, reset };
}
