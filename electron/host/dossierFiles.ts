import { storedPdfRoute } from './storedPdf';

/** `GET /files/dossiers/<id>.pdf` (../shared/API.md `dossier.make`): a made 卷宗's stored PDF, through `dossier.file`. */
export const serveDossierFile = storedPdfRoute(/^\/files\/dossiers\/(\d{1,12})\.pdf$/, 'dossier.file', (d) => `卷宗 ${d.caseNo} 第${d.version}版`);
