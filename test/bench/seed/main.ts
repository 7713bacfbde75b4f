import { resolve } from 'node:path';
import { duration } from '../progress';
import { DEFAULT_NOW, DEFAULT_SEED, seedRegister } from './seed';

const USAGE = 'npm run seed -- --data <folder> --cases <n> [--seed <n>] [--now <ISO date-time with zone>] [--businesses <n>]';

/** `npm run seed`: parses its arguments, makes the register, prints what it made. */
async function main(argv: string[]): Promise<void> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s) : [argv[i]!, undefined];
    const value = inline ?? argv[++i];
    if (!flag!.startsWith('--') || value === undefined) throw new Error(`usage: ${USAGE}`);
    args.set(flag!.slice(2), value);
  }
  for (const k of args.keys()) if (!['data', 'cases', 'seed', 'now', 'businesses', 'batch'].includes(k)) throw new Error(`unknown option --${k}; usage: ${USAGE}`);
  const data = args.get('data');
  const cases = Number(args.get('cases'));
  if (!data || !Number.isInteger(cases) || cases < 1) throw new Error(`usage: ${USAGE}`);
  const int = (k: string) => (args.has(k) ? Number(args.get(k)) : undefined);
  for (const k of ['seed', 'businesses', 'batch']) if (args.has(k) && !Number.isInteger(int(k))) throw new Error(`--${k} should be an integer`);
  const now = args.get('now') ?? DEFAULT_NOW;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(now)) throw new Error(`--now should be an ISO date-time with its zone, e.g. ${DEFAULT_NOW}`);
  const dataDir = resolve(data);
  process.stderr.write(`seeding ${cases.toLocaleString('en-US')} cases into ${dataDir} (seed ${int('seed') ?? DEFAULT_SEED}, now ${now})\n`);
  const m = await seedRegister({ dataDir, cases, seed: int('seed'), now, businesses: int('businesses'), batch: int('batch') });
  const refused = Object.entries(m.refused);
  console.log(
    [
      `seeded ${m.cases.toLocaleString('en-US')} cases, ${m.steps.toLocaleString('en-US')} workflow steps, ${m.businesses.toLocaleString('en-US')} businesses in ${duration(m.seconds)} (${Math.round(m.cases / m.seconds)} cases/s overall; ${duration(m.cpuSeconds)} of CPU)`,
      `core write path, mean CPU ms (wall ms) a call: ${Object.entries(m.operations).map(([k, v]) => `${k} ${v.cpuMs} (${v.meanMs})`).join(', ')}`,
      `statuses: ${Object.entries(m.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `cases/s (wall / per CPU second) over the 10,000 cases ending at: ${Object.entries(m.rates).map(([k, v]) => `${Number(k).toLocaleString('en-US')}: ${v.wall} / ${v.cpu}`).join(', ') || '–'}`,
      `optional fields filled: ${m.optionalFields.join(', ') || 'none'}`,
      refused.length ? `refused by the core: ${refused.map(([k, v]) => `${k} ×${v}`).join(', ')}` : 'the core refused nothing',
      `sign in as admin, ${m.users.supervisor}, ${m.users.investigator} or ${m.users.clerk} with password ${m.password}; start the host with --now ${m.now}`,
      `manifest: ${dataDir}/seed.json`,
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (process.env.SEED_DEBUG ? error.stack : error.message) : error);
  process.exit(1);
});
