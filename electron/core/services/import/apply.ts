// Writes an import plan inside one batch (the caller's transaction): new rows, changed cells, rows
// moved under another parent, and — only when asked — rows missing from the file closed or deleted.
import { reportProgress } from '../../call-scope.js';
import { WBS_ROLLED_UP_FIELDS, type WbsFields } from '../../../common/dto.js';
import { textError } from '../../../common/errors.js';
import type { ApplyOptions, ApplyResult } from '../../../common/excel/preview.js';
import { closedCodes, REGISTERS, type RegisterName } from '../../../common/registers.js';
import type { Batch } from '../../batch.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { changedFields } from '../diff.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { linkImported, refuseCycles } from '../schedule.js';
import { keepFileDates, type FileDated } from '../schedule-file-dates.js';
import { localToday } from '../../../common/dates.js';
import { deleteSubtreesIn, ENTITY, insertTasks, rescheduleIn, newTaskRow, nextTaskId, WBS_DEFAULTS, setPosition, settleRollUps, slotPositions, wbsStore, type Slot, type TaskRow } from '../wbs.js';
import { rollUp, withDerivedStatus, type RolledUp } from '../rollup.js';
import { REGISTER_SERVICES } from '../registers/index.js';
import { statusCounts, type ImportPlan, type PlannedRow } from './plan.js';
import { taskCountUpTo } from '../../db/queries/wbs.js';
import { insertedNetworkRows } from '../schedule-network.js';

/** What apply did, by rows (the batch and profile are added by the caller). */
export type ApplyCounts = Omit<ApplyResult, 'batchId' | 'profileId'>;

/** WBS status a task missing from the client's plan is closed with: 中止, not 完了 (it was not done). */
const WBS_CLOSED_STATUS = 'cancelled';
const WBS_FINISHED = new Set(['done', 'cancelled']);

export const BATCH_LABEL = 'excel.import';
const ROLLED = new Set<string>(WBS_ROLLED_UP_FIELDS);

function counts(plan: ImportPlan): ApplyCounts {
  const n = statusCounts(plan.planned);
  return { created: n.new, updated: n.changed, unchanged: n.unchanged, skipped: n.skipped, closed: 0, deleted: 0 };
}

/** The field and code that close a register row; CONFLICT-free VALIDATION when the register has none. */
function closing(db: Db, projectId: number, register: RegisterName): { field: string; code: string } {
  const def = REGISTERS[register];
  const field = def.closing?.status;
  const list = field ? def.vocab[field]?.list : undefined;
  const code = list ? [...closedCodes(loadVocabularies(db, projectId)[list])][0] : undefined;
  if (!field || !code)
    throw textError('VALIDATION', 'import.noClosingStatus', {}, `the ${register} register has no status that closes a row; keep or delete the missing rows`, [
      { field: 'options.missing', message: 'close is not available for this register' },
    ]);
  return { field, code };
}

export function applyPlan(db: Db, batch: Batch, projectId: number, register: 'wbs' | RegisterName, plan: ImportPlan, options: ApplyOptions, today: string): ApplyCounts {
  return register === 'wbs' ? applyWbs(db, batch, projectId, plan, options) : applyRegister(db, batch, projectId, register, plan, options, today);
}

function applyRegister(db: Db, batch: Batch, projectId: number, register: RegisterName, plan: ImportPlan, options: ApplyOptions, today: string): ApplyCounts {
  const out = counts(plan);
  const service = REGISTER_SERVICES[register];
  const updates = plan.planned.filter((p) => p.status === 'changed').map((p) => ({ id: p.id!, patch: p.patch }));
  const creates = plan.planned.filter((p) => p.status === 'new').map((p) => ({ values: p.patch }));
  if (options.missing === 'close' && plan.missing.length > 0) {
    const { field, code } = closing(db, projectId, register);
    const closed = closedCodes(loadVocabularies(db, projectId)[REGISTERS[register].vocab[field]!.list]);
    const rows = new Map(service.rows(db, projectId).map((r) => [r.id, r]));
    for (const m of plan.missing) {
      if (closed.has(String(rows.get(m.id)?.[field] ?? ''))) continue;
      updates.push({ id: m.id, patch: { [field]: code } });
      out.closed++;
    }
  }
  service.writeIn(db, batch, projectId, { updates, creates }, { label: BATCH_LABEL }, { today, dateNewClosedRows: false });
  if (options.missing === 'delete') out.deleted = service.removeIn(db, batch, plan.missing.map((m) => m.id));
  return out;
}

