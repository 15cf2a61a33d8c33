// The WBS tree's statements (wbs_tasks): the list the screen opens with, a task's place among its
// siblings, positions, subtrees, roll-up reads and stored statuses. The services (wbs.ts, wbs-cells.ts,
// wbs-moves.ts, wbs-status-sync.ts) call these and hold no SQL; whole rows go through the table store.
import type { WbsFields, WbsRolledUpField } from '../../../common/dto.js';
import type { SqlDb } from '../sql.js';

// The list is the hot read (10,000 rows when the WBS screen opens): rows as arrays, not keyed objects
// (~50 ms against ~150 ms for 10,000 rows on a 2-core VM). The column order is wbs-rows.ts's tuple and
// is checked against the schema by test/integration/wbs-tree.test.ts.
export const TASK_LIST_SQL = `SELECT id, project_id, parent_id, position, name, assignee, planned_start, planned_finish, actual_start,
  actual_finish, planned_effort, actual_effort, progress, status, milestone, deliverable, predecessors, notes, extra, updated_at, duration, scheduling
  FROM wbs_tasks WHERE project_id = ?`;

/** Every task of a project as an array in TASK_LIST_SQL's column order, in no particular order. */
export function taskListValues(db: SqlDb, projectId: number): unknown[][] {
  return db.sql.values<unknown[]>(TASK_LIST_SQL, [projectId]);
}

// The stored fields PMO Desk's own export of the WBS writes, in the order wbs-export-rows.ts reads them.
const TASK_EXPORT_SQL = `SELECT id, name, assignee, planned_start, planned_finish, actual_start, actual_finish, planned_effort, actual_effort,
  progress, status, milestone, deliverable, predecessors, notes, extra, duration, scheduling
  FROM wbs_tasks WHERE id IN (SELECT value FROM json_each(?))`;

/** TASK_EXPORT_SQL's values of the tasks `ids`, in no order; an id with no task is left out. */
export function taskExportValues(db: SqlDb, ids: readonly number[]): unknown[][] {
  return db.sql.values<unknown[]>(TASK_EXPORT_SQL, [JSON.stringify(ids)]);
}

/** [id, extra JSON] of the project's tasks whose extra holds anything, in no order. */
export function taskExtras(db: SqlDb, projectId: number): [number, string][] {
  return db.sql.values<[number, string]>("SELECT id, extra FROM wbs_tasks WHERE project_id = ? AND extra <> '{}'", [projectId]);
}

/**
 * The first `limit` tasks under `parentId` (null: the top level) in sibling order, as taskListValues'
 * arrays: one seek on the (project_id, parent_id, position) index, for the first rows of a plan without
 * reading the whole of it.
 */
export function childListValues(db: SqlDb, projectId: number, parentId: number | null, limit: number): unknown[][] {
  return parentId === null
    ? db.sql.values<unknown[]>(`${TASK_LIST_SQL} AND parent_id IS NULL ORDER BY position, id LIMIT ?`, [projectId, limit])
    : db.sql.values<unknown[]>(`${TASK_LIST_SQL} AND parent_id = ? ORDER BY position, id LIMIT ?`, [projectId, parentId, limit]);
}

export function taskCount(db: SqlDb, projectId: number): number {
  return db.sql.get<{ n: number }>('SELECT count(*) AS n FROM wbs_tasks WHERE project_id = ?', [projectId])!.n;
}

/**
 * Whether the project holds more than `limit` tasks, counting no further: a count of the whole project
 * stepped over 100,000 index entries to decide whether a 500-row answer is a good part of it.
 */
export function taskCountUpTo(db: SqlDb, projectId: number, limit: number): number {
  // The subquery is named: PostgreSQL before 16 refuses an unnamed one in FROM.
  return db.sql.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM wbs_tasks WHERE project_id = ? LIMIT ?) AS capped', [projectId, limit])!.n;
}

/** Those of `ids` that are tasks of the project (still there), in one statement. */
export function tasksIn(db: SqlDb, ids: readonly number[], projectId: number): number[] {
  // CROSS JOIN: a seek per id listed (a plain JOIN lets SQLite walk the project's tasks instead).
  return db.sql
    .values<[number]>('SELECT t.id FROM json_each(?) j CROSS JOIN wbs_tasks t ON t.id = j.value WHERE t.project_id = ?', [JSON.stringify(ids), projectId])
    .map((r) => r[0]);
}

