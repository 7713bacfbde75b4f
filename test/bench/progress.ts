/**
 * A progress bar on stderr with the rate and the time left: redrawn in place on a terminal, a
 * line every few seconds when stderr is a file or a pipe (a log keeps a readable trace).
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);
  /** (done, ms since start) pairs, for the rate over the last stretch rather than since the start. */
  private readonly window: [number, number][] = [];

  constructor(
    private readonly total: number,
    private readonly unit: string,
    /** Done before this run began (a resumed seed): the rate counts from there. */
    from = 0,
  ) {
    this.window.push([from, 0]);
  }

  update(done: number, note = ''): void {
    const now = performance.now() - this.started;
    this.window.push([done, now]);
    while (this.window.length > 2 && now - this.window[0]![1] > 20_000) this.window.shift();
    if (now - this.lastDraw < (this.tty ? 200 : 10_000) && done < this.total) return;
    this.lastDraw = now;
    const [d0, t0] = this.window[0]!;
    const rate = now > t0 && done > d0 ? ((done - d0) * 1000) / (now - t0) : (done * 1000) / Math.max(1, now);
    const eta = rate > 0 ? (this.total - done) / rate : Infinity;
    const share = this.total ? done / this.total : 1;
    const width = 28;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const line = `${bar} ${(share * 100).toFixed(1).padStart(5)}% ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit} · ${Math.round(rate).toLocaleString('en-US')} ${this.unit}/s · ETA ${duration(eta)}${note ? ` · ${note}` : ''}`;
    process.stderr.write(this.tty ? `\r${line}\x1b[K` : `${line}\n`);
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
