import { DomainError } from '../../../shared/api/errors';
import type { HandlerTable } from '../../../shared/api/dispatch';
import type { OperationName } from '../../../shared/api/operationNames';
import type { DbProblem, ProblemCode } from './startCheck';

/**
 * Which operations write the register, so a damaged one opened read-only refuses them with a clear
 * message instead of a storage fault halfway. Every operation is listed (a new one is a compile
 * error until it is classified). Signing in counts as reading: in read-only mode sessions are kept
 * in memory and the sign-in is logged to the file log, not the audit chain. Restoring a backup
 * does not write the damaged file: it sets it aside.
 */
export const writesRegister = {
  'setup.status': false,
  'setup.init': true,
  'session.login': false,
  'session.logout': false,
  'session.changePassword': true,
  'session.me': false,
  'users.create': true,
  'users.list': false,
  'users.resetPassword': true,
  'catalog.get': false,
  'cases.register': true,
  'cases.correct': true,
  'cases.get': false,
  'cases.search': false,
  'respondents.search': false,
  'respondents.list': false,
  'respondents.get': false,
  'respondents.update': true,
  'respondents.merge': true,
  'cases.act': true,
  'clock.today': false,
  'ruleSets.list': false,
  'ruleSets.save': true,
  'calendar.get': false,
  'calendar.saveYear': true,
  'settings.get': false,
  'settings.update': true,
  'officeSettings.get': false,
  'officeSettings.saveSection': true,
  'users.setDisabled': true,
  'users.assignable': false,
  'session.unlock': false,
  'backup.status': false,
  'backup.configure': true,
  'backup.create': true,
  'backup.verify': false,
  'backup.restore': false,
  'backup.progress': false,
  'backup.keptCopies': false,
  // A register that failed its check may need the copies set aside before it: none is removed then.
  // On a full disk before an upgrade the register is sound, and removing them is the way out (start/makingRoom.ts).
  'backup.removeKeptCopy': true,
  'checklist.mark': true,
  'checklist.addItem': true,
  'checklistTemplates.list': false,
  'checklistTemplates.save': true,
  'evidence.import': true,
  'evidence.file': false,
  'evidence.describe': true,
  'evidence.void': true,
  // Verifying only reads the vault, and is most wanted when the register is damaged; its entry on
  // the timeline is left out in read-only mode (services/evidence/verify.ts). Exporting records itself.
  'evidence.verify': false,
  'evidence.export': true,
  'evidence.reportMedia': true,
  'evidenceSettings.get': false,
  'evidenceSettings.save': true,
  'audit.verify': false,
  'stats.summary': false,
  'catalog.saveRegions': true,
  'catalog.lists': false,
  'catalog.saveList': true,
  'exports.start': false,
  'exports.progress': false,
  'exports.cancel': false,
  'exports.file': false,
  // Each showing of the recovery code is written to the audit log.
  'officeKey.recoveryCode': true,
  'notices.issue': true,
  'notices.preview': false,
  'notices.get': false,
  // Every print is logged on the case's timeline; a damaged register still shows the PDF.
  'notices.logPrint': true,
  'notices.file': false,
  // Stores a PDF and writes the case's timeline: a write.
  'notices.printRegistrationForm': true,
  'office.get': false,
  'office.update': true,
  'office.setSeal': true,
  'cases.repeats': false,
  'complainants.lookup': false,
  'intake.readScreenshot': false,
  'enquiries.log': true,
  'enquiries.list': false,
  // A draft is kept in the register file, so saving or discarding one writes it (the form then
  // stops saving drafts and says so once); reading one does not.
  'drafts.save': true,
  'drafts.list': false,
  'drafts.get': false,
  'drafts.discard': true,
  'typical.status': false,
  'typical.mark': true,
  'typical.unmark': true,
  'typical.list': false,
  'typical.draft': false,
  'typical.save': true,
  'typical.export': true,
  'dossier.make': true,
  'dossier.list': false,
  'dossier.file': false,
} as const satisfies Record<OperationName, boolean>;

/**
 * CONFLICT (409): the request is sound and allowed, but the register's present state (damaged,
 * opened read-only) does not let it be carried out — the same code a database from a newer version
 * gets. Not FORBIDDEN (the role may do it) and not INTERNAL (nothing failed: it was refused).
 */
export const READ_ONLY_MESSAGE = '数据文件已损坏，系统处于只读模式：可以查阅，不能登记或修改，本次操作未执行。请管理员从备份恢复后再办理。';

const REFUSED = '系统处于只读模式：可以查阅，不能登记或修改，本次操作未执行。';
const RESTORE = '请管理员从备份恢复后再办理。';

/**
 * Why a write is refused, by what made the register read-only (startCheck.ts): each says what is
 * wrong and what helps. Where the disk or the folder is at fault the file is sound, and restoring a
 * backup would not help: a clerk told "数据文件已损坏" there would have been sent the wrong way.
 */
const REFUSALS: Partial<Record<ProblemCode, string>> = {
  diskFull: `磁盘空间不足，数据文件尚未升级到本版程序（数据未作任何改动），${REFUSED}请管理员登录，删除留存的旧副本腾出空间，或清理这块磁盘上的其他文件；空间够了即自动升级，无需重新启动程序。`,
  readOnlyFolder: `数据文件夹无法写入（磁盘或U盘为只读，或没有写入权限），${REFUSED}请管理员检查文件夹的权限或磁盘后重新启动程序。`,
  changedWhileClosed: `数据文件在程序关闭期间被改动过，${REFUSED}${RESTORE}`,
  auditBroken: `操作记录（审计链）对不上，数据可能被改动过，${REFUSED}${RESTORE}`,
  keyUnavailable: `无法读取本机的办公室密钥，不能核对数据文件的封签，${REFUSED}${RESTORE}`,
  foreignKey: `数据文件的封签由另一把办公室密钥制作，无法确认它未被改动，${REFUSED}请管理员从备份恢复，并输入原单位的恢复码。`,
};

export const readOnlyRefusal = (problem: Pick<DbProblem, 'code'> | undefined): string => (problem && REFUSALS[problem.code]) ?? READ_ONLY_MESSAGE;

export function refuseWrites(handlers: HandlerTable, problem: Pick<DbProblem, 'code'>): HandlerTable {
  const guarded: Record<string, unknown> = { ...handlers };
  const message = readOnlyRefusal(problem);
  for (const name of Object.keys(writesRegister) as OperationName[]) {
    if (writesRegister[name]) {
      guarded[name] = () => {
        throw new DomainError('CONFLICT', message);
      };
    }
  }
  return guarded as HandlerTable;
}
