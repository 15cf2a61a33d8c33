// The Electron shell's security decisions, checked without Electron (requiring 'electron' from
// Node starts a download). electronegativity missed nodeIntegration next to sandbox:false in a
// test (SECURITY-NOTES.md), so the window options are pinned here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  appContentSecurityPolicy,
  denyDevicePermission,
  folderFiles,
  permissionCheckDecision,
  permissionRequestDecision,
  isAllowedNavigation,
  isBlockedRequest,
  isTrustedSender,
  resolveAppFile,
  windowOpenDecision,
  windowOptions,
} from '../../electron/main/policy.js';
import { serveAppRequest } from '../../electron/main/app-protocol.js';
import { integrityMessage, menuTemplate, type MenuItemTemplate } from '../../electron/main/menu.js';
import { NONCE_PLACEHOLDER } from '../../electron/common/csp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('window options', () => {
  const options = windowOptions('/app/dist/electron/preload.cjs');
  const web = options.webPreferences;

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
  });

  it('keeps web security on and everything network-bound off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('has no DevTools in a packaged build (hiding the menu item was not enough)', () => {
    expect(windowOptions('/p', { packaged: true }).webPreferences.devTools).toBe(false);
    expect(windowOptions('/p').webPreferences.devTools).toBe(true);
  });

  it('uses the given preload and no other injection point', () => {
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web).not.toHaveProperty('additionalArguments');
    expect(web).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('content security policy', () => {
  const csp = appContentSecurityPolicy('abc123');
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';

  it('never allows eval or inline scripts', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('script-src')).toBe("script-src 'self'");
  });

  it('allows inline styles only by nonce, and no remote origin anywhere', () => {
    expect(directive('style-src')).not.toContain('unsafe-inline');
    expect(directive('style-src')).toContain("'nonce-abc123'");
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
  });
});

