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

/**
 * Signs in, and signs in again when the test has moved the clock past the session's idle limit,
 * as the clerk would after a night (or a month) away from the desk.
 */
export async function signIn(reg: Register, username: string, password: string): Promise<Actor> {
  const login = () => reg.must<{ token: string; user: UserView }>('session.login', { username, password }, null);
  const first = await login();
  const call = async (name: string, input: unknown) => {
    let result = await reg.call(name, input, actor.token);
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
      actor.token = (await login()).token;
      result = await reg.call(name, input, actor.token);
    }
    return result;
  };
  const must = async (name: string, input: unknown) => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value as any;
  };
  const actor: Actor = {
    user: first.user,
    token: first.token,
    call,
    must,
    get: (id) => must('cases.get', { id }),
    async act(id, action, fields = {}) {
      const { version } = await actor.get(id);
      return must('cases.act', { id, version, action, ...fields });
    },
  };
  return actor;
}

/** The office of the workflow tests: one clerk, two investigators, two supervisors, and the admin. */
export async function withStaff(reg: Register): Promise<Staff> {
  const people = [
    ['clerk', '陈登记', 'clerk'],
    ['investigator', '赵调查', 'investigator'],
    ['investigator2', '钱调查', 'investigator'],
    ['supervisor', '孙主任', 'supervisor'],
    ['supervisor2', '周副主任', 'supervisor'],
  ] as const;
  for (const [username, displayName, role] of people) {
    await reg.must('users.create', { username, displayName, password: `${username}-pass`, role });
  }
  const [clerk, investigator, investigator2, supervisor, supervisor2] = await Promise.all(people.map(([u]) => signIn(reg, u, `${u}-pass`)));
  const admin = await signIn(reg, 'admin', 'correct horse');
  return { admin, clerk: clerk!, investigator: investigator!, investigator2: investigator2!, supervisor: supervisor!, supervisor2: supervisor2! };
}
