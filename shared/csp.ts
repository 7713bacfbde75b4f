/**
 * The page's Content Security Policy, one text for the Electron window, the loopback host and
 * renderer/index.html: nothing remote, no inline script, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: cdfile:; media-src 'self' blob: cdfile:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
