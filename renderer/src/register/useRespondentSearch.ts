import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import { useApi } from '../api/ApiContext';
import { useDebouncedValue } from '../common/useDebouncedValue';

export type RespondentOption = OutputOf<'respondents.search'>['rows'][number];

/** Respondents whose name matches what the clerk is typing, fetched after a short pause. */
export function useRespondentSearch(text: string): { options: RespondentOption[]; loading: boolean } {
  const api = useApi();
  const query = useDebouncedValue(text.trim(), 250);
  const [answer, setAnswer] = useState<{ query: string; rows: RespondentOption[] }>({ query: '', rows: [] });

  useEffect(() => {
    if (query === '') return;
    let current = true;
    void api.call('respondents.search', { text: query, limit: 8 }).then((result) => {
      if (current) setAnswer({ query, rows: result.ok ? result.value.rows : [] });
    });
    return () => {
      current = false;
    };
  }, [api, query]);

  if (text.trim() === '') return { options: [], loading: false };
  return { options: answer.rows, loading: answer.query !== text.trim() };
}
