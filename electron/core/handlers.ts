import { DomainError } from '../../shared/api/errors';
import type { HandlerTable } from '../../shared/api/dispatch';
import type { UserView } from '../../shared/api/schemas/common';
import type { BackupService } from './backup/service';
import type { TaskRunner } from './backup/progress';
import type { DbProblem } from './integrity/startCheck';
import type { Services } from './services';
import { withLegacyFields } from './services/officeSettings';

/** Operations that are not public always get a user; dispatch has checked the session already. */
function signedIn(user: UserView | null): UserView {
  if (!user) throw new DomainError('UNAUTHENTICATED', '尚未登录或登录已过期，请重新登录');
  return user;
}

/**
 * The handler table behind both transports (DESIGN.md "One contract, two transports").
 * `satisfies HandlerTable` makes a missing or mistyped operation a compile error.
 */
export interface Health {
  readOnly: boolean;
  problem: DbProblem | null;
}

export function createHandlers(s: Services, backup: BackupService, runner: TaskRunner, health: Health) {
  /** "Today" is the core's: the office date of the core's clock, whatever the PC showing the page says. */
  const today = () => {
    const instant = s.clock.instant();
    return { today: s.clock.dateOf(instant), now: s.clock.iso(instant) };
  };
  return {
    'setup.status': () => ({
      initialised: s.users.initialised(),
      readOnly: health.readOnly,
      ...(health.problem ? { problem: health.problem } : {}),
    }),
    'setup.init': async (input) => {
      await s.users.init(input.officeName, input.admin);
      s.repeatRecount.countingFromTheStart();
      return { ok: true as const };
    },
    'session.login': (input) => s.users.login(input.username, input.password),
    'session.logout': (_input, ctx) => {
      s.sessions.close(ctx.token);
      return { ok: true as const };
    },
    'session.changePassword': async (input, ctx) => {
      await s.users.changePassword(signedIn(ctx.user), ctx.token, input.currentPassword, input.newPassword);
      return { ok: true as const };
    },
    'session.me': (_input, ctx) => ({
      user: signedIn(ctx.user),
      officeName: s.settings.get('office.name', ''),
      today: today().today,
      idleLockMinutes: s.officeSettings.workflow().idleLockMinutes,
    }),
    'users.create': (input, ctx) => s.requests.once('users.create', input, signedIn(ctx.user), s.users.creation(input, signedIn(ctx.user))),
    'users.list': () => ({ users: s.users.list() }),
    'users.resetPassword': async (input, ctx) => {
      await s.users.resetPassword(input.userId, input.password, signedIn(ctx.user));
      return { ok: true as const };
    },
    'catalog.get': () => s.catalog.get(),
    'cases.register': (input, ctx) => s.requests.once('cases.register', input, signedIn(ctx.user), () => s.register(input, signedIn(ctx.user))),
    'cases.correct': (input, ctx) => s.requests.once('cases.correct', input, signedIn(ctx.user), () => s.correct(input, signedIn(ctx.user))),
    'cases.get': (input, ctx) => s.cases.get(input.id, signedIn(ctx.user)),
    'cases.search': (input, ctx) => s.cases.search(input, signedIn(ctx.user)),
    'respondents.search': (input) => ({ rows: s.respondents.search(input.text, input.limit) }),
    'respondents.list': (input) => s.respondentRegister.list(input),
    'respondents.get': (input) => s.respondentRegister.get(input.id),
    'respondents.update': (input, ctx) => s.respondentRegister.update(input, signedIn(ctx.user)),
    'respondents.merge': (input, ctx) => s.requests.once('respondents.merge', input, signedIn(ctx.user), () => s.respondentRegister.merge(input, signedIn(ctx.user))),
    'cases.act': (input, ctx) => s.requests.once('cases.act', input, signedIn(ctx.user), () => s.act(input, signedIn(ctx.user))),
    'clock.today': () => today(),
    'ruleSets.list': () => ({ ruleSets: s.ruleSets.listWithCounts() }),
    'ruleSets.save': (input, ctx) => s.ruleSets.save(input, signedIn(ctx.user)),
    'calendar.get': () => s.calendar.get(),
    'calendar.saveYear': (input, ctx) => s.calendar.saveYear(input, signedIn(ctx.user)),
    // The older settings operations, kept for a release: the same keys through 办公设置 (README "API changes").
    'settings.get': () => s.officeSettings.workflow(),
    'settings.update': async (input, ctx) => {
      await withLegacyFields(() => s.officeSettings.save([{ section: 'workflow', values: input }], signedIn(ctx.user)));
      return s.officeSettings.workflow();
    },
    'officeSettings.get': () => s.officeSettings.get(),
    'officeSettings.saveSection': (input, ctx) => s.officeSettings.saveSection(input, signedIn(ctx.user)),
    'users.setDisabled': (input, ctx) => {
      s.users.setDisabled(input.userId, input.disabled, signedIn(ctx.user));
      return { ok: true as const };
    },
    'users.assignable': () => ({ users: s.users.assignable() }),
    'session.unlock': async (input, ctx) => {
      await s.users.verifyOwnPassword(signedIn(ctx.user), input.password);
      return { ok: true as const };
    },
    'checklist.mark': (input, ctx) => {
      s.checklist.mark(input, signedIn(ctx.user));
      return { ok: true as const };
    },
    'checklist.addItem': (input, ctx) => ({ id: s.checklist.addItem(input.caseId, input.text, signedIn(ctx.user)) }),
    'checklistTemplates.list': () => ({ templates: s.checklistTemplates.list() }),
    'checklistTemplates.save': (input, ctx) => s.checklistTemplates.save(input.category, input.items, signedIn(ctx.user)),
    'evidence.import': (input, ctx) => {
      // dispatch hands every upload operation its body; a missing one is a transport fault.
      if (!ctx.upload) throw new DomainError('VALIDATION', '请随请求上传文件内容');
      return s.evidence.importEvidence(input, signedIn(ctx.user), ctx.upload);
    },
    'evidence.file': (input) => s.evidence.file(input.id, input.variant),
    'evidence.describe': (input, ctx) => {
      s.evidence.describe(input, signedIn(ctx.user));
      return { ok: true as const };
    },
    'evidence.void': (input, ctx) => {
      s.evidence.voidEvidence(input.id, input.reason, signedIn(ctx.user));
      return { ok: true as const };
    },
    'evidence.verify': (input, ctx) => s.evidence.verify(input.caseId, signedIn(ctx.user)),
    'evidence.export': (input, ctx) => s.evidence.exportTo(input.caseId, input.dir, signedIn(ctx.user)),
    'evidence.reportMedia': (input, ctx) => s.evidence.reportMedia(input, signedIn(ctx.user)),
    'evidenceSettings.get': () => s.officeSettings.sections().evidence,
    'evidenceSettings.save': async (input, ctx) => {
      await withLegacyFields(() => s.officeSettings.save([{ section: 'evidence', values: input }], signedIn(ctx.user)));
      return { ok: true as const };
    },
    'backup.status': () => backup.status(),
    'backup.configure': async (input, ctx) => {
      await withLegacyFields(() => s.officeSettings.save([{ section: 'backup', values: input }], signedIn(ctx.user)));
      return { ok: true as const };
    },
    'backup.create': (input, ctx) => backup.create(input.dir, 'manual', signedIn(ctx.user)),
    'backup.verify': (input) => backup.verify(input.path, input.recoveryCode),
    'backup.restore': (input, ctx) => backup.restore(input.path, signedIn(ctx.user), input.recoveryCode),
    'backup.progress': () => runner.view(),
    'backup.keptCopies': () => backup.keptCopies(),
    'backup.removeKeptCopy': (input, ctx) => backup.removeKeptCopy(input.name, signedIn(ctx.user)),
    'audit.verify': () => ({ ...s.audit.verify(), head: s.audit.head() }),
    'catalog.saveRegions': (input, ctx) => s.saveRegions(input.regions, signedIn(ctx.user)),
    'catalog.lists': () => s.catalog.lists(),
    'catalog.saveList': (input, ctx) => s.saveList(input.kind, input.items, signedIn(ctx.user)),
    'stats.summary': (input) => s.store.read.stats(input.from, input.to, s.clock.today()),
    'exports.start': (input, ctx) => s.exports.start(input, signedIn(ctx.user)),
    'exports.progress': (input, ctx) => s.exports.progress(input.id, signedIn(ctx.user)),
    'exports.cancel': (input, ctx) => s.exports.cancel(input.id, signedIn(ctx.user)),
    'exports.file': (input, ctx) => {
      const { id, fileName, size } = s.exports.file(input.id, signedIn(ctx.user));
      return { id, fileName, size };
    },
    'officeKey.recoveryCode': async (input, ctx) => {
      const user = signedIn(ctx.user);
      await s.users.verifyOwnPassword(user, input.password);
      return backup.recoveryCode(user);
    },
    'notices.issue': (input, ctx) => s.notices.issue(input, signedIn(ctx.user), s.requests.guard('notices.issue', input, signedIn(ctx.user))),
    'notices.preview': (input, ctx) => s.notices.preview(input, signedIn(ctx.user)),
    'notices.get': (input) => s.notices.get(input.id),
    'notices.logPrint': (input, ctx) => s.notices.logPrint(input, signedIn(ctx.user)),
    'notices.file': (input) => s.notices.file(input.id),
    'notices.printRegistrationForm': (input, ctx) => s.notices.printRegistrationForm(input, signedIn(ctx.user)),
    'office.get': () => s.office.get(),
    'office.update': (input, ctx) => s.office.update(input, signedIn(ctx.user)),
    'office.setSeal': (input, ctx) => s.office.setSeal(input, signedIn(ctx.user)),
    'cases.repeats': (input) => s.repeats.find(input),
    'complainants.lookup': (input) => s.repeats.lookup(input),
    'intake.readScreenshot': (input) => s.screenshots.read(input),
    'enquiries.log': (input, ctx) => s.requests.once('enquiries.log', input, signedIn(ctx.user), () => s.enquiries.log(input, signedIn(ctx.user))),
    'enquiries.list': (input) => s.enquiries.list(input),
    'typical.status': (input, ctx) => s.typical.status(input.caseId, signedIn(ctx.user)),
    'typical.mark': (input, ctx) => s.typical.mark(input.caseId, signedIn(ctx.user)),
    'typical.unmark': (input, ctx) => s.typical.unmark(input.caseId, input.reason, signedIn(ctx.user)),
    'typical.list': (input) => s.typical.list(input.page, input.pageSize),
    'typical.draft': (input, ctx) => s.typical.draft(input, signedIn(ctx.user)),
    'typical.save': (input, ctx) => s.typical.save(input, signedIn(ctx.user)),
    'typical.export': (input, ctx) => s.typical.export(input, signedIn(ctx.user)),
    'dossier.make': (input, ctx) => s.dossiers.make(input.caseId, signedIn(ctx.user)),
    'dossier.list': (input, ctx) => s.dossiers.list(input.caseId, signedIn(ctx.user)),
    'dossier.file': (input) => s.dossiers.file(input.id),
    // Not through requests.once: saving a draft is idempotent by nature (last write wins).
    'drafts.save': (input, ctx) => s.drafts.save(input, signedIn(ctx.user)),
    'drafts.list': (_input, ctx) => s.drafts.list(signedIn(ctx.user)),
    'drafts.get': (input, ctx) => s.drafts.get(input, signedIn(ctx.user)),
    'drafts.discard': (input, ctx) => s.drafts.discard(input, signedIn(ctx.user)),
  } satisfies HandlerTable;
}