describe('navigation', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/index.html#/wbs?project=1`,
    `${APP_ORIGIN}/assets/index.js`,
  ])('allows our own page %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'app://pmo.evil/',
    'app://evil.pmo/',
    'app://evil@pmo/', // userinfo before our host
    'app://pmo@evil/', // our name as userinfo, another host
    'app://pmo:pass@pmo/',
    'app://pmo:8080/',
    'app://other/',
    'app:pmo/index.html',
    'app:///pmo/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://pmo/0d6c0a9e',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'chrome://settings',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  // Electron grants all of these when no handler is installed.
  const permissions = [
    'clipboard-read',
    'display-capture',
    'fileSystem',
    'fullscreen',
    'geolocation',
    'hid',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'openExternal',
    'pointerLock',
    'serial',
    'usb',
    'window-management',
    'unknown',
  ];

  it.each(permissions)('refuses a request for %s', (permission) => {
    const answers: boolean[] = [];
    permissionRequestDecision({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(permissionCheckDecision({}, permission)).toBe(false);
  });

  it('gives writing to the clipboard only (a chart copied as PNG or SVG), never reading it, and no device', () => {
    const answers: boolean[] = [];
    permissionRequestDecision({}, 'clipboard-sanitized-write', (granted) => answers.push(granted));
    expect(answers).toEqual([true]);
    expect(permissionCheckDecision({}, 'clipboard-sanitized-write')).toBe(true);
    expect(permissionCheckDecision({}, 'clipboard-read')).toBe(false);
    expect(denyDevicePermission()).toBe(false);
  });
});

describe('IPC sender', () => {
  it('accepts only our own top frame on our origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/risks`, true)).toBe(true);
  });

  it('refuses a subframe, even one on our origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
  });

  it.each(['https://example.com/', 'app://pmo.evil/', 'app://evil@pmo/', 'file:///index.html', 'about:blank', ''])(
    'refuses a top frame on %s',
    (url) => {
      expect(isTrustedSender(url, true)).toBe(false);
    },
  );

  it('refuses a frame that no longer exists', () => {
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('network guard', () => {
  it.each(['https://example.com/x.js', 'http://127.0.0.1:3000/api', 'ws://localhost/', 'wss://a.b/', 'ftp://a/', 'file:///etc/passwd'])(
    'blocks %s',
    (url) => {
      expect(isBlockedRequest(url)).toBe(true);
    },
  );

  it.each([APP_ENTRY_URL, 'data:image/png;base64,AA==', 'blob:app://pmo/1', 'devtools://devtools/bundled/x.js'])(
    'lets %s through',
    (url) => {
      expect(isBlockedRequest(url)).toBe(false);
    },
  );
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/pmo/dist/renderer');
  const inside = (file: string | null) => file !== null && file.startsWith(root + path.sep);

  it('maps our URLs to files under the renderer build', () => {
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/index-29HScJVu.js?v=1#x`)).toBe(path.join(root, 'assets', 'index-29HScJVu.js'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/a%20b.css`)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each([
    `${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/assets/..%2F..%2F..%2Fsecret.txt`,
    `${APP_ORIGIN}/%2e%2e%2f%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/..%5c..%5csecret.txt`,
    `${APP_ORIGIN}/C:/Windows/win.ini`,
    `${APP_ORIGIN}/C%3A%5CWindows%5Cwin.ini`,
    `${APP_ORIGIN}/index.html%00.png`,
    `${APP_ORIGIN}/%E0%A4%A`, // malformed escape
    'app://pmo.evil/index.html',
    'app://evil@pmo/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    'https://example.com/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it.each([
    `${APP_ORIGIN}/../../etc/passwd`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/assets/.%2E/.%2E/.%2E/etc/passwd`,
    `${APP_ORIGIN}//etc/passwd`,
    `${APP_ORIGIN}/%2f%2fetc%2fpasswd`,
    `${APP_ORIGIN}/./index.html`,
  ])('never leaves the build folder for %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || inside(file)).toBe(true);
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\PMO Desk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, `${APP_ORIGIN}/assets/x.js`, path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    for (const url of [
      `${APP_ORIGIN}/..%5c..%5c..%5cwin.ini`,
      `${APP_ORIGIN}/C:%5cWindows%5cwin.ini`,
      `${APP_ORIGIN}/%5c%5cserver%5cshare%5cx`,
      `${APP_ORIGIN}/index.html::$DATA`,
      `${APP_ORIGIN}/..%2f..%2fwin.ini`,
    ]) {
      expect(resolveAppFile(winRoot, url, path.win32), url).toBeNull();
    }
  });
});

describe('app:// protocol handler', () => {
  let base: string;
  let rendererDir: string;

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-app-protocol-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      `<meta name="pmo-style-nonce" content="${NONCE_PLACEHOLDER}"><script type="module" src="./assets/app.js"></script>`,
    );
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest(rendererDir, { url, method }, 'nonce123');

  it('serves index.html with the CSP header and the nonce filled in', async () => {
    const res = await get(`${APP_ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(appContentSecurityPolicy('nonce123'));
    const body = await res.text();
    expect(body).toContain('content="nonce123"');
    expect(body).not.toContain(NONCE_PLACEHOLDER);
  });

  it('serves scripts with a JavaScript type, which module scripts require', async () => {
    const res = await get(`${APP_ORIGIN}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 for files outside the build, missing files and folders', async () => {
    for (const url of [`${APP_ORIGIN}/..%2fsecret.txt`, `${APP_ORIGIN}/missing.js`, `${APP_ORIGIN}/assets`, 'app://pmo.evil/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('menu', () => {
  const flat = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  const roles = (items: MenuItemTemplate[]) => flat(items).map((i) => i.role).filter(Boolean);

  it('offers developer tools only in development', () => {
    expect(roles(menuTemplate({ locale: 'en-US', packaged: false }))).toContain('toggleDevTools');
    expect(roles(menuTemplate({ locale: 'en-US', packaged: true }))).not.toContain('toggleDevTools');
  });

  it('has the edit roles the grid relies on', () => {
    expect(roles(menuTemplate({ locale: 'en-US', packaged: true }))).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'about']),
    );
  });

  it('speaks Japanese when the OS locale is Japanese', () => {
    const ja = menuTemplate({ locale: 'ja', packaged: true });
    expect(ja.map((m) => m.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
    expect(flat(ja).find((i) => i.role === 'paste')?.label).toBe('貼り付け');
    expect(menuTemplate({ locale: 'ja-JP', packaged: true })[0]?.label).toBe('ファイル(&F)');
    expect(menuTemplate({ locale: 'en-GB', packaged: true })[0]?.label).toBe('&File');
  });

  it('offers the integrity check of the workspace file in the File menu, and says its result in the menu language', () => {
    const check = flat(menuTemplate({ locale: 'ja-JP', packaged: true })).find((i) => i.id === 'integrity-check');
    expect(check?.label).toBe('作業データの整合性チェック…');
    expect(integrityMessage('ja-JP', { ok: true, problems: [] })).toMatchObject({ type: 'info', message: '作業データのファイルに問題はありません。' });
    const bad = integrityMessage('en-US', { ok: false, problems: ['row 41964 missing from index audit_batch'] });
    expect(bad).toMatchObject({ type: 'error', detail: 'row 41964 missing from index audit_batch' });
    expect(bad.message).toMatch(/damaged, so PMO Desk has stopped writing/);
  });
});

describe("who imports 'electron'", () => {
  const ELECTRON_IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return entry.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [file] : [];
    });

  it('the pattern catches every way of importing it', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { App } from "electron";',
      "const { app } = require('electron');",
      "await import('electron')",
      "import 'electron';",
      "import x from 'electron/main';",
    ]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import { api } from '../../electron/common/api.js';")).toBe(false);
  });

  it('nothing in electron/core, electron/common or renderer/ does', () => {
    const files = [...sources('electron/core'), ...sources('electron/common'), ...sources('renderer')];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => ELECTRON_IMPORT.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('neither do the main-process modules the tests load', () => {
    const testable = ['policy.ts', 'app-protocol.ts', 'menu.ts'].map((f) => path.join(ROOT, 'electron/main', f));
    for (const file of testable) expect(ELECTRON_IMPORT.test(fs.readFileSync(file, 'utf8')), file).toBe(false);
  });

  it('main and preload agree on the IPC channel', () => {
    for (const file of ['electron/main/main.ts', 'electron/preload/preload.ts']) {
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).toContain("'pmo:invoke'");
    }
  });

  it('the preload exposes one invoke function and never ipcRenderer itself', () => {
    const preload = fs.readFileSync(path.join(ROOT, 'electron/preload/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|on|once|sendSync|postMessage)\b/);
  });
});

describe('files written into a folder the user picked', () => {
  const b64 = (t: string) => Buffer.from(t).toString('base64');
  it('keeps plain names, takes any folder part and Windows-refused character or name away, and names each once', () => {
    const out = folderFiles([
      { fileName: '週次状況報告_サマリー_20251121.xlsx', dataBase64: b64('a') },
      { fileName: '../../evil/..\\x.xlsx', dataBase64: b64('b') },
      { fileName: 'A:B*C?.xlsx', dataBase64: b64('c') },
      { fileName: 'CON.xlsx', dataBase64: b64('d') },
      { fileName: '週次状況報告_サマリー_20251121.XLSX', dataBase64: b64('e') },
      { fileName: 'trailing. ', dataBase64: b64('f') },
    ]);
    expect(out?.map((f) => f.name)).toEqual(['週次状況報告_サマリー_20251121.xlsx', 'x.xlsx', 'A_B_C_.xlsx', '_CON.xlsx', '週次状況報告_サマリー_20251121(2).XLSX', 'trailing']);
    expect(out?.[1]!.bytes.toString()).toBe('b');
  });
  it('refuses anything but a list of { fileName, dataBase64 }', () => {
    for (const bad of [null, 'x', [], [{ fileName: 1, dataBase64: '' }], [{ fileName: 'a' }], Array.from({ length: 101 }, () => ({ fileName: 'a', dataBase64: '' }))]) expect(folderFiles(bad)).toBeNull();
  });
});
