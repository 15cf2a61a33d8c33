// A baseline's plan in one text column, never changed once written. Two parts, each deflated and
// base64-encoded: the numbers (ids, parents, dates as day numbers, efforts, progress, statuses, links)
// as typed arrays, and the names and assignees as JSON. Earned value, adherence and the portfolio read
// only the numbers (decodeColumns: no JSON, no object per task, ~1/10 of the whole plan's decoding);
// a comparison or baseline.get decodes both (decodePlan). The audit trail keeps the same text, so undoing
// a baseline's deletion puts back exactly what was taken.
//
// Version 1 (one deflated JSON of every column) is what baselines taken before this format hold: it
// still decodes, and a plan whose dates or statuses the numbers cannot hold exactly is written in it.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { BaselineLink, BaselineTask } from '../../common/api/progress.js';
import { WBS_STATUSES, type WbsStatus } from '../../common/dto.js';
import { dayOf, isoOf } from '../../common/schedule/calendar.js';
import { placeTasks, type Plan, type UnplacedTask } from './plan.js';
import { columnsOf, NO_DAY, STATE, TaskColumns } from './columns.js';

const V2 = '2:';
const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;

// ---- version 2 -----------------------------------------------------------------------------------

/** The numbers' layout: float columns first, then int32, then bytes, so each typed array is aligned. */
function layout(n: number, links: number) {
  const f64 = 8 * (4 + 5 * n); // header [n, links, costRate, 0]; position, duration, plannedEffort, actualEffort, progress
  const i32 = 4 * (6 * n + 3 * links); // id, parent, 4 dates; link pred, succ, lag
  const u8 = 2 * n + links; // milestone, state; link type
  return { f64, i32, u8, bytes: f64 + i32 + u8 };
}

const NULL_NUMBER = NaN;

/** Version 2, or null when the plan has a date or status the numbers cannot give back exactly. */
function encodeV2(plan: Plan): string | null {
  const tasks = plan.tasks;
  const n = tasks.length;
  const L = plan.links.length;
  const { f64, i32, bytes } = layout(n, L);
  const buf = new ArrayBuffer(bytes);
  const F = new Float64Array(buf, 0, f64 / 8);
  const I = new Int32Array(buf, f64, i32 / 4);
  const U = new Uint8Array(buf, f64 + i32);
  F[0] = n;
  F[1] = L;
  F[2] = plan.costRate ?? NULL_NUMBER;
  const days = new Map<string, number>();
  const day = (iso: string | null): number | null => {
    if (iso === null) return NO_DAY;
    let d = days.get(iso);
    if (d === undefined) {
      d = dayOf(iso);
      // Only a date the day number gives back as written (yyyy-mm-dd, a real day) is kept as one.
      if (!Number.isFinite(d) || isoOf(d) !== iso) return null;
      days.set(iso, d);
    }
    return d;
  };
  const names: string[] = new Array(n);
  const assignees: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    F[4 + i] = t.position;
    F[4 + n + i] = t.duration ?? NULL_NUMBER;
    F[4 + 2 * n + i] = t.plannedEffort ?? NULL_NUMBER;
    F[4 + 3 * n + i] = t.actualEffort ?? NULL_NUMBER;
    F[4 + 4 * n + i] = t.progress;
    // Ids are SQLite rowids: one past int32 (never seen, but possible) keeps the plan in version 1.
    if ((t.id | 0) !== t.id || ((t.parentId ?? 0) | 0) !== (t.parentId ?? 0)) return null;
    I[i] = t.id;
    I[n + i] = t.parentId ?? 0;
    const dates = [day(t.plannedStart), day(t.plannedFinish), day(t.actualStart), day(t.actualFinish)];
    for (let k = 0; k < 4; k++) {
      if (dates[k] === null) return null;
      I[(2 + k) * n + i] = dates[k]!;
    }
    const state = STATE[t.status];
    if (state === undefined) return null;
    U[i] = t.milestone ? 1 : 0;
    U[n + i] = state;
    names[i] = t.name;
    assignees[i] = t.assignee;
  }
  for (const l of plan.links) if ((l.predecessorId | 0) !== l.predecessorId || (l.successorId | 0) !== l.successorId || (l.lagDays | 0) !== l.lagDays) return null;
  plan.links.forEach((l, k) => {
    I[6 * n + k] = l.predecessorId;
    I[6 * n + L + k] = l.successorId;
    I[6 * n + 2 * L + k] = l.lagDays;
    U[2 * n + k] = LINK_TYPES.indexOf(l.type);
  });
  const numbers = deflateRawSync(new Uint8Array(buf), { level: 6 }).toString('base64');
  const text = deflateRawSync(JSON.stringify({ name: names, assignee: assignees }), { level: 6 }).toString('base64');
  return `${V2}${numbers}:${text}`;
}

