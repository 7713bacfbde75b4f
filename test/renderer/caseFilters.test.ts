import { describe, expect, it } from 'vitest';
import { filtersFrom, listLinkOf, noFilters, searchInputOf } from '../../renderer/src/cases/caseFilters';

/** 今日's counts and the lists they open are built from the same filters, through these. */
describe('the register’s filters in the address', () => {
  it('round-trip: a link from 今日 opens the list with the same cases.search input the count used', () => {
    const filters = { due: 'soon' as const, kind: 'businessReply' as const, mine: true };
    const link = listLinkOf(filters);
    expect(link).toBe('/cases?due=soon&kind=businessReply&mine=1');
    const read = filtersFrom(new URLSearchParams(link.split('?')[1]));
    expect(searchInputOf(read)).toEqual(searchInputOf({ ...noFilters, ...filters }));
    expect(searchInputOf(read)).toMatchObject({ dueWithinWorkingDays: 3, deadlineKind: 'businessReply', mine: true });
  });

  it('means “due today” as 0 working days and overdue as its own flag', () => {
    expect(searchInputOf({ ...noFilters, due: 'today' })).toMatchObject({ dueWithinWorkingDays: 0 });
    expect(searchInputOf({ ...noFilters, due: 'overdue' })).toMatchObject({ overdue: true });
  });

  it('asks for approvals and registrations of a day by the core’s own filters', () => {
    expect(searchInputOf({ ...noFilters, approval: true, registered: '2026-11-23' })).toMatchObject({ awaitingMyApproval: true, registeredOn: '2026-11-23' });
  });

  it('ignores what it does not know in an address typed by hand, and a kind without a deadline view', () => {
    const read = filtersFrom(new URLSearchParams('due=someday&kind=nonsense&status=lost&mine=yes&registered=23.11.2026'));
    expect(read).toEqual(noFilters);
    expect(searchInputOf({ ...noFilters, kind: 'acceptance' }).deadlineKind).toBeUndefined();
  });
});
