import type { Server } from 'node:http';

/**
 * Runs `task` once the server has had no request for `idleMs`. The print engine's warm-up loads
 * playwright-core, about a second of the main thread's CPU on an office PC (five under load): run
 * right after listening, it made the first page and the first answer wait for it ([F] #11, start to
 * first answer). Started when nobody is asking, it costs no one a wait.
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
