import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Db } from '../db/open';
import type { Clock } from '../ports';

/** A retry comes within minutes of a lost answer; a week is generous, and the table stays small. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** A creating step that needs slow work first (hashing a password, storing a file, rendering a PDF). */
export interface TwoSteps<P, R> {
  /** Runs outside the transaction; may be wasted when a parallel retry commits first. */
  prepare: () => Promise<P>;
  /** Runs inside the transaction that also stores the request id. */
  commit: (prepared: P) => R;
}

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Client request ids for creating operations (issue [G]): when the answer to a creation is lost
 * (the host died between commit and answer), the clerk's retry with the same `requestId` gets the
 * first result back instead of creating a second case. The id is stored in the transaction that
 * creates, so it exists exactly when the creation does. Ids are per user; an id reused for other
 * content or another operation is refused rather than silently answered with the old result.
 *
 * A new creating operation takes part with one schema line (`requestId` from schemas/common.ts)
 * and by calling its service through `once` in the handler table.
 */
export function createRequests(db: Db, clock: Clock) {
  const find = db.prepare('SELECT operation, input_hash, result FROM request_ids WHERE user_id = ? AND request_id = ?');
  const insert = db.prepare('INSERT INTO request_ids (user_id, request_id, operation, input_hash, result, at) VALUES (?, ?, ?, ?, ?, ?)');
  const purge = db.prepare('DELETE FROM request_ids WHERE at < ?');

  interface Key { operation: string; userId: number; requestId: string; inputHash: string }

  function recall(key: Key): { result: unknown } | null {
    const row = find.get(key.userId, key.requestId) as { operation: string; input_hash: string; result: string } | undefined;
    if (!row) return null;
    if (row.operation !== key.operation || row.input_hash !== key.inputHash) {
      throw new DomainError(
        'CONFLICT',
        '这个请求编号已用于另一份已保存的内容，未重复保存；请刷新后核对已保存的记录，再重新提交',
        { requestId: '请求编号已用于其他内容' },
      );
    }
    return { result: JSON.parse(row.result) as unknown };
  }

  function keyOf(operation: string, input: { requestId?: string | undefined }, user: UserView): Key | null {
    if (!input.requestId) return null;
    const { requestId, ...content } = input;
    return { operation, userId: user.id, requestId, inputHash: createHash('sha256').update(canonical(content)).digest('hex') };
  }

  /**
   * For a creation that runs its own retries around slow work (issuing a notice prints a PDF
   * first): the first result when this id was used already, and `commit`, which runs the
   * creation's transaction with the id stored in it. A `commit` whose step gives null (nothing
   * created, the caller will retry) stores no id.
   */
  function guard<R>(operation: string, input: { requestId?: string | undefined }, user: UserView): { earlier: R | null; commit(step: () => R | null): R | null } {
    const key = keyOf(operation, input, user);
    if (!key) return { earlier: null, commit: (step) => db.transaction(step).immediate() };
    const earlier = recall(key);
    return {
      earlier: earlier ? (earlier.result as R) : null,
      commit: (step) => {
        let created = false;
        const result = db
          .transaction(() => {
            const again = recall(key);
            if (again) return again.result as R;
            const r = step();
            if (r !== null) {
              insert.run(key.userId, key.requestId, key.operation, key.inputHash, JSON.stringify(r), clock.now().toISOString());
              created = true;
            }
            return r;
          })
          .immediate();
        if (created) purge.run(new Date(clock.now().getTime() - KEEP_MS).toISOString());
        return result;
      },
    };
  }

  return {
    guard,

    /**
     * Runs a creation once per (user, requestId). Without a requestId it simply runs. `create` is
     * either a synchronous step (run inside the transaction) or two steps (see TwoSteps).
     */
    async once<R, P = never>(
      operation: string,
      input: { requestId?: string | undefined },
      user: UserView,
      create: (() => R) | TwoSteps<P, R>,
    ): Promise<R> {
      const steps: TwoSteps<P | undefined, R> =
        typeof create === 'function' ? { prepare: async () => undefined, commit: () => create() } : (create as TwoSteps<P | undefined, R>);
      const g = guard<R>(operation, input, user);
      if (g.earlier !== null) return g.earlier;
      const prepared = await steps.prepare();
      return g.commit(() => steps.commit(prepared)) as R;
    },
  };
}
export type Requests = ReturnType<typeof createRequests>;
