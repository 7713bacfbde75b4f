import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

interface UnsavedRegistry {
  set: (source: string, dirty: boolean) => void;
  any: () => boolean;
}

const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/**
 * Lets a form tell the shell it holds unsaved input, so actions outside the router (signing out)
 * can ask before throwing the clerk's typing away. Route changes use the router's blocker instead.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const sources = useRef(new Set<string>());
  const registry = useMemo<UnsavedRegistry>(
    () => ({
      set: (source, dirty) => {
        if (dirty) sources.current.add(source);
        else sources.current.delete(source);
      },
      any: () => sources.current.size > 0,
    }),
    [],
  );
  return <UnsavedContext.Provider value={registry}>{children}</UnsavedContext.Provider>;
}

export function useReportUnsaved(source: string, dirty: boolean): void {
  const registry = useContext(UnsavedContext);
  useEffect(() => {
    registry?.set(source, dirty);
    return () => registry?.set(source, false);
  }, [registry, source, dirty]);
}

export function useHasUnsaved(): () => boolean {
  const registry = useContext(UnsavedContext);
  return registry ? registry.any : () => false;
}