/** Those of `ids` that have subtasks: one seek each on the parent index, in one statement. */
export function withSubtasks(db: SqlDb, ids: readonly number[]): number[] {
  return db.sql.values<[number]>('SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM wbs_tasks WHERE parent_id = value)', [JSON.stringify(ids)]).map((r) => r[0]);
}

/** The parents of `ids` (null: the top level), each once. */
export function parentsOf(db: SqlDb, ids: readonly number[]): (number | null)[] {
  return db.sql.values<[number | null]>('SELECT DISTINCT t.parent_id FROM json_each(?) j CROSS JOIN wbs_tasks t ON t.id = j.value', [JSON.stringify(ids)]).map((r) => r[0]);
}

/** Whether the task is in the project (and still there). */
export function taskIsIn(db: SqlDb, id: number, projectId: number): boolean {
  return db.sql.get('SELECT 1 AS x FROM wbs_tasks WHERE id = ? AND project_id = ?', [id, projectId]) !== undefined;
}

/** Whether the task has subtasks (one seek on the parent index). */
export function hasSubtasks(db: SqlDb, taskId: number): boolean {
  return db.sql.get('SELECT 1 AS x FROM wbs_tasks WHERE parent_id = ? LIMIT 1', [taskId]) !== undefined;
}

/** Whether a project has automatic tasks and links: whether a reschedule has anything to do (schedule.ts). */
export interface ProjectScheduling {
  auto: boolean;
  links: boolean;
}

const AUTO_OF = (project: string) => `EXISTS (SELECT 1 FROM wbs_tasks a WHERE a.project_id = ${project} AND a.scheduling = 'auto')`;
const LINKS_OF = (project: string) => `EXISTS (SELECT 1 FROM wbs_dependencies d WHERE d.project_id = ${project})`;

/**
 * A task's stored row with `has_subtasks` and its project's `auto` and `links` (each 1 or 0), or undefined
 * when there is no such task: all an edit reads before it writes, in one statement (the row, whether a
 * rolled-up field may be typed into it, whether the reschedule after it has anything to do).
 */
export function taskRowForEdit(db: SqlDb, id: number): (Record<string, unknown> & { has_subtasks: number; auto: number; links: number }) | undefined {
  return db.sql.get(
    `SELECT t.*, EXISTS (SELECT 1 FROM wbs_tasks c WHERE c.parent_id = t.id) AS has_subtasks, ${AUTO_OF('t.project_id')} AS auto, ${LINKS_OF('t.project_id')} AS links
     FROM wbs_tasks t WHERE t.id = ?`,
    [id],
  );
}

/** The project's ProjectScheduling, in one statement (two round trips to a team database). */
export function schedulingOf(db: SqlDb, projectId: number): ProjectScheduling {
  const [auto, links] = db.sql.values<[number, number]>(`SELECT ${AUTO_OF('?')}, ${LINKS_OF('?')}`, [projectId, projectId])[0]!;
  return { auto: auto === 1, links: links === 1 };
}

// ---- siblings and positions (tree order among siblings: position, then id) -------------------------

// `parent_id IS ?` is SQLite's alone (PostgreSQL takes no parameter after IS), and the portable
// IS NOT DISTINCT FROM is no index seek on PostgreSQL: a sibling statement is written for the top level
// or for one parent, an index seek on (project_id, parent_id, position) on both engines.
const ofParent = (parentId: number | null) => (parentId === null ? 'parent_id IS NULL' : 'parent_id = ?');
const parentArg = (parentId: number | null): number[] => (parentId === null ? [] : [parentId]);

interface Place {
  id: number;
  projectId: number;
  parentId: number | null;
  position: number;
}

/** How many siblings come before the task in tree order (its 1-based place minus one). */
export function siblingsBefore(db: SqlDb, r: Place): number {
  return db.sql.get<{ n: number }>(
    `SELECT count(*) AS n FROM wbs_tasks WHERE project_id = ? AND ${ofParent(r.parentId)} AND (position < ? OR (position = ? AND id < ?))`,
    [r.projectId, ...parentArg(r.parentId), r.position, r.position, r.id],
  )!.n;
}

