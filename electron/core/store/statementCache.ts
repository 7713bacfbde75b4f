import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { recentlyUsed } from './recentlyUsed';

/**
 * Statements of a query builder by their SQL: the register's filters combine into a few dozen
 * shapes, each prepared once instead of on every keystroke of a search.
 */
export function statementCache(db: Db, size: number): (sql: string) => Statement {
  const cache = recentlyUsed<string, Statement>(size);
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
