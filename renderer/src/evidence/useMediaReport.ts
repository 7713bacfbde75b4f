import { useCallback, type SyntheticEvent } from 'react';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { useApi } from '../api/ApiContext';

/** Items reported in this window already: a failed or refused report is not retried on every render. */
const reported = new Set<number>();

export type MediaLoaded = (e: EvidenceView) => (event: SyntheticEvent<HTMLVideoElement | HTMLAudioElement>) => void;

/**
 * Where the core had no ffprobe, a video's duration and picture size are unknown to it ("—"), yet
 * Chromium decodes the file to play it. When a video or recording loads its metadata here, what
 * the record lacks is reported to the core (evidence.reportMedia fills empty values only), and the
 * case is read again to show it.
 */
export function useMediaReport(onFilled: () => void): MediaLoaded {
  const api = useApi();
  return useCallback(
    (e) => (event) => {
      const el = event.currentTarget;
      const video = el instanceof HTMLVideoElement && el.videoWidth > 0 && el.videoHeight > 0;
      const lacking = e.durationSeconds === null || (video && e.width === null);
      if (!lacking || reported.has(e.id) || !Number.isFinite(el.duration) || el.duration <= 0) return;
      reported.add(e.id);
      const size = video ? { width: (el as HTMLVideoElement).videoWidth, height: (el as HTMLVideoElement).videoHeight } : {};
      void api.call('evidence.reportMedia', { id: e.id, durationSeconds: el.duration, ...size }).then((r) => {
        if (r.ok && r.value.filled.length > 0) onFilled();
      });
    },
    [api, onFilled],
  );
}
