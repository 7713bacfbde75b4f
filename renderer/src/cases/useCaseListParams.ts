import type { GridSortModel } from '@mui/x-data-grid';
import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { caseSorts, defaultSortFor, type CaseSort } from '../../../shared/api/schemas/cases';
import { filtersFrom, putFilters, type CaseFilters } from './caseFilters';

export type { CaseSort };
export const PAGE_SIZES = [25, 50, 100] as const;

function isSort(s: string | null): s is CaseSort {
  return (caseSorts as readonly string[]).includes(s ?? '');
}

export interface CaseListParams extends CaseFilters {
  text: string;
  page: number;
  pageSize: number;
  /** The order asked for in the address, or '' for the default of `defaultSortFor(text)`. */
  sortChoice: CaseSort | '';
  /** The order in force. */
  sort: CaseSort;
}

export type CaseListChange = Partial<Omit<CaseListParams, 'sort'>>;

/** The address's search, page and order (besides the filters), read once per render. */
export function paramsFrom(search: URLSearchParams): CaseListParams {
  const size = Number(search.get('size'));
  const text = search.get('q') ?? '';
  const sortChoice = isSort(search.get('sort')) ? (search.get('sort') as CaseSort) : '';
  return {
    ...filtersFrom(search),
    text,
    page: Math.max(1, Math.trunc(Number(search.get('page'))) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0],
    sortChoice,
    sort: sortChoice || defaultSortFor(text),
  };
}

/**
 * The register's search, filters, page and sort live in the address (#/cases?q=…), so coming back
 * from a case shows the list exactly as the clerk left it, and 今日 and 统计 link straight to a filtered list.
 */
export function useCaseListParams(): [CaseListParams, (change: CaseListChange) => void] {
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);
  // Two changes made before the page has drawn the first (two fields filled at once) both count:
  // each starts from the last one written, not from the address the page was drawn with.
  const latest = useRef(search);
  const drawn = useRef(search.toString());
  if (drawn.current !== search.toString()) {
    drawn.current = search.toString();
    latest.current = search;
  }

  const update = useCallback(
    (change: CaseListChange) => {
      setSearch(
        () => {
          const next = new URLSearchParams(latest.current);
          const put = (key: string, value: string | number | undefined, fallback: string | number) => {
            if (value === undefined) return;
            if (value === fallback || value === '') next.delete(key);
            else next.set(key, String(value));
          };
          const { text, page, pageSize, sortChoice, ...filters } = change;
          putFilters(next, filters);
          put('q', text, '');
          put('page', page, 1);
          put('size', pageSize, PAGE_SIZES[0]);
          put('sort', sortChoice, '');
          latest.current = next;
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return [params, update];
}

/** The columns whose order the core can give, by the grid's field and the directions it offers. */
const sortable: Record<string, { asc?: CaseSort; desc?: CaseSort }> = {
  caseNo: { asc: 'caseNo:asc', desc: 'caseNo:desc' },
  receivedAt: { asc: 'receivedAt:asc', desc: 'receivedAt:desc' },
  complainantName: { asc: 'complainantName:asc', desc: 'complainantName:desc' },
  respondentName: { asc: 'respondentName:asc', desc: 'respondentName:desc' },
  status: { asc: 'status:asc', desc: 'status:desc' },
  categoryName: { asc: 'category:asc', desc: 'category:desc' },
  dueOn: { asc: 'dueOn:asc' },
};
export const sortableFields = new Set(Object.keys(sortable));

export function sortModelOf(sort: CaseSort): GridSortModel {
  const normal = sort === 'acceptanceDueOn:asc' ? 'dueOn:asc' : sort;
  for (const [field, dirs] of Object.entries(sortable)) {
    if (dirs.asc === normal) return [{ field, sort: 'asc' }];
    if (dirs.desc === normal) return [{ field, sort: 'desc' }];
  }
  // registeredAt has no column of its own: the page says the order in words.
  return [];
}

/** A cleared sort goes back to the default order (newest first). */
export function sortOf(model: GridSortModel): CaseSort | '' {
  const first = model[0];
  if (!first?.sort) return '';
  return sortable[first.field]?.[first.sort] ?? '';
}
