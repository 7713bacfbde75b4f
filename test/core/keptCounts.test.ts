import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../electron/core/services/calendar';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { createKeptCounts } from '../../electron/core/store/keptCounts';
import { casesSearch } from '../../shared/api/schemas/caseSearch';
import { minimalComplaint, openRegister, type Register } from './harness';

/**
 * A list's count is read on its first page and kept for the pages that follow while nothing is
 * written (store/keptCounts.ts): a write of this connection or a commit of another reads it afresh.
 */
let reg: Register;
const LIST = { sql: "SELECT COUNT(*) FROM cases WHERE status = 'registered'", params: [] as unknown[] };

const register = (n: number) => reg.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: `投诉人${n}`, phone: `1380000${1000 + n}` } }));

beforeAll(async () => {
  reg = await openRegister();
  for (let n = 0; n < 5; n++) await register(n);
}, 60_000);
afterAll(() => reg.close());

describe('a list\'s count kept for its following pages', () => {
  it('is read on a first page, kept for the next, and read again after any write', async () => {
    const { db } = reg.core;
    const keptCount = createKeptCounts(db);
    let reads = 0;
    const read = () => {
      reads++;
      return db.prepare(LIST.sql).pluck().get() as number;
    };
    expect(await keptCount(LIST, false, read)).toBe(5);
    expect(await keptCount(LIST, true, read)).toBe(5);
    expect(reads).toBe(1);
    // A first page counts afresh even with nothing written.
    await keptCount(LIST, false, read);
    expect(reads).toBe(2);
    // Another list (other parameters) has its own count.
    await keptCount({ ...LIST, params: [1] }, true, read);
    expect(reads).toBe(3);

    // This connection writes.
    await register(5);
    expect(await keptCount(LIST, true, read)).toBe(6);
    expect(reads).toBe(4);
    expect(await keptCount(LIST, true, read)).toBe(6);
    expect(reads).toBe(4);

    // Another connection commits.
    const other = new Database(join(reg.dir, 'complaintdesk.sqlite'));
    try {
      other.prepare("UPDATE cases SET status = 'accepted' WHERE id = (SELECT MAX(id) FROM cases)").run();
    } finally {
      other.close();
    }
    expect(await keptCount(LIST, true, read)).toBe(5);
    expect(reads).toBe(5);

    // A count read across a write is not kept.
    let writing = true;
    const readWhileWriting = () => {
      if (writing) db.prepare("UPDATE cases SET subject = subject WHERE id = 1").run();
      writing = false;
      return read();
    };
    await keptCount(LIST, false, readWhileWriting);
    await keptCount(LIST, true, read);
    expect(reads).toBe(7);
  });

  it('gives the next page of a list the count of what the register holds after a registration', async () => {
    const { db, services } = reg.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db));
    const user = { id: 1, username: 'admin', displayName: '王管理', role: 'admin' as const };
    // Two filters, so the day counts cannot count it: the count is the list's own statement.
    const input = (more: object) => casesSearch.input.parse({ status: 'registered', channel: 'visit', pageSize: 1, ...more });
    const first = await search.search(input({ page: 1 }), user);
    const before = db.prepare("SELECT COUNT(*) FROM cases WHERE status = 'registered' AND channel = 'visit'").pluck().get() as number;
    expect(first.total).toBe(before);
    expect((await search.search(input({ after: first.next }), user)).total).toBe(before);
    await register(6);
    const second = await search.search(input({ after: first.next }), user);
    expect(second.total).toBe(before + 1);
    expect((await search.search(input({ page: 3 }), user)).total).toBe(before + 1);
  });
});
