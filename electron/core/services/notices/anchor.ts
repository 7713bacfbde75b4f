import type { Audit } from '../audit';

/**
 * SEAM for the lead: the integrity anchor printed small at the foot of every notice issued from
 * now on (shared/notices/components/parts.tsx `Anchor`, the `anchor` of the snapshot) — meant to
 * be the audit chain head when the notice is issued. Returns null (nothing printed) until connected.
 */
export function integrityAnchor(_audit: Audit): string | null {
  return null;
}
