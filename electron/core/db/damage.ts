// Whether an error is SQLite saying its file is damaged: apart from open.ts (drizzle, migrations),
// since the hosts' own thread maps errors too (envelope.ts) and loads none of that.

/** SQLite's result codes for a damaged file (SQLITE_CORRUPT and its extended codes, SQLITE_NOTADB). */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
