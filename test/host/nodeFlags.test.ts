import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_NODE_FLAGS } from '../../electron/host/nodeFlags';

const ROOT = join(__dirname, '../..');

// A register's day in small: millions of short-lived rows, one in a hundred kept a while (V8 grows
// the young generation while some of what it scavenges survives); then how large it grew, in MB.
const CHURN = `
const v8 = require('node:v8');
const kept = [];
for (let round = 0; round < 4; round++)
  for (let i = 0; i < 3e6; i++) { const row = { id: i, name: 'x' + i, pair: [i, i] }; if (round === 0 && i % 100 === 0) kept.push(row); }
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(JSON.stringify({ youngMb: young.space_size / 2 ** 20, kept: kept.length }));`;

function youngGeneration(flags: readonly string[]): number {
  const r = spawnSync(process.execPath, [...flags, '-e', CHURN], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).youngMb as number;
}

describe("the host's Node flags", () => {
  it('are the ones `npm run web` starts the host with', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.web).toContain(`node ${HOST_NODE_FLAGS.join(' ')} out/host/index.js`);
  });

  it("keep V8's young generation small under a churn of short-lived rows, where Node's default lets it grow", () => {
    const bounded = youngGeneration(HOST_NODE_FLAGS);
    const unbounded = youngGeneration([]);
    // Two halves of 4 MB (and a page of rounding); Node's own halves are 16 MB here (8 on a PC short
    // of memory, V8 sizes them by it), so the same churn grows it further without the flag.
    expect(bounded).toBeLessThanOrEqual(9);
    expect(unbounded).toBeGreaterThan(bounded);
  });
});
