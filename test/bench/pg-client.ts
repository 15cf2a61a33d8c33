// One administrator of the 5 × 200 figure (test/bench/pg.ts concurrentClients): a process of its own
// with its own workspace on the team database, as each PMO Desk is. It opens, says "ready", waits for
// "go" on stdin (all start together), then makes its edits through handlers.invoke (wbs.update of its own
// tasks, each carrying the value it began from) and prints the latency of each as one JSON line.
//   argv: <port> <database> <user> <client number> <task ids, comma-separated>
import readline from 'node:readline';
import { openWorkspace } from '../../electron/core/workspace.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const [port, database, user, client, list] = process.argv.slice(2);
const ids = list!.split(',').map(Number);
const ws = openWorkspace(tempDir('pmo-bench-client-'), {
  migrationsFolder: MIGRATIONS,
  postgres: { database: { host: '127.0.0.1', port: Number(port), database: database!, user: user! } },
  context: { version: 'bench', osLocale: 'ja-JP', shell: 'web', user: `client${client}` },
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once('line', () => resolve()));
const ms: number[] = [];
const refused: string[] = [];
// The process's CPU over its edits (its threads included: the bridge's), in ms.
const cpu0 = process.cpuUsage();
for (const [i, id] of ids.entries()) {
  const t0 = performance.now();
  const env = await ws.handlers.invoke('wbs.update', { id, patch: { name: `client ${client} edit ${i}` }, expected: { name: `leaf ${id}` } }, { user: `client${client}`, client: `c${client}` });
  ms.push(performance.now() - t0);
  if (!env.ok) refused.push(`${id}: ${env.error.message}`);
}
const used = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ ms, refused, cpu: (used.user + used.system) / 1000 }) + '\n');
ws.close();
process.exit(0);
