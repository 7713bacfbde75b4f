import Box from '@mui/material/Box';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** The title bar's height (a dense toolbar) and the room the theme keeps above a focused field (theme.ts). */
const TITLE_BAR = 48;
const ROOM_ABOVE = 64;

/**
 * Notices about the whole app, kept in sight under the title bar: a clerk at the foot of a long form
 * whose 保存登记 waits for the start check sees why. While they show, a field reached by Tab is
 * scrolled below them, not behind them (the page's scroll padding grows by their height).
 */
export function StickyNotices({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const root = document.documentElement;
    const fit = () => (root.style.scrollPaddingTop = `${ROOM_ABOVE + el.offsetHeight}px`);
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => {
      watch.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, []);
  return (
    <Box ref={box} sx={{ mb: 2, position: 'sticky', top: TITLE_BAR, zIndex: (t) => t.zIndex.appBar - 1 }}>
      {children}
    </Box>
  );
}
