import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `seed.json`, written beside the register by `npm run seed`: how it was made, who can sign in,
 * and what it holds that the bench needs to pick its searches (terms with their counts, a few real
 * cases to look up). The app never reads it.
 */
export interface SeedManifest {
  generator: string;
  seed: number;
  cases: number;
  /** Enquiries logged beside the complaints (咨询登记); absent in a register seeded before them. */
  enquiries?: number;
  /** The instant the register's clock ended at; the bench starts the host there (`--now`). */
  now: string;
  from: string;
  businesses: number;
  password: string;
  users: { admin: string; supervisor: string; investigator: string; clerk: string; counts: Record<string, number> };
  /** Optional register fields the contract had and the seed filled (e.g. `region`). */
  optionalFields: string[];
  terms: Record<string, number>;
  samples: { id: number; caseNo: string; name: string; phone: string; idNumber: string | null; respondent: string; creditCode: string | null }[];
  statuses: Record<string, number>;
  steps: number;
  refused: Record<string, number>;
  seconds: number;
  /** CPU time of the seeding process (the machine may be shared: wall time alone misleads). */
  cpuSeconds: number;
  /** Cases per second of wall time and per second of CPU time, over the 10,000 cases ending at these counts. */
  rates: Record<string, { wall: number; cpu: number }>;
  /** The core's write path as the seed met it: calls, mean wall and CPU milliseconds of each service call (and of parsing its input). */
  operations: Record<string, { count: number; meanMs: number; cpuMs: number }>;
}

export const manifestPath = (dataDir: string) => join(dataDir, 'seed.json');

export function readManifest(dataDir: string): SeedManifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(dataDir), 'utf8')) as SeedManifest;
  } catch {
    return null;
  }
}

export function writeManifest(dataDir: string, m: SeedManifest): void {
  writeFileSync(manifestPath(dataDir), `${JSON.stringify(m, null, 2)}\n`);
}
