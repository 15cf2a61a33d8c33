// The Electron shell's security decisions as plain functions. This module must never import
// 'electron': unit tests import it from plain Node, where requiring 'electron' starts a download.
// main.ts only wires these answers into Electron's hooks.
import path from 'node:path';
import { contentSecurityPolicy } from '../common/csp.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pmo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The CSP every page of the window gets; the same policy the web host sends. */
export function appContentSecurityPolicy(styleNonce: string): string {
  return contentSecurityPolicy(styleNonce);
}

/**
 * BrowserWindow options; kept here so the unit tests see exactly what the window gets. A packaged
 * build has no DevTools at all (hiding the menu item left Ctrl+Shift+I and the API able to open them).
 */
export function windowOptions(preloadPath: string, opts: { packaged?: boolean } = {}) {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'PMO Desk',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A file dropped on the window would otherwise replace our page with file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries; the app must never reach the network.
      spellcheck: false,
      devTools: !opts.packaged,
    },
  };
}

/**
 * True only for URLs on exactly our origin. The URL parser decides, never string prefixes:
 * 'app://pmo.evil/', 'app://evil@pmo/', 'app://pmo@evil/' and 'app://pmo:1/' must all fail.
 */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** will-navigate / will-redirect / will-frame-navigate: the window only ever shows our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: the app has no second window, and links must not open one. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The one permission the window is given: writing to the clipboard (the portfolio's charts are copied as
 * PNG or SVG through navigator.clipboard.write, which asks for it). Reading the clipboard, and every
 * other permission, is refused; Electron grants every permission when no handler is set.
 */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** setPermissionRequestHandler. */
export function permissionRequestDecision(_webContents: unknown, permission: string, callback: (granted: boolean) => void): void {
  callback(GRANTED_PERMISSIONS.has(permission));
}

/** setPermissionCheckHandler. */
export function permissionCheckDecision(_webContents: unknown, permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** setDevicePermissionHandler: no device (HID, serial, USB) is ever given. */
export function denyDevicePermission(): boolean {
  return false;
}

/**
 * IPC: only our own top-level frame on our origin may call the API. A subframe (even one of
 * ours) or a frame that has navigated elsewhere is refused; Electron gives a null frame once
 * the frame is gone, which is refused too.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * webRequest guard: nothing may leave the machine, even if a page or a bug slipped past the CSP.
 * Only the schemes that reach a network or the file system are listed, so devtools:, data: and
 * blob: keep working and our app: protocol is untouched.
 */
const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequest(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  return BLOCKED_SCHEMES.has(u.protocol);
}

/**
 * Maps an app:// request to a file under rootDir, or null for anything that could leave it:
 * another origin, encoded dot segments or separators (%2e%2e, %2f, %5c), drive letters, NUL.
 * `p` is injectable so the tests can check Windows path rules on any OS.
 */
export function resolveAppFile(
  rootDir: string,
  requestUrl: string,
  p: Pick<typeof path, 'resolve' | 'sep'> = path,
): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Our build has no file names with these; refusing them outright removes the Windows-only
  // tricks (backslash separators, C:, alternate data streams) from consideration.
  if (/[\\:\0]/.test(decoded)) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const root = p.resolve(rootDir);
  const file = p.resolve(root, relative);
  return file.startsWith(root + p.sep) ? file : null;
}

/**
 * Switches that open the app to a debugger: Chromium's remote debugging (any local process could
 * then drive the window and call the API) and Node's inspector (the fuse refuses the Node ones too).
 * Chromium reads a switch written with --, - or (on Windows) /, in any case on Windows.
 */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-brk-node', 'js-flags'];

/** The first debugging switch on a command line, or null; a packaged app refuses to start with one. */
export function forbiddenDebugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const m = /^(?:--?|\/)([A-Za-z][\w-]*)(?:=|$)/.exec(arg);
    if (m && DEBUG_SWITCHES.includes(m[1]!.toLowerCase())) return arg;
  }
  return null;
}

const RESERVED_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * The files a report asks main to write into a folder the user picked (20 workbooks and the summary):
 * each name a plain file name — no folder part, no character or name Windows refuses, no trailing dot or
 * space — and each name once (case-insensitively, as Windows sees them: a second gets "(2)").
 * Null when the list is not one of { fileName, dataBase64 } (at most 100).
 */
export function folderFiles(files: unknown): { name: string; bytes: Buffer }[] | null {
  if (!Array.isArray(files) || files.length === 0 || files.length > 100) return null;
  const used = new Set<string>();
  const out: { name: string; bytes: Buffer }[] = [];
  for (const f of files as unknown[]) {
    if (typeof f !== 'object' || f === null) return null;
    const { fileName, dataBase64 } = f as { fileName?: unknown; dataBase64?: unknown };
    if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') return null;
    let name = path.basename(fileName.replaceAll('\\', '/')).replace(/[<>:"|?*\x00-\x1f]/g, '_').replace(/[. ]+$/, '').slice(0, 200);
    if (name === '' || name === '..' || RESERVED_NAME.test(name)) name = `_${name || 'file'}`;
    const base = name;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = base.replace(/(\.[^.]+)?$/, (ext) => `(${i})${ext}`);
    used.add(name.toLowerCase());
    out.push({ name, bytes: Buffer.from(dataBase64, 'base64') });
  }
  return out;
}
