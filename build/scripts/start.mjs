// `npm start`: the Electron app when its binary is installed, else the loopback web host over the
// same core, so the app can be used (and demonstrated) on a machine that cannot download Electron.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { runHost } from './host.mjs';
import { electronEnv, findElectron } from './electron-binary.mjs';
import { prepareElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function start(args) {
  const electron = findElectron(root);
  if (!electron.found) {
    console.log(`PMO Desk: Electron is not installed here (${electron.reason}); starting the web host instead.`);
    return runHost(args); // builds, then prints the one URL line
  }
  let binding;
  try {
    binding = await prepareElectronNative({ root, electron: electron.version });
  } catch (err) {
    console.log(`PMO Desk: could not build better-sqlite3 for Electron ${electron.version} (${firstLine(err)}); starting the web host instead.`);
    return runHost(args);
  }
  await buildAll();
  launch(electron.executable, binding, args);
}

function launch(executable, binding, args) {
  const child = spawn(executable, [root, ...args], { stdio: 'inherit', env: electronEnv(process.env, binding) });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`PMO Desk: could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function firstLine(err) {
  return String(err instanceof Error ? err.message : err).split('\n')[0];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await start(process.argv.slice(2));
