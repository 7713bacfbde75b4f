import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftForm } from '../../../shared/domain/drafts';
import { useApi } from '../api/ApiContext';

/** How long after the last keystroke the draft is saved. */
const DEBOUNCE_MS = 1000;

export type DraftSaveState =
  | { status: 'idle' }
  /** Typed since the last save; a save is due. */
  | { status: 'pending'; savedAt: string | null }
  | { status: 'saving'; savedAt: string | null }
  | { status: 'saved'; savedAt: string }
  /** The last save failed (the service was unreachable); the next change or blur tries again. */
  | { status: 'failed'; savedAt: string | null; message: string }
  /** The register is read-only: no draft is saved, and the form says so once. */
  | { status: 'readOnly'; message: string };

interface Options {
  form: DraftForm;
  draftKey: string;
  /** False while an earlier draft waits to be restored or discarded: typing must not overwrite it. */
  enabled: boolean;
  /** The form's data as it stands, or null when it holds nothing worth keeping (the draft is then removed). */
  snapshot: () => Record<string, unknown> | null;
  /** When the draft the form was restored from was saved: the line says so until the next save. */
  restoredSavedAt?: string | null;
}

/**
 * Saves the form as a 草稿 about a second after typing stops, and at once when a field loses the
 * focus, the window is hidden or the page goes away (issue [B] "Never lose a half-typed form").
 * Saves go out one at a time, in order, so an older one never lands after a newer one; `stop`
 * waits for the last and allows no more (before the case is registered, which removes the draft).
 */
export function useDraftAutosave({ form, draftKey, enabled, snapshot, restoredSavedAt = null }: Options) {
  const api = useApi();
  const [state, setState] = useState<DraftSaveState>(restoredSavedAt ? { status: 'saved', savedAt: restoredSavedAt } : { status: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const due = useRef(false);
  const stopped = useRef(false);
  const readOnly = useRef(false);
  const savedAt = useRef<string | null>(restoredSavedAt);
  const snap = useRef(snapshot);
  snap.current = snapshot;
  const live = useRef({ enabled, draftKey });
  live.current = { enabled, draftKey };

  const send = useCallback(
    (keepalive = false): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!due.current || stopped.current || readOnly.current || !live.current.enabled) return queue.current;
      due.current = false;
      const data = snap.current();
      const key = live.current.draftKey;
      queue.current = queue.current.then(async () => {
        if (stopped.current) return;
        setState({ status: 'saving', savedAt: savedAt.current });
        const result = data
          ? await api.call('drafts.save', { form, key, data }, { keepalive })
          : await api.call('drafts.discard', { form, key }, { keepalive });
        if (result.ok) {
          savedAt.current = 'savedAt' in result.value ? result.value.savedAt : null;
          // A change typed while this save was on its way keeps the state "pending".
          if (due.current) setState({ status: 'pending', savedAt: savedAt.current });
          else setState(savedAt.current ? { status: 'saved', savedAt: savedAt.current } : { status: 'idle' });
        } else if (result.error.code === 'CONFLICT') {
          readOnly.current = true;
          setState({ status: 'readOnly', message: result.error.message });
        } else {
          due.current = true;
          setState({ status: 'failed', savedAt: savedAt.current, message: result.error.message });
        }
      });
      return queue.current;
    },
    [api, form],
  );

  /** The form changed: save a second after the clerk stops typing. */
  const changed = useCallback(() => {
    if (stopped.current || readOnly.current || !live.current.enabled) return;
    due.current = true;
    setState({ status: 'pending', savedAt: savedAt.current });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), DEBOUNCE_MS);
  }, [send]);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') void send(true);
    };
    const leaving = () => void send(true);
    const blurred = () => void send();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    window.addEventListener('blur', blurred);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('blur', blurred);
      // Leaving the page inside the app: what was typed in the last second goes out too.
      void send(true);
    };
  }, [send]);

  return {
    state,
    changed,
    /** Saves now what is due (a field lost the focus; a navigation wants to leave). True when nothing typed is left unsaved. */
    flush: useCallback(async () => {
      await send();
      return !due.current && !readOnly.current;
    }, [send]),
    /** No more saves (the case is being registered); waits for the one on its way. */
    stop: useCallback(async () => {
      if (timer.current) clearTimeout(timer.current);
      stopped.current = true;
      await queue.current;
    }, []),
    /** Saving may go on (the registration failed and the clerk keeps typing). */
    resume: useCallback(() => {
      stopped.current = false;
    }, []),
  };
}
