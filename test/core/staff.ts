import type { UserView } from '../../shared/api/schemas/common';
import type { Register } from './harness';

/** A signed-in user of a test register, calling operations as themselves. */
export interface Actor {
  user: UserView;
  token: string;
  call(name: string, input: unknown): ReturnType<Register['call']>;
  must<T = any>(name: string, input: unknown): Promise<T>;
  get(id: number): Promise<any>;
  /** Takes a step on the case's current version; throws with the error when refused. */
  act(id: number, action: string, fields?: Record<string, unknown>): Promise<{ status: string; version: number }>;
}

export interface Staff {
  admin: Actor;
  clerk: Actor;
  investigator: Actor;
  investigator2: Actor;
  supervisor: Actor;
  supervisor2: Actor;
}

const PEOPLE = [
  ['clerk', '陈登记', 'clerk'],
  ['investigator', '赵调查', 'investigator'],
  ['investigator2', '钱调查', 'investigator'],
  ['supervisor', '孙主任', 'supervisor'],
  ['supervisor2', '周副主任', 'supervisor'],
] as const;
const passwordOf = (username: string) => (username === 'admin' ? 'correct horse' : `${username}-pass`);

/**
 * An actor on a register, signing in again when the test has moved the clock past the session's
 * idle limit, as the clerk would after a night (or a month) away from the desk.
 */
function actorOf(reg: Register, user: UserView, token: string): Actor {
  const login = () => reg.must<{ token: string }>('session.login', { username: user.username, password: passwordOf(user.username) }, null);
  const actor: Actor = {
    user,
    token,
    async call(name, input) {
      let result = await reg.call(name, input, actor.token);
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
        actor.token = (await login()).token;
        result = await reg.call(name, input, actor.token);
      }
      return result;
    },
    async must(name, input) {
      const r = await actor.call(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
      return r.value as any;
    },
    get: (id) => actor.must('cases.get', { id }),
    async act(id, action, fields = {}) {
      const { version } = await actor.get(id);
      return actor.must('cases.act', { id, version, action, ...fields });
    },
  };
  return actor;
}

export async function signIn(reg: Register, username: string, password = passwordOf(username)): Promise<Actor> {
  const { token, user } = await reg.must<{ token: string; user: UserView }>('session.login', { username, password }, null);
  return actorOf(reg, user, token);
}

/** The office of the workflow tests: one clerk, two investigators, two supervisors, and the admin. */
export async function withStaff(reg: Register): Promise<Staff> {
  for (const [username, displayName, role] of PEOPLE) {
    await reg.must('users.create', { username, displayName, password: passwordOf(username), role });
  }
  const signedIn = await Promise.all(PEOPLE.map(([u]) => signIn(reg, u)));
  const staff = { admin: await signIn(reg, 'admin') } as Staff;
  PEOPLE.forEach(([u], i) => (staff[u] = signedIn[i]!));
  return staff;
}

/** The same staff on a copy of the register they were created in (copyRegister), with the same sessions. */
export function staffOf(reg: Register, template: Staff): Staff {
  const staff = {} as Staff;
  for (const name of ['admin', ...PEOPLE.map(([u]) => u)] as const) staff[name] = actorOf(reg, template[name].user, template[name].token);
  return staff;
}
