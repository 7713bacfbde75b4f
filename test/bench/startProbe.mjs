/* global fetch, setTimeout */
// Start to first answer of the built host: spawns `node <host> --data <folder> --port 0`, waits for
// its "listening" line, asks GET setup.status (POST /api/setup.status), then stops it with SIGTERM
// (a clean close: the seal is written) and prints one JSON line with the times in ms.
// Usage: node test/bench/startProbe.mjs <out/host/index.js> <data folder>
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const [host, data] = process.argv.slice(2);
const t0 = performance.now();
const child = spawn(process.execPath, [host, '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
const url = await new Promise((resolve, reject) => {
  child.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
});
const listening = performance.now();
const r = await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
const status = await r.json();
const answered = performance.now();
let checkDone = null;
if (process.env.PROBE_WAIT_CHECK) {
  for (;;) {
    const s = await (await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    if (!s.value?.check?.running) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  checkDone = performance.now() - t0;
}
const stopAt = performance.now();
child.kill('SIGTERM');
await new Promise((res) => child.once('exit', res));
const stopped = performance.now();
console.log(JSON.stringify({ listeningMs: Math.round(listening - t0), firstAnswerMs: Math.round(answered - t0), checkDoneMs: checkDone && Math.round(checkDone), stopMs: Math.round(stopped - stopAt), readOnly: status.value?.readOnly, check: status.value?.check?.step ?? null }));
