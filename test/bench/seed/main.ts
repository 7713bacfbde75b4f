import { resolve } from 'node:path';
import { duration } from '../progress';
import { DEFAULT_NOW, DEFAULT_SEED, seedUntilStopped } from './seed';

const USAGE =
  'npm run seed -- --data <folder> --cases <n> [--seed <n>] [--now <ISO date-time with zone>] [--businesses <n>]\n' +
  '       npm run seed -- --data <folder> --resume   (carries on a seed that was stopped)';
const FLAGS = ['resume'];

/** `npm run seed`: parses its arguments, makes the register (or carries one on), prints what it made. */
async function main(argv: string[]): Promise<void> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split(/=(.*)/s) : [argv[i]!, undefined];
    if (!flag!.startsWith('--')) throw new Error(`usage: ${USAGE}`);
    if (FLAGS.includes(flag!.slice(2)) && inline === undefined) {
      args.set(flag!.slice(2), 'true');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`usage: ${USAGE}`);
    args.set(flag!.slice(2), value);
  }
  for (const k of args.keys()) if (!['data', 'cases', 'seed', 'now', 'businesses', 'batch', 'resume'].includes(k)) throw new Error(`unknown option --${k}; usage: ${USAGE}`);
  const data = args.get('data');
  const resume = args.has('resume');
  const cases = Number(args.get('cases'));
  if (!data || (!resume && (!Number.isInteger(cases) || cases < 1))) throw new Error(`usage: ${USAGE}`);
  if (resume && [...args.keys()].some((k) => k !== 'data' && k !== 'resume')) throw new Error('--resume carries the seed on as it was begun: give it --data alone');
  const int = (k: string) => (args.has(k) ? Number(args.get(k)) : undefined);
  for (const k of ['seed', 'businesses', 'batch']) if (args.has(k) && !Number.isInteger(int(k))) throw new Error(`--${k} should be an integer`);
  const now = args.get('now') ?? DEFAULT_NOW;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(now)) throw new Error(`--now should be an ISO date-time with its zone, e.g. ${DEFAULT_NOW}`);
  const dataDir = resolve(data);
  // Ctrl+C (or a TERM) stops after the batch under way, the register closed cleanly; --resume goes on.
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) return;
    process.stderr.write('\n[seed] stopping after this batch; `npm run seed -- --data <folder> --resume` carries on from there\n');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stderr.write(resume ? `carrying on the seed in ${dataDir}\n` : `seeding ${cases.toLocaleString('en-US')} cases into ${dataDir} (seed ${int('seed') ?? DEFAULT_SEED}, now ${now})\n`);
  const m = await seedUntilStopped({ dataDir, cases, seed: int('seed'), now, businesses: int('businesses'), batch: int('batch'), resume, signal: stop.signal });
  if (!m) {
    console.log(`stopped after a whole batch; carry on with: npm run seed -- --data ${dataDir} --resume`);
    return;
  }
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
