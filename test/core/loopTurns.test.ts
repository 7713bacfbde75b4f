import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { yieldToLoop } from '../../electron/core/loop';

/**
 * A long job yields so that the page's calls that came meanwhile are answered before its next
 * piece (DESIGN.md "Quality bars": no call holds the loop for more than 50 ms). A job begun by a
 * call runs in the loop's poll phase; one immediate set there ran before any new request was read.
 */
let server: Server | null = null;
afterEach(() => server?.close());

/** Flags the two threads share: [0] the job has begun, [1] the other call has been sent. */
const BEGUN = 0;
const SENT = 1;

/**
 * The window's calls, from a thread of their own (this thread is busy while the job runs): the job,
 * then, once it has begun, another call on the other connection; it answers when both are answered.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const flags = new Int32Array(workerData.flags);
// Two connections kept open, as the window's are: a new one is accepted in one turn and read in the next.
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
const send = (path, sent) => new Promise((resolve, reject) => {
  const req = http.request({ host: '127.0.0.1', port: workerData.port, path, agent }, (res) => { res.resume(); res.on('end', resolve); });
  req.on('error', reject);
  if (sent) req.on('finish', sent);
  req.end();
});
Promise.all([send('/open'), send('/open')]).then(() => {
  const job = send('/job');
  const wait = setInterval(() => {
    if (Atomics.load(flags, ${BEGUN}) !== 1) return;
    clearInterval(wait);
    const other = send('/other', () => Atomics.store(flags, ${SENT}, 1));
    Promise.all([job, other]).then(() => parentPort.postMessage('done'), (e) => parentPort.postMessage(String(e)));
  }, 1);
});
`;

describe('a turn of the event loop (yieldToLoop)', () => {
  it('lets a call that came during a piece of a job begun by a call be answered before the next piece', async () => {
    const order: string[] = [];
    const flags = new Int32Array(new SharedArrayBuffer(8));
    server = createServer(async (req, res) => {
      if (req.url === '/job') {
        order.push('job: first piece');
        Atomics.store(flags, BEGUN, 1);
        // The piece runs until the other call is on its way (at most 5 s), so it waits in the socket when the job yields.
        const end = performance.now() + 5000;
        while (Atomics.load(flags, SENT) !== 1 && performance.now() < end);
        await yieldToLoop();
        order.push('job: second piece');
      } else if (req.url === '/other') order.push('other call');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new Worker(CLIENT, { eval: true, workerData: { port, flags: flags.buffer } });
    try {
      expect(await new Promise((resolve) => client.once('message', resolve))).toBe('done');
    } finally {
      await client.terminate();
    }
    expect(order).toEqual(['job: first piece', 'other call', 'job: second piece']);
  });
});