function applyWbs(db: Db, batch: Batch, projectId: number, plan: ImportPlan, options: ApplyOptions): ApplyCounts {
  const out = counts(plan);
  const created: number[] = []; // record → new task id (records are indexes, in order: an array, not a Map)
  const newChildren = new Map<number | null, number>(); // parent created here (null: a fresh project's top) → children placed so far
  const lastPlaced = new Map<number | null, number>(); // parent id → the last sibling placed in file order
  const settle = new Set<number | null>();

  // New tasks get their ids up front and wait in `pending` to be inserted in bulk; anything that reads
  // the table (a position among stored siblings, moving a stored task) inserts them first.
  let nextId = nextTaskId(db, plan.planned.length);
  // Every stored task's id is below the first reserved one: a parent at or above it was created here.
  const firstNew = nextId;
  // Into a project with no tasks yet, the top level is new too: its rows simply go one after another,
  // rather than each asking the table for its place (which first writes every pending row: on a team
  // database, a round trip per top-level row and inserts in small pieces).
  const fresh = taskCountUpTo(db, projectId, 1) === 0;
  const now = new Date().toISOString();
  let pending: TaskRow[] = [];
  // Into a project without tasks, what this import inserts is the whole project: the links' codes and the
  // reschedule's network are taken from these rows rather than read back (see the end).
  const inserted: TaskRow[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    insertTasks(db, batch, pending);
    if (fresh) for (const r of pending) inserted.push(r);
    pending = [];
  };

  // Where a row goes among its new siblings: after the one placed before it, else first; under a
  // parent this import created, simply next.
  const underNew = (parentId: number | null) => (parentId === null ? fresh : parentId >= firstNew);
  const place = (parentId: number | null): number => {
    if (underNew(parentId)) {
      const n = (newChildren.get(parentId) ?? 0) + 1;
      newChildren.set(parentId, n);
      return n;
    }
    flush();
    const prev = lastPlaced.get(parentId);
    const slot: Slot = prev === undefined ? 'first' : { after: prev };
    return slotPositions(db, batch, projectId, parentId, slot, 1)[0]!;
  };

  const rolled = newSummaries(plan);
  // Predecessors written by this import, made links once every row exists.
  const typed: { id: number; text: string }[] = [];
  const linkText = (id: number, v: unknown) => typeof v === 'string' && v.trim() !== '' && typed.push({ id, text: v });
  // Automatic tasks whose dates this import wrote: the reschedule must not move them (schedule-file-dates.ts).
  const dated = new Map<number, FileDated>();
  const fileDated = (id: number, auto: boolean, v: Partial<WbsFields>) => {
    const start = 'plannedStart' in v && v.plannedStart != null;
    const finish = 'plannedFinish' in v && v.plannedFinish != null;
    if (auto && (start || finish)) dated.set(id, { start, finish });
  };
  for (const [k, p] of plan.planned.entries()) {
    if (k % 200 === 0) reportProgress(k, plan.planned.length);
    if (p.status === 'skipped') continue;
    const parentId = !p.parent ? null : 'id' in p.parent ? p.parent.id : created[p.parent.record]!;
    if (p.status === 'new') {
      // Copied only for a summary's roll-up (newTaskRow copies it anyway): a copy of every row's values
      // was ~7 % of a 100,000-row apply.
      const summary = rolled.get(p.record);
      const values = summary ? { ...(p.patch as Partial<WbsFields>), ...summary } : (p.patch as Partial<WbsFields>);
      const position = place(parentId);
      const id = nextId++;
      pending.push(newTaskRow(id, projectId, parentId, position, values, now));
      linkText(id, values.predecessors);
      fileDated(id, values.scheduling === 'auto', values);
      created[p.record] = id;
      // (Read by place among stored siblings only.)
      if (!underNew(parentId)) lastPlaced.set(parentId, id);
      if (!(p.parent && 'record' in p.parent && rolled.has(p.parent.record))) settle.add(parentId);
      continue;
    }
    const id = p.id!;
    if (p.move) {
      flush();
      const row = wbsStore.get(db, id)!;
      settle.add(row.parentId);
      setPosition(db, batch, row, { parentId, position: place(parentId) });
      settle.add(parentId);
    }
    lastPlaced.set(parentId, id);
    if (Object.keys(p.patch).length === 0) continue;
    const row = wbsStore.get(db, id)!;
    const changed = changedFields(row, withDerivedStatus(row, p.patch as Partial<WbsFields>));
    if (!changed) continue;
    wbsStore.update(db, id, changed.after);
    batch.record(ENTITY, id, 'update', changed.before, changed.after);
    if ('predecessors' in changed.after) linkText(id, changed.after.predecessors);
    fileDated(id, (changed.after.scheduling ?? row.scheduling) === 'auto', changed.after as Partial<WbsFields>);
    if (Object.keys(changed.after).some((f) => ROLLED.has(f))) settle.add(row.parentId);
  }
  flush();
  const linked = linkImported(db, batch, projectId, typed, fresh ? inserted : undefined);
  // From here every write of a task is audited (batch.recorded counts them): none, and the rows inserted
  // are the project's rows as stored, but for the predecessors texts the links replaced.
  const recordedAfterLinks = batch.recorded;
  // A cycle the new links close is refused by the reschedule at the end (its network run), named as the
  // predecessors' problem. Before a delete of missing rows it is looked for now: a missing row in the
  // cycle would take its links along and let the import through.
  if (linked > 0 && options.missing === 'delete') refuseCycles(db, projectId, localToday());

  if (options.missing === 'close')
    for (const m of plan.missing) {
      const row = wbsStore.get(db, m.id)!;
      if (WBS_FINISHED.has(row.status)) continue;
      wbsStore.update(db, m.id, { status: WBS_CLOSED_STATUS });
      batch.record(ENTITY, m.id, 'update', { status: row.status }, { status: WBS_CLOSED_STATUS });
      out.closed++;
    }
  if (options.missing === 'delete') {
    // Matched rows under a missing parent were moved above; what is under a missing row now is missing
    // too, so deleting the topmost missing rows with their subtrees deletes exactly the missing rows.
    const missing = new Set(plan.missing.map((m) => m.id));
    const tops = plan.missing.filter((m) => m.parentId === null || m.parentId === undefined || !missing.has(m.parentId));
    for (const t of tops) settle.add(t.parentId ?? null);
    out.deleted = deleteSubtreesIn(db, batch, tops);
  }
  settleRollUps(db, batch, projectId, [...settle].filter((id) => id === null || wbsStore.get(db, id) !== undefined));
  const kept = keepFileDates(db, batch, projectId, dated, localToday());
  if (kept) out.fileDates = { workingDays: kept.workingDays, manual: kept.manual.map((id) => wbsStore.get(db, id)!.name) };
  const network = fresh && batch.recorded === recordedAfterLinks ? (insertedNetworkRows(db, projectId, inserted) ?? undefined) : undefined;
  rescheduleIn(db, batch, projectId, localToday(), linked > 0 ? 'predecessors' : 'parentId', network);
  return out;
}

