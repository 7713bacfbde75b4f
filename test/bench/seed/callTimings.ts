import type { SeedManifest } from './manifest';

/** One service call's tally: calls, wall ms, and CPU ms over the calls whose CPU time was taken. */
export interface Timing {
  n: number;
  ms: number;
  cpuN: number;
  cpu: number;
}

/**
 * The CPU time of one call in 64: process.cpuUsage on every call took 7 % of the seed's CPU, and on
 * one call in eight still 2.7 % (a CPU profile of a 5,000-case seed, 2026-12-04).
 */
const CPU_SAMPLED = 64;

/**
 * Per service call: count, wall ms, CPU ms (on a shared machine the wall time is mostly waiting),
 * carried across a resume (`entries`, and the constructor's `from`).
 */
export class CallTimings {
  private readonly byCall: Map<string, Timing>;

  constructor(from: [string, Timing][] = []) {
    this.byCall = new Map(from);
  }

  timed<T>(call: string, f: () => T): T {
    let t = this.byCall.get(call);
    if (!t) this.byCall.set(call, (t = { n: 0, ms: 0, cpuN: 0, cpu: 0 }));
    const c0 = t.n % CPU_SAMPLED === 0 ? process.cpuUsage() : null;
    const t0 = performance.now();
    const out = f();
    t.ms += performance.now() - t0;
    t.n++;
    if (c0) {
      const c = process.cpuUsage(c0);
      t.cpuN++;
      t.cpu += (c.user + c.system) / 1000;
    }
    return out;
  }

  entries(): [string, Timing][] {
    return [...this.byCall];
  }

  /** The manifest's `operations`: the costliest calls first. */
  summary(): SeedManifest['operations'] {
    return Object.fromEntries(
      [...this.byCall]
        .filter(([, t]) => t.n > 0)
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, t]) => [k, { count: t.n, meanMs: Math.round((t.ms / t.n) * 1000) / 1000, cpuMs: Math.round((t.cpu / t.cpuN) * 1000) / 1000 }]),
    );
  }
}
