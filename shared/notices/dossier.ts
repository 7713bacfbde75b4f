/**
 * The pages of a 卷宗 the core prints itself (issue [H]); the stored PDFs it binds between them (the
 * 投诉登记表, the notices) are not re-rendered. Each part is a document of its own for the notices'
 * print engine (electron/core/notices/html.ts), on the notices' A4 page.
 */
export const DOSSIER_TITLE = '卷宗';

export interface DossierCover {
  office: string;
  caseNo: string;
  /** 题名: who complained about whom, about what. */
  title: string;
  complainant: string;
  respondent: string;
  /** 案由: the category and what it is about. */
  cause: string;
  receivedOn: string;
  /** 结案 (or 不予受理) date. */
  closedOn: string | null;
  closedAs: string;
  handler: string;
  retention: string;
  archivedOn: string;
  version: number;
}

export interface DossierContentsRow {
  no: number;
  /** 文号 of a notice, else null. */
  number: string | null;
  title: string;
  date: string | null;
  /** First and last page, numbered through the whole file. */
  from: number;
  to: number;
  note: string | null;
}

export interface DossierHistoryRow {
  at: string;
  by: string | null;
  what: string;
  change: string | null;
  details: string[];
}

export interface DossierChecklistRow {
  text: string;
  state: string;
  note: string | null;
  marked: string | null;
  evidence: string | null;
}

export interface DossierEvidenceRow {
  no: number;
  name: string;
  kind: string;
  source: string;
  captured: string;
  addedBy: string;
  addedAt: string;
  sha256: string;
  /** Printed as a photo on the following pages, or listed only (a video, a recording, a document). */
  printed: 'photo' | 'listed';
  voided: string | null;
}

export interface DossierPhoto {
  no: number;
  name: string;
  captured: string;
  /** The thumbnail as a data: URL. */
  src: string;
}

export interface DossierClosing {
  caseNo: string;
  pages: number;
  documents: number;
  evidence: number;
  photos: number;
  listedOnly: number;
  compiledBy: string;
  compiledOn: string;
  version: number;
  anchor: string | null;
}

export type DossierPart =
  | { kind: 'cover'; cover: DossierCover }
  | { kind: 'contents'; caseNo: string; rows: DossierContentsRow[] }
  | { kind: 'history'; caseNo: string; rows: DossierHistoryRow[] }
  | { kind: 'checklist'; caseNo: string; origin: string | null; rows: DossierChecklistRow[] }
  | { kind: 'evidence'; caseNo: string; rows: DossierEvidenceRow[] }
  | { kind: 'photos'; caseNo: string; photos: DossierPhoto[]; first: boolean }
  | { kind: 'closing'; closing: DossierClosing };

export const dossierPartTitle: Record<DossierPart['kind'], string> = {
  cover: '卷宗封面',
  contents: '卷内目录',
  history: '案件经过',
  checklist: '调查清单',
  evidence: '证据清单',
  photos: '证据照片',
  closing: '备考表',
};
