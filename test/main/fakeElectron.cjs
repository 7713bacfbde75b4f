/* global require, module, process, Buffer, Response, Request, setImmediate, __filename */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module loaded with node --require, standing in for one */
/**
 * A stand-in for the `electron` module, loaded with --require before the built main bundle
 * (out/main/index.js) runs under plain Node: app, BrowserWindow, protocol, ipcMain, session,
 * safeStorage, dialog and net as recording fakes. It lets test/main/shellWiring.test.ts drive the
 * shell's own wiring (what it registers, which sender it answers) against the real core. It says
 * nothing about Electron itself: that no Electron binary can be had here is why it exists.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const { fileURLToPath } = require('node:url');

const record = { singleInstanceLock: false, sandbox: false, schemes: [], protocols: {}, ipc: {}, ipcOn: {}, windows: [], errors: [], encrypted: 0 };

class WebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.sent = [];
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents(nextId++);
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return record.windows;
  }
  loadURL(url) {
    this.url = url;
    process.send?.({ type: 'window', url, webContentsId: this.webContents.id, options: { sandbox: this.options.webPreferences?.sandbox, contextIsolation: this.options.webPreferences?.contextIsolation } });
    return Promise.resolve();
  }
  loadFile() {
    return Promise.resolve();
  }
  show() {}
  isMinimized() {
    return false;
  }
  focus() {}
  isDestroyed() {
    return false;
  }
  destroy() {}
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: true,
  enableSandbox: () => (record.sandbox = true),
  requestSingleInstanceLock: () => (record.singleInstanceLock = true),
  whenReady: () => new Promise((resolve) => setImmediate(resolve)),
  getPath: (name) => (name === 'temp' ? os.tmpdir() : os.tmpdir()),
  quit: () => {
    const event = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    app.emit('before-quit', event);
    app.emit('will-quit', event);
    process.send?.({ type: 'quit' }, () => setImmediate(() => process.exit(0)));
  },
  exit: () => process.exit(0),
});

const webRequest = { onBeforeRequest: (_filter, fn) => (webRequest.before = fn), onHeadersReceived: (fn) => (webRequest.headers = fn) };
const fakeSession = {
  webRequest,
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
  setDevicePermissionHandler() {},
};

const electron = {
  app,
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record.schemes.push(...schemes.map((s) => s.scheme)),
    handle: (scheme, handler) => (record.protocols[scheme] = handler),
  },
  ipcMain: {
    handle: (channel, fn) => (record.ipc[channel] = fn),
    on: (channel, fn) => (record.ipcOn[channel] = fn),
  },
  session: { defaultSession: fakeSession, fromPartition: () => fakeSession },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s) => {
      record.encrypted++;
      return Buffer.from(`fake-safeStorage:${Buffer.from(s).toString('base64')}`);
    },
    decryptString: (b) => Buffer.from(String(b).replace(/^fake-safeStorage:/, ''), 'base64').toString(),
  },
  dialog: {
    showErrorBox: (title, message) => {
      record.errors.push({ title, message });
      process.send?.({ type: 'errorBox', title, message });
    },
    showMessageBoxSync: () => 0,
  },
  net: { fetch: async (url) => new Response(fs.readFileSync(fileURLToPath(url))) },
  webUtils: {},
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron') return __filename;
  return resolve.call(this, request, ...rest);
};
module.exports = electron;

/** The test's side: calls made as the window (or as a stranger) would make them. */
process.on('message', async (m) => {
  try {
    if (m.type === 'invoke') {
      const win = record.windows[0];
      const event = { sender: win.webContents, senderFrame: { url: m.url ?? win.url, parent: null } };
      const out = await record.ipc[m.channel](event, ...m.args);
      process.send({ type: 'reply', id: m.id, out });
    } else if (m.type === 'fetch') {
      const handler = record.protocols[m.scheme];
      const res = await handler(new Request(m.url, { headers: m.headers ?? {} }));
      const body = Buffer.from(await res.arrayBuffer()).toString('base64');
      process.send({ type: 'reply', id: m.id, out: { status: res.status, headers: Object.fromEntries(res.headers), body } });
    } else if (m.type === 'record') {
      process.send({ type: 'reply', id: m.id, out: { singleInstanceLock: record.singleInstanceLock, sandbox: record.sandbox, schemes: record.schemes, protocols: Object.keys(record.protocols), ipc: Object.keys(record.ipc), encrypted: record.encrypted, errors: record.errors } });
    } else if (m.type === 'closeAll') {
      app.emit('window-all-closed');
    }
  } catch (error) {
    process.send({ type: 'reply', id: m.id, error: String(error && error.stack) });
  }
});
