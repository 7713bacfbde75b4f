import { Worker } from 'node:worker_threads';

/**
 * The spreadsheet's rows written by exceljs on a thread of its own. Turning rows into XML and zipping
 * them is most of an export's work: on the page's thread a chunk of 500 cases held it 65 ms, a call
 * beside it waiting up to 199–703 ms (the whole register of 100,000 cases: 17 s of it). Here the page's
 * thread reads the chunks and hands their cells over; the writer answers each chunk when it is
 * written, so at most one chunk waits for it.
 *
 * Plain JavaScript evaluated from source (as core/idleWorker.ts's), requiring exceljs by the path
 * resolved here, so it runs the same in the bundled host, the Electron main process and the tests.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const { file, title, sheetName, columns, sheetRows } = workerData;
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
workbook.creator = 'ComplaintDesk';
let sheets = 0;
let sheet = null;
let onSheet = 0;
let failure = null;
// A write that fails (a full disk) is said at the next answer, not lost in the stream.
workbook.stream.on('error', (error) => { failure = failure || error; });
function addSheet() {
  sheets++;
  // Each name at most 31 characters, as Excel requires: 案件登记簿, 案件登记簿（续2）…
  const s = workbook.addWorksheet(sheets === 1 ? sheetName : sheetName + '（续' + sheets + '）', { views: [{ state: 'frozen', ySplit: 1 }] });
  s.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  s.getRow(1).font = { bold: true };
  s.getRow(1).commit();
  return s;
}
// exceljs's sheet stream hands its bytes to the zip's entry without heeding its backpressure (exceljs
// issues #1894, #2916): what the deflater had not yet taken piled up in memory, 200 MB for 100,000
// cases, and would for a million. So a chunk is answered once at most a megabyte waits for the zip
// (and a sheet the zip has not reached yet holds no more than that either).
const HELD_MOST = 1 << 20;
const held = (stream) =>
  stream.buffers.reduce((n, b) => n + (b.length || 0), 0) + stream.pipes.reduce((n, p) => n + ((p._writableState && p._writableState.length) || 0), 0);
async function drained(stream) {
  while (held(stream) > HELD_MOST) {
    // A zip that stopped on a failed write takes nothing more: said now, not waited for.
    if (failure) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const fail = (id, error) => parentPort.postMessage({ id, ok: false, code: error && error.code, message: String((error && error.message) || error) });
// One message at a time: the next waits while a chunk drains.
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(() => handle(m));
});
async function handle(m) {
  try {
    if (failure) throw failure;
    if (m.rows) {
      sheet = sheet || addSheet();
      for (const cells of m.rows) {
        if (onSheet === sheetRows - 1) {
          // A finished sheet is written out whole before the next begins (the streaming writer keeps none).
          sheet.commit();
          sheet = addSheet();
          onSheet = 0;
        }
        sheet.addRow(cells).commit();
        onSheet++;
      }
      await drained(sheet.stream);
    } else if (m.end) {
      (sheet || addSheet()).commit();
      workbook.title = title;
      await workbook.commit();
    }
    if (failure) throw failure;
    // What the thread holds in buffers once the chunk is written: the sheet and the zip's backlog.
    parentPort.postMessage({ id: m.id, ok: true, sheets, buffers: process.memoryUsage().arrayBuffers });
  } catch (error) {
    fail(m.id, error);
  }
}
`;

export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

export interface SheetWriter {
  /** Writes the rows (each its cells, in the columns' order); resolves once they are written, with the bytes the thread then holds in buffers. */
  write(rows: unknown[][]): Promise<number>;
  /** Ends the file; resolves with the number of sheets. */
  end(): Promise<number>;
  /** Stops the thread (the file it left is the caller's to remove). */
  stop(): Promise<void>;
}

interface Answer {
  sheets: number;
  buffers: number;
}

let exceljsPath: string | undefined;

/** A writer of one .xlsx: one sheet, and more of the same columns past `sheetRows` rows each (the header one of them). */
export function startSheetWriter(file: string, o: { title: string; sheetName: string; columns: SheetColumn[]; sheetRows: number }): SheetWriter {
  exceljsPath ??= require.resolve('exceljs');
  const worker = new Worker(SOURCE, { eval: true, workerData: { exceljs: exceljsPath, file, ...o } });
  worker.unref();
  const waiting = new Map<number, { resolve: (m: Answer) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ended: Error | null = null;
  const failAll = (error: Error) => {
    ended ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (m: Answer & { id: number; ok: boolean; code?: string; message?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m);
    else w.reject(Object.assign(new Error(m.message ?? 'the spreadsheet was not written'), { code: m.code }));
  });
  worker.once('error', (error) => failAll(error));
  worker.once('exit', (code) => failAll(new Error(`the spreadsheet's thread ended (${code})`)));
  const ask = (message: Record<string, unknown>) =>
    new Promise<Answer>((resolve, reject) => {
      if (ended) return reject(ended);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    write: async (rows) => (await ask({ rows })).buffers,
    end: async () => (await ask({ end: true })).sheets,
    stop: async () => {
      await worker.terminate();
    },
  };
}
