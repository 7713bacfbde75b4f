import type { GridSortModel } from '@mui/x-data-grid';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { caseSorts } from '../../../shared/api/schemas/cases';
import { filtersFrom, putFilters, type CaseFilters } from './caseFilters';

export type CaseSort = (typeof caseSorts)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_SORT: CaseSort = 'receivedAt:desc';

function isSort(s: string | null): s is CaseSort {
  return (caseSorts as readonly string[]).includes(s ?? '');
}

export interface CaseListParams extends CaseFilters {
  text: string;
  page: number;
  pageSize: number;
  sort: CaseSort;
}

/**
 * The register's search, filters, page and sort live in the address (#/cases?q=…), so coming back
 * from a case shows the list exactly as the clerk left it, and 今日 links straight to a filtered list.
 */
export function useCaseListParams(): [CaseListParams, (change: Partial<CaseListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const size = Number(search.get('size'));
  const params: CaseListParams = {
    ...filtersFrom(search),
    text: search.get('q') ?? '',
    page: Math.max(1, Math.trunc(Number(search.get('page'))) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0],
    sort: isSort(search.get('sort')) ? (search.get('sort') as CaseSort) : DEFAULT_SORT,
  };

  const update = useCallback(
    (change: Partial<CaseListParams>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const put = (key: string, value: string | number | undefined, fallback: string | number) => {
            if (value === undefined) return;
            if (value === fallback || value === '') next.delete(key);
            else next.set(key, String(value));
          };
          const { text, page, pageSize, sort, ...filters } = change;
          putFilters(next, filters);
          put('q', text, '');
          put('page', page, 1);
          put('size', pageSize, PAGE_SIZES[0]);
          put('sort', sort, DEFAULT_SORT);
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return [params, update];
}

export function sortModelOf(sort: CaseSort): GridSortModel {
  const [field = 'receivedAt', direction] = sort.split(':');
  return [{ field, sort: direction === 'asc' ? 'asc' : 'desc' }];
}

/** A cleared sort goes back to newest first rather than to the core's arbitrary order. */
export function sortOf(model: GridSortModel): CaseSort {
  const first = model[0];
  const candidate = first?.sort ? `${first.field}:${first.sort}` : null;
  return isSort(candidate) ? candidate : DEFAULT_SORT;
}
