/**
 * IPC senders are checked before any handler runs (style.md, VS Code): only the app's own page,
 * in the main frame, may call the register.
 */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  /** Whether that frame is the top frame of the window. */
  isMainFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo | null, appUrl: string): boolean {
  if (!sender || !sender.isMainFrame) return false;
  try {
    const from = new URL(sender.url);
    const app = new URL(appUrl);
    if (from.protocol !== app.protocol) return false;
    // file: URLs carry a host too (a UNC share on Windows): it must match, not just the path.
    if (app.protocol === 'file:') return from.host === app.host && from.pathname === app.pathname;
    // A custom scheme's origin reads "null" for every host alike: compare the host itself.
    if (app.protocol !== 'http:' && app.protocol !== 'https:') return from.host === app.host;
    return from.origin === app.origin;
  } catch {
    return false;
  }
}
