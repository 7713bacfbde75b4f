/**
 * The operation names alone, with no schema library behind them, so the sandboxed preload can
 * expose one function per operation without bundling zod. contract.ts must match this list
 * exactly (checked at compile time there).
 */
export const operationNames = [
  'setup.status',
  'setup.init',
  'session.login',
  'session.logout',
  'session.changePassword',
  'session.me',
  'users.create',
  'users.list',
  'users.resetPassword',
  'catalog.get',
  'cases.register',
  'cases.correct',
  'cases.get',
  'cases.search',
  'respondents.search',
  'respondents.list',
  'respondents.get',
  'respondents.update',
  'respondents.merge',
  'cases.act',
  'clock.today',
  'ruleSets.list',
  'ruleSets.save',
  'calendar.get',
  'calendar.saveYear',
  'settings.get',
  'settings.update',
  'officeSettings.get',
  'officeSettings.saveSection',
  'users.setDisabled',
  'users.assignable',
  'session.unlock',
  'checklist.mark',
  'checklist.addItem',
  'checklistTemplates.list',
  'checklistTemplates.save',
  'evidence.import',
  'evidence.file',
  'evidence.describe',
  'evidence.void',
  'evidence.verify',
  'evidence.export',
  'evidence.reportMedia',
  'evidenceSettings.get',
  'evidenceSettings.save',
  'backup.status',
  'backup.configure',
  'backup.create',
  'backup.verify',
  'backup.restore',
  'backup.progress',
  'backup.keptCopies',
  'backup.removeKeptCopy',
  'audit.verify',
  'stats.summary',
  'catalog.saveRegions',
  'catalog.lists',
  'catalog.saveList',
  'exports.start',
  'exports.progress',
  'exports.cancel',
  'exports.file',
  'officeKey.recoveryCode',
  'notices.issue',
  'notices.preview',
  'notices.get',
  'notices.logPrint',
  'notices.file',
  'notices.printRegistrationForm',
  'office.get',
  'office.update',
  'office.setSeal',
  'cases.repeats',
  'complainants.lookup',
  'intake.readScreenshot',
  'enquiries.log',
  'enquiries.list',
  'drafts.save',
  'drafts.list',
  'drafts.get',
  'drafts.discard',
  'typical.status',
  'typical.mark',
  'typical.unmark',
  'typical.list',
  'typical.draft',
  'typical.save',
  'typical.export',
  'dossier.make',
  'dossier.list',
  'dossier.file',
] as const;

export type OperationName = (typeof operationNames)[number];

/**
 * Operations whose content is a file stream rather than JSON (DESIGN.md "One contract, two
 * transports": large files never pass through JSON). An upload's input comes from the query string
 * (HTTP) or beside the file (IPC); a download's value is a file the transport serves with Range.
 * contract.ts checks each operation's `stream` against this list.
 */
export const streamedOperations = { 'evidence.import': 'upload', 'evidence.file': 'download' } as const;
export type UploadOperationName = { [K in keyof typeof streamedOperations]: (typeof streamedOperations)[K] extends 'upload' ? K : never }[keyof typeof streamedOperations];
export type DownloadOperationName = { [K in keyof typeof streamedOperations]: (typeof streamedOperations)[K] extends 'download' ? K : never }[keyof typeof streamedOperations];
export type JsonOperationName = Exclude<OperationName, keyof typeof streamedOperations>;

/** Where the page's elements fetch an evidence file (host) — the Electron shell serves the same paths on its own scheme. */
export const evidenceFilePath = (id: number, variant: 'original' | 'thumbnail' = 'original') =>
  variant === 'thumbnail' ? `/files/evidence/${id}/thumbnail` : `/files/evidence/${id}`;

/** Where an issued notice's stored PDF is read (host), the same path on the Electron shell's scheme. */
export const noticeFilePath = (id: number, download = false) => `/files/notices/${id}.pdf${download ? '?download=1' : ''}`;
/** A made 卷宗's stored PDF (dossier.make). */
export const dossierFilePath = (id: number, download = false) => `/files/dossiers/${id}.pdf${download ? '?download=1' : ''}`;

/** The one IPC channel the preload invokes and the main process handles. */
export const IPC_CHANNEL = 'complaintdesk:api';
/** The IPC channels of an upload from a path the user picked: start, progress back to the page, cancel. */
export const IPC_UPLOAD_CHANNEL = 'complaintdesk:upload';
export const IPC_UPLOAD_PROGRESS_CHANNEL = 'complaintdesk:upload-progress';
export const IPC_UPLOAD_CANCEL_CHANNEL = 'complaintdesk:upload-cancel';
/** The custom scheme the Electron shell serves evidence files on (the host serves them over http). */
export const FILE_SCHEME = 'cdfile';
