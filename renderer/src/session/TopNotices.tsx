import { createContext, useContext, type ReactNode } from 'react';

/**
 * Notices about the whole app (the start check still reading the register, a note after sign-in).
 * Signed in, the shell shows them at the top of its page: above the shell they lay under its fixed
 * title bar, unseen, and only pushed the page down.
 */
export const TopNoticesContext = createContext<ReactNode>(null);

export function useTopNotices(): ReactNode {
  return useContext(TopNoticesContext);
}
