import { describe, expect, it } from 'vitest';
import { countSet, filtersFrom, listLinkOf, noFilters, searchInputOf } from '../../renderer/src/cases/caseFilters';
import { paramsFrom, sortModelOf, sortOf } from '../../renderer/src/cases/useCaseListParams';

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

  it('opens a figure of 统计 as the same cases.search input the core counts it by', () => {
    const link = listLinkOf({ from: '2026-11-01', to: '2026-11-30', resolved: true, category: 'S04' });
    expect(link).toBe('/cases?from=2026-11-01&to=2026-11-30&resolved=1&category=S04');
    const read = filtersFrom(new URLSearchParams(link.split('?')[1]));
    expect(searchInputOf(read)).toEqual({ from: '2026-11-01', to: '2026-11-30', resolved: true, category: 'S04' });
  });

  it('means none by region=none and handler=none (null to the core), and keeps a label only beside its id', () => {
    const read = filtersFrom(new URLSearchParams('region=none&handler=none&hname=赵调查&respondent=12&rname=杭州某某'));
    expect(searchInputOf(read)).toMatchObject({ region: null, handlerId: null, respondentId: 12 });
    expect(read.handlerName).toBe('');
    expect(read.respondentName).toBe('杭州某某');
    expect(searchInputOf(filtersFrom(new URLSearchParams('handler=7&hname=赵调查')))).toMatchObject({ handlerId: 7 });
  });

  it('sends every figure flag and inTime both ways, and a deadline kind with a deadline state too', () => {
    const read = filtersFrom(new URLSearchParams('accepted=1&punitive=1&lawsuit=1&finished=1&repeat=1&intime=0&state=metLate&kind=acceptance&voided=1&open=1'));
    expect(searchInputOf(read)).toEqual({
      accepted: true,
      punitive: true,
      lawsuitSupport: true,
      finished: true,
      repeat: true,
      inTime: false,
      deadlineState: 'metLate',
      deadlineKind: 'acceptance',
      includeVoided: true,
      open: true,
    });
    expect(searchInputOf(filtersFrom(new URLSearchParams('intime=1')))).toEqual({ inTime: true });
  });

  it('refuses malformed codes, ids and dates in an address typed by hand', () => {
    const read = filtersFrom(new URLSearchParams('category=G01%27--&handler=-3&respondent=abc&from=2026-13-01x&to=tomorrow&region=a%20b'));
    expect(read).toEqual(noFilters);
    expect(countSet(read, Object.keys(noFilters) as (keyof typeof noFilters)[])).toBe(0);
  });
});

describe('the register’s order', () => {
  it('is newest received first, and newest registered first for a text search (the index’s own order)', () => {
    expect(paramsFrom(new URLSearchParams('')).sort).toBe('receivedAt:desc');
    expect(paramsFrom(new URLSearchParams('q=退款')).sort).toBe('registeredAt:desc');
    expect(paramsFrom(new URLSearchParams('q=退款&sort=receivedAt:desc')).sort).toBe('receivedAt:desc');
    expect(paramsFrom(new URLSearchParams('sort=registeredAt:desc')).sort).toBe('registeredAt:desc');
    expect(paramsFrom(new URLSearchParams('sort=nonsense')).sortChoice).toBe('');
  });

  it('maps the grid’s columns to the core’s sorts and back; a column the core cannot order has none', () => {
    expect(sortOf([{ field: 'categoryName', sort: 'desc' }])).toBe('category:desc');
    expect(sortModelOf('category:desc')).toEqual([{ field: 'categoryName', sort: 'desc' }]);
    expect(sortOf([{ field: 'dueOn', sort: 'asc' }])).toBe('dueOn:asc');
    expect(sortModelOf('acceptanceDueOn:asc')).toEqual([{ field: 'dueOn', sort: 'asc' }]);
    expect(sortOf([{ field: 'complainantPhone', sort: 'asc' }])).toBe('');
    expect(sortOf([])).toBe('');
    expect(sortModelOf('registeredAt:desc')).toEqual([]);
  });
});
