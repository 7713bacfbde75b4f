import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'cd_session';

/** The bearer header for scripts; the HttpOnly cookie for the page and its own <img>/<video>. */
export function tokenOf(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m ? m[1]! : null;
  }
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null; // a malformed cookie is no session, not a fault
      }
    }
  }
  return null;
}

export const sessionCookie = (token: string) => `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
export const clearedSessionCookie = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;

/**
 * The host answers only to its own name: a foreign Host (DNS rebinding) or a foreign Origin
 * (another local page posting with the user's cookie — same-site on loopback, so SameSite alone
 * does not stop it) is refused.
 */
export function sameOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowed.has(String(req.headers.host ?? ''))) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true; // scripts and same-origin GETs send none
  return origin.startsWith('http://') && allowed.has(origin.slice('http://'.length));
}
