// A workspace in a child process, for tests that kill it (SIGKILL) mid-work or run two at once.
//   argv: <dataDir> [loop-backup]
// Prints "ready" once open (or "refused <message>" and exits 3 when the folder is locked). Then each
// stdin line is a JSON call {method, args}, answered by one line: the JSON envelope. With loop-backup,
// it makes backups one after another, printing "backup <id>" after each, until killed.
import readline from 'node:readline';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { WorkspaceLockedError } from '../../electron/core/db/lock.js';
import { MIGRATIONS } from './workspace.js';

const [dataDir, mode] = process.argv.slice(2);

let ws: Workspace;
try {
  ws = openWorkspace(dataDir!, { migrationsFolder: MIGRATIONS, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'child' } });
} catch (err) {
  if (err instanceof WorkspaceLockedError) {
    process.stdout.write(`refused ${err.message}\n`);
    process.exit(3);
  }
  throw err;
}
process.stdout.write('ready\n');

if (mode === 'loop-backup') {
  for (;;) {
    const env = await ws.handlers.invoke('backup.create', {});
    if (!env.ok) throw new Error(env.error.message);
    process.stdout.write(`backup ${(env.result as { id: string }).id}\n`);
  }
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { method, args } = JSON.parse(line) as { method: string; args: unknown };
  const env = await ws.handlers.invoke(method, args);
  process.stdout.write(`${JSON.stringify(env)}\n`);
}
ws.close();
