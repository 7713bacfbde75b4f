import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedRegister } from '../seed/seed';
import { formatReport, runBench, type BenchOptions } from './bench';

const USAGE = `npm run bench [-- --data <seeded folder> | --cases 20000] [--runs 30] [--budget-ms 6000] [--starts 3] [--registers 20] [--import-mb 16] [--cold-rounds 3] [--no-writes] [--host-node-flags "<flags>"] [--json <file>] [--no-vitest]`;

/**
 * `npm run bench`. With `--data`: the register table on that seeded folder (npm run seed). Without:
 * a 20,000-case register is seeded into a temporary folder, measured the same way and removed,
 * then the other benches run (vitest bench: evidence import, OCR, backup, notices, sign-in flood).
 */
async function main(argv: string[]): Promise<number> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`usage: ${USAGE}`);
    if (['--no-writes', '--no-vitest'].includes(a)) args.set(a.slice(2), 'true');
    else {
      const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`usage: ${USAGE}`);
      args.set(flag!.slice(2), v);
    }
  }
  const known = ['data', 'cases', 'runs', 'budget-ms', 'starts', 'registers', 'import-mb', 'cold-rounds', 'no-writes', 'json', 'no-vitest', 'host-node-flags'];
  for (const k of args.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k}; usage: ${USAGE}`);
  const int = (k: string, d: number) => {
    const v = args.has(k) ? Number(args.get(k)) : d;
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} should be a whole number, got ${args.get(k)}`);
    return v;
  };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const options: Omit<BenchOptions, 'dataDir'> = {
    runs: Math.max(1, int('runs', 30)),
    budgetMs: int('budget-ms', 6000),
    starts: Math.max(1, int('starts', 3)),
    registers: Math.max(1, int('registers', 20)),
    importMb: int('import-mb', 16),
    coldRounds: int('cold-rounds', 3),
    writes: !args.has('no-writes'),
    // Node's flags for the host, to compare against `npm run web`'s (HOST_NODE_FLAGS): "" for none.
    ...(args.has('host-node-flags') ? { hostNodeFlags: args.get('host-node-flags')!.split(/\s+/).filter(Boolean) } : {}),
  };

  let temp: string | null = null;
  let dataDir = args.get('data');
  if (dataDir && args.has('cases')) throw new Error('--cases seeds a temporary register; with --data the bench uses the register already there');
  if (!dataDir) {
    const cases = Math.max(1, int('cases', 20_000));
    temp = mkdtempSync(join(tmpdir(), 'complaintdesk-bench-'));
    dataDir = join(temp, 'register');
    log(`no --data: seeding ${cases.toLocaleString('en-US')} cases into ${dataDir} first (npm run seed -- --data <folder> --cases <n> makes a register to keep)`);
    await seedRegister({ dataDir, cases });
  }
  try {
    const report = await runBench({ ...options, dataDir: resolve(dataDir) }, log);
    console.log(formatReport(report));
    if (args.has('json')) writeFileSync(resolve(args.get('json')!), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  if (temp && !args.has('no-vitest')) {
    log('\nthe other benches (vitest bench: evidence, OCR, backup, notices, sign-in flood)…');
    const r = spawnSync('npx', ['vitest', 'bench', '--run', '--config', 'test/bench/vitest.config.mts'], { stdio: 'inherit' });
    return r.status ?? 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : error);
    process.exit(1);
  },
);
