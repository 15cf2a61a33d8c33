// Electron main process: wires the decisions of policy.ts into Electron's hooks, serves the
// renderer build over app://, and adapts IPC to the same handlers the web host uses. The app itself
// lives in electron/core; nothing here should grow beyond glue.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { startWorkspaceThread } from '../core/workspace-thread.js';
import { TeamSwitch } from '../core/team-switch.js';
import { osUserName } from '../core/os-user.js';
import { protectedPasswordStore } from './team-password.js';
import type { Envelope } from '../common/errors.js';
import { envelopeJson } from '../core/envelope.js';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  denyDevicePermission,
  permissionCheckDecision,
  permissionRequestDecision,
  forbiddenDebugSwitch,
  isAllowedNavigation,
  isBlockedRequest,
  isTrustedSender,
  windowOpenDecision,
  windowOptions,
} from './policy.js';
import { serveAppRequest } from './app-protocol.js';
import { integrityMessage, menuLanguage, menuTemplate, type MenuItemTemplate } from './menu.js';
import { lockedMessage, WorkspaceLockedError } from '../core/db/lock.js';
import { NetworkFolderError, networkFolderMessage } from '../core/db/local-folder.js';
import { startUtilityReader } from './reader-utility.js';
import { savePdf, saveToFolder as writeToPickedFolder } from './save-files.js';

// Must match the channel in preload.ts (the unit tests check both files).
const INVOKE_CHANNEL = 'pmo:invoke';
const PRINT_PDF_CHANNEL = 'pmo:printToPdf';
const SAVE_FOLDER_CHANNEL = 'pmo:saveToFolder';

// Privileges can only be granted before 'ready'. standard + secure give app:// a real origin and a
// secure context, which module scripts need. corsEnabled stays off so no other origin can read our
// files; supportFetchAPI stays off because the renderer talks over IPC, never fetch().
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
// Also sandboxes any renderer created without our window options (devtools, a future window).
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let workspace: TeamSwitch | null = null;
let closed = false;

