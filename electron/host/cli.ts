// `npm run host -- --data <dir> --port <n>`: the loopback web host on a chosen data folder.
// Prints exactly one line, `PMO Desk: http://127.0.0.1:<port>/#token=<token>`, then serves until stopped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startWorkspaceThread } from '../core/workspace-thread.js';
import { memoryPasswordStore, TeamSwitch } from '../core/team-switch.js';
import { defaultDataDir } from '../core/userdata.js';
import { osUserName } from '../core/os-user.js';
import { startHost } from './server.js';

export interface HostCliOptions {
  /** The project root that holds dist/renderer and drizzle/migrations. */
  root: string;
  version: string;
  argv: string[];
}

export async function runHostCli({ root, version, argv }: HostCliOptions): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string', default: '0' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  // The workspace runs in its own thread: this one only serves HTTP (see workspace-thread.ts). 設定 →
  // チームで使う reopens it on a team database; a password typed there is kept in this process's memory
  // only (the next start takes it from PGPASSWORD or ~/.pgpass, or it is typed in the form again).
  const options = { migrationsFolder: path.join(root, 'drizzle/migrations'), context: { version, osLocale: osLocale(), shell: 'web' as const } };
  const ws = await TeamSwitch.start(
    dataDir,
    memoryPasswordStore(),
    (teamPassword) => startWorkspaceThread(dataDir, { ...options, ...(teamPassword !== undefined && { teamPassword }) }),
    { version, osLocale: options.context.osLocale, shell: 'web', user: osUserName() },
  );
  const host = await startHost(port, { handlers: ws, rendererDir: path.join(root, 'dist/renderer') });
  console.log(`PMO Desk: ${host.url}`);
  // The database is closed cleanly (the lock released, no unclean-shutdown marker) before the exit.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => ws.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The OS locale as the environment states it (LANG=ja_JP.UTF-8 → ja-JP), else Intl's default. */
export function osLocale(env = process.env): string {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (raw && raw !== 'C' && raw !== 'POSIX') return raw.split('.')[0]!.replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
