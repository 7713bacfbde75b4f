import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/api/errors';
import type { Core } from '../core';
import { IPC_CHANNEL } from '../../shared/api/operationNames';
import { isTrustedSender } from './ipc';

/**
 * Binds the handler table to ipcMain. The session token stays in the main process, per window:
 * the page never holds it, as in browser mode where it is an HttpOnly cookie.
 */
export function bindIpc(core: Core, appUrl: () => string): void {
  const tokens = new Map<number, string>();
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    if (!isTrustedSender(sender, appUrl())) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (typeof name !== 'string') return fail('VALIDATION', '操作名称无效');
    const id = event.sender.id;
    const result = await core.call(name, input, tokens.get(id) ?? null);
    if (name === 'session.login' && result.ok) {
      tokens.set(id, (result.value as { token: string }).token);
      event.sender.once('destroyed', () => tokens.delete(id));
    }
    if (name === 'session.logout') tokens.delete(id);
    return result;
  });
}
