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
  'cases.get',
  'cases.search',
  'respondents.search',
  'cases.act',
  'clock.today',
  'ruleSets.list',
  'ruleSets.save',
  'calendar.get',
  'calendar.saveYear',
  'settings.get',
  'settings.update',
  'users.setDisabled',
  'users.assignable',
  'session.unlock',
  'notices.issue',
  'notices.preview',
  'notices.get',
  'notices.logPrint',
  'notices.file',
  'office.get',
  'office.update',
  'office.setSeal',
] as const;

export type OperationName = (typeof operationNames)[number];

/** The one IPC channel the preload invokes and the main process handles. */
export const IPC_CHANNEL = 'complaintdesk:api';
