import type { CaseLife, Step } from './lifecycle';

export interface QueueState {
  items: { at: number; seq: number; life: CaseLife; step: Step }[];
  seq: number;
}

/** A min-heap of the next steps of open cases, by time (then by order of scheduling, so ties are deterministic). */
export class StepQueue {
  private items: { at: number; seq: number; life: CaseLife; step: Step }[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  snapshot(): QueueState {
    return { items: this.items, seq: this.seq };
  }

  restore(s: QueueState): void {
    this.items = s.items;
    this.seq = s.seq;
  }

  push(life: CaseLife, step: Step): void {
    const a = this.items;
    a.push({ at: step.at, seq: this.seq++, life, step });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(i, p)) {
        [a[i], a[p]] = [a[p]!, a[i]!];
        i = p;
      } else break;
    }
  }

  peekAt(): number {
    return this.items[0]?.at ?? Infinity;
  }

  pop(): { life: CaseLife; step: Step } {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(l, m)) m = l;
        if (r < a.length && this.less(r, m)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i]!;
    const b = this.items[j]!;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}
