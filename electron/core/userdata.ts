import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron calls userData for "PMO Desk", computed without Electron, so the web host
 * started by `npm start` on a machine without Electron opens the same workspace the window would.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'PMO Desk');
}
