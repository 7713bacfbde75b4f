import type { Server } from 'node:http';

/**
 * Runs `task` once the server has had no request for `idleMs`. The warm-up of the evidence's image
 * libraries (and, before it moved to a thread of its own, the print engine's: about a second of the
 * main thread on an office PC) made the first page and the first answer wait for it when run right
 * after listening ([F] #11, start to first answer). Started when nobody is asking, it costs no one a wait.
 */
export function whenIdle(server: Server, idleMs: number, task: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      server.off('request', arm);
      server.off('close', cancel);
      task();
    }, idleMs);
    timer.unref();
  };
  const cancel = () => {
    clearTimeout(timer);
    server.off('request', arm);
  };
  server.on('request', arm);
  server.once('close', cancel);
  arm();
}
