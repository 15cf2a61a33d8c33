// Child process for the crash test: writes batches of WBS tasks through the services until killed.
// After each batch commits it prints "committed <batch> <rows>", so the parent knows what must survive.
//   argv: <dataDir> <projectId> <mode: batch|rows> <seed>
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open.js';
import { createTask, createTasks } from '../../electron/core/services/wbs.js';

const [dataDir, projectIdArg, mode, seedArg] = process.argv.slice(2);
const projectId = Number(projectIdArg);
let seed = Number(seedArg);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const db = openDatabase(path.join(dataDir!, 'pmo-desk.sqlite'), {
  migrationsFolder: path.resolve(import.meta.dirname, '../../drizzle/migrations'),
});
const actor = { user: 'crash-test' };
process.stdout.write('ready\n');

for (let batch = 0; ; batch++) {
  const size = 500 + Math.floor(random() * 2000);
  const tag = `${process.pid}-${batch}`;
  const tasks = Array.from({ length: size }, (_, i) => ({ values: { name: `${tag}:${i}`, notes: `of ${size}` } }));
  if (mode === 'batch') createTasks(db, actor, projectId, tasks);
  // Without a transaction spanning the batch: each row commits on its own.
  else for (const t of tasks) createTask(db, actor, projectId, t);
  process.stdout.write(`committed ${tag} ${size}\n`);
}
