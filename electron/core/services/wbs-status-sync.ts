// WBS statuses written before they followed the data (2430e2d): a task at 100 % or with an actual
// finish still 未着手, summaries never rolled up. Once per workspace, when it is opened (and for a project
// restored from a backup of that age), in one transaction: a leaf's status moves forward to what its
// data says (未着手 → 対応中 → 完了; a status ahead of the data, or 保留 / 中止, was set by hand and
// stays), then every summary takes its children's rolled-up status. It runs once, not at every open,
// because a status set by hand since (対応中 back to 未着手 with progress kept) is the user's to keep.
// A repair of derived values, not a user's change: no undo step.
import type { WbsStatus } from '../../common/dto.js';
import type { SqlDb as Db } from '../db/sql.js';
import { derivedStatus, rollUpAll, type RolledUp } from './rollup.js';
import { getSetting, setSetting } from './settings.js';
import { setStoredStatus, statusRows } from '../db/queries/wbs.js';

/** Set once the stored statuses follow the data; a workspace (or backup) without it predates that. */
export const STATUS_SYNC_KEY = 'wbs.statusesFollowData';

const ORDER: Record<WbsStatus, number> = { not_started: 0, in_progress: 1, done: 2, on_hold: -1, cancelled: -1 };

/** The status a leaf had to have: forward only, and only from 未着手 or 対応中. */
function leafStatus(row: RolledUp): WbsStatus {
  const stored = row.status as WbsStatus;
  if (ORDER[stored] === undefined || ORDER[stored] < 0) return stored;
  const derived = derivedStatus(row);
  return ORDER[derived] > ORDER[stored] ? derived : stored;
}

type Row = RolledUp & { id: number; parentId: number | null; position: number };

/** Brings the project's (or every project's) stored statuses in line; answers how many rows changed. */
export function syncStoredStatuses(db: Db, projectId?: number): number {
  const rows: (Row & { projectId: number })[] = statusRows(db, projectId);
  const byProject = new Map<number, Row[]>();
  for (const r of rows) (byProject.get(r.projectId) ?? byProject.set(r.projectId, []).get(r.projectId)!).push(r);
  const parents = new Set(rows.map((r) => r.parentId).filter((p) => p !== null));
  let changed = 0;
  const write = (id: number, status: string) => {
    setStoredStatus(db, id, status);
    changed++;
  };
  for (const tasks of byProject.values()) {
    const settled = tasks.map((t) => {
      if (parents.has(t.id)) return t;
      const status = leafStatus(t);
      if (status !== t.status) write(t.id, status);
      return { ...t, status };
    });
    const summaries = rollUpAll(settled);
    for (const t of settled) {
      const status = summaries.get(t.id)?.status;
      if (status !== undefined && status !== t.status) write(t.id, status);
    }
  }
  return changed;
}

/** At open: the first time only (see STATUS_SYNC_KEY), the repair and the mark in one transaction. */
export function syncStoredStatusesOnce(db: Db): number {
  return db.sql.tx(() => {
    if (getSetting(db, STATUS_SYNC_KEY) !== null) return 0;
    const changed = syncStoredStatuses(db);
    setSetting(db, STATUS_SYNC_KEY, true);
    return changed;
  });
}
