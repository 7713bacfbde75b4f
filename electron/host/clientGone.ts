import type { IncomingMessage } from 'node:http';

/**
 * Whether a request failed because its client went away (closed the tab, cancelled an upload, a
 * player seeking, a script giving up) rather than because of a fault here. Such a request is no
 * fault and never goes to the fault log: anyone on the PC can send thousands of them.
 */
export function clientWentAway(req: IncomingMessage, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR') return true;
  if ((error as Error | null)?.name === 'AbortError') return true;
  return !req.complete && (req.destroyed || req.socket.destroyed);
}

/**
 * The request body as a stream for the core, with an AbortSignal that is aborted the moment the
 * client goes away before the end, before the stream's own error reaches the reader: the core then
 * knows an interrupted upload for what it is (UploadBody.signal).
 */
export function uploadBody(req: IncomingMessage): { stream: AsyncIterable<Uint8Array>; signal: AbortSignal } {
  const controller = new AbortController();
  const gone = () => {
    if (!req.complete) controller.abort();
  };
  req.once('aborted', gone);
  req.once('error', gone);
  req.once('close', gone);
  // The core may stop reading early (a refused type, over the limit); the request must not be destroyed by that.
  const iterator = req.iterator({ destroyOnReturn: false });
  async function* stream() {
    try {
      for await (const chunk of iterator) yield chunk as Uint8Array;
    } catch (error) {
      gone();
      throw error;
    }
  }
  return { stream: stream(), signal: controller.signal };
}
