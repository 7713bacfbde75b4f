import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * Statements of a query builder by their SQL: the register's filters combine into a few dozen
 * shapes, each prepared once instead of on every keystroke of a search.
 */
export function statementCache(db: Db, size: number): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(sql);
    } else {
      statement = db.prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
}
