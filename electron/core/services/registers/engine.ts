// One implementation of a flat register (list, create, update, delete, bulk cells), parameterized by a
// definition. Every write is one batch: the rows and their audit rows in one transaction, audited as
// generic undo replays them (create: full snapshot; update: changed fields only; delete: full snapshot).
import type { CellsResult, RegisterDef, RiskThresholds, Vocabularies } from '../../../common/registers.js';
import { localToday } from '../../../common/dates.js';
import { textError } from '../../../common/errors.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { inBatch, type Actor, type Batch } from '../../batch.js';
import type { AnyStore } from '../../entities.js';
import { changedFields } from '../diff.js';
import { getProjectRow } from '../projects.js';
import { planCells, refusal, type CellsRequest } from './cells.js';
import { refAllocator, retireRefs } from './refs.js';
import type { RegisterRow } from './stores.js';
import { getThresholds } from './thresholds.js';
import { loadVocabularies } from './vocabularies.js';
import { refsOfProject } from '../../db/queries/registers.js';
import { rebaseExtra, refuseStale } from '../stale-edit.js';

/** What derived values of a row are computed from. */
export interface DtoContext {
  today: string;
  vocab: Vocabularies;
  thresholds: RiskThresholds;
}

export interface RegisterBinding<D> {
  def: RegisterDef;
  store: AnyStore;
  /** Fields naming a row of another table, which must belong to the same project. */
  links?: Record<string, AnyStore>;
  toDto(row: RegisterRow, ctx: DtoContext): D;
}

export interface RunOptions {
  /** The user's calendar day (yyyy-mm-dd); tests pin it, everyone else gets the local today. */
  today?: string;
  /**
   * A new row created already closed gets today as its closing date (default). An import turns this
   * off: a row the client closed long ago was not closed today.
   */
  dateNewClosedRows?: boolean;
}

/** How a write is named and reported: its batch label, and for single-row calls the request's field prefix. */
interface WriteKind {
  label: string;
  single?: 'patch' | 'values';
}

type Values = Record<string, unknown>;

export type RegisterService<D> = ReturnType<typeof registerService<D>>;

