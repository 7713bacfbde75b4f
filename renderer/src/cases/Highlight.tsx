import Box from '@mui/material/Box';
import { Fragment } from 'react';

/** The spans of `text` that hold one of `words`, case-insensitively, as [start, end) pairs merged in order. */
export function highlightRanges(text: string, words: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const word of words) {
    const w = word.toLowerCase();
    if (!w) continue;
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) ranges.push([at, at + w.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Text with the searched words marked (the words as the core read them: cases.search `words`). */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  const ranges = words.length ? highlightRanges(text, words) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      // The colour reaches past the text by a shadow, not padding: a mark never widens what it marks,
      // so a column as wide as its text (a six-digit case number's) holds it marked, on one line.
      <Box component="mark" key={`m${start}`} sx={{ bgcolor: '#ffe58f', color: 'inherit', boxShadow: '0 0 0 1px #ffe58f', borderRadius: '2px' }}>
        {text.slice(start, end)}
      </Box>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
