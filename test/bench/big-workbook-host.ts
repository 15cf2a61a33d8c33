// The web host of the big-workbook bench (big-workbook.ts), which bundles this file with esbuild and
// runs it with plain node, as `npm run host` runs the app's own bundle: no TypeScript loader in the
// memory being measured (tsx alone is ~35 MB of RSS). Its port and token go to the parent over IPC;
// it ends when told.
//   node big-workbook-host.mjs <reader worker> <migrations folder> [<workspace worker>]
// With a workspace worker, the workspace runs in its thread as the app opens it (workspace-thread.ts);
// without, on the host's own thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setReaderWorkerFile } from '../../electron/core/excel/capped-worker.js';
import { setWorkspaceWorkerFile, startWorkspaceThread } from '../../electron/core/workspace-thread.js';
import { openWorkspace } from '../../electron/core/workspace.js';
import { startHost } from '../../electron/host/server.js';

const [reader, migrationsFolder, workspaceWorker] = process.argv.slice(2);
setReaderWorkerFile(reader!);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-big-host-'));
const options = { migrationsFolder: migrationsFolder!, context: { version: 'bench', osLocale: 'ja-JP', shell: 'web' as const, user: 'bench' } };
let ws: { handlers: Parameters<typeof startHost>[1]['handlers']; close(): unknown };
if (workspaceWorker) {
  setWorkspaceWorkerFile(workspaceWorker);
  ws = await startWorkspaceThread(dir, options);
} else ws = openWorkspace(dir, options);
const host = await startHost(0, { handlers: ws.handlers });
process.send!({ port: host.port, token: host.token });
await new Promise((resolve) => process.once('message', resolve));
await host.close();
await ws.close();
fs.rmSync(dir, { recursive: true, force: true });
process.disconnect();
