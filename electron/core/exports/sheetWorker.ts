import { createIdleWorker } from '../idleWorker';

/**
 * A spreadsheet written by exceljs on a thread of its own. Turning rows into XML and zipping them is
 * most of an export's work: on the page's thread a chunk of 500 cases held it 65 ms, a call beside it
 * waiting up to 199–703 ms (the whole register of 100,000 cases: 17 s of it); and loading exceljs
 * there held it 540 ms at the first period report. Here the page's thread hands over the cells; the
 * writer answers each message when it is written, so at most one chunk waits for it.
 *
 * Plain JavaScript evaluated from source (core/idleWorker.ts), requiring exceljs's writer by the path resolved
 * here, so it runs the same in the bundled host, the Electron main process and the tests.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WorkbookWriter = require(workerData.writer);
const { file, title, register } = workerData;
const workbook = new WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
workbook.creator = 'ComplaintDesk';
let sheets = 0;
let sheet = null;
let onSheet = 0;
let failure = null;
// A write that fails (a full disk) is said at the next answer, not lost in the stream.
workbook.stream.on('error', (error) => { failure = failure || error; });
function addSheet(name, columns, frozen) {
  sheets++;
  const s = workbook.addWorksheet(name, frozen ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
  s.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  if (columns.some((c) => c.header)) {
    s.getRow(1).font = { bold: true };
    s.getRow(1).commit();
  }
  return s;
}
// Each name at most 31 characters, as Excel requires: 案件登记簿, 案件登记簿（续2）…
const registerSheet = () => addSheet(sheets === 0 ? register.sheetName : register.sheetName + '（续' + (sheets + 1) + '）', register.columns, true);
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
// The register's rows, in sheets of at most register.sheetRows rows (the header one of them).
async function rows(cells) {
  sheet = sheet || registerSheet();
  for (const row of cells) {
    if (onSheet === register.sheetRows - 1) {
      // A finished sheet is written out whole before the next begins (the streaming writer keeps none).
      sheet.commit();
      sheet = registerSheet();
      onSheet = 0;
    }
    sheet.addRow(row).commit();
    onSheet++;
  }
  await drained(sheet.stream);
}
// A whole sheet of a few hundred cells (the period report's), each row with its own look.
function whole(spec) {
  const s = addSheet(spec.name, spec.columns, spec.frozen);
  for (const line of spec.rows) {
    const row = s.addRow(line.cells);
    if (line.font) row.font = line.font;
    for (const [col, numFmt] of Object.entries(line.numFmts || {})) row.getCell(Number(col)).numFmt = numFmt;
    row.commit();
  }
  s.commit();
}
// One message at a time: the next waits while a chunk drains.
let queue = Promise.resolve();
parentPort.on('message', (m) => {
  queue = queue.then(() => handle(m));
});
async function handle(m) {
  try {
    if (failure) throw failure;
    if (m.rows) await rows(m.rows);
    else if (m.sheet) whole(m.sheet);
    else if (m.end) {
      if (sheet) sheet.commit();
      else if (register) registerSheet().commit();
      workbook.title = title;
      await workbook.commit();
    }
    if (failure) throw failure;
    // What the thread holds in buffers once the message is written: the sheet and the zip's backlog.
    parentPort.postMessage({ id: m.id, ok: true, sheets, buffers: process.memoryUsage().arrayBuffers });
  } catch (error) {
    parentPort.postMessage({ id: m.id, ok: false, code: error && error.code, message: String((error && error.message) || error) });
  }
}
`;

export interface SheetColumn {
  /** Without one, the sheet has no header row. */
  header?: string;
  width: number;
  numFmt?: string;
}

/** A sheet written whole: its rows, each with its cells and, where it differs, its look. */
export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  /** The header row kept in view. */
  frozen?: boolean;
  rows: { cells: unknown[]; font?: { bold?: boolean; italic?: boolean; size?: number }; numFmts?: Record<number, string> }[];
}

export interface WorkbookWriter {
  /** Writes the register's rows (each its cells, in the columns' order); resolves once they are written, with the bytes the thread then holds in buffers. */
  rows(cells: unknown[][]): Promise<number>;
  /** Writes a whole sheet. */
  sheet(spec: SheetSpec): Promise<void>;
  /** Ends the file; resolves with the number of sheets. */
  end(): Promise<number>;
  /** Stops the thread (the file it left is the caller's to remove). */
  stop(): Promise<void>;
}

type Answer = { ok: true; sheets: number; buffers: number } | { ok: false; code?: string; message: string };

let writerPath: string | undefined;

/**
 * A writer of one .xlsx. With `register`, its rows go in one sheet, and in more of the same columns
 * past `sheetRows` rows each (the header one of them).
 */
/**
 * The thread's old generation held to 32 MB: V8 otherwise lets a young thread's heap grow well past
 * what it keeps alive before collecting, and the export was the host's largest rise in memory. The
 * whole million (990,147 cases, one sheet) written here: the host's peak +79 MB and 159 s without a
 * limit, +56 MB and 152 s at 32; at 24, 183 s; at 16 (the smallest it was tried at, and enough: what
 * the writer keeps alive is bounded by `HELD_MOST` and one chunk), 277 s, V8 collecting all the time.
 */
const SHEET_HEAP = { maxOldGenerationSizeMb: 32 };

export function startWorkbookWriter(file: string, o: { title: string; register?: { sheetName: string; columns: SheetColumn[]; sheetRows: number } }): WorkbookWriter {
  // exceljs's streaming writer alone, not the package's whole index (its in-memory workbook, its
  // readers and CSV): the thread is 11 MB smaller and starts in 104 ms instead of 320 (measured in a
  // bare thread on this machine). exceljs 4.4 has no "exports" map, so its files are its API too.
  writerPath ??= require.resolve('exceljs/lib/stream/xlsx/workbook-writer.js');
  const thread = createIdleWorker<Answer & { id?: number }, Answer>({
    source: SOURCE,
    workerData: () => ({ writer: writerPath, file, ...o }),
    // The workbook lives in the thread: it ends at stop(), never for being idle while the next chunk is read.
    idleMs: 2 ** 31 - 1,
    name: "the spreadsheet's thread",
    resourceLimits: SHEET_HEAP,
    answer: (m) => m,
    failed: (detail) => ({ ok: false, message: detail }),
  });
  // After a failure the file is spoilt: nothing more is written (a new thread would begin it again).
  let spoilt: Error | null = null;
  const ask = async (message: Record<string, unknown>) => {
    if (spoilt) throw spoilt;
    const a = await thread.ask(message);
    if (a.ok) return a;
    spoilt = Object.assign(new Error(a.message), { code: a.code });
    throw spoilt;
  };
  return {
    rows: async (cells) => (await ask({ rows: cells })).buffers,
    sheet: async (spec) => void (await ask({ sheet: spec })),
    end: async () => (await ask({ end: true })).sheets,
    stop: () => thread.stop(),
  };
}
