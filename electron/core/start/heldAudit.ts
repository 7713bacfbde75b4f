import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fsyncDirSync, writeFileAtomicSync } from '../fsync';
import type { Clock, Logger } from '../ports';
import type { AuditEntry } from '../services/audit';

/**
 * What was done while the register could only be read (a kept copy removed to make room for an
 * upgrade: start/makingRoom.ts), held for its audit chain until the register can be written. Held
 * in a file beside the register, not only in memory: a program closed before the upgrade would
 * otherwise leave the removal in the file log alone. Each entry carries its own id (`heldId`), so
 * one appended just before a crash that kept the file is not appended twice.
 */
const FILE = 'audit-held.json';
/** A held entry reaches the chain at the first writable open; more rows than this after it would mean the file was not removed then. */
const TAIL_SEARCHED = 1000;

const heldEntry = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/),
  userId: z.number().int().positive().nullable(),
  action: z.string().min(1).max(100),
  entity: z.string().max(100).nullable(),
  entityId: z.number().int().nullable(),
  data: z.object({ heldId: z.string().uuid() }).passthrough(),
});
const heldFile = z.object({ entries: z.array(heldEntry).max(10_000) });
export type HeldEntry = z.infer<typeof heldEntry>;

export const heldAuditFile = (dataDir: string) => join(dataDir, FILE);

/** The entries held, in the order they were done; a file that is not what this module writes is set aside (kept for a person, said in the log), never read as entries. */
export function readHeldAudit(dataDir: string, log: Logger, clock: Clock): HeldEntry[] {
  const file = heldAuditFile(dataDir);
  if (!existsSync(file)) return [];
  let why: string;
  try {
    const parsed = heldFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data.entries;
    why = parsed.error.message;
  } catch (error) {
    why = (error as Error).message;
  }
  const aside = `${file}.unreadable-${clock.now().getTime()}`;
  renameSync(file, aside);
  fsyncDirSync(dataDir);
  log.error(`the audit entries held while the register could only be read (${file}) could not be read; set aside as ${aside}: ${why}`);
  return [];
}

/** Holds one entry; true once it is in the file (flushed), false if the file could not be written (the caller keeps it in memory). */
export function holdAuditEntry(dataDir: string, entry: AuditEntry, log: Logger, clock: Clock): boolean {
  const held: HeldEntry = { ...entry, data: { ...(entry.data as Record<string, unknown>), heldId: randomUUID() } };
  try {
    writeFileAtomicSync(heldAuditFile(dataDir), JSON.stringify({ entries: [...readHeldAudit(dataDir, log, clock), held] }, null, 1));
    return true;
  } catch (error) {
    log.error(`an audit entry held while the register could only be read could not be written to ${heldAuditFile(dataDir)}; it is kept in memory until the upgrade`, error);
    return false;
  }
}

/** The held entries not yet in the chain: a crash between the chain's commit and the file's removal left some there already. */
export function notYetAppended(entries: HeldEntry[], tail: (rows: number) => string[]): HeldEntry[] {
  if (entries.length === 0) return [];
  const inChain = new Set<string>();
  for (const data of tail(TAIL_SEARCHED)) {
    const id = (JSON.parse(data) as { heldId?: unknown } | null)?.heldId;
    if (typeof id === 'string') inChain.add(id);
  }
  return entries.filter((e) => !inChain.has(e.data.heldId));
}

/** After the entries are committed to the chain. */
export function clearHeldAudit(dataDir: string): void {
  rmSync(heldAuditFile(dataDir), { force: true });
  fsyncDirSync(dataDir);
}
