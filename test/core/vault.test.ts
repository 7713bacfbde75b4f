import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/vault';
import { tempDir } from './harness';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});
function vaultInTemp() {
  const t = tempDir('vault-');
  cleanup.push(t.remove);
  return { dir: t.dir, vault: createVault(join(t.dir, 'vault')) };
}

async function* chunks(...parts: (string | Buffer)[]) {
  for (const p of parts) yield Buffer.from(p);
}

describe('the content-addressed vault', () => {
  it('stores a stream under its SHA-256, in one pass, with the head kept for sniffing', async () => {
    const { vault } = vaultInTemp();
    const body = Buffer.concat([Buffer.alloc(5000, 7), Buffer.from('tail')]);
    const stored = await vault.importStream(chunks(body.subarray(0, 3000), body.subarray(3000)), { maxBytes: 1e6 });
    expect(stored.sha256).toBe(sha(body));
    expect(stored.size).toBe(body.length);
    expect(stored.head.equals(body.subarray(0, 4100))).toBe(true);
    expect(stored.created).toBe(true);
    const path = vault.pathOf(stored.sha256);
    expect(path).toContain(join('vault', stored.sha256.slice(0, 2), stored.sha256));
    expect(readFileSync(path).equals(body)).toBe(true);
    expect(readdirSync(join(path, '../../tmp'))).toEqual([]);
  });

  it('stores the same content once', async () => {
    const { vault } = vaultInTemp();
    const a = await vault.putBuffer(Buffer.from('same'));
    const b = await vault.putBuffer(Buffer.from('same'));
    expect(b.sha256).toBe(a.sha256);
    expect(b.created).toBe(false);
  });

  it('refuses a stream over the limit in Chinese and leaves no temporary file', async () => {
    const { vault } = vaultInTemp();
    await expect(vault.importStream(chunks('12345', '67890'), { maxBytes: 8 })).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/超过大小上限/) });
    expect(readdirSync(join(vault.root, 'tmp'))).toEqual([]);
  });

  it('leaves nothing behind when the source fails half-way (a client that disconnects)', async () => {
    const { vault } = vaultInTemp();
    async function* broken() {
      yield Buffer.from('first half');
      throw new Error('aborted');
    }
    await expect(vault.importStream(broken(), { maxBytes: 1e6 })).rejects.toThrow('aborted');
    expect(readdirSync(vault.root).filter((n) => n !== 'tmp')).toEqual([]);
    expect(readdirSync(join(vault.root, 'tmp'))).toEqual([]);
  });

  it('stops on abort', async () => {
    const { vault } = vaultInTemp();
    const controller = new AbortController();
    async function* slow() {
      yield Buffer.from('a');
      controller.abort();
      yield Buffer.from('b');
    }
    await expect(vault.importStream(slow(), { maxBytes: 1e6, signal: controller.signal })).rejects.toThrow();
    expect(readdirSync(join(vault.root, 'tmp'))).toEqual([]);
  });

  it('names missing and altered files when checked', async () => {
    const { vault } = vaultInTemp();
    const a = await vault.putBuffer(Buffer.from('photo bytes'));
    const b = await vault.putBuffer(Buffer.from('video bytes'));
    expect(await vault.check(a.sha256)).toBe('ok');
    const bytes = readFileSync(vault.pathOf(a.sha256));
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(vault.pathOf(a.sha256), bytes);
    expect(await vault.check(a.sha256)).toBe('altered');
    (await import('node:fs')).rmSync(vault.pathOf(b.sha256));
    expect(await vault.check(b.sha256)).toBe('missing');
    expect(await vault.has(b.sha256)).toBe(false);
  });

  it('sweeps leftovers of an interrupted import at start', async () => {
    const { vault } = vaultInTemp();
    await vault.putBuffer(Buffer.from('x'));
    writeFileSync(join(vault.root, 'tmp', 'deadbeef.part'), 'half a file');
    expect(await vault.sweep()).toBe(1);
    expect(existsSync(join(vault.root, 'tmp', 'deadbeef.part'))).toBe(false);
  });

  it('never turns anything but a hash into a path', () => {
    const { vault } = vaultInTemp();
    expect(() => vault.pathOf('../../etc/passwd')).toThrow();
  });
});
