// electron/main/main.ts wired to a fake 'electron' module: the real Electron binary cannot run
// here, and requiring 'electron' from Node would start a download. esbuild bundles main.ts as the
// build does, with 'electron' swapped for the fake, so these tests exercise the shipped wiring:
// scheme privileges, window options, permission and navigation handlers, the app:// handler, IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME, windowOptions } from '../../electron/main/policy.js';
import { NONCE_PLACEHOLDER } from '../../electron/common/csp.js';
import { inflatedSize, IN_THREAD_MAX_BYTES } from '../../electron/core/excel/capped-worker.js';
import { randomBytes } from '../fixtures/excel/hostile.js';
import { rawXlsx, sheetXml } from '../fixtures/excel/xlsx.js';
import { startHostProcess } from '../helpers/host-process.js';
import { breakIndexEntry } from '../helpers/damage.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
type Fn = (...args: any[]) => any;

let bundleFile: string;
let tmp: string;

let bundleDir: string;
/** The Excel reader as built beside the bundle (dist/excel/read-worker.mjs), pinned in main by its SHA-256. */
let readerScript: string;
/** Electron's utility process, played by a Node child that gets process.parentPort as Electron gives it. */
let utilityShim: string;

beforeAll(async () => {
  // Inside the project, so the bundle's require('better-sqlite3') finds node_modules. Laid out as dist/
  // is (electron/main.cjs beside core/workspace-worker.mjs and excel/read-worker.mjs), and pinned as
  // the build pins it, so main finds and checks its workers as the app does.
  bundleDir = path.join(ROOT, '.cache', `test-electron-main-${process.pid}`);
  fs.mkdirSync(bundleDir, { recursive: true });
  bundleFile = path.join(bundleDir, 'electron', 'main.cjs');
  readerScript = path.join(bundleDir, 'excel', 'read-worker.mjs');
  await build({ entryPoints: [path.join(ROOT, 'electron/core/excel/capped-worker-entry.ts')], outfile: readerScript, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'silent' });
  const define = { __PMO_READER_WORKER_SHA256__: JSON.stringify(createHash('sha256').update(fs.readFileSync(readerScript)).digest('hex')) };
  await build({
    entryPoints: [path.join(ROOT, 'electron/core/workspace-worker.ts')],
    outfile: path.join(bundleDir, 'core', 'workspace-worker.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    define,
  });
  utilityShim = path.join(bundleDir, 'utility-shim.mjs');
  // Messages that come before the script listens are queued, as Electron queues them on parentPort.
  fs.writeFileSync(
    utilityShim,
    `import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
const port = new EventEmitter();
const queued = [];
port.postMessage = (message) => process.send(message);
process.on('message', (data) => (port.listenerCount('message') > 0 ? port.emit('message', { data, ports: [] }) : queued.push(data)));
port.on('newListener', (event) => event === 'message' && queueMicrotask(() => { for (const data of queued.splice(0)) port.emit('message', { data, ports: [] }); }));
Object.defineProperty(process, 'parentPort', { value: port });
await import(pathToFileURL(process.argv[2]).href);
`,
  );
  await build({
    define,
    entryPoints: [path.join(ROOT, 'electron/main/main.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake-electron' }));
          b.onLoad({ filter: /.*/, namespace: 'fake-electron' }, () => ({
            contents: 'module.exports = globalThis.__pmoFakeElectron;',
            loader: 'js',
          }));
        },
      },
    ],
  });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-electron-main-'));
});

