/**
 * The sx of a page that fills the window below the title bar and any notice above it (案件, 被投诉方:
 * a search row over a list that scrolls on its own). The shell's main area is a column as tall as the
 * window at least; this page takes what the notices leave. A height of calc(100vh − the bar) did not
 * count a notice (the start check's shows for seconds at every start), so the window scrolled by it.
 */
export const fillMain = { flex: '1 1 0px', minHeight: 480 } as const;