/**
 * A task and its ancestors, root first, each whole row with `ordinal`, its 1-based place among its
 * siblings: what an edit's answer needs, in one statement (a read and an indexed count per level cost
 * a round trip each on PostgreSQL). With them, whether the task itself has subtasks (`has_subtasks`: its
 * ancestors have, by being its ancestors) and whether the project has links (`project_links`, 1 or 0):
 * two more reads of the answer's. Empty when the task does not exist.
 */
export function lineageWithOrdinals(db: SqlDb, id: number): () => (Record<string, unknown> & { ordinal: number; has_subtasks: number; project_links: number })[] {
  // Sql.later: an edit reads it last, and on a team database it goes with the COMMIT.
  return db.sql.later(
    `WITH RECURSIVE up AS (
       SELECT t.*, 0 AS depth FROM wbs_tasks t WHERE t.id = ?
       UNION ALL SELECT p.*, up.depth + 1 FROM wbs_tasks p JOIN up ON p.id = up.parent_id
     )
     SELECT up.*,
       CASE WHEN up.depth = 0 AND NOT EXISTS (SELECT 1 FROM wbs_tasks c WHERE c.parent_id = up.id) THEN 0 ELSE 1 END AS has_subtasks,
       EXISTS (SELECT 1 FROM wbs_dependencies d WHERE d.project_id = up.project_id) AS project_links,
       1 + CASE WHEN up.parent_id IS NULL
         THEN (SELECT count(*) FROM wbs_tasks s WHERE s.project_id = up.project_id AND s.parent_id IS NULL AND (s.position < up.position OR (s.position = up.position AND s.id < up.id)))
         ELSE (SELECT count(*) FROM wbs_tasks s WHERE s.project_id = up.project_id AND s.parent_id = up.parent_id AND (s.position < up.position OR (s.position = up.position AND s.id < up.id)))
       END AS ordinal
     FROM up ORDER BY up.depth DESC`,
    [id],
  );
}

/** The sibling just before the task in tree order, if any. */
export function previousSibling(db: SqlDb, r: Place): number | undefined {
  return db.sql.get<{ id: number }>(
    `SELECT id FROM wbs_tasks WHERE project_id = ? AND ${ofParent(r.parentId)} AND (position < ? OR (position = ? AND id < ?)) ORDER BY position DESC, id DESC LIMIT 1`,
    [r.projectId, ...parentArg(r.parentId), r.position, r.position, r.id],
  )?.id;
}

/** The child at 0-based `index` under `parentId` (null: the top level), in tree order. */
export function childAt(db: SqlDb, projectId: number, parentId: number | null, index: number): number | undefined {
  return db.sql.get<{ id: number }>(`SELECT id FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)} ORDER BY position, id LIMIT 1 OFFSET ?`, [
    projectId,
    ...parentArg(parentId),
    index,
  ])?.id;
}

/** The children of `parentId` in tree order up to those at `position` (one index range, from its start). */
export function siblingIdsThrough(db: SqlDb, projectId: number, parentId: number | null, position: number): number[] {
  return db.sql
    .values<[number]>(`SELECT id FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)} AND position <= ? ORDER BY position, id`, [projectId, ...parentArg(parentId), position])
    .map((r) => r[0]);
}

/** The children of `parentId` (null: the top level) in tree order, with their positions. */
export function siblingPositions(db: SqlDb, projectId: number, parentId: number | null): { id: number; position: number }[] {
  return db.sql.all(`SELECT id, position FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)} ORDER BY position, id`, [projectId, ...parentArg(parentId)]);
}

/** The greatest position under `parentId`, or null when it has no children. */
export function lastPosition(db: SqlDb, projectId: number, parentId: number | null): number | null {
  return db.sql.get<{ p: number | null }>(`SELECT max(position) AS p FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)}`, [projectId, ...parentArg(parentId)])!.p;
}

/**
 * For each of `parentIds` that is a task: its project and the greatest position of its subtasks (null
 * without any), in one statement (tasks appended under many parents at once).
 */
