import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { HOST_NODE_FLAGS } from '../../../electron/host/nodeFlags';

/**
 * The built host as `npm run web` runs it, started as a child process, and a plain HTTP client
 * for it: one keep-alive connection for the timed calls, a separate pool for the probes, so a
 * probe never waits behind the call it is measuring alongside.
 */

export const HOST_ENTRY = join(__dirname, '../host/index.js');

export interface Answer<T = any> {
  status: number;
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
  /** Milliseconds from sending the request to the last byte of the answer. */
  ms: number;
  bytes: number;
}

export class Client {
  private readonly agent: Agent;
  token: string | null = null;

  constructor(
    readonly base: string,
    sockets = 1,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  call<T = any>(op: string, input: unknown, token: string | null = this.token): Promise<Answer<T>> {
    const body = Buffer.from(JSON.stringify(input ?? {}));
    return this.send<T>('POST', `/api/${op}`, body, token);
  }

  get<T = any>(path: string): Promise<Answer<T>> {
    return this.send<T>('GET', path, null, null);
  }

  /** A raw upload (evidence.import): the body streamed from a buffer. */
  upload<T = any>(path: string, body: Buffer, token: string | null = this.token): Promise<Answer<T>> {
    return this.send<T>('POST', path, body, token, 'application/octet-stream');
  }

  private send<T>(method: string, path: string, body: Buffer | null, token: string | null, type = 'application/json', retried = false): Promise<Answer<T>> {
    const url = new URL(path, this.base);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path: url.pathname + url.search,
          agent: this.agent,
          headers: {
            ...(body ? { 'Content-Type': type, 'Content-Length': String(body.length) } : {}),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const raw = Buffer.concat(chunks);
            let parsed: { ok?: boolean; value?: T; error?: Answer['error'] } = {};
            try {
              parsed = JSON.parse(raw.toString('utf8'));
            } catch {}
            resolve({ status: res.statusCode ?? 0, ok: parsed.ok === true, value: parsed.value as T, error: parsed.error, ms, bytes: raw.length });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed as idle just as this request went out: the
        // request never reached the host, so it is sent once more on a new connection.
        if (req.reusedSocket && !retried && (error.code === 'ECONNRESET' || error.message === 'socket hang up')) {
          this.send<T>(method, path, body, token, type, true).then(resolve, reject);
        } else reject(error);
      });
      req.end(body ?? undefined);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Running {
  child: ChildProcess;
  url: string;
  /** Spawn to the first answer of `setup.status`, in ms. */
  startMs: number;
  stderr: () => string;
  stop(): Promise<number>;
}

/** Spawns a process that prints `listening on http://…`, then times its first answer. */
async function startServer(args: string[], firstPath: string, firstBody: unknown): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + String(d)).slice(-20_000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening:\n${err}`)));
  });
  const client = new Client(url);
  const first = await (firstPath === '/' ? client.get('/') : client.call(firstPath, firstBody, null));
  const startMs = performance.now() - started;
  client.close();
  if (first.status !== 200) throw new Error(`first answer from ${url} was ${first.status}`);
  return {
    child,
    url,
    startMs,
    stderr: () => err,
    stop: () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        if (child.exitCode !== null) return resolve(0);
        child.once('exit', () => resolve(performance.now() - t0));
        child.kill('SIGTERM');
      }),
  };
}

/** The register's host as `npm run web` starts it: `node <HOST_NODE_FLAGS> out/host/index.js --data <folder> --port 0 --now <instant>`. */
export function startHost(dataDir: string, now: string, nodeFlags: readonly string[] = HOST_NODE_FLAGS): Promise<Running> {
  return startServer([...nodeFlags, HOST_ENTRY, '--data', dataDir, '--port', '0', '--now', now], 'setup.status', {});
}

/** The floor of any start: a bare Node HTTP server that answers at once. */
export function startBareNode(): Promise<Running> {
  const script =
    "const s=require('http').createServer((q,r)=>{q.resume();q.on('end',()=>{r.setHeader('Content-Type','application/json');r.end('{\"ok\":true,\"value\":{}}')})});" +
    "s.listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+s.address().port));process.on('SIGTERM',()=>process.exit(0));";
  return startServer(['-e', script], 'setup.status', {});
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
  } catch {
    return null;
  }
}
