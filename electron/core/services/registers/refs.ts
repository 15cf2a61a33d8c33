// User-facing IDs (R-001, I-001, C-001). A number once given is never given again in the project, even
// after its row is deleted or renamed: the highest number ever seen is kept in the settings table, written
// in the same transaction as the rows (undo does not lower it, so an undone create's ID stays retired).
import { formatRef, refNumber, type RegisterDef } from '../../../common/registers.js';
import type { Db } from '../../db/open.js';
import { getSetting, setSetting } from '../settings.js';

const key = (def: RegisterDef, projectId: number) => `project.${projectId}.${def.name}.lastRef`;

/** Hands out the next free IDs above every number in use or ever given. */
export function refAllocator(db: Db, def: RegisterDef, projectId: number, refsInUse: Iterable<string>): () => string {
  let last = Number(getSetting(db, key(def, projectId)) ?? 0) || 0;
  for (const ref of refsInUse) last = Math.max(last, refNumber(def.refPrefix, ref) ?? 0);
  return () => formatRef(def.refPrefix, ++last);
}

/** Records the IDs written by a batch, so their numbers are never handed out again. */
export function retireRefs(db: Db, def: RegisterDef, projectId: number, refs: Iterable<string>): void {
  const stored = Number(getSetting(db, key(def, projectId)) ?? 0) || 0;
  let last = stored;
  for (const ref of refs) last = Math.max(last, refNumber(def.refPrefix, ref) ?? 0);
  if (last > stored) setSetting(db, key(def, projectId), last);
}