// A packaged app never runs with a debugger attached from the command line (a shortcut with
// --remote-debugging-port would let any local process drive the window).
const debugSwitch = app.isPackaged ? forbiddenDebugSwitch(process.argv) : null;
if (debugSwitch) {
  const ja = menuLanguage(app.getLocale()) === 'ja';
  dialog.showErrorBox('PMO Desk', ja ? `デバッグ用のオプション ${debugSwitch} 付きでは起動できません。オプションを外して起動してください。` : `PMO Desk does not start with the debugging option ${debugSwitch}; start it without that option.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // A second process would open the same SQLite file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  // The workspace thread closes the database cleanly (no unclean-shutdown marker) before the app ends.
  app.on('will-quit', (event) => {
    if (!workspace || closed) return;
    event.preventDefault();
    void workspace.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  // The core runs in its own thread; this process only forwards calls, so a long one never freezes
  // the window or its menus. A big workbook is read in a utility process, which only main may start.
  // 設定 → チームで使う reopens it on a team database (or back on the SQLite file): the switch holds the
  // thread, and the team password through the OS's protected storage (team-password.ts).
  const dataDir = app.getPath('userData');
  const options = {
    migrationsFolder: path.join(root, 'drizzle/migrations'),
    nativeBinding: sqliteBinding(),
    context: { version: app.getVersion(), osLocale: app.getLocale(), shell: 'electron' as const },
  };
  workspace = await TeamSwitch.start(
    dataDir,
    protectedPasswordStore(dataDir, safeStorage),
    (teamPassword) => startWorkspaceThread(dataDir, { ...options, ...(teamPassword !== undefined && { teamPassword }) }, { readerChild: startUtilityReader }),
    { ...options.context, user: osUserName() },
  );

  const styleNonce = randomBytes(16).toString('base64');
  const rendererDir = path.join(root, 'dist/renderer');
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestDecision);
  ses.setPermissionCheckHandler(permissionCheckDecision);
  ses.setDevicePermissionHandler(denyDevicePermission);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request, styleNonce));

  // The envelope crosses as its JSON (UTF-8 bytes made in the workspace thread, or text): main neither
  // parses nor re-serializes a 10,000-row answer on its own thread (the preload parses it).
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => envelopeJson(await invoke(event, method, args)));
  ipcMain.handle(PRINT_PDF_CHANNEL, (event, paper: unknown, name: unknown) => printToPdf(event, paper, name));
  ipcMain.handle(SAVE_FOLDER_CHANNEL, (event, files: unknown) => saveToFolder(event, files));

  Menu.setApplicationMenu(Menu.buildFromTemplate(withCommands(menuTemplate({ locale: app.getLocale(), packaged: app.isPackaged }))));
  app.setAboutPanelOptions({ applicationName: 'PMO Desk', applicationVersion: app.getVersion() });

  const window = new BrowserWindow(windowOptions(path.join(root, 'dist/electron/preload.cjs'), { packaged: app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

/**
 * `npm start` points PMO_SQLITE_BINDING at a better-sqlite3 built for Electron (the copy in
 * node_modules is built for Node, for the tests). A packaged app ignores it: electron-builder
 * rebuilt its own node_modules, and an environment variable must not choose native code to load.
 */
function sqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  return process.env.PMO_SQLITE_BINDING || undefined;
}

/** Whether an IPC message comes from our window's own top frame (never another web contents or a subframe). */
function fromOurFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const fromOurWindow = mainWindow !== null && event.sender === mainWindow.webContents;
  return fromOurWindow && !!frame && isTrustedSender(frame.url, frame.parent === null);
}

const FORBIDDEN = 'Refused: the call did not come from the PMO Desk window';

async function invoke(event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Envelope<unknown>> {
  if (!fromOurFrame(event)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN } };
  }
  if (typeof method !== 'string') {
    return { ok: false, error: { code: 'VALIDATION', message: 'The API method name must be a string' } };
  }
  if (!workspace) return { ok: false, error: { code: 'INTERNAL', message: 'The workspace is not open' } };
  // One window; its id names the caller's client (the user is the workspace's own, the OS user).
  return workspace.invoke(method, args, { client: `window-${event.sender.id}` });
}

/**
 * The page as it prints (the Gantt's print block, its @page size) saved as a PDF where the user
 * chooses: Electron's printToPDF, with no printer or PDF driver needed on a locked-down PC. The rest
 * (the name, the paper, the write) is save-files.ts.
 */
async function printToPdf(event: IpcMainInvokeEvent, paper: unknown, name: unknown): Promise<{ saved: boolean; error?: string }> {
  const window = mainWindow;
  if (!fromOurFrame(event) || !window) return { saved: false, error: FORBIDDEN };
  return savePdf(paper, name, {
    pickFile: (defaultPath) => dialog.showSaveDialog(window, { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] }).then((r) => (r.canceled ? undefined : r.filePath)),
    print: (pageSize) => event.sender.printToPDF({ landscape: true, pageSize, printBackground: true, preferCSSPageSize: true }),
  });
}

/**
 * A report's files (a workbook per project and the summary) written into a folder the user picks: the
 * native folder dialog, as the issue asks for 20 files; save-files.ts writes them (never over a file
 * already there).
 */
async function saveToFolder(event: IpcMainInvokeEvent, files: unknown): Promise<{ saved: number; folder?: string; error?: string }> {
  const window = mainWindow;
  if (!fromOurFrame(event) || !window) return { saved: 0, error: FORBIDDEN };
  return writeToPickedFolder(files, () => dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] }).then((r) => (r.canceled ? undefined : r.filePaths[0])));
}

/** Gives the template's command items their click handlers. */
function withCommands(items: MenuItemTemplate[]): Electron.MenuItemConstructorOptions[] {
  return items.map(({ id, submenu, ...rest }) => ({
    ...rest,
    ...(submenu && { submenu: withCommands(submenu) }),
    ...(id === 'integrity-check' && { click: () => void checkWorkspace() }),
  })) as Electron.MenuItemConstructorOptions[];
}

/** ファイル → 整合性チェック: integrity_check on the workspace; on damage the window reloads into recovery. */
async function checkWorkspace(): Promise<void> {
  if (!workspace) return;
  const env = await workspace.invoke('workspace.check', {});
  const report = env.ok ? (env.result as { ok: boolean; problems: string[] }) : { error: env.error.message };
  const { type, message, detail } = integrityMessage(app.getLocale(), report);
  if (mainWindow) await dialog.showMessageBox(mainWindow, { type, message, detail, title: 'PMO Desk' });
  if (type === 'error') mainWindow?.webContents.reload();
}

function lockDown(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function fail(err: unknown): void {
  const ja = menuLanguage(app.getLocale()) === 'ja';
  dialog.showErrorBox(
    ja ? 'PMO Desk を起動できませんでした' : 'PMO Desk could not start',
    // Another window or web host has this workspace open (name it), or the folder is on a network share: in the UI language.
    err instanceof WorkspaceLockedError
      ? lockedMessage(err.folder, err.owner, ja ? 'ja' : 'en')
      : err instanceof NetworkFolderError
        ? networkFolderMessage(err.folder, err.network, ja ? 'ja' : 'en')
        : err instanceof Error
          ? err.message
          : String(err),
  );
  app.exit(1);
}
