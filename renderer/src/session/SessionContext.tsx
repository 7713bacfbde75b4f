import { createContext, useContext } from 'react';
import type { UserView } from '../../../shared/api/schemas/common';

export interface Session {
  user: UserView;
  officeName: string;
  /** The office date when the session was read, from the core's clock (useToday keeps it fresh). */
  today: string;
  /** Lock the screen after this many idle minutes (0: never); an office setting. */
  idleLockMinutes: number;
  /** Reads the session again (after an administrator changed an office setting). */
  refresh: () => Promise<void>;
  /** Ends the session on the core and returns to the login screen. */
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and office; only available inside the shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in shell');
  return session;
}
