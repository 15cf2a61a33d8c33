// Child process for the PostgreSQL kill test: opens the synchronous bridge, starts a transaction that
// inserts rows and changes a row, says "inside" and then hangs inside the transaction until killed.
//   argv: <node-postgres config as JSON> <rows>
import { openPgSql } from '../../electron/core/db/pg-sync.js';

const [configJson, rowsArg] = process.argv.slice(2);
const sql = openPgSql(JSON.parse(configJson!));
sql.tx(() => {
  for (let i = 0; i < Number(rowsArg); i++) sql.run('INSERT INTO t (name) VALUES (?)', [`crash ${i}`]);
  sql.run('UPDATE t SET n = ? WHERE name = ?', [99, 'kept']);
  process.stdout.write('inside\n');
  // Hang with the transaction open (its locks held) until the parent kills this process.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
