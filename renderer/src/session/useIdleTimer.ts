import { useEffect, useRef } from 'react';

/** What counts as the user being at the PC. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has touched the keyboard or the mouse for `minutes` (0: never).
 * Measured by re-arming one timer on every activity, so no wall-clock time is read.
 */
export function useIdleTimer(minutes: number, onIdle: () => void, paused: boolean): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (minutes <= 0 || paused) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), minutes * 60_000);
    };
    arm();
    for (const type of ACTIVITY) window.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, arm, { capture: true });
    };
  }, [minutes, paused]);
}