afterAll(() => {
  fs.rmSync(bundleDir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

const savedBinding = process.env.PMO_SQLITE_BINDING;
const running: Fake[] = [];
/** Every utility process the fakes started (each must have ended by the end of its test). */
const utilityChildren: ChildProcess[] = [];
afterEach(async () => {
  for (const fake of running.splice(0)) await fake.quit(); // closes the workspace
  for (const child of utilityChildren.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (savedBinding === undefined) delete process.env.PMO_SQLITE_BINDING;
  else process.env.PMO_SQLITE_BINDING = savedBinding;
});

let counter = 0;
function appRoot(): string {
  const root = path.join(tmp, `app-${++counter}`);
  fs.cpSync(path.join(ROOT, 'drizzle/migrations'), path.join(root, 'drizzle/migrations'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist/renderer'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/renderer/index.html'), `<meta name="pmo-style-nonce" content="${NONCE_PLACEHOLDER}">`);
  return root;
}

interface FakeOptions {
  lock?: boolean;
  packaged?: boolean;
  locale?: string;
  userData?: string;
  /** Where the save dialog answers a PDF goes (cancelled when absent). */
  savePath?: string;
  /** Each utility process meets a fatal V8 error once spawned (Electron's 'error', then 'exit'). */
  utilityFatal?: boolean;
}

type Fake = ReturnType<typeof fakeElectron>;

function fakeElectron(options: FakeOptions = {}) {
  const appPath = appRoot();
  const userData = options.userData ?? path.join(appPath, 'userData');
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  // Starting ends with a window, a quit or an exit (the workspace opens in its thread first).
  let markSettled!: () => void;
  const settled = new Promise<void>((resolve) => (markSettled = resolve));
  const listeners = new Map<string, Fn[]>();
  const calls = {
    sandbox: false,
    quit: 0,
    exit: [] as number[],
    errors: [] as string[][],
    schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    ipc: new Map<string, Fn>(),
    protocols: new Map<string, Fn>(),
    menu: null as unknown,
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    devicePermission: null as Fn | null,
    beforeRequest: null as Fn | null,
    windows: [] as FakeWindow[],
    pdf: [] as unknown[],
    saveDialogs: [] as { defaultPath?: string }[],
    messageBoxes: [] as { type: string; message: string; detail: string }[],
    forks: [] as { modulePath: string; args: string[]; options: { env?: Record<string, string>; execArgv?: string[]; stdio?: unknown; serviceName?: string }; child: ChildProcess }[],
  };

  /** utilityProcess.fork: a Node child running the module, with process.parentPort (utilityShim). */
  function forkUtility(modulePath: string, args: string[], forkOptions: (typeof calls.forks)[number]['options']) {
    const child = fork(utilityShim, [modulePath, ...args], {
      env: forkOptions.env ?? process.env,
      execArgv: forkOptions.execArgv ?? [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    utilityChildren.push(child);
    calls.forks.push({ modulePath, args, options: forkOptions, child });
    const utility = Object.assign(new EventEmitter(), {
      pid: child.pid as number | undefined,
      postMessage: (message: unknown) => void child.send(message as never),
      kill: () => child.kill('SIGTERM'),
    });
    child.once('spawn', () => {
      utility.emit('spawn');
      if (options.utilityFatal) {
        utility.emit('error', 'FatalError', 'v8::internal::Heap::FatalProcessOutOfMemory', '{}');
        child.kill('SIGKILL');
      }
    });
    child.on('message', (m) => utility.emit('message', m));
    child.once('exit', (code, signal) => {
      utility.pid = undefined;
      utility.emit('exit', code ?? (signal ? 1 : 0));
    });
    return utility;
  }

  class FakeWindow {
    readonly webContents = {
      id: calls.windows.length + 1,
      reloads: 0,
      reload() {
        this.reloads++;
      },
      printToPDF: (opts: unknown) => {
        calls.pdf.push(opts);
        return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
      },
    };
    readonly events = new Map<string, Fn>();
    url = '';
    shown = false;
    focused = false;
    constructor(readonly options: unknown) {
      calls.windows.push(this);
      markSettled();
    }
    once(event: string, fn: Fn) {
      this.events.set(event, fn);
    }
    on(event: string, fn: Fn) {
      this.events.set(event, fn);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
  }

  const electron = {
    app: {
      isPackaged: options.packaged ?? false,
      enableSandbox: () => void (calls.sandbox = true),
      requestSingleInstanceLock: () => options.lock ?? true,
      quit: () => {
        calls.quit++;
        markSettled();
      },
      exit: (code: number) => {
        calls.exit.push(code);
        markSettled();
      },
      on: (event: string, fn: Fn) => void listeners.set(event, [...(listeners.get(event) ?? []), fn]),
      whenReady: () => ready,
      getAppPath: () => appPath,
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
        return userData;
      },
      getVersion: () => '9.9.9',
      getLocale: () => options.locale ?? 'ja',
      setAboutPanelOptions: () => {},
    },
    BrowserWindow: FakeWindow,
    utilityProcess: { fork: forkUtility },
    // The OS's protected storage as Linux without a keyring has it: main keeps a team password in memory only.
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    protocol: { registerSchemesAsPrivileged: (schemes: typeof calls.schemes) => void calls.schemes.push(...schemes) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => void (calls.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => void (calls.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => void (calls.devicePermission = fn),
        webRequest: { onBeforeRequest: (fn: Fn) => void (calls.beforeRequest = fn) },
        protocol: { handle: (scheme: string, fn: Fn) => void calls.protocols.set(scheme, fn) },
      },
    },
    ipcMain: { handle: (channel: string, fn: Fn) => void calls.ipc.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void (calls.menu = menu),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => void calls.errors.push([title, message]),
      showMessageBox: (_win: unknown, opts: { type: string; message: string; detail: string }) => {
        calls.messageBoxes.push(opts);
        return Promise.resolve({ response: 0 });
      },
      showSaveDialog: (_win: unknown, opts: { defaultPath?: string }) => {
        calls.saveDialogs.push(opts);
        return Promise.resolve(options.savePath ? { canceled: false, filePath: options.savePath } : { canceled: true });
      },
    },
  };

  const fake = {
    appPath,
    userData,
    calls,
    emit(event: string, ...args: unknown[]) {
      for (const fn of listeners.get(event) ?? []) fn(...args);
    },
    listens: (event: string) => (listeners.get(event) ?? []).length > 0,
    /** Loads main.ts against this fake, then fires 'ready'. */
    async start() {
      (globalThis as Record<string, unknown>).__pmoFakeElectron = electron;
      delete require.cache[bundleFile];
      require(bundleFile);
      running.push(fake);
      markReady();
      await settled;
    },
    /** Fires 'will-quit' as Electron does; answers once main has let the app quit. */
    async quit() {
      const quits = calls.quit;
      let prevented = false;
      fake.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) return false;
      while (calls.quit === quits) await new Promise((resolve) => setImmediate(resolve));
      return true;
    },
    get window() {
      return calls.windows[0]!;
    },
    invoke(sender: { id: number } | undefined, frame: { url: string; parent: unknown } | null, method: unknown, args?: unknown) {
      const handler = calls.ipc.get('pmo:invoke')!;
      // Main answers JSON text, which the preload parses.
      return Promise.resolve(handler({ sender: sender ?? fake.window.webContents, senderFrame: frame }, method, args)).then((json: Uint8Array | string) => JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json)) as unknown);
    },
  };
  return fake;
}

const topFrame = { url: APP_ENTRY_URL, parent: null };

describe('Electron main, before ready', () => {
  it('registers app:// as standard and secure, without CORS or CSP bypass, and sandboxes every renderer', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(fake.calls.schemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
    expect(fake.calls.sandbox).toBe(true);
  });

  it('a packaged app refuses to start with a remote-debugging or inspector switch; a dev build starts', async () => {
    const argv = process.argv;
    try {
      for (const flag of ['--remote-debugging-port=9222', '--inspect', '-remote-debugging-pipe', '/REMOTE-DEBUGGING-PORT=9222']) {
        process.argv = [...argv, flag];
        const fake = fakeElectron({ packaged: true });
        await fake.start();
        expect(fake.calls.exit, flag).toEqual([1]);
        expect(fake.calls.errors[0]![1], flag).toContain(flag);
        expect(fake.calls.windows, flag).toHaveLength(0);
        expect(fake.calls.ipc.size, flag).toBe(0);
      }
      process.argv = [...argv, '--remote-debugging-port=9222'];
      const dev = fakeElectron({ packaged: false });
      await dev.start();
      expect(dev.calls.exit).toEqual([]);
      expect(dev.calls.windows).toHaveLength(1);
    } finally {
      process.argv = argv;
    }
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = fakeElectron({ lock: false });
    await fake.start();
    expect(fake.calls.quit).toBe(1);
    expect(fake.calls.windows).toHaveLength(0);
    expect(fake.calls.ipc.size).toBe(0);
  });
});

describe('Electron main, once ready', () => {
  it('opens the workspace in userData and one window with the policy options', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(fake.calls.errors).toEqual([]);
    expect(fs.existsSync(path.join(fake.userData, 'pmo-desk.sqlite'))).toBe(true);
    expect(fake.calls.windows).toHaveLength(1);
    expect(fake.window.options).toEqual(windowOptions(path.join(fake.appPath, 'dist/electron/preload.cjs')));
    expect((fake.window.options as ReturnType<typeof windowOptions>).webPreferences.devTools).toBe(true);
    expect(fake.window.url).toBe(APP_ENTRY_URL);
    expect(fake.window.shown).toBe(false);
    fake.window.events.get('ready-to-show')!();
    expect(fake.window.shown).toBe(true);
  });

  it('serves the renderer over app:// with the CSP and one nonce per launch', async () => {
    const fake = fakeElectron();
    await fake.start();
    const handler = fake.calls.protocols.get(APP_SCHEME)!;
    const first = (await handler({ url: 'app://pmo/', method: 'GET' })) as Response;
    const second = (await handler({ url: APP_ENTRY_URL, method: 'GET' })) as Response;
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(await first.text()).toBe(`<meta name="pmo-style-nonce" content="${nonce}">`);
    expect(second.headers.get('content-security-policy')).toBe(csp);
    expect(((await handler({ url: 'app://pmo/..%2f..%2fdrizzle%2fmigrations', method: 'GET' })) as Response).status).toBe(404);
  });

  it('denies every permission and blocks network requests', async () => {
    const fake = fakeElectron();
    await fake.start();
    const answers: boolean[] = [];
    fake.calls.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.calls.permissionCheck!({}, 'clipboard-read', 'app://pmo', {})).toBe(false);
    expect(fake.calls.devicePermission!({ deviceType: 'usb' })).toBe(false);
    const cancel = (url: string) => {
      let answer: unknown;
      fake.calls.beforeRequest!({ url }, (response: unknown) => (answer = response));
      return answer;
    };
    expect(cancel('https://example.com/')).toEqual({ cancel: true });
    expect(cancel(APP_ENTRY_URL)).toEqual({ cancel: false });
  });

  it('locks down every web contents: navigation, redirects, webviews and new windows', async () => {
    const fake = fakeElectron();
    await fake.start();
    const handlers = new Map<string, Fn>();
    let openHandler: Fn | null = null;
    fake.emit('web-contents-created', {}, {
      on: (event: string, fn: Fn) => handlers.set(event, fn),
      setWindowOpenHandler: (fn: Fn) => (openHandler = fn),
    });
    const prevented = (event: string, url: string) => {
      let stopped = false;
      handlers.get(event)!({ url, preventDefault: () => (stopped = true) });
      return stopped;
    };
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(prevented(event, 'https://example.com/'), event).toBe(true);
      expect(prevented(event, 'app://pmo.evil/'), event).toBe(true);
      expect(prevented(event, `${APP_ENTRY_URL}#/wbs`), event).toBe(false);
    }
    expect(prevented('will-attach-webview', 'app://pmo/')).toBe(true);
    expect(openHandler!({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('sets a Japanese menu when the OS speaks Japanese', async () => {
    const fake = fakeElectron({ locale: 'ja' });
    await fake.start();
    const menu = fake.calls.menu as { template: { label: string }[] };
    expect(menu.template.map((m) => m.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
  });

  it("ファイル → 作業データの整合性チェック runs integrity_check and says the result; on damage the window reloads into recovery", async () => {
    const fake = fakeElectron({ locale: 'ja' });
    await fake.start();
    expect(await fake.invoke(undefined, topFrame, 'project.create', { name: 'Alpha' })).toMatchObject({ ok: true });
    const find = (items: { label?: string; submenu?: unknown[] }[]): { click?: () => void } | undefined => {
      for (const i of items) {
        if (i.label === '作業データの整合性チェック…') return i as { click?: () => void };
        const inner = i.submenu && find(i.submenu as never);
        if (inner) return inner;
      }
      return undefined;
    };
    const item = find((fake.calls.menu as { template: never[] }).template)!;
    const boxed = async (n: number) => {
      item.click!();
      await expect.poll(() => fake.calls.messageBoxes.length).toBe(n);
      return fake.calls.messageBoxes[n - 1]!;
    };
    expect(await boxed(1)).toMatchObject({ type: 'info', message: '作業データのファイルに問題はありません。' });
    expect(fake.window.webContents.reloads).toBe(0);
    // An index that lost a row, which quick_check misses and integrity_check finds.
    running.splice(running.indexOf(fake), 1);
    await fake.quit();
    breakIndexEntry(path.join(fake.userData, 'pmo-desk.sqlite'));
    const again = fakeElectron({ locale: 'ja', userData: fake.userData });
    await again.start();
    const itemAgain = find((again.calls.menu as { template: never[] }).template)!;
    itemAgain.click!();
    await expect.poll(() => again.calls.messageBoxes.length).toBe(1);
    expect(again.calls.messageBoxes[0]).toMatchObject({ type: 'error', detail: expect.stringMatching(/missing from index/) });
    await expect.poll(() => again.window.webContents.reloads).toBe(1);
    expect(await again.invoke(undefined, topFrame, 'project.create', { name: 'Beta' })).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
  });

  it('focuses the existing window when a second instance starts', async () => {
    const fake = fakeElectron();
    await fake.start();
    fake.emit('second-instance', {}, [], '/');
    expect(fake.window.shown && fake.window.focused).toBe(true);
  });
});

describe('Electron main, IPC', () => {
  it('answers our own top frame with the core envelope', async () => {
    const fake = fakeElectron();
    await fake.start();
    const info = await fake.invoke(undefined, topFrame, 'app.info', {});
    expect(info).toMatchObject({ ok: true, result: { shell: 'electron', version: '9.9.9', osLocale: 'ja' } });
    expect(await fake.invoke(undefined, topFrame, 'project.create', { name: 'Alpha' })).toMatchObject({ ok: true });
    expect(await fake.invoke(undefined, topFrame, 'project.list', {})).toMatchObject({ ok: true, result: [{ name: 'Alpha' }] });
    expect(await fake.invoke(undefined, topFrame, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // 設定 → チームで使う is answered by main's switch, with where it would keep the password (no keyring: memory).
    expect(await fake.invoke(undefined, topFrame, 'team.get', {})).toEqual({ ok: true, result: { database: null, keeping: 'memory', backupFolder: expect.any(String) } });
  });

  it('runs the core in its worker thread and closes it cleanly on quit (no lock left behind)', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(await fake.invoke(undefined, topFrame, 'project.create', { name: 'Alpha' })).toMatchObject({ ok: true });
    // The window is the caller: job.list answers its own calls (none now) from main, not the worker.
    expect(await fake.invoke(undefined, topFrame, 'job.list', {})).toEqual({ ok: true, result: [] });
    const lock = path.join(fake.userData, 'pmo-desk.lock');
    expect(fs.existsSync(lock)).toBe(true);
    running.splice(running.indexOf(fake), 1);
    expect(await fake.quit()).toBe(true); // will-quit waited for the workspace to close
    expect(fs.existsSync(lock)).toBe(false);
    expect(await fake.quit()).toBe(false); // the second will-quit lets the app end
  });

  it.each([
    ['a subframe', { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } }],
    ['another origin', { url: 'https://example.com/', parent: null }],
    ['a look-alike origin', { url: 'app://pmo.evil/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s', async (_name, frame) => {
    const fake = fakeElectron();
    await fake.start();
    expect(await fake.invoke(undefined, frame, 'project.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('saves the page as it prints as a PDF where the user chooses, for our own top frame only', async () => {
    const savePath = path.join(tmp, 'ガント.pdf');
    const fake = fakeElectron({ savePath });
    await fake.start();
    const save = (sender: unknown, frame: unknown, paper: unknown, name: unknown) => fake.calls.ipc.get('pmo:printToPdf')!({ sender, senderFrame: frame }, paper, name);
    expect(await save(fake.window.webContents, topFrame, 'A3', 'ガント_20251205')).toEqual({ saved: true });
    expect(fake.calls.saveDialogs[0]!.defaultPath).toBe('ガント_20251205.pdf');
    expect(fake.calls.pdf).toEqual([{ landscape: true, pageSize: 'A3', printBackground: true, preferCSSPageSize: true }]);
    expect(fs.readFileSync(savePath, 'utf8')).toBe('%PDF-1.7 fake');
    // A name cannot reach outside the folder the user picks; an unknown paper, another web contents or a subframe is refused.
    await save(fake.window.webContents, topFrame, 'A4', '../..\\x:y');
    expect(fake.calls.saveDialogs[1]!.defaultPath).toBe('.._.._x_y.pdf');
    expect(await save(fake.window.webContents, topFrame, 'Letter', 'x')).toMatchObject({ saved: false, error: expect.stringContaining('A3 or A4') });
    expect(await save({ id: 99 }, topFrame, 'A3', 'x')).toMatchObject({ saved: false, error: expect.stringContaining('Refused') });
    expect(await save(fake.window.webContents, { url: APP_ENTRY_URL, parent: {} }, 'A3', 'x')).toMatchObject({ saved: false });
    expect(fake.calls.pdf).toHaveLength(2);
    // Cancelled in the dialog: nothing is printed or written.
    const cancelled = fakeElectron();
    await cancelled.start();
    expect(await cancelled.calls.ipc.get('pmo:printToPdf')!({ sender: cancelled.window.webContents, senderFrame: topFrame }, 'A3', 'x')).toEqual({ saved: false });
    expect(cancelled.calls.pdf).toEqual([]);
  });

  it('refuses another web contents even on our URL', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(await fake.invoke({ id: 99 }, topFrame, 'project.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a method name that is not a string', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(await fake.invoke(undefined, topFrame, { toString: () => 'project.list' }, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('Electron main, a big workbook', () => {
  const rows = (n: number) => sheetXml(Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>タスク${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join(''));
  /** Past IN_THREAD_MAX_BYTES by a 9 MB picture the reader never inflates: cheap to read, big by its parts. */
  const bigFile = rawXlsx({ sheet: rows(200), extra: [{ name: 'xl/media/image1.png', data: randomBytes(9 * 1024 * 1024), method: 0 }] });
  const big = () => bigFile.toString('base64');
  const small = () => rawXlsx().toString('base64');

  it('is big by what capped-worker.ts decides on (its parts inflate past 8 MB)', () => {
    expect(inflatedSize(bigFile)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
  });
  const ended = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

  it('is read in a utility process main starts from its pinned script, with no environment; it ends after the file, a small one stays in the thread', async () => {
    const fake = fakeElectron();
    await fake.start();
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--require /nowhere/evil.cjs'; // main's environment does not reach the reader
    try {
      const preview = await fake.invoke(undefined, topFrame, 'excel.sheetPreview', { fileName: 'big.xlsx', dataBase64: big() });
      expect(preview).toMatchObject({ ok: true, result: { sheets: [{ name: 'WBS' }] } });
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
    }
    // The read and the look at its defined names: one process each, from main's own resolved script.
    expect(fake.calls.forks.map((f) => f.modulePath)).toEqual([readerScript, readerScript]);
    for (const f of fake.calls.forks) {
      expect(f.options.env).toEqual({});
      expect(f.options.execArgv).toEqual([]);
      expect(f.args).toEqual([]);
    }
    // Main ends each one once it has answered: all the memory the file took goes back.
    await expect.poll(() => fake.calls.forks.every((f) => ended(f.child))).toBe(true);
    expect(await fake.invoke(undefined, topFrame, 'excel.sheetPreview', { fileName: 'small.xlsx', dataBase64: small() })).toMatchObject({ ok: true });
    expect(fake.calls.forks).toHaveLength(2);
  });

  it('the reader script, run as a utility process, reads in a thread capped as the app caps it: past its heap it answers out of memory', async () => {
    // What main's reader-utility.ts sends and gets back, without main: the script under the stand-in.
    const ask = (heapMb: number) => {
      const child = fork(utilityShim, [readerScript], { env: {}, execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
      utilityChildren.push(child);
      const answer = new Promise<{ kind: string; code?: string }>((resolve) => child.once('message', resolve as never));
      child.send({ bytes: rawXlsx({ sheet: rows(5_000) }), fileName: 'big.xlsx', job: { kind: 'read' }, heapMb } as never);
      return answer.finally(() => child.kill());
    };
    // (A read within its cap answers the model: the first test of this block, through main.)
    expect(await ask(4)).toMatchObject({ kind: 'error', code: 'ERR_WORKER_OUT_OF_MEMORY' });
  });

  it('a utility process that V8 cannot go on in (out of memory) is a refusal naming the file, not a crash of main', async () => {
    const fake = fakeElectron({ utilityFatal: true });
    await fake.start();
    const preview = await fake.invoke(undefined, topFrame, 'excel.sheetPreview', { fileName: 'big.xlsx', dataBase64: big() });
    expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/big\.xlsx: needs more than 256 MB to read and was stopped/) } });
    expect(fake.calls.forks).toHaveLength(1);
    // The app goes on.
    expect(await fake.invoke(undefined, topFrame, 'project.create', { name: 'Alpha' })).toMatchObject({ ok: true });
  });

  it('refuses a reader script that is not the one installed, naming the file, and starts nothing', async () => {
    const fake = fakeElectron();
    await fake.start();
    const installed = fs.readFileSync(readerScript);
    fs.appendFileSync(readerScript, '\n// changed after installing\n');
    try {
      const preview = await fake.invoke(undefined, topFrame, 'excel.sheetPreview', { fileName: 'big.xlsx', dataBase64: big() });
      expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/big\.xlsx: .*is not the file installed with PMO Desk/) } });
      expect(fake.calls.forks).toEqual([]);
    } finally {
      fs.writeFileSync(readerScript, installed);
    }
  });
});

describe('Electron main, failures at open', () => {
  it('opens a file that is not a database in recovery (the window explains and offers backups) instead of exiting', async () => {
    const userData = path.join(tmp, `broken-${++counter}`);
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'pmo-desk.sqlite'), 'this is not a database, just some bytes '.repeat(200));
    const fake = fakeElectron({ userData, locale: 'en-US' });
    await fake.start();
    expect(fake.calls.errors).toEqual([]);
    expect(fake.calls.windows).toHaveLength(1);
    expect(await fake.invoke(undefined, topFrame, 'workspace.status', {})).toMatchObject({ ok: true, result: { condition: 'damaged', problem: 'notDatabase' } });
    expect(await fake.invoke(undefined, topFrame, 'project.list', {})).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
  });

  it('shows an error dialog naming the other process, in the UI language, when the workspace is open elsewhere', async () => {
    const userData = path.join(tmp, `locked-${++counter}`);
    fs.mkdirSync(userData, { recursive: true });
    const owner = { pid: process.ppid, host: os.hostname(), shell: 'web', since: '2025-04-01T09:00:00.000Z', boot: Math.round(Date.now() - os.uptime() * 1000), state: 'open' };
    fs.writeFileSync(path.join(userData, 'pmo-desk.lock'), JSON.stringify(owner));
    const fake = fakeElectron({ userData, locale: 'ja-JP' });
    await fake.start();
    expect(fake.calls.errors).toHaveLength(1);
    expect(fake.calls.errors[0]![0]).toBe('PMO Desk を起動できませんでした');
    expect(fake.calls.errors[0]![1]).toContain(`Web ホスト、${os.hostname()} のプロセス ${process.ppid}`);
    expect(fake.calls.exit).toEqual([1]);
    expect(fake.calls.windows).toHaveLength(0);
  });

  it('refuses a folder a real web host has open, naming it, and takes over once the host was killed (-9)', async () => {
    const userData = path.join(tmp, `shared-${++counter}`);
    fs.mkdirSync(userData, { recursive: true });
    const host = startHostProcess(userData);
    try {
      expect(await host.line).toMatch(/^PMO Desk: http:\/\/127\.0\.0\.1:\d+\/#token=/);
      const refused = fakeElectron({ userData, locale: 'en-US' });
      await refused.start();
      expect(refused.calls.exit).toEqual([1]);
      expect(refused.calls.windows).toHaveLength(0);
      expect(refused.calls.errors[0]![1]).toContain(`This workspace is already open in PMO Desk (the web host, process ${host.pid} on ${os.hostname()}`);
    } finally {
      await host.kill(); // its lock stays behind, naming a process that is gone
    }
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'pmo-desk.lock'), 'utf8'))).toMatchObject({ pid: host.pid, shell: 'web' });
    const fake = fakeElectron({ userData });
    await fake.start();
    expect(fake.calls.errors).toEqual([]);
    expect(fake.calls.windows).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'pmo-desk.lock'), 'utf8'))).toMatchObject({ pid: process.pid, shell: 'electron', state: 'open' });
  }, 120_000);

  it('a web host started on the folder the app has open is refused, naming the app window; it opens once the app has quit', async () => {
    const fake = fakeElectron();
    await fake.start();
    expect(fake.calls.windows).toHaveLength(1);
    const second = startHostProcess(fake.userData);
    const { code, stderr } = await second.exit;
    expect(code).toBe(1);
    expect(stderr).toContain(`This workspace is already open in PMO Desk (the app window, process ${process.pid} on ${os.hostname()}`);
    running.splice(running.indexOf(fake), 1);
    expect(await fake.quit()).toBe(true);
    const third = startHostProcess(fake.userData);
    try {
      expect(await third.line).toMatch(/^PMO Desk: http:/);
    } finally {
      await third.kill();
    }
  }, 120_000);

  it('loads the binding named by PMO_SQLITE_BINDING in development', async () => {
    process.env.PMO_SQLITE_BINDING = path.join(tmp, 'missing', 'better_sqlite3.node');
    const fake = fakeElectron();
    await fake.start();
    expect(fake.calls.exit).toEqual([1]);
    expect(fake.calls.errors[0]![1]).toMatch(/missing/);
  });

  it('ignores PMO_SQLITE_BINDING in the packaged app', async () => {
    process.env.PMO_SQLITE_BINDING = path.join(tmp, 'missing', 'better_sqlite3.node');
    const fake = fakeElectron({ packaged: true });
    await fake.start();
    expect(fake.calls.errors).toEqual([]);
    expect(fake.calls.windows).toHaveLength(1);
  });
});
