import type { Core } from '../../../electron/core';
import type { Logger } from '../../../electron/core/ports';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Staff } from './lifecycle';
import { DISTRICTS, fullName, type District } from './people';
import { Random } from './random';

/** The office the seed sets up through the core's own calls: who works there, and its districts. */

/** Every seeded user's password. */
export const PASSWORD = 'bench-pass-1';

export const quietLogger: Logger = { info() {}, warn: (m) => process.stderr.write(`[warn] ${m}\n`), error: (m, e) => process.stderr.write(`[error] ${m} ${String(e ?? '')}\n`) };

function staffCounts(cases: number): { clerks: number; investigators: number; supervisors: number } {
  const perDay = cases / 750; // working days in three years
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.ceil(x)));
  return { clerks: clamp(perDay / 40, 2, 40), investigators: clamp(perDay / 12, 4, 120), supervisors: clamp(perDay / 150, 2, 12) };
}

export async function must<T>(core: Core, name: string, input: unknown, token: string | null): Promise<T> {
  const r = await core.call(name, input, token);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as T;
}

/** The office's staff, signed up by the administrator through `users.create`. */
export async function hireStaff(core: Core, seed: number, cases: number, token: string, admin: UserView): Promise<Staff> {
  const r = Random.stream(seed, 'staff');
  const counts = staffCounts(cases);
  const staff: Staff = { admin, clerks: [], investigators: [], supervisors: [] };
  const wanted: { username: string; role: 'clerk' | 'investigator' | 'supervisor'; list: UserView[] }[] = [];
  for (let i = 1; i <= counts.clerks; i++) wanted.push({ username: `clerk${i}`, role: 'clerk', list: staff.clerks });
  for (let i = 1; i <= counts.investigators; i++) wanted.push({ username: `inv${i}`, role: 'investigator', list: staff.investigators });
  for (let i = 1; i <= counts.supervisors; i++) wanted.push({ username: `sup${i}`, role: 'supervisor', list: staff.supervisors });
  const names = new Set<string>();
  const people = wanted.map((w) => {
    let name = fullName(r, r.chance(0.5));
    while (names.has(name)) name = fullName(r, r.chance(0.5));
    names.add(name);
    return { ...w, displayName: name };
  });
  // One after another, so ids follow the list and the same seed gives the same ids (and audit chain).
  for (const p of people) {
    const made = await must<{ id: number }>(core, 'users.create', { username: p.username, displayName: p.displayName, password: PASSWORD, role: p.role }, token);
    p.list.push({ id: made.id, username: p.username, displayName: p.displayName, role: p.role });
  }
  return staff;
}

/** The catalog's region codes by district name, when the register has a region list; else the names themselves. */
export function regionCodes(core: Core): (d: District) => string {
  let byName = new Map<string, string>();
  try {
    const rows = core.db.prepare("SELECT code, name FROM catalog_items WHERE kind = 'region' AND active = 1").all() as { code: string; name: string }[];
    byName = new Map(rows.map((x) => [x.name, x.code]));
  } catch {}
  const codes = [...byName.values()];
  return (d) => byName.get(d.name) ?? (codes.length ? codes[DISTRICTS.indexOf(d) % codes.length]! : d.name);
}
