import { storedPdfRoute } from './storedPdf';

/** `GET /files/notices/<id>.pdf` (../shared/API.md "Host"): an issued notice's stored PDF, through `notices.file`. */
export const serveNoticeFile = storedPdfRoute(/^\/files\/notices\/(\d{1,12})\.pdf$/, 'notices.file', (n) => `文书 ${n.number} `);
