// The adapters every contract suite runs against: the handlers in-process and the web host over HTTP.
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { httpCaller } from '../helpers/http.js';
import { startHost } from '../../electron/host/server.js';
import type { Adapter } from './contract.js';

export const ADAPTERS: [string, () => Promise<Adapter>][] = [
  [
    'in-process handlers',
    async () => {
      const ws = tempWorkspace();
      return { call: inProcessCaller(ws), sqlite: ws.db.sqlite, close: async () => ws.close() };
    },
  ],
  [
    'web host over HTTP',
    async () => {
      const ws = tempWorkspace();
      const host = await startHost(0, { handlers: ws.handlers });
      return {
        call: httpCaller(host),
        sqlite: ws.db.sqlite,
        close: async () => {
          await host.close();
          ws.close();
        },
      };
    },
  ],
];
