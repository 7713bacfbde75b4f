/**
 * The print engine's own thread (browser mode; chromiumPrinter.ts drives it): playwright-core and
 * the Chromium it launches live here, not on the thread that answers the page. Loading
 * playwright-core alone held that thread ≈ 0.9 s at a million cases (README "Measured"), so a
 * call that came in while the engine warmed up waited for it. Plain JavaScript evaluated from this
 * string, as the other workers are (core/idleWorker.ts keeps it), so it runs the same in the
 * bundled host and the tests; the packages' entry files are resolved on the page's thread and given to it.
 *
 * Jobs: `warm` (start the browser), `print` (HTML → PDF bytes, moved to the page's thread, not
 * copied), `reset` (close the browser; the next job starts another), `close` (the same, at the end).
 * Each answer names the engine that did it, or says the engine could not start (`launchFailed`).
 */
export const PRINT_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const UNWANTED = ['--single-process', '--no-zygote', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials'];
const QUIET = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu', '--font-render-hinting=none'];

// The engine's own home, in the temp folder and removed with it: Chromium writes its settings,
// crash-report folders and caches under HOME and the XDG folders, and nothing of the print engine
// belongs in the office user's profile.
function scratchHome(env) {
  const dir = mkdtempSync(join(tmpdir(), 'complaintdesk-print-'));
  return {
    env: { ...env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function launch() {
  const home = scratchHome(workerData.env);
  try {
    const { chromium } = require(workerData.playwright);
    let browser;
    let engine;
    if (workerData.executable) {
      browser = await chromium.launch({ executablePath: workerData.executable, args: ['--no-sandbox', ...QUIET], env: home.env });
      engine = workerData.executable + ' ' + browser.version();
    } else {
      // The registry's build: a brotli-packed headless shell unpacked into the temp folder on first use.
      const loaded = require(workerData.bundled);
      const bundled = loaded.default || loaded;
      const path = await bundled.executablePath();
      // Its arguments are made for a cloud function. Left out here: one process for everything (a page
      // whose script hangs then hangs the browser, which no close can end) and the switches that
      // turn off the web's security — a notice needs none of them.
      const args = bundled.args.filter((a) => !UNWANTED.includes(a));
      browser = await chromium.launch({ executablePath: path, args: [...args, ...QUIET], env: home.env });
      engine = '@sparticuz/chromium ' + browser.version();
    }
    browser.on('disconnected', home.remove);
    return { browser, engine };
  } catch (error) {
    home.remove();
    throw error;
  }
}

let session = null;
function open() {
  if (!session) {
    const opening = (async () => {
      const { browser, engine } = await launch();
      browser.on('disconnected', () => { if (session === opening) session = null; });
      const page = await browser.newPage();
      return { browser, page, engine };
    })();
    opening.catch(() => { if (session === opening) session = null; });
    session = opening;
  }
  return session;
}

async function reset() {
  const old = session;
  session = null;
  if (old) await old.then((s) => s.browser.close()).catch(() => {});
}

const messageOf = (error) => String((error && error.message) || error);

parentPort.on('message', async ({ id, op, html }) => {
  if (op === 'reset' || op === 'close') {
    await reset();
    return parentPort.postMessage({ id });
  }
  let s;
  try {
    s = await open();
  } catch (error) {
    return parentPort.postMessage({ id, launchFailed: messageOf(error) });
  }
  if (op === 'warm') return parentPort.postMessage({ id, engine: s.engine });
  try {
    await s.page.setContent(html, { waitUntil: 'load' });
    // Every face loaded, a long last paragraph cut to go with the sign block (printReady.ts).
    await s.page.evaluate(workerData.prepare);
    // At 100 %: the notice's CSS keeps everything inside the page, so Chromium has nothing to shrink to fit.
    const pdf = await s.page.pdf({ preferCSSPageSize: true, printBackground: true, scale: 1 });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
    parentPort.postMessage({ id, engine: s.engine, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    // A page that failed or hung leaves the browser in doubt: the next notice gets a fresh one.
    await reset();
    parentPort.postMessage({ id, engine: s.engine, error: messageOf(error) });
  }
});
`;

