/**
 * Where the page fetches an issued notice's PDF: the host's `GET /files/notices/<id>.pdf`, with the
 * session cookie. Under Electron the page is a file: URL and has no such route.
 * SEAM for the lead: the desktop shell's file protocol (the one evidence files use) can serve the
 * same path; until then the desktop app prints from the page and offers no PDF download.
 */
export const canDownloadPdf = (): boolean => !window.api;

export const noticePdfUrl = (id: number, download = false): string => `/files/notices/${id}.pdf${download ? '?download=1' : ''}`;
