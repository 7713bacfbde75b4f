import type { Client } from './host';

/** Timing loops and the event-loop probe of the bench. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p95 of 20 samples is the 19th, never an interpolation between two.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface Timing {
  samples: number[];
  p50: number;
  p95: number;
}

export const timing = (samples: number[]): Timing => ({ samples, p50: percentile(samples, 50), p95: percentile(samples, 95) });

export interface LoopPolicy {
  /** Runs at most. */
  runs: number;
  /** At least this many, whatever the time. */
  minRuns: number;
  /** Stop adding runs after this long (a slow operation at a million cases). */
  budgetMs: number;
}

/** Times `once` (which returns its own duration in ms) after one untimed warm-up call. */
export async function timeLoop(once: (i: number) => Promise<number> | number, policy: LoopPolicy, warm = true): Promise<Timing> {
  if (warm) await once(-1);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < policy.runs; i++) {
    if (i >= policy.minRuns && performance.now() - started > policy.budgetMs) break;
    samples.push(await once(i));
  }
  return timing(samples);
}

export interface LoopDelay {
  /** Probes answered while the operation ran. */
  probes: number;
  worst: number;
  p99: number;
}

/**
 * The host cannot be instrumented from outside, so its event-loop delay is read the way a second
 * tab (or the page's own polling) would feel it: a trivial call (`setup.status`) every `everyMs`
 * while `work` runs, each probe's latency counted from when it was due. A probe that cannot be
 * answered because the loop is busy waits, and its wait is the delay.
 */
export async function withProbe(probe: Client, everyMs: number, work: () => Promise<void>): Promise<LoopDelay> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let running = true;
  let next = performance.now();
  const fire = () => {
    if (!running) return;
    const due = next;
    next += everyMs;
    pending.push(
      probe.call('setup.status', {}, null).then(
        () => void latencies.push(performance.now() - due),
        () => void latencies.push(performance.now() - due),
      ),
    );
    timer = setTimeout(fire, Math.max(0, next - performance.now()));
  };
  let timer = setTimeout(fire, 0);
  try {
    await work();
  } finally {
    running = false;
    clearTimeout(timer);
    await Promise.all(pending);
  }
  return { probes: latencies.length, worst: latencies.length ? Math.max(...latencies) : NaN, p99: percentile(latencies, 99) };
}
