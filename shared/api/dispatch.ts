import { z } from 'zod';
import { contract, isOperationName, streamOf, type OperationName, type OutputOf, type ParsedInputOf } from './contract';
import { DomainError, fail, type Result } from './errors';
import type { UserView } from './schemas/common';

z.config(z.locales.zhCN());

/** The content of an upload: the raw bytes as they arrive, never a JSON value. */
export interface UploadBody {
  stream: AsyncIterable<Uint8Array>;
  /** What the sender announced (Content-Length, or the picked file's size), checked before copying. */
  declaredSize: number | null;
  /** Aborted when the sender goes away or cancels (an AbortSignal; shared/ names only what it uses). */
  signal?: { readonly aborted: boolean; throwIfAborted(): void };
}

/** How a transport carries the call: plain JSON, an upload beside the input, or a file download. */
export type Transfer = { upload: UploadBody } | { download: true };

/** What every handler receives besides its parsed input. */
export interface HandlerContext {
  /** The signed-in user; null only for public operations. */
  user: UserView | null;
  /** The session token the call came with, if any (logout needs it). */
  token: string | null;
  /** The uploaded content, for an operation declared `stream: 'upload'` (always present there). */
  upload?: UploadBody;
}

export type Handler<K extends OperationName> = (
  input: ParsedInputOf<K>,
  ctx: HandlerContext,
) => OutputOf<K> | Promise<OutputOf<K>>;

export type HandlerTable = { [K in OperationName]: Handler<K> };

export interface DispatchDeps {
  handlers: HandlerTable;
  /** Resolves a session token to its user; null when absent, expired or forged. */
  authenticate: (token: string | null) => UserView | null;
  /** Where internal faults are logged; they never cross the boundary. */
  logError: (message: string, error: unknown) => void;
}

/** Turns zod issues into dotted field paths with Chinese messages for forms. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * The single entry every transport uses. Never throws: unknown names, bad input, missing
 * sessions, domain errors and internal faults all come back as error values (style.md).
 */
export async function dispatch(
  deps: DispatchDeps,
  name: string,
  rawInput: unknown,
  token: string | null,
  transfer?: Transfer,
): Promise<Result<unknown>> {
  try {
    if (!isOperationName(name)) return fail('NOT_FOUND', `没有名为“${name.slice(0, 60)}”的操作`);
    const operation = contract[name];
    const stream = streamOf(name);
    const carried = transfer === undefined ? undefined : 'upload' in transfer ? 'upload' : 'download';
    if (stream !== carried) {
      if (stream === 'upload') return fail('VALIDATION', `操作“${name}”需要随请求上传文件内容（POST /api/${name}?参数，请求体为文件）`);
      if (stream === 'download') return fail('VALIDATION', `操作“${name}”返回文件，请用 GET /files/evidence/<编号> 读取`);
      return fail('VALIDATION', `操作“${name}”不接受文件内容，请以 JSON 调用`);
    }
    let user: UserView | null = null;
    if (operation.access !== 'public') {
      user = deps.authenticate(token);
      if (!user) return fail('UNAUTHENTICATED', '尚未登录或登录已过期，请重新登录');
      if (operation.access !== 'user' && !operation.access.includes(user.role)) {
        return fail('FORBIDDEN', '您的角色无权执行此操作，请联系管理员');
      }
    }
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      const first = Object.values(fields)[0] ?? '输入不正确';
      return fail('VALIDATION', `输入有误：${first}`, fields);
    }
    const handler = deps.handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    const ctx: HandlerContext = transfer && 'upload' in transfer ? { user, token, upload: transfer.upload } : { user, token };
    const value = await handler(parsed.data, ctx);
    // The output schema is the promise made to scripts: a handler that breaks it is a fault here, not there.
    const checked = operation.output.safeParse(value);
    if (!checked.success) {
      deps.logError(`output of ${name} does not match the contract`, checked.error);
      return fail('INTERNAL', '系统内部错误，请稍后重试；如反复出现请联系管理员');
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message, error.fields);
    deps.logError(`operation ${name} failed`, error);
    return fail('INTERNAL', '系统内部错误，请稍后重试；如反复出现请联系管理员');
  }
}
