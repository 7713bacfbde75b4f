import type { Audit } from '../audit';

/**
 * The integrity anchor printed small at the foot of every notice (shared/notices/components/parts.tsx
 * `Anchor`): the audit chain's head when the notice is issued — its row count and the start of its
 * hash. Once a notice is handed out, a history rewritten afterwards no longer leads to the head it
 * carries ([G]: anchor the chain outside the database). `audit.verify` shows the current head.
 */
export function integrityAnchor(audit: Audit): string | null {
  const head = audit.head();
  return head.rows === 0 ? null : `存证 ${head.rows}-${head.hash.slice(0, 16)}`;
}
