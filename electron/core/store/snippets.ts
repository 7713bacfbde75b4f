import { FOUND_IN_EVIDENCE } from '../../../shared/domain/evidenceText';

/** A case's words, as a register row offers them to show where a search found it. */
export interface SnippetSource {
  /** The texts the register's columns show already: a word found there needs no snippet. */
  shown: (string | null)[];
  /** Other texts, each with the label the snippet carries. */
  hidden: [label: string, text: string | null][];
  /** The workflow's notes, read only when no other text holds the word. */
  notes: () => string[];
  /** The text read from the case's evidence (OCR), read only when nothing else holds the word. */
  evidence?: () => string[];
}

const CONTEXT = 14;
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * Where the first word that the shown columns do not hold was found, with a little text either
 * side ("事实：…预付款无法退还…"), so a clerk sees why a case matched. Null when every word is in
 * view or none is found as typed (the index ignores punctuation; plain text does not).
 */
export function snippetOf(words: string[], source: SnippetSource): { field: string; text: string } | null {
  const shown = fold(source.shown.filter(Boolean).join('\n'));
  const missing = words.filter((w) => !shown.includes(fold(w)));
  if (missing.length === 0) return null;
  const word = fold(missing[0]!);
  const places: [string, string | null][] = [...source.hidden];
  for (const [label, text] of places) {
    const at = text ? fold(text).indexOf(word) : -1;
    if (text && at >= 0) return { field: label, text: around(text, at, word.length) };
  }
  for (const note of source.notes()) {
    const at = fold(note).indexOf(word);
    if (at >= 0) return { field: '办理记录', text: around(note, at, word.length) };
  }
  for (const found of source.evidence?.() ?? []) {
    const at = fold(found).indexOf(word);
    if (at >= 0) return { field: FOUND_IN_EVIDENCE, text: around(found, at, word.length) };
  }
  return null;
}

function around(text: string, at: number, length: number): string {
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(text.length, at + length + CONTEXT);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}
