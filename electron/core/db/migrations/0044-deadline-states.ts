import type { Migration } from './types';

/**
 * The deadlines by their state, then their case; and the deadlines met late (逾期完成) apart, by their
 * case and by their kind. A list filtered by a deadline's state (API.md `cases.search`
 * `deadlineState`) asked each case in turn whether it had such a deadline, through the case's
 * deadlines and each one's row: on the million, the 991 cases with a paused clock took 3.4 s to count
 * (the whole register read in slices), the cancelled ones 375–450 ms, 逾期完成 170–215 ms. With these
 * a case is asked in one seek, and a state few cases have is listed from its own entries
 * (store/deadlineStates.ts); one kind's late ones by their kind (read from all the late ones, the
 * 5,004 of 调解期限 among 534,000 took 116 ms, the page's calls held as long). About 60, 6 and 12 MB
 * per million cases (3.5 million deadlines); built in 2.3 s and about 1 s each. The index by kind
 * and state (migration 0007) now holds the case too: one kind's deadlines in a state are its cases
 * with no deadline's row read (已取消 of 补正期限, 7,886: page and count 35 ms each, each deadline's
 * row read for its case); rebuilt in 4.3 s, the same 137 MB.
 */
export const deadlineStates: Migration = {
  version: 44,
  name: 'deadline-states',
  indexOnly: true,
  up(db) {
    db.exec(`CREATE INDEX case_deadlines_state ON case_deadlines(state, case_id);
      DROP INDEX case_deadlines_kind_state;
      CREATE INDEX case_deadlines_kind_state ON case_deadlines(kind, state, due_on, case_id);
      CREATE INDEX case_deadlines_late ON case_deadlines(case_id) WHERE state = 'met' AND ended_on > due_on;
      CREATE INDEX case_deadlines_late_kind ON case_deadlines(kind, case_id) WHERE state = 'met' AND ended_on > due_on`);
  },
};