/**
 * Roll-ups of new summary tasks whose subtasks are all new too, computed from the file's values before
 * anything is inserted: each is then inserted with its final values, instead of being inserted, read
 * back and updated (with an audit row) per summary — a tenth of a large import's time.
 */
function newSummaries(plan: ImportPlan): Map<number, RolledUp> {
  const kids = new Map<number, PlannedRow[]>();
  for (const p of plan.planned)
    if (p.status !== 'skipped' && p.parent && 'record' in p.parent) {
      const list = kids.get(p.parent.record);
      if (list) list.push(p);
      else kids.set(p.parent.record, [p]);
    }
  const out = new Map<number, RolledUp>();
  // The rolled-up fields of a leaf as it will be stored (its value, else the default), read field by
  // field: a copy of every row with the defaults spread in was ~9 % of a 100,000-row apply. The status
  // is the one its data implies when the file gives none (an actual finish: 完了), as newTaskRow stores it.
  const leaf = (p: PlannedRow): RolledUp => {
    const patch = withDerivedStatus(WBS_DEFAULTS, p.patch as Partial<WbsFields>);
    const out: Record<string, unknown> = {};
    for (const f of WBS_ROLLED_UP_FIELDS) out[f] = Object.hasOwn(patch, f) ? patch[f] : WBS_DEFAULTS[f];
    return out as RolledUp;
  };
  // Children come after their parent in the plan: backwards, every child is settled before its parent.
  for (let i = plan.planned.length - 1; i >= 0; i--) {
    const p = plan.planned[i]!;
    const children = kids.get(p.record);
    if (p.status !== 'new' || !children || !children.every((c) => c.status === 'new' && (!kids.has(c.record) || out.has(c.record)))) continue;
    out.set(p.record, rollUp(children.map((c) => out.get(c.record) ?? leaf(c))));
  }
  return out;
}
