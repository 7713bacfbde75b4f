import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import { useApi } from '../api/ApiContext';
import { percentDone } from '../../../shared/percentDone';

export type TaskProgress = OutputOf<'backup.progress'>;

/**
 * Follows a long task (backup, check, restore) while its own call is under way: the core keeps the
 * progress, the page polls it twice a second. The page stays usable meanwhile.
 */
export function useTaskProgress(active: boolean): TaskProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        const r = await api.call('backup.progress', {});
        if (stop) return;
        if (r.ok) setProgress(r.value);
        await new Promise((done) => setTimeout(done, 500));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [api, active]);
  return active ? progress : null;
}

export const percent = (p: TaskProgress | null) => (p ? percentDone(p.done, p.total) : 0);
