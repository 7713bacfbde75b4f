import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/api/errors';
import type { Core } from '../core';
import { IPC_CHANNEL } from '../../shared/api/operationNames';
import { isTrustedSender } from './ipc';
import type { WindowSessions } from './sessions';

/** The sender check every channel makes first: only the app's own page, in its main frame. */
export function trustedEvent(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  return isTrustedSender(sender, appUrl);
}

/** Binds the handler table to ipcMain, with the window's session from the shared registry. */
export function bindIpc(core: Core, appUrl: () => string, sessions: WindowSessions): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!trustedEvent(event, appUrl())) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (typeof name !== 'string') return fail('VALIDATION', '操作名称无效');
    const id = event.sender.id;
    // Plain IPC carries JSON only: dispatch refuses streamed operations here (uploads have their own channel).
    const result = await core.call(name, input, sessions.get(id));
    if (name === 'session.login' && result.ok) {
      sessions.set(id, (result.value as { token: string }).token);
      event.sender.once('destroyed', () => sessions.delete(id));
    }
    if (name === 'session.logout') sessions.delete(id);
    return result;
  });
}
