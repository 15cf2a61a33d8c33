// Finds the Electron executable the way node_modules/electron/index.js does, without requiring
// it: requiring 'electron' from plain Node starts a download when the binary is missing, which
// fails offline and must never happen in `npm start` or in the tests.
import fs from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root project root (holds node_modules/electron)
 * @returns {{ found: true, executable: string, version: string } | { found: false, reason: string }}
 */
export function findElectron(root, { env = process.env, platform = process.platform } = {}) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathTxt = path.join(pkgDir, 'path.txt');
  // path.txt is written after the binary download succeeds; it names the executable in dist/.
  const relative = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let distDir;
  let executable;
  if (override) {
    distDir = override;
    executable = path.join(override, relative || (platform === 'win32' ? 'electron.exe' : 'electron'));
  } else if (relative) {
    distDir = path.join(pkgDir, 'dist');
    executable = path.join(distDir, relative);
  } else {
    return { found: false, reason: 'its binary was never downloaded: node_modules/electron/path.txt is missing' };
  }
  if (!fs.existsSync(executable)) return { found: false, reason: `${executable} does not exist` };
  return { found: true, executable, version: electronVersion(pkgDir, distDir) };
}

/** The version of the binary when its dist/ says so (an override may differ), else the package's. */
export function electronVersion(pkgDir, distDir) {
  const versionFile = distDir ? path.join(distDir, 'version') : null;
  if (versionFile && fs.existsSync(versionFile)) {
    const v = fs.readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
    if (v) return v;
  }
  return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
}

/** The environment for the Electron child: ELECTRON_RUN_AS_NODE would turn it into plain Node. */
export function electronEnv(env, sqliteBinding) {
  const out = { ...env, PMO_SQLITE_BINDING: sqliteBinding };
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}