export function lastPositionsUnder(db: SqlDb, parentIds: readonly number[]): { id: number; projectId: number; last: number | null }[] {
  return db.sql.all(
    `SELECT p.id, p.project_id AS projectId, (SELECT max(c.position) FROM wbs_tasks c WHERE c.project_id = p.project_id AND c.parent_id = p.id) AS last
       FROM wbs_tasks p WHERE p.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(parentIds)],
  );
}

/** The least position under `parentId` greater than `after` (any, without it), or null. */
export function firstPositionAfter(db: SqlDb, projectId: number, parentId: number | null, after?: number): number | null {
  return after === undefined
    ? db.sql.get<{ p: number | null }>(`SELECT min(position) AS p FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)}`, [projectId, ...parentArg(parentId)])!.p
    : db.sql.get<{ p: number | null }>(`SELECT min(position) AS p FROM wbs_tasks WHERE project_id = ? AND ${ofParent(parentId)} AND position > ?`, [
        projectId,
        ...parentArg(parentId),
        after,
      ])!.p;
}

/** The task and every task under it, the task first, each parent before its children. */
export function subtreeIds(db: SqlDb, topId: number): number[] {
  return db.sql
    .values<[number]>('WITH RECURSIVE sub(id) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT t.id FROM wbs_tasks t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub', [topId])
    .map((r) => r[0]);
}

/** The first of `n` task ids never given and reserved for rows inserted with their ids (Dialect.reserveIds). */
export function reserveTaskIds(db: SqlDb, n: number): number {
  const { sql, params } = db.sql.dialect.reserveIds('wbs_tasks', n);
  return db.sql.get<{ first: number }>(sql, params)!.first;
}

// ---- roll-ups and statuses -----------------------------------------------------------------------

/** What a roll-up reads of a task: its place and the rolled-up fields (no mapping of the whole row). */
export type RollUpRow = Pick<WbsFields, WbsRolledUpField> & { id: number; projectId: number; parentId: number | null };

const ROLL_UP_COLUMNS = `id, project_id AS projectId, parent_id AS parentId, planned_start AS plannedStart,
  planned_finish AS plannedFinish, actual_start AS actualStart, actual_finish AS actualFinish,
  planned_effort AS plannedEffort, actual_effort AS actualEffort, progress, status`;

/** Ids per `IN (?, …)` of the roll-up reads. */
const ROLL_UP_CHUNK = 500;

// The same fields under their column names, for the chain's recursive CTE.
const ROLL_UP_FIELDS = 'id, project_id, parent_id, planned_start, planned_finish, actual_start, actual_finish, planned_effort, actual_effort, progress, status';

/** A roll-up's reads: the tasks given and all their ancestors (`chain`), and the children of every one of them. */
export interface RollUpFamily {
  chain: RollUpRow[];
  children: RollUpRow[];
}

/**
 * The roll-up rows of the given tasks and of every ancestor of them, and the children of all those, in
 * one statement per chunk of starts: a leaf's edit read its chain a level at a time, and each level was
 * a round trip to a team database (four of an edit's thirteen). The ids are written as parameters, not
 * as one JSON list, so each engine knows how few they are; the recursive step seeks the key by parent
 * id, and the children seek the (project, parent) index (Dialect.anyOf; test/integration/pg-plans.test.ts
 * checks PostgreSQL's plan). A child is answered once even where chunks share ancestors.
 */
export function rollUpFamily(db: SqlDb, projectId: number, startIds: readonly number[]): RollUpFamily {
  const chain = new Map<number, RollUpRow>();
  const children = new Map<number, RollUpRow>();
  for (let i = 0; i < startIds.length; i += ROLL_UP_CHUNK) {
    const chunk = startIds.slice(i, i + ROLL_UP_CHUNK);
    const rows = db.sql.all<RollUpRow & { inChain: number }>(
      `WITH RECURSIVE chain AS (
         SELECT ${ROLL_UP_FIELDS} FROM wbs_tasks WHERE id IN (${chunk.map(() => '?').join(', ')})
         UNION SELECT ${ROLL_UP_FIELDS.replace(/(\w+)/g, 'p.$1')} FROM chain c JOIN wbs_tasks p ON p.id = c.parent_id
       )
       SELECT ${ROLL_UP_COLUMNS}, 1 AS inChain FROM chain
       UNION ALL SELECT ${ROLL_UP_COLUMNS}, 0 FROM wbs_tasks WHERE project_id = ? AND ${db.sql.dialect.anyOf('parent_id', 'SELECT id FROM chain')}`,
      [...chunk, projectId],
    );
    for (const { inChain, ...r } of rows) {
      const into = inChain ? chain : children;
      if (!into.has(r.id)) into.set(r.id, r);
    }
  }
  return { chain: [...chain.values()], children: [...children.values()] };
}

/** The roll-up fields and place of every task of the project (of every project without one). */
export function statusRows(db: SqlDb, projectId?: number): (RollUpRow & { position: number })[] {
  return projectId === undefined
    ? db.sql.all(`SELECT ${ROLL_UP_COLUMNS}, position FROM wbs_tasks`)
    : db.sql.all(`SELECT ${ROLL_UP_COLUMNS}, position FROM wbs_tasks WHERE project_id = ?`, [projectId]);
}

/** Writes a status without touching updated_at (a repair, not an edit). */
export function setStoredStatus(db: SqlDb, id: number, status: string): void {
  db.sql.run('UPDATE wbs_tasks SET status = ? WHERE id = ?', [status, id]);
}

// ---- what a batch changed ----------------------------------------------------------------------

/**
 * The successors of links from tasks whose WBS code batch `batchId` may have changed: a row created,
 * deleted or moved to another parent renumbers its parents' children and all under them; a row moved
 * among its siblings renumbers itself and all under it. Over-approximated by whole sibling lists. A bulk
 * create's row holds no snapshot (services/wbs.ts insertTasks): its parent is read from the row itself.
 */
export function renumberedSuccessors(db: SqlDb, batchId: string, taskEntity: string, projectId: number): number[] {
  return db.sql
    .values<[number]>(
      `WITH RECURSIVE
         rows AS (SELECT entity_id, action, before, after FROM audit_log WHERE batch_id = ? AND entity = ?),
         parents(p) AS (
           SELECT CAST(after ->> '$.parentId' AS INTEGER) FROM rows WHERE json_type(after, '$.parentId') IS NOT NULL
           UNION SELECT CAST(before ->> '$.parentId' AS INTEGER) FROM rows WHERE json_type(before, '$.parentId') IS NOT NULL
           UNION SELECT t.parent_id FROM rows CROSS JOIN wbs_tasks t ON t.id = rows.entity_id WHERE rows.action = 'create' AND rows.after IS NULL
         ),
         renumbered(id) AS (
           SELECT t.id FROM parents CROSS JOIN wbs_tasks t ON t.parent_id = parents.p
           UNION SELECT t.id FROM wbs_tasks t WHERE t.project_id = ? AND t.parent_id IS NULL AND EXISTS (SELECT 1 FROM parents WHERE p IS NULL)
           UNION SELECT entity_id FROM rows WHERE json_type(after, '$.position') IS NOT NULL
           UNION SELECT t.id FROM renumbered r CROSS JOIN wbs_tasks t ON t.parent_id = r.id
         )
       SELECT DISTINCT d.successor_id FROM renumbered r CROSS JOIN wbs_dependencies d ON d.predecessor_id = r.id`,
      [batchId, taskEntity, projectId],
    )
    .map((r) => r[0]);
}

/** The ids of every task of the project. */
export function taskIdsOf(db: SqlDb, projectId: number): number[] {
  return db.sql.values<[number]>('SELECT id FROM wbs_tasks WHERE project_id = ?', [projectId]).map((r) => r[0]);
}

/** The earliest planned start and latest planned finish of the project's tasks (null when none). */
export function plannedSpan(db: SqlDb, projectId: number): { start: string | null; end: string | null } {
  const row = db.sql.get<{ start: string | null; end: string | null }>('SELECT min(planned_start) AS start, max(planned_finish) AS end FROM wbs_tasks WHERE project_id = ?', [projectId]);
  return { start: row?.start ?? null, end: row?.end ?? null };
}

/** A task's name alone. */
export function taskName(db: SqlDb, id: number): string | undefined {
  return db.sql.get<{ name: string }>('SELECT name FROM wbs_tasks WHERE id = ?', [id])?.name;
}

/** The project's task names, and nothing else (no tree, roll-ups or derived marks: a re-import's stored titles). */
export function taskNames(db: SqlDb, projectId: number): string[] {
  return db.sql.values<[string]>('SELECT name FROM wbs_tasks WHERE project_id = ?', [projectId]).map(([name]) => name);
}
