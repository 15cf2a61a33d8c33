// The helpers behind `npm start` and packaging: finding the Electron binary without requiring
// 'electron' (that would start a download), the Electron build of better-sqlite3 kept out of
// node_modules, and the packaging hooks that give node_modules its Node build back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronEnv, findElectron } from '../../build/scripts/electron-binary.mjs';
import {
  backupNodeBuild,
  cachedBinding,
  cachedBindingPath,
  dropNpmNodedir,
  nativeCacheDir,
  prepareElectronNative,
  restoreNodeBuild,
} from '../../build/scripts/electron-native.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-electron-scripts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
function project(files: Record<string, string> = {}): string {
  const root = path.join(tmp, `project-${++counter}`);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

const electronPkg = { 'node_modules/electron/package.json': JSON.stringify({ name: 'electron', version: '45.4.1' }) };

describe('findElectron', () => {
  it('reports a missing electron package', () => {
    expect(findElectron(project(), { env: {} })).toMatchObject({ found: false, reason: expect.stringContaining('not installed') });
  });

  it('reports a binary that was never downloaded (no path.txt), as on this machine', () => {
    expect(findElectron(project(electronPkg), { env: {} })).toMatchObject({ found: false, reason: expect.stringContaining('path.txt') });
  });

  it('reports a path.txt whose binary is gone', () => {
    const root = project({ ...electronPkg, 'node_modules/electron/path.txt': 'electron' });
    expect(findElectron(root, { env: {} })).toMatchObject({ found: false, reason: expect.stringContaining('does not exist') });
  });

  it('finds the downloaded binary and its version', () => {
    const root = project({ ...electronPkg, 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });
    expect(findElectron(root, { env: {} })).toEqual({
      found: true,
      executable: path.join(root, 'node_modules/electron/dist/electron'),
      version: '45.4.1',
    });
  });

  it('prefers the version the binary states', () => {
    const root = project({
      ...electronPkg,
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '',
      'node_modules/electron/dist/version': 'v45.5.0\n',
    });
    expect(findElectron(root, { env: {} })).toMatchObject({ found: true, version: '45.5.0' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js, even without path.txt', () => {
    const dist = project({ electron: '', 'electron.exe': '', version: '46.0.0' });
    const root = project(electronPkg);
    expect(findElectron(root, { env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({
      found: true,
      executable: path.join(dist, 'electron'),
      version: '46.0.0',
    });
    expect(findElectron(root, { env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'win32' })).toMatchObject({
      executable: path.join(dist, 'electron.exe'),
    });
    expect(findElectron(root, { env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dist, 'nope') } })).toMatchObject({ found: false });
  });

  it('gives Electron the binding and never ELECTRON_RUN_AS_NODE', () => {
    const env = electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' }, '/x/better_sqlite3.node');
    expect(env).toEqual({ PATH: '/bin', PMO_SQLITE_BINDING: '/x/better_sqlite3.node' });
  });
});

describe('better-sqlite3 for Electron', () => {
  const stamp = { electron: '45.4.1', 'better-sqlite3': '12.11.1', platform: process.platform, arch: process.arch };

  it('keeps one cache folder per Electron version, platform and arch, outside node_modules', () => {
    const a = nativeCacheDir('/p', '45.4.1', 'linux', 'x64');
    expect(a).toBe(path.join('/p', '.cache', 'electron-native', 'electron-45.4.1-linux-x64'));
    expect(nativeCacheDir('/p', '46.0.0', 'linux', 'x64')).not.toBe(a);
    expect(nativeCacheDir('/p', '45.4.1', 'win32', 'x64')).not.toBe(a);
  });

  it('reuses a cached build only when it was made for the same versions', () => {
    const dir = project({ 'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'bin', 'pmo-native.json': JSON.stringify(stamp) });
    expect(cachedBinding(dir, stamp)).toBe(cachedBindingPath(dir));
    expect(cachedBinding(dir, { ...stamp, electron: '46.0.0' })).toBeNull();
    expect(cachedBinding(dir, { ...stamp, 'better-sqlite3': '12.12.0' })).toBeNull();
    fs.rmSync(cachedBindingPath(dir));
    expect(cachedBinding(dir, stamp)).toBeNull();
    expect(cachedBinding(project(), stamp)).toBeNull();
  });

  it('does not rebuild when the cache is current', async () => {
    const root = project({
      'node_modules/better-sqlite3/package.json': JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
    });
    const dir = nativeCacheDir(root, '45.4.1');
    fs.mkdirSync(path.dirname(cachedBindingPath(dir)), { recursive: true });
    fs.writeFileSync(cachedBindingPath(dir), 'bin');
    fs.writeFileSync(path.join(dir, 'pmo-native.json'), JSON.stringify(stamp));
    const lines: string[] = [];
    await expect(prepareElectronNative({ root, electron: '45.4.1', log: (l) => lines.push(l) })).resolves.toBe(cachedBindingPath(dir));
    expect(lines).toEqual([]);
  });

  it("drops npm's nodedir, which would make node-gyp build against Node's headers", () => {
    const env: NodeJS.ProcessEnv = { npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_cache: '/c' };
    expect(dropNpmNodedir(env)).toEqual({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' });
    expect(env).toEqual({ npm_config_cache: '/c' });
  });
});

describe('packaging hooks', () => {
  const live = (root: string) => path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

  it("set the Node build aside and put it back over electron-builder's in-place rebuild", () => {
    const root = project({ 'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'node-abi' });
    expect(backupNodeBuild(root)).toBe(true);
    // what electron-builder's npmRebuild does to the project's node_modules
    fs.writeFileSync(live(root), 'electron-abi');
    fs.writeFileSync(path.join(path.dirname(live(root)), '.forge-meta'), 'linux--x64--140');
    expect(restoreNodeBuild(root)).toBe(true);
    expect(fs.readFileSync(live(root), 'utf8')).toBe('node-abi');
    expect(fs.existsSync(path.join(path.dirname(live(root)), '.forge-meta'))).toBe(false);
    expect(restoreNodeBuild(root)).toBe(false);
  });

  it('keep the first backup when a packaging run died before restoring', () => {
    const root = project({ 'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'node-abi' });
    backupNodeBuild(root);
    fs.writeFileSync(live(root), 'electron-abi'); // the run dies here
    expect(backupNodeBuild(root)).toBe(false);
    restoreNodeBuild(root);
    expect(fs.readFileSync(live(root), 'utf8')).toBe('node-abi');
  });
});
