import { DomainError } from '../../shared/api/errors';
import type { HandlerTable } from '../../shared/api/dispatch';
import type { UserView } from '../../shared/api/schemas/common';
import type { Services } from './services';

/** Operations that are not public always get a user; dispatch has checked the session already. */
function signedIn(user: UserView | null): UserView {
  if (!user) throw new DomainError('UNAUTHENTICATED', '尚未登录或登录已过期，请重新登录');
  return user;
}

/**
 * The handler table behind both transports (DESIGN.md "One contract, two transports").
 * `satisfies HandlerTable` makes a missing or mistyped operation a compile error.
 */
export function createHandlers(s: Services) {
  return {
    'setup.status': () => ({ initialised: s.users.initialised() }),
    'setup.init': async (input) => {
      await s.users.init(input.officeName, input.admin);
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
    'session.me': (_input, ctx) => ({ user: signedIn(ctx.user), officeName: s.settings.get('office.name', '') }),
    'users.create': (input, ctx) => s.requests.once('users.create', input, signedIn(ctx.user), s.users.creation(input, signedIn(ctx.user))),
    'users.list': () => ({ users: s.users.list() }),
    'users.resetPassword': async (input, ctx) => {
      await s.users.resetPassword(input.userId, input.password, signedIn(ctx.user));
      return { ok: true as const };
    },
    'catalog.get': () => s.catalog.get(),
    'cases.register': (input, ctx) => s.requests.once('cases.register', input, signedIn(ctx.user), () => s.register(input, signedIn(ctx.user))),
    'cases.get': (input) => s.cases.get(input.id),
    'cases.search': (input) => s.cases.search(input),
    'respondents.search': (input) => ({ rows: s.respondents.search(input.text, input.limit) }),
    'audit.verify': () => ({ ...s.audit.verify(), head: s.audit.head() }),
  } satisfies HandlerTable;
}
