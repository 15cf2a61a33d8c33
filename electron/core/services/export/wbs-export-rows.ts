// The WBS as PMO Desk's own export writes it: the tree (order, codes, levels, summaries), the critical
// path and the gantt band's dates from the schedule's network — one read of the project's tasks as
// arrays, which the schedule keeps between edits (schedule-network.ts) — and each row's values read
// only when its turn comes, a chunk of rows at a time, in tree order.
//
// Why: the export read the whole plan as rows of 27 values (wbs.ts listRows: the tree ordered again,
// every task an object), solved the network on a read of its own, and held all of it until the file was
// done: ~75 MB of a 100,000-task export's heap, and the tree, the path and the band each a fixed cost
// of a 10,000-task one (npm run bench -- --only scale).
//
// One state of the plan: the export lets other calls run between its rows (call-scope.ts breathe), and
// a write among them could change rows not yet read. Every chunk is read after checking that nothing
// was written since the network was read (Sql.changeStamp); if something was, the export starts again
// (RowsChanged), and a third attempt, or an engine without a stamp (team mode), reads every row at once,
// in the same step as the network.
import type { SqlDb as Db } from '../../db/sql.js';
import { taskExportValues, taskExtras } from '../../db/queries/wbs.js';
import { criticalMarks, linkTexts, network, type Network } from '../schedule.js';
import { projectHasLinks } from '../../db/queries/schedule.js';

/** Rows read per statement: a few hundred KB of values at a time. */
export const EXPORT_CHUNK = 2000;

/** A write landed between two chunks: the export starts again from a new read. */
export class RowsChanged extends Error {
  constructor() {
    super('the WBS changed while it was exported');
    this.name = 'RowsChanged';
  }
}

export type ExportedTask = Record<string, unknown> & { extra: Record<string, unknown> };

export interface WbsExportRows {
  net: Network;
  /** 1 for a critical task (by network index); null when not asked for. */
  critical: Uint8Array | null;
  count: number;
  code: string[];
  level: Int32Array;
  summary: Uint8Array;
  /** The client's extra keys in order of first use down the tree. */
  extraKeys: string[];
  /** Task i's stored fields (EXPORT_HEADERS' names, `wbsCode` and the links' text included); in order of i. */
  at(i: number): ExportedTask;
}

/**
 * The project's WBS for an export; `critical`: solve the network for the band. `chunk`: rows per read
 * (Infinity: every row now).
 */
export function wbsExportRows(db: Db, projectId: number, today: string, opts: { critical: boolean; chunk: number }): WbsExportRows {
  const stamp = db.sql.changeStamp();
  const { net, critical } = opts.critical ? criticalMarks(db, projectId, today) : { net: network(db, projectId, today), critical: null };
  const { n, id, parent, index } = net.tasks;
  // Codes by place among siblings, as wbs-tree.ts treeOrder numbers them: the network is in that order.
  const code: string[] = new Array(n);
  const level = new Int32Array(n);
  const summary = new Uint8Array(n);
  const ordinal = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    const k = ++ordinal[p + 1]!;
    if (p < 0) code[i] = String(k);
    else {
      code[i] = `${code[p]}.${k}`;
      level[i] = level[p]! + 1;
      summary[p] = 1;
    }
  }
  const linkText = n > 0 && projectHasLinks(db, projectId) ? linkTexts(db, projectId, { get: (taskId) => code[index.get(taskId) ?? -1] }) : null;
  const extras = taskExtras(db, projectId)
    .map(([taskId, json]) => [index.get(taskId), json] as const)
    .filter((e): e is readonly [number, string] => e[0] !== undefined)
    .sort((a, b) => a[0] - b[0]);
  const keySet = new Set<string>();
  for (const [, json] of extras) for (const k of Object.keys(JSON.parse(json) as object)) keySet.add(k);

  const rows = new ChunkedRows(db, stamp?.text ?? null, stamp ? opts.chunk : Infinity, net, critical, code, level, summary, [...keySet], linkText);
  // The first chunk in the same step as the network: whatever comes after, these agree.
  if (n > 0) rows.read(0);
  return rows;
}

/**
 * The rows read a chunk at a time. A class, not an object of closures made per export: its `at` is
 * called for every row, and a new closure at a call site the optimizing compiler had inlined
 * deoptimized the writer's loop, so the next export compiled it again.
 */
class ChunkedRows implements WbsExportRows {
  readonly count: number;
  private from = 0;
  private rows: unknown[][] = [];
  constructor(
    private readonly db: Db,
    /** Sql.changeStamp's text as the network was read; null: no stamp (every row is read at once). */
    private readonly stamp: string | null,
    private readonly chunk: number,
    readonly net: Network,
    readonly critical: Uint8Array | null,
    readonly code: string[],
    readonly level: Int32Array,
    readonly summary: Uint8Array,
    readonly extraKeys: string[],
    private readonly linkText: Map<number, string> | null,
  ) {
    this.count = net.tasks.n;
  }

  /** Reads the chunk from row i; a write since the network was read throws RowsChanged. */
  read(i: number): void {
    const now = this.db.sql.changeStamp();
    if (now && now.text !== this.stamp) throw new RowsChanged();
    const { id, index } = this.net.tasks;
    this.from = i;
    const to = Math.min(this.count, i + this.chunk);
    const found = taskExportValues(this.db, Array.from(id.subarray(i, to)));
    const rows = new Array<unknown[]>(to - i);
    for (const r of found) rows[index.get(r[0] as number)! - i] = r;
    this.rows = rows;
    if (found.length !== to - i) throw new RowsChanged();
  }

  at(i: number): ExportedTask {
    if (i < this.from || i >= this.from + this.rows.length) this.read(i);
    const r = this.rows[i - this.from]!;
    const extra = r[15] as string;
    // One object literal, in queries/wbs.ts TASK_EXPORT_SQL's order: a fixed shape at once (keys added one by one
    // cost several times as much per row).
    const links = this.linkText?.get(this.net.tasks.id[i]!);
    const task: ExportedTask = {
      wbsCode: this.code[i],
      name: r[1],
      assignee: r[2],
      plannedStart: r[3],
      plannedFinish: r[4],
      actualStart: r[5],
      actualFinish: r[6],
      plannedEffort: r[7],
      actualEffort: r[8],
      progress: r[9],
      status: r[10],
      milestone: r[11] === 1,
      deliverable: r[12],
      predecessors: links ?? r[13],
      notes: r[14],
      extra: extra === '{}' ? {} : (JSON.parse(extra) as Record<string, unknown>),
      duration: r[16],
      scheduling: r[17],
    };
    return task;
  }
}
