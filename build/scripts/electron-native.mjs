// better-sqlite3 for Electron, built beside node_modules instead of in it: node_modules keeps the
// Node ABI build that the tests and the web host load, and Electron gets its own copy through
// PMO_SQLITE_BINDING (set by start.mjs).
//
// Also holds electron-builder hooks (see build/electron-builder.yml), because packaging rebuilds
// node_modules/better-sqlite3 in place for Electron: the hooks put the Node build back afterwards.
//
// `node build/scripts/electron-native.mjs` builds (when needed) and prints the binding's path.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MODULE = 'better-sqlite3';
const BINDING = path.join('build', 'Release', 'better_sqlite3.node');
const STAMP = 'pmo-native.json';

export function nativeCacheDir(root, electron, platform = process.platform, arch = process.arch) {
  return path.join(root, '.cache', 'electron-native', `electron-${electron}-${platform}-${arch}`);
}

/** The .node file a finished build in cacheDir holds. */
export function cachedBindingPath(cacheDir) {
  return path.join(cacheDir, 'node_modules', MODULE, BINDING);
}

/** The cached binding when it was built for exactly this stamp, else null. */
export function cachedBinding(cacheDir, stamp) {
  const binding = cachedBindingPath(cacheDir);
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(cacheDir, STAMP), 'utf8'));
    return sameStamp(saved, stamp) && fs.existsSync(binding) ? binding : null;
  } catch {
    return null;
  }
}

function sameStamp(a, b) {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/**
 * Returns the path of a better-sqlite3 binding built for this Electron version, building it in
 * .cache/electron-native/ first when that build is missing or was made for something else.
 * Tries the module's prebuilt download first, then node-gyp against Electron's headers.
 */
export async function prepareElectronNative({ root = projectRoot, electron, log = (line) => console.log(line) } = {}) {
  const version = electron ?? electronVersion(path.join(root, 'node_modules', 'electron'));
  const source = path.join(root, 'node_modules', MODULE);
  const moduleVersion = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
  const stamp = { electron: version, [MODULE]: moduleVersion, platform: process.platform, arch: process.arch };
  const dir = nativeCacheDir(root, version);
  const ready = cachedBinding(dir, stamp);
  if (ready) return ready;

  log(`PMO Desk: building ${MODULE} ${moduleVersion} for Electron ${version} (first start only)...`);
  fs.rmSync(dir, { recursive: true, force: true });
  // The module's own build/ holds the Node ABI binary and object files; a clean copy makes the
  // rebuild start from source. Its dependencies (prebuild-install, bindings) are found by walking
  // up to the project's node_modules, since .cache/ sits inside the project.
  fs.cpSync(source, path.join(dir, 'node_modules', MODULE), {
    recursive: true,
    filter: (src) => src !== path.join(source, 'build'),
  });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'pmo-desk-electron-native', private: true, dependencies: { [MODULE]: moduleVersion } }, null, 2),
  );

  const { rebuild } = await loadRebuild();
  await withoutNpmNodedir(() =>
    rebuild({ buildPath: dir, projectRootPath: dir, electronVersion: version, onlyModules: [MODULE], force: true, mode: 'sequential' }),
  );
  const binding = cachedBindingPath(dir);
  if (!fs.existsSync(binding)) throw new Error(`the rebuild finished without producing ${binding}`);
  fs.writeFileSync(path.join(dir, STAMP), JSON.stringify(stamp, null, 2));
  return binding;
}

async function loadRebuild() {
  try {
    // Not a direct dependency: electron-builder brings it, and it is only needed here.
    return await import('@electron/rebuild');
  } catch (err) {
    throw new Error(`@electron/rebuild is not installed (it comes with electron-builder): ${err.message}`);
  }
}

/**
 * `npm start` and `npm run dist` export the user's npm config as npm_config_* variables, and
 * node-gyp takes npm_config_nodedir as "build against these headers". With nodedir set (this
 * machine's ~/.npmrc sets /usr), an "Electron" build silently uses Node's headers and Electron
 * then refuses to load it. Electron's headers must come from the target instead.
 */
export function dropNpmNodedir(env = process.env) {
  const removed = {};
  for (const key of Object.keys(env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') {
      removed[key] = env[key];
      delete env[key];
    }
  }
  return removed;
}

async function withoutNpmNodedir(run) {
  const removed = dropNpmNodedir();
  try {
    return await run();
  } finally {
    Object.assign(process.env, removed);
  }
}

// ---- electron-builder hooks -------------------------------------------------------------------
// electron-builder rebuilds native modules in the project's own node_modules before copying them
// into the package. Without these hooks, `npm run dist` would leave node_modules/better-sqlite3
// built for Electron and every Node test would fail to load it.

function nodeBuildBackup(root) {
  return path.join(root, '.cache', 'node-native-backup', 'better_sqlite3.node');
}

/** beforeBuild: set the Node build aside and let electron-builder rebuild for Electron. */
export async function beforeBuild() {
  dropNpmNodedir(); // electron-builder forks its rebuilder with this process's environment
  backupNodeBuild(projectRoot);
  return true;
}

/** afterPack: node_modules has been copied into the package; put the Node build back. */
export async function afterPack() {
  restoreNodeBuild(projectRoot);
}

export function backupNodeBuild(root = projectRoot) {
  const live = path.join(root, 'node_modules', MODULE, BINDING);
  const backup = nodeBuildBackup(root);
  // An existing backup is from a packaging run that died before afterPack: it is the Node build,
  // while the live file may already be Electron's. Keep it.
  if (fs.existsSync(backup) || !fs.existsSync(live)) return false;
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  fs.copyFileSync(live, backup);
  return true;
}

/** Also exposed on the command line (`--restore-node-build`) for a packaging run that died. */
export function restoreNodeBuild(root = projectRoot) {
  const backup = nodeBuildBackup(root);
  if (!fs.existsSync(backup)) return false;
  const live = path.join(root, 'node_modules', MODULE, BINDING);
  fs.copyFileSync(backup, live);
  // @electron/rebuild's marker says "already built for Electron": left behind, the next packaging
  // run would skip the rebuild and ship the Node build we just restored.
  fs.rmSync(path.join(path.dirname(live), '.forge-meta'), { force: true });
  fs.rmSync(backup);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--restore-node-build')) {
    console.log(restoreNodeBuild() ? 'Restored the Node build of better-sqlite3.' : 'Nothing to restore.');
  } else {
    console.log(await prepareElectronNative({ log: (line) => console.error(line) }));
  }
}
