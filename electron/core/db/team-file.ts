// Which team database a data folder's workspace is on: `pmo-desk.team.json` in the folder names it
// (host, port, database, the user's role, a CA file; never a password). Written by 設定 → チームで使う,
// read when the workspace opens; without it the workspace is the SQLite file in the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { TeamDatabase } from '../../common/dto.js';

export const TEAM_FILE = 'pmo-desk.team.json';

export function teamFile(dataDir: string): string {
  return path.join(dataDir, TEAM_FILE);
}

/** The team database the folder names, or null; a file that does not name one whole is an error naming it. */
export function readTeamDatabase(dataDir: string): TeamDatabase | null {
  const file = teamFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let v: Partial<TeamDatabase> | null = null;
  try {
    v = (JSON.parse(text) as { database?: Partial<TeamDatabase> }).database ?? null;
  } catch {
    // said below
  }
  const ok =
    v &&
    typeof v.host === 'string' && v.host !== '' &&
    Number.isInteger(v.port) && v.port! > 0 && v.port! < 65536 &&
    typeof v.database === 'string' && v.database !== '' &&
    typeof v.user === 'string' && v.user !== '' &&
    (v.caFile === undefined || typeof v.caFile === 'string');
  if (!ok) throw new Error(`${file} does not name a team database (host, port, database, user): correct or remove it`);
  return { host: v!.host!, port: v!.port!, database: v!.database!, user: v!.user!, ...(v!.caFile && { caFile: v!.caFile }) };
}

/** Names the team database (null: back to the folder's SQLite file), written whole under a temporary name. */
export function writeTeamDatabase(dataDir: string, database: TeamDatabase | null): void {
  const file = teamFile(dataDir);
  if (database === null) return fs.rmSync(file, { force: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ database }, null, 2) + '\n');
  fs.renameSync(tmp, file);
}
