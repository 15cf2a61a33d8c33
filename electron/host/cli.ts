// `npm run host -- --data <dir> --port <n>`: the loopback web host on a chosen data folder.
// Prints exactly one line, `PMO Desk: http://127.0.0.1:<port>/#token=<token>`, then serves until stopped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkspace } from '../core/workspace.js';
import { defaultDataDir } from '../core/userdata.js';
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
  const ws = openWorkspace(dataDir, {
    migrationsFolder: path.join(root, 'drizzle/migrations'),
    context: { version, osLocale: osLocale(), shell: 'web' },
  });
  const host = await startHost(port, { handlers: ws.handlers, rendererDir: path.join(root, 'dist/renderer') });
  console.log(`PMO Desk: ${host.url}`);
  const stop = () => {
    void host.close().then(() => {
      ws.close();
      process.exit(0);
    });
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
