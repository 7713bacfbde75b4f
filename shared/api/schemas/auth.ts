import { z } from 'zod';
import { empty, requestId, role, storableText, text, userView } from './common';

const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少2个字符')
  .max(32, '用户名不能超过32个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能用字母、数字、下划线、点或短横线');

/** Long enough to resist guessing at an office PC; a passphrase is welcome. */
const newPassword = storableText('密码', z.string({ error: '请填写密码' }).min(8, '密码至少8位').max(128, '密码不能超过128位'));

export const setupStatus = {
  input: empty,
  output: z.object({
    initialised: z.boolean(),
    /** The register failed its check at start and was opened read-only: reading works, writing is refused. */
    readOnly: z.boolean(),
    /** Why, in Chinese, with a stable code; absent when all is well. */
    problem: z
      .object({
        code: z.enum(['unreadable', 'corrupt', 'changedWhileClosed', 'auditBroken', 'missing', 'readOnlyFolder', 'keyUnavailable', 'foreignKey', 'diskFull']),
        message: z.string(),
        detail: z.string().optional(),
      })
      .optional(),
    /** The start check still reading the whole file in the background: reads are served, writes wait until `writesHeld` is false. */
    check: z.object({ running: z.boolean(), writesHeld: z.boolean(), step: z.string(), done: z.number(), total: z.number() }).optional(),
    /** An older register being upgraded at start: every other call waits until it is done. */
    upgrading: z.object({ step: z.string(), done: z.number(), total: z.number() }).optional(),
    /** Only with problem `diskFull`: the room the upgrade asks for and the room the disk has now. */
    room: z.object({ neededBytes: z.number(), freeBytes: z.number() }).optional(),
    /** Said once: the first start with an office key trusted the register as it found it. */
    notice: z.string().optional(),
  }),
};

export const setupInit = {
  input: z.object({
    officeName: text('单位名称', 60),
    admin: z.object({ username, displayName: text('姓名', 30), password: newPassword }),
  }),
  output: z.object({ ok: z.literal(true) }),
};

export const sessionLogin = {
  input: z.object({
    username: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(64, '用户名过长'),
    password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码过长'),
  }),
  output: z.object({ token: z.string(), user: userView }),
};

export const sessionLogout = { input: empty, output: z.object({ ok: z.literal(true) }) };

export const sessionChangePassword = {
  input: z
    .object({
      currentPassword: z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码').max(128, '密码过长'),
      newPassword,
    })
    .refine((v) => v.newPassword !== v.currentPassword, { message: '新密码不能与当前密码相同', path: ['newPassword'] }),
  output: z.object({ ok: z.literal(true) }),
};

export const sessionMe = {
  input: empty,
  output: z.object({
    user: userView,
    officeName: z.string(),
    /** The office date, from the core's clock. */
    today: z.string(),
    /** Lock the screen after this many idle minutes (0: never); an office setting. */
    idleLockMinutes: z.number().int(),
  }),
};

export const usersCreate = {
  input: z.object({ username, displayName: text('姓名', 30), password: newPassword, role, requestId }),
  output: z.object({ id: z.number().int() }),
};

export const usersResetPassword = {
  input: z.object({ userId: z.number().int().positive(), password: newPassword }),
  output: z.object({ ok: z.literal(true) }),
};

export const usersList = { input: empty, output: z.object({ users: z.array(userView.extend({ disabled: z.boolean() })) }) };
