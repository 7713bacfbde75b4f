import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { JsonOperationName } from '../../../shared/api/operationNames';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { useApi } from './ApiContext';

interface Settled<T> {
  key: string;
  data: T | null;
  error: ApiErrorValue | null;
}

export interface QueryState<T> {
  data: T | null;
  error: ApiErrorValue | null;
  /** True until the answer for the current input has arrived. */
  loading: boolean;
  reload: () => void;
}

/**
 * Calls a read operation whenever its input changes and keeps the last answer on screen while the
 * next one loads, so a grid or a list does not flash empty between pages.
 */
export function useApiQuery<K extends JsonOperationName>(name: K, input: InputOf<K>): QueryState<OutputOf<K>> {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<OutputOf<K>>>({ key: '', data: null, error: null });
  const inputKey = JSON.stringify(input);
  const key = `${name}|${generation}|${inputKey}`;

  useEffect(() => {
    let current = true;
    void api.call(name, JSON.parse(inputKey) as InputOf<K>).then((result) => {
      if (!current) return;
      setSettled((prev) =>
        result.ok
          ? { key, data: result.value, error: null }
          : { key, data: prev.data, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, name, inputKey, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.key !== key, reload };
}
