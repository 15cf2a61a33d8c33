import path from 'node:path';

/** Where the workspace database lives inside a data folder. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'pmo-desk.sqlite');
}
