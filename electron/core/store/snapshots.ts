import Database from 'better-sqlite3';

export type SnapshotConnection = Database.Database;

/**
 * Read-only connections that each hold one moment of the register while a long read (统计 of a
 * period, an export to Excel) reads it piece by piece, answering the page's calls between the
 * pieces (DESIGN.md "Quality bars": no call holds the event loop). Each read runs inside one read
 * transaction, so its figures agree with one another however many writes land meanwhile.
 *
 * The core's close ends them first: a snapshot still open would keep the close's checkpoint from
 * folding the whole WAL into the file before the seal is taken (start/openState.ts). A read ended
 * so fails, and is not answered; nothing is written by it either way.
 */
export function createSnapshots(file: string) {
  const open = new Set<SnapshotConnection>();
  return {
    async read<T>(work: (conn: SnapshotConnection) => Promise<T>): Promise<T> {
      const conn = new Database(file, { readonly: true, fileMustExist: true });
      open.add(conn);
      try {
        conn.pragma('query_only = ON');
        conn.prepare('BEGIN').run();
        return await work(conn);
      } finally {
        open.delete(conn);
        if (conn.open) {
          if (conn.inTransaction) conn.prepare('COMMIT').run();
          conn.close();
        }
      }
    },
    /** How many reads hold a snapshot now (for the tests). */
    get count(): number {
      return open.size;
    },
    closeAll(): void {
      for (const conn of open) conn.close();
      open.clear();
    },
  };
}
export type Snapshots = ReturnType<typeof createSnapshots>;
