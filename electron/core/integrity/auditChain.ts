import type { Db } from '../db/open';
import { createAudit, GENESIS, type AuditHead, type AuditVerification } from '../services/audit';

const hasAuditLog = (db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;

/**
 * The audit chain re-hashed from its first row, on any connection (a read-only one at start, a
 * backup copy): the start check opens a register whose chain is broken read-only.
 */
export function verifyAuditChain(db: Db): AuditVerification {
  return hasAuditLog(db) ? createAudit(db).verify() : { ok: true, checked: 0 };
}

/** The last row of the chain: written into every backup's manifest, so a history rewritten later no longer matches it. */
export function auditHead(db: Db): AuditHead {
  return hasAuditLog(db) ? createAudit(db).head() : { hash: GENESIS, rows: 0 };
}