export function registerService<D>(b: RegisterBinding<D>) {
  const entity = b.def.name;

  const context = (db: Db, projectId: number, opts: RunOptions): DtoContext => ({
    today: opts.today ?? localToday(),
    vocab: loadVocabularies(db, projectId),
    thresholds: getThresholds(db, projectId),
  });

  const rowsOf = (db: Db, projectId: number) => b.store.inProject(db, projectId) as RegisterRow[];

  // A one-cell edit reads only the rows it names, and every row's ID only when it writes IDs or creates
  // rows: reading a whole large register per keystroke would make editing lag.
  const namedRows = (db: Db, projectId: number, req: CellsRequest) =>
    new Map(
      [...new Set(req.updates.map((u) => u.id))].flatMap((id) => {
        const row = b.store.get(db, id) as RegisterRow | undefined;
        return row?.projectId === projectId ? [[id, row] as const] : [];
      }),
    );

  const projectRefs = (db: Db, projectId: number, req: CellsRequest) => {
    const writesRefs = (req.creates?.length ?? 0) > 0 || req.updates.some((u) => 'ref' in u.patch);
    if (!writesRefs) return new Map<number, string>();
    return refsOfProject(db, b.store.table, projectId);
  };

  const linkChecks = (db: Db, projectId: number) =>
    Object.fromEntries(Object.entries(b.links ?? {}).map(([field, store]) => [field, (id: number) => store.get(db, id)?.projectId === projectId]));

  /** One row of a project as the UI sees it; undefined when the project has no such row. */
  function one(db: Db, projectId: number, id: number, opts: RunOptions = {}): D | undefined {
    const row = b.store.get(db, id) as RegisterRow | undefined;
    return row && row.projectId === projectId ? b.toDto(row, context(db, projectId, opts)) : undefined;
  }

  function list(db: Db, projectId: number, opts: RunOptions = {}): D[] {
    getProjectRow(db, projectId);
    const ctx = context(db, projectId, opts);
    return rowsOf(db, projectId).map((r) => b.toDto(r, ctx));
  }

  /** The body of a bulk write, inside a batch the caller opened (an import adds its deletions to it). */
  function writeIn(db: Db, batch: Batch, projectId: number, req: CellsRequest, kind: WriteKind, opts: RunOptions): CellsResult<D> {
    const ctx = context(db, projectId, opts);
    const plan = planCells(
      {
        def: b.def,
        vocab: ctx.vocab,
        today: ctx.today,
        rows: namedRows(db, projectId, req),
        refs: projectRefs(db, projectId, req),
        links: linkChecks(db, projectId),
        dateNewClosedRows: opts.dateNewClosedRows ?? true,
      },
      req,
    );
    if (plan.problems.length > 0) throw refusal(kind.label, plan.problems, kind.single);
    // Read in this transaction: a cell a colleague changed since the caller's edit began is not overwritten.
    refuseStale(db, entity, req.updates.map((u) => ({ id: u.id, stored: plan.rows.get(u.id)!, expected: u.expected, patch: u.patch })));
    // The client columns changed key by key onto the row as stored (a colleague's other keys stay).
    const began = new Map(req.updates.map((u) => [u.id, u.expected]));

    const current = new Map<number, RegisterRow>();
    for (const u of plan.updates) {
      const row = current.get(u.id) ?? plan.rows.get(u.id)!;
      const changed = changedFields(row, withoutSame(row, rebaseExtra(row, began.get(u.id), u.patch)));
      current.set(u.id, row);
      if (!changed) continue;
      current.set(u.id, b.store.update(db, u.id, changed.after) as RegisterRow);
      batch.record(entity, u.id, 'update', changed.before, changed.after);
    }
    const nextRef = refAllocator(db, b.def, projectId, plan.refs);
    const created = plan.creates.map((values) => {
      const row = b.store.insert(db, { ...values, ref: values.ref ?? nextRef(), projectId }) as RegisterRow;
      batch.record(entity, row.id, 'create', null, snapshot(row));
      return row;
    });
    const renamed = plan.updates.flatMap((u) => ('ref' in u.patch ? [u.patch.ref as string] : []));
    retireRefs(db, b.def, projectId, [...renamed, ...created.map((r) => r.ref as string)], plan.refs);
    return { updated: [...current.values()].map((r) => b.toDto(r, ctx)), created: created.map((r) => b.toDto(r, ctx)) };
  }

  function write(db: Db, actor: Actor, projectId: number, req: CellsRequest, kind: WriteKind, opts: RunOptions): CellsResult<D> {
    getProjectRow(db, projectId);
    return inBatch(db, actor, kind.label, projectId, (batch) => writeIn(db, batch, projectId, req, kind, opts));
  }

  /** Deletes rows (of the caller's project, checked by the caller) inside an open batch. */
  function removeIn(db: Db, batch: Batch, ids: number[]): number {
    for (const id of ids) {
      batch.record(entity, id, 'delete', snapshot(b.store.require(db, id, `${entity} ${id}`) as RegisterRow), null);
      b.store.remove(db, id);
    }
    return ids.length;
  }

  return {
    def: b.def,
    /** What the derived values of a project's rows are computed from, and a stored row as the UI sees it. */
    context,
    dto: b.toDto,
    list,
    one,
    writeIn,
    removeIn,
    /** Stored rows of a project, as stored (for an import's diff). */
    rows: rowsOf,

    /**
     * A bulk write validated whole: every bad cell is listed and nothing is stored, or all of it is.
     * `label` names the batch (an Excel import may call it 'excel.import').
     */
    applyCells: (db: Db, actor: Actor, projectId: number, req: CellsRequest, opts: RunOptions & { label?: string } = {}): CellsResult<D> =>
      write(db, actor, projectId, req, { label: opts.label ?? `${entity}.applyCells` }, opts),

    create: (db: Db, actor: Actor, projectId: number, values: Values, opts: RunOptions = {}): D =>
      write(db, actor, projectId, { updates: [], creates: [{ values }] }, { label: `${entity}.create`, single: 'values' }, opts).created[0]!,

    update(db: Db, actor: Actor, id: number, patch: Values, opts: RunOptions = {}, expected?: Values): D {
      const projectId = b.store.require(db, id, `${entity} ${id}`).projectId as number;
      return write(db, actor, projectId, { updates: [{ id, patch, ...(expected && { expected }) }] }, { label: `${entity}.update`, single: 'patch' }, opts).updated[0]!;
    },

    /** Deletes rows of one project in one batch; each deleted row is kept whole in the audit trail. */
    remove(db: Db, actor: Actor, ids: number[]): { deleted: number } {
      const unique = [...new Set(ids)];
      const found = unique.map((id) => b.store.get(db, id));
      const missing = unique.filter((_, i) => !found[i]);
      if (missing.length > 0) throw textError('NOT_FOUND', 'rowsGone', { count: missing.length }, `${entity} ${missing.join(', ')} does not exist`, { field: 'id', ids: missing });
      const projects = new Set(found.map((r) => r!.projectId as number));
      if (projects.size > 1) throw textError('CONFLICT', 'differentProjects', {}, `the ${entity} rows belong to different projects`, { field: 'ids' });
      return inBatch(db, actor, `${entity}.delete`, [...projects][0]!, (batch) => ({ deleted: removeIn(db, batch, unique) }));
    },
  };
}

/** What the audit trail keeps of a row: every field, so undo can put it back as it was. */
function snapshot(row: RegisterRow): Values {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** The patch without values equal to the stored ones (JSON `extra` compared by content, not identity). */
function withoutSame(row: RegisterRow, patch: Values): Values {
  return Object.fromEntries(
    Object.entries(patch).filter(([k, v]) => {
      const cur = row[k];
      if (Object.is(cur, v)) return false;
      return !(typeof v === 'object' && v !== null && typeof cur === 'object' && cur !== null && JSON.stringify(cur) === JSON.stringify(v));
    }),
  );
}