interface Numbers {
  n: number;
  L: number;
  costRate: number | null;
  F: Float64Array;
  I: Int32Array;
  U: Uint8Array;
}

function numbersOf(text: string): Numbers {
  const end = text.indexOf(':', V2.length);
  // Copied into a buffer of its own: the typed arrays need it aligned from 0.
  const raw = inflateRawSync(Buffer.from(text.slice(V2.length, end), 'base64'));
  const buf = new Uint8Array(raw).buffer;
  const head = new Float64Array(buf, 0, 4);
  const n = head[0]!;
  const L = head[1]!;
  const { f64, i32, bytes } = layout(n, L);
  if (buf.byteLength !== bytes) throw new Error(`baseline snapshot: ${buf.byteLength} bytes where ${bytes} were written`);
  return { n, L, costRate: Number.isNaN(head[2]) ? null : head[2]!, F: new Float64Array(buf, 0, f64 / 8), I: new Int32Array(buf, f64, i32 / 4), U: new Uint8Array(buf, f64 + i32) };
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

function decodeV2(text: string): Plan {
  const { n, L, costRate, F, I, U } = numbersOf(text);
  const { name, assignee } = JSON.parse(inflateRawSync(Buffer.from(text.slice(text.indexOf(':', V2.length) + 1), 'base64')).toString('utf8')) as {
    name: string[];
    assignee: string[];
  };
  const isos = new Map<number, string>();
  const iso = (d: number) => {
    if (d === NO_DAY) return null;
    let s = isos.get(d);
    if (s === undefined) isos.set(d, (s = isoOf(d)));
    return s;
  };
  const rows: UnplacedTask[] = new Array(n);
  for (let i = 0; i < n; i++)
    rows[i] = {
      id: I[i]!,
      parentId: I[n + i] === 0 ? null : I[n + i]!,
      position: F[4 + i]!,
      name: name[i]!,
      assignee: assignee[i]!,
      plannedStart: iso(I[2 * n + i]!),
      plannedFinish: iso(I[3 * n + i]!),
      actualStart: iso(I[4 * n + i]!),
      actualFinish: iso(I[5 * n + i]!),
      duration: orNull(F[4 + n + i]!),
      plannedEffort: orNull(F[4 + 2 * n + i]!),
      actualEffort: orNull(F[4 + 3 * n + i]!),
      progress: F[4 + 4 * n + i]!,
      status: WBS_STATUSES[U[n + i]!] as WbsStatus,
      milestone: U[i] === 1,
    };
  const links: BaselineLink[] = new Array(L);
  for (let k = 0; k < L; k++)
    links[k] = { predecessorId: I[6 * n + k]!, successorId: I[6 * n + L + k]!, type: LINK_TYPES[U[2 * n + k]!]!, lagDays: I[6 * n + 2 * L + k]! };
  return { tasks: placeTasks(rows), placed: true, links, costRate };
}

/** The numbers figures read, straight from version 2 (no names: assignees are null). */
function columnsV2(text: string): TaskColumns {
  const { n, costRate, F, I, U } = numbersOf(text);
  const c = new TaskColumns(n, false);
  c.id.set(I.subarray(0, n));
  c.parent.set(I.subarray(n, 2 * n));
  c.plannedStart.set(I.subarray(2 * n, 3 * n));
  c.plannedFinish.set(I.subarray(3 * n, 4 * n));
  c.actualStart.set(I.subarray(4 * n, 5 * n));
  c.actualFinish.set(I.subarray(5 * n, 6 * n));
  for (let i = 0; i < n; i++) {
    const pe = F[4 + 2 * n + i]!;
    const ae = F[4 + 3 * n + i]!;
    c.plannedEffort[i] = Number.isNaN(pe) ? 0 : pe;
    c.actualEffort[i] = Number.isNaN(ae) ? 0 : ae;
  }
  c.progress.set(F.subarray(4 + 4 * n, 4 + 5 * n));
  c.milestone.set(U.subarray(0, n));
  c.state.set(U.subarray(n, 2 * n));
  c.costRate = costRate;
  return c;
}

// ---- version 1 -----------------------------------------------------------------------------------

const V1 = 1;

interface ColumnsV1 {
  v: number;
  costRate: number | null;
  id: number[];
  parentId: (number | null)[];
  position: number[];
  name: string[];
  assignee: string[];
  plannedStart: (string | null)[];
  plannedFinish: (string | null)[];
  actualStart: (string | null)[];
  actualFinish: (string | null)[];
  duration: (number | null)[];
  plannedEffort: (number | null)[];
  actualEffort: (number | null)[];
  progress: number[];
  status: WbsStatus[];
  milestone: number[];
  /** predecessor, successor, type, lag — four entries per link. */
  links: (number | string)[];
}

const FIELDS_V1 = [
  'id',
  'parentId',
  'position',
  'name',
  'assignee',
  'plannedStart',
  'plannedFinish',
  'actualStart',
  'actualFinish',
  'duration',
  'plannedEffort',
  'actualEffort',
  'progress',
  'status',
] as const satisfies readonly (keyof BaselineTask)[];

/** Version 1: one deflated JSON of every column. */
export function encodePlanV1(plan: Plan): string {
  const c = { v: V1, costRate: plan.costRate, milestone: [] as number[], links: [] as (number | string)[] } as unknown as ColumnsV1;
  for (const f of FIELDS_V1) (c as unknown as Record<string, unknown[]>)[f] = [];
  const cols = c as unknown as Record<string, unknown[]>;
  for (const t of plan.tasks) {
    for (const f of FIELDS_V1) cols[f]!.push(t[f]);
    c.milestone.push(t.milestone ? 1 : 0);
  }
  for (const l of plan.links) c.links.push(l.predecessorId, l.successorId, l.type, l.lagDays);
  return deflateRawSync(JSON.stringify(c), { level: 6 }).toString('base64');
}

function decodeV1(text: string): Plan {
  const c = JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8')) as ColumnsV1;
  if (c.v !== V1) throw new Error(`baseline snapshot version ${c.v} is not known`);
  const rows: UnplacedTask[] = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++)
    rows[i] = {
      id: c.id[i]!,
      parentId: c.parentId[i]!,
      position: c.position[i]!,
      name: c.name[i]!,
      assignee: c.assignee[i]!,
      plannedStart: c.plannedStart[i]!,
      plannedFinish: c.plannedFinish[i]!,
      actualStart: c.actualStart[i]!,
      actualFinish: c.actualFinish[i]!,
      duration: c.duration[i]!,
      plannedEffort: c.plannedEffort[i]!,
      actualEffort: c.actualEffort[i]!,
      progress: c.progress[i]!,
      status: c.status[i]!,
      milestone: c.milestone[i] === 1,
    };
  const links: BaselineLink[] = [];
  for (let i = 0; i + 3 < c.links.length; i += 4)
    links.push({
      predecessorId: c.links[i] as number,
      successorId: c.links[i + 1] as number,
      type: c.links[i + 2] as BaselineLink['type'],
      lagDays: c.links[i + 3] as number,
    });
  return { tasks: placeTasks(rows), placed: true, links, costRate: c.costRate };
}

// ---- the codec -----------------------------------------------------------------------------------

export function encodePlan(plan: Plan): string {
  return encodeV2(plan) ?? encodePlanV1(plan);
}

/** The whole plan a baseline kept, in tree order with its codes. */
export function decodePlan(text: string): Plan {
  return text.startsWith(V2) ? decodeV2(text) : decodeV1(text);
}

/** The numbers of a baseline's plan, as figures read them; its assignees only where `withNames`. */
export function decodeColumns(text: string, withNames = false): TaskColumns {
  if (text.startsWith(V2) && !withNames) return columnsV2(text);
  return columnsOf(decodePlan(text));
}
