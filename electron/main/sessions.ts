/**
 * The desktop app's one session registry, shared by IPC calls, uploads and the evidence scheme:
 * the token stays in the main process per window (the page never holds it, as in browser mode
 * where it is an HttpOnly cookie).
 */
export function createWindowSessions() {
  const tokens = new Map<number, string>();
  return {
    get: (webContentsId: number): string | null => tokens.get(webContentsId) ?? null,
    set: (webContentsId: number, token: string) => void tokens.set(webContentsId, token),
    delete: (webContentsId: number) => void tokens.delete(webContentsId),
  };
}
export type WindowSessions = ReturnType<typeof createWindowSessions>;
