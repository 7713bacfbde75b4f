import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createChildTools, type ChildTools } from '../../electron/core/services/evidence/childTools';

// The program run here is Node itself, so these hold on a machine without ffmpeg too.
const node = process.execPath;
let tools: ChildTools;
afterEach(async () => tools?.stop());

describe('tools run as children of a worker thread (childTools.ts)', () => {
  it('gives a tool\'s output as text or as bytes, from a worker started for it', async () => {
    tools = createChildTools();
    expect(tools.threadId).toBeNull();
    const text = await tools.run(node, ['-e', 'process.stdout.write("时长 12.5")'], 'utf8');
    expect(text).toBe('时长 12.5');
    expect(tools.threadId).not.toBeNull();
    const bytes = await tools.run(node, ['-e', 'process.stdout.write(Buffer.from([0xff, 0xd8, 0, 1, 2, 0xff, 0xd9]))'], 'buffer');
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect([...bytes!]).toEqual([0xff, 0xd8, 0, 1, 2, 0xff, 0xd9]);
  });

  it('gives null for a tool that is absent or fails, and goes on running the next', async () => {
    tools = createChildTools();
    expect(await tools.run('/no/such/ffprobe', ['-v'], 'utf8')).toBeNull();
    expect(await tools.run(node, ['-e', 'process.exit(3)'], 'utf8')).toBeNull();
    expect(await tools.run(node, ['-e', 'process.stdout.write("ok")'], 'utf8')).toBe('ok');
  });

  it('answers several at once, each with its own output', async () => {
    tools = createChildTools();
    const outs = await Promise.all([3, 1, 2].map((n) => tools.run(node, ['-e', `setTimeout(() => process.stdout.write("${n}"), ${n * 30})`], 'utf8')));
    expect(outs).toEqual(['3', '1', '2']);
  });

  it('ends its worker when idle and starts another for the next tool', async () => {
    tools = createChildTools({ idleMs: 20 });
    await tools.run(node, ['-e', ''], 'utf8');
    const first = tools.threadId;
    for (let i = 0; i < 100 && tools.threadId !== null; i++) await sleep(20);
    expect(tools.threadId).toBeNull();
    expect(await tools.run(node, ['-e', 'process.stdout.write("again")'], 'utf8')).toBe('again');
    expect(tools.threadId).not.toBe(first);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('settles a tool still running with null when stopped (a close)', async () => {
    tools = createChildTools();
    const pidFile = join(mkdtempSync(join(tmpdir(), 'cd-child-')), 'pid');
    const long = tools.run(node, ['-e', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 10000)`], 'utf8');
    for (let i = 0; i < 100 && !existsSync(pidFile); i++) await sleep(20);
    const pid = readFileSync(pidFile, 'utf8');
    // Running, not a zombie waiting to be reaped (Linux's /proc, as on the CI machine).
    const alive = () => existsSync(`/proc/${pid}/stat`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    expect(alive()).toBe(true);
    await tools.stop();
    expect(await long).toBeNull();
    // The child went with its worker, not left running for ten seconds.
    for (let i = 0; i < 50 && alive(); i++) await sleep(20);
    expect(alive()).toBe(false);
  });
});
