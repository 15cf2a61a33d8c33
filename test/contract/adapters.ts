// The adapters every contract suite runs against: the handlers in-process and the web host over HTTP,
// each on a SQLite file and on a PostgreSQL database (team mode). The PostgreSQL ones are left out,
// saying why, where the server's binaries are missing; under CI (PMO_REQUIRE_PG) that is an error
// (test/helpers/pg-cluster.ts), so CI cannot pass by skipping them.
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tempPgWorkspace } from '../helpers/pg-workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { httpCaller } from '../helpers/http.js';
import { startHost } from '../../electron/host/server.js';
import type { Workspace } from '../../electron/core/workspace.js';
import type { Adapter } from './contract.js';

type Engine = Adapter['engine'];
const open = (engine: Engine): Promise<Workspace> => (engine === 'postgres' ? tempPgWorkspace() : Promise.resolve(tempWorkspace()));
const on = (engine: Engine) => (engine === 'postgres' ? ' on PostgreSQL' : '');

function adapters(engine: Engine): [string, () => Promise<Adapter>][] {
  return [
    [
      `in-process handlers${on(engine)}`,
      async () => {
        const ws = await open(engine);
        return { engine, call: inProcessCaller(ws), sql: ws.db.sql, close: async () => ws.close() };
      },
    ],
    [
      `web host over HTTP${on(engine)}`,
      async () => {
        const ws = await open(engine);
        const host = await startHost(0, { handlers: ws.handlers });
        return {
          engine,
          call: httpCaller(host),
          sql: ws.db.sql,
          close: async () => {
            await host.close();
            ws.close();
          },
        };
      },
    ],
  ];
}

export const ADAPTERS: [string, () => Promise<Adapter>][] = [...adapters('sqlite'), ...(PG_SKIP ? [] : adapters('postgres'))];
