// The one schema of the PMO Desk workspace file. drizzle-kit turns changes here into the SQL
// migrations beside this file (drizzle/migrations); those are committed and never edited by hand.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, blob, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// Columns every register row has: its project, the client columns we have no field for (so they
// round-trip through Excel), and timestamps.
const registerColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  code: text('code').notNull().default(''),
  description: text('description').notNull().default(''),
  // Yen per person-day: earned value is given in yen as well as person-days when it is set.
  costRate: real('cost_rate'),
  extra: text('extra', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

// WBS tree: parent_id + position among siblings; the WBS code (1.2.3) is derived, never stored.
export const wbsTasks = sqliteTable(
  'wbs_tasks',
  {
    ...registerColumns(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => wbsTasks.id, { onDelete: 'cascade' }),
    // Fractional, so inserting between two siblings never renumbers the others.
    position: real('position').notNull(),
    name: text('name').notNull().default(''),
    assignee: text('assignee').notNull().default(''),
    plannedStart: text('planned_start'),
    plannedFinish: text('planned_finish'),
    actualStart: text('actual_start'),
    actualFinish: text('actual_finish'),
    plannedEffort: real('planned_effort'),
    actualEffort: real('actual_effort'),
    progress: integer('progress').notNull().default(0),
    status: text('status').notNull().default('not_started'),
    milestone: integer('milestone', { mode: 'boolean' }).notNull().default(false),
    deliverable: text('deliverable').notNull().default(''),
    predecessors: text('predecessors').notNull().default(''),
    notes: text('notes').notNull().default(''),
    // Working days (the project's calendar); null = derived from the dates as typed.
    duration: integer('duration'),
    // 'manual': dates as typed; 'auto': start from links / parent / own start, finish from duration.
    scheduling: text('scheduling', { enum: ['manual', 'auto'] }).notNull().default('manual'),
  },
  // parent_id alone serves the self-referencing ON DELETE CASCADE: without it every deleted task
  // scanned the (project_id, parent_id, position) index for its children.
  // The automatic tasks alone (partial): every tree write asks whether the project has one before it
  // reschedules, which without it read every task of the project (~70 ms at 100,000 tasks).
  (t) => [
    index('wbs_tasks_project_parent').on(t.projectId, t.parentId, t.position),
    index('wbs_tasks_parent').on(t.parentId),
    index('wbs_tasks_auto').on(t.projectId).where(sql`scheduling = 'auto'`),
  ],
);

// Task links (FS, SS, FF, SF) with a lag in working days; a link goes with either of its tasks.
export const wbsDependencies = sqliteTable(
  'wbs_dependencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    predecessorId: integer('predecessor_id').notNull().references(() => wbsTasks.id, { onDelete: 'cascade' }),
    successorId: integer('successor_id').notNull().references(() => wbsTasks.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['FS', 'SS', 'FF', 'SF'] }).notNull().default('FS'),
    lagDays: integer('lag_days').notNull().default(0),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('wbs_dependencies_pair').on(t.predecessorId, t.successorId),
    index('wbs_dependencies_successor').on(t.successorId),
    index('wbs_dependencies_project').on(t.projectId),
  ],
);

// A project's working calendar: working weekdays, whether Japanese national holidays are off, company
// days off ('MM-DD' recurs every year, 'YYYY-MM-DD' is one date; from..to may cross New Year), extra
// working days, and the status date the Gantt draws. No row = the defaults (Mon–Fri, holidays, 年末年始).
export const projectCalendars = sqliteTable('project_calendars', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: 'cascade' }),
  workingWeekdays: text('working_weekdays', { mode: 'json' }).$type<number[]>().notNull(),
  nationalHolidays: integer('national_holidays', { mode: 'boolean' }).notNull().default(true),
  daysOff: text('days_off', { mode: 'json' }).$type<{ from: string; to: string; name: string }[]>().notNull(),
  workingDays: text('working_days', { mode: 'json' }).$type<{ date: string; name: string }[]>().notNull(),
  statusDate: text('status_date'),
  updatedAt: text('updated_at').notNull().default(now),
});

// A baseline: a named snapshot of a project's plan, never changed after it is taken. The tasks and links
// are one encoded column (electron/core/progress/snapshot-codec.ts: columns of values, deflated), so a
// 10,000-task plan is one row of a few hundred KB, written and read in one statement.
export const baselines = sqliteTable(
  'baselines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    takenAt: text('taken_at').notNull(),
    taskCount: integer('task_count').notNull(),
    snapshot: text('snapshot').notNull(),
  },
  (t) => [index('baselines_project').on(t.projectId)],
);

// A weekly close: the project's figures (EVM, adherence, late counts) and each task's progress as they
// stood at a status date, kept so trends, 先週差分 and past progress lines are read, never recomputed
// from a plan that changed since. One per project and status date (closing the same date again replaces it).
export const weeklyCloses = sqliteTable(
  'weekly_closes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    statusDate: text('status_date').notNull(),
    closedAt: text('closed_at').notNull(),
    baselineId: integer('baseline_id').references(() => baselines.id, { onDelete: 'set null' }),
    figures: text('figures', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    progress: text('progress').notNull(),
  },
  (t) => [uniqueIndex('weekly_closes_project_date').on(t.projectId, t.statusDate), index('weekly_closes_baseline').on(t.baselineId)],
);

// The PMO's manual status light (順調 / 注意 / 要対応) of a project, overriding the one its thresholds give,
// with the reason. Rows are only ever added: the newest row of a project is in force (light null = back
// to the computed light), the older ones are its history; undo removes the newest.
export const statusOverrides = sqliteTable(
  'status_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    light: text('light', { enum: ['green', 'yellow', 'red'] }),
    reason: text('reason').notNull(),
    setBy: text('set_by').notNull(),
    setAt: text('set_at').notNull(),
  },
  (t) => [index('status_overrides_project').on(t.projectId, t.id)],
);

/**
 * The PMO's one-line summary of a project's week (週次報告's 所見), one per project and status date;
 * written, changed and cleared as audited steps of the project.
 */
export const statusNotes = sqliteTable(
  'status_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    statusDate: text('status_date').notNull(),
    text: text('text').notNull(),
    setBy: text('set_by').notNull(),
    setAt: text('set_at').notNull(),
  },
  (t) => [uniqueIndex('status_notes_project_date').on(t.projectId, t.statusDate)],
);

export const risks = sqliteTable(
  'risks',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    category: text('category').notNull().default(''),
    probability: integer('probability'),
    impact: integer('impact'),
    strategy: text('strategy').notNull().default(''),
    owner: text('owner').notNull().default(''),
    trigger: text('trigger').notNull().default(''),
    responsePlan: text('response_plan').notNull().default(''),
    contingency: text('contingency').notNull().default(''),
    status: text('status').notNull().default('open'),
    raisedOn: text('raised_on'),
    raisedBy: text('raised_by').notNull().default(''),
    due: text('due'),
    closedOn: text('closed_on'),
  },
  (t) => [index('risks_project').on(t.projectId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    ...registerColumns(),
    title: text('title').notNull().default(''),
    kind: text('kind').notNull().default(''),
    series: text('series').notNull().default(''),
    heldOn: text('held_on'),
    startsAt: text('starts_at').notNull().default(''),
    endsAt: text('ends_at').notNull().default(''),
    place: text('place').notNull().default(''),
    facilitator: text('facilitator').notNull().default(''),
    recorder: text('recorder').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    // Attendees, distribution, agenda items and decisions: lists edited as grids inside one meeting.
    body: text('body', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    final: integer('final', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('meetings_project').on(t.projectId, t.heldOn)],
);

// Issue / action / question log; action items of a meeting link to it.
export const issues = sqliteTable(
  'issues',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    kind: text('kind').notNull().default('issue'),
    title: text('title').notNull().default(''),
    detail: text('detail').notNull().default(''),
    priority: text('priority').notNull().default(''),
    owner: text('owner').notNull().default(''),
    raisedOn: text('raised_on'),
    raisedBy: text('raised_by').notNull().default(''),
    due: text('due'),
    status: text('status').notNull().default('not_started'),
    resolution: text('resolution').notNull().default(''),
    closedOn: text('closed_on'),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
  },
  (t) => [index('issues_project').on(t.projectId), index('issues_meeting').on(t.meetingId)],
);

export const changes = sqliteTable(
  'changes',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    requestedBy: text('requested_by').notNull().default(''),
    requestedOn: text('requested_on'),
    description: text('description').notNull().default(''),
    reason: text('reason').notNull().default(''),
    impactScope: text('impact_scope').notNull().default(''),
    impactSchedule: text('impact_schedule').notNull().default(''),
    impactCost: text('impact_cost').notNull().default(''),
    decision: text('decision').notNull().default(''),
    decidedBy: text('decided_by').notNull().default(''),
    decidedOn: text('decided_on'),
    implStatus: text('impl_status').notNull().default(''),
  },
  (t) => [index('changes_project').on(t.projectId)],
);

// 成果物一覧 (common/registers/deliverable.ts): the project's deliverables and their review and approval.
export const deliverables = sqliteTable(
  'deliverables',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    phase: text('phase').notNull().default(''),
    owner: text('owner').notNull().default(''),
    due: text('due'),
    status: text('status').notNull().default(''),
    reviewedOn: text('reviewed_on'),
    approvedBy: text('approved_by').notNull().default(''),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('deliverables_project').on(t.projectId)],
);

// 品質チェックリスト (common/registers/checklist.ts): check items, their result and evidence.
export const checklistItems = sqliteTable(
  'checklist_items',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    phase: text('phase').notNull().default(''),
    category: text('category').notNull().default(''),
    detail: text('detail').notNull().default(''),
    result: text('result').notNull().default(''),
    checkedBy: text('checked_by').notNull().default(''),
    checkedOn: text('checked_on'),
    evidence: text('evidence').notNull().default(''),
    issueRef: text('issue_ref').notNull().default(''),
  },
  (t) => [index('checklist_items_project').on(t.projectId)],
);

// 品質不具合 (common/registers/defect.ts): defects and review findings, their phase, cause and recurrence.
export const defects = sqliteTable(
  'defects',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    target: text('target').notNull().default(''),
    phase: text('phase').notNull().default(''),
    category: text('category').notNull().default(''),
    severity: text('severity').notNull().default(''),
    cause: text('cause').notNull().default(''),
    causePhase: text('cause_phase').notNull().default(''),
    recurrence: text('recurrence').notNull().default(''),
    foundOn: text('found_on'),
    foundBy: text('found_by').notNull().default(''),
    owner: text('owner').notNull().default(''),
    due: text('due'),
    resolution: text('resolution').notNull().default(''),
    resolvedOn: text('resolved_on'),
    status: text('status').notNull().default(''),
  },
  (t) => [index('defects_project').on(t.projectId)],
);

// 監査指摘 (common/registers/finding.ts): audit findings, their corrective action and its verification.
export const auditFindings = sqliteTable(
  'audit_findings',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    severity: text('severity').notNull().default(''),
    area: text('area').notNull().default(''),
    raisedOn: text('raised_on'),
    due: text('due'),
    owner: text('owner').notNull().default(''),
    action: text('action').notNull().default(''),
    status: text('status').notNull().default(''),
    verifiedOn: text('verified_on'),
  },
  (t) => [index('audit_findings_project').on(t.projectId)],
);

// 教訓 (common/registers/lesson.ts): lessons learned, each a row of the project it came from (the
// workspace's 教訓 page lists every project's).
export const lessons = sqliteTable(
  'lessons',
  {
    ...registerColumns(),
    ref: text('ref').notNull().default(''),
    title: text('title').notNull().default(''),
    category: text('category').notNull().default(''),
    phase: text('phase').notNull().default(''),
    tags: text('tags').notNull().default(''),
    situation: text('situation').notNull().default(''),
    cause: text('cause').notNull().default(''),
    recommendation: text('recommendation').notNull().default(''),
    raisedBy: text('raised_by').notNull().default(''),
    raisedOn: text('raised_on'),
    status: text('status').notNull().default(''),
  },
  (t) => [index('lessons_project').on(t.projectId)],
);

// A client's Excel format: its template workbook and how columns map to fields.
export const excelProfiles = sqliteTable('excel_profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  register: text('register').notNull(),
  headerSignature: text('header_signature').notNull().default(''),
  template: blob('template', { mode: 'buffer' }),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

// One batch = one user action (an edit, a paste, an import): the unit of undo. Undo and redo write
// batches of their own (kind 'undo' / 'redo', `reverts` naming the batch they act on), so the audit
// trail shows them too; `undone` marks a batch whose effect is currently reverted.
// The (project_id, kind, undone) index ends in the rowid, so each stack's top is a walk back from the
// end of one index range, whatever the history's length.
export const batches = sqliteTable(
  'batches',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    who: text('who').notNull(),
    label: text('label').notNull(),
    projectId: integer('project_id'),
    undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
    kind: text('kind', { enum: ['edit', 'undo', 'redo'] }).notNull().default('edit'),
    reverts: text('reverts'),
    /** The database login that wrote the batch: a team database's role (Dialect.sessionRole); null in a SQLite file. */
    role: text('role'),
    /** The window or page that wrote it (Caller.client): the live refresh leaves a page's own batches to it. */
    client: text('client'),
  },
  (t) => [index('batches_project_stack').on(t.projectId, t.kind, t.undone)],
);

// Per-project value lists (status, priority, category, kind…): a stored code with ja and en labels.
export const vocabularies = sqliteTable(
  'vocabularies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    /** Which list, e.g. 'wbs.status', 'risk.category', 'issue.kind'. */
    list: text('list').notNull(),
    code: text('code').notNull(),
    labelJa: text('label_ja').notNull(),
    labelEn: text('label_en').notNull(),
    position: real('position').notNull(),
  },
  (t) => [uniqueIndex('vocabularies_project_list_code').on(t.projectId, t.list, t.code)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: text('batch_id').notNull().references(() => batches.id),
    at: text('at').notNull(),
    who: text('who').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  // (batch_id, entity): which entities a batch touched is a few index seeks, not a read of its rows.
  (t) => [index('audit_entity').on(t.entity, t.entityId), index('audit_batch_entity').on(t.batchId, t.entity)],
);

// Small per-workspace preferences (UI language, grid column state). Kept in the database, not in the
// browser, because the web host's origin (a random port) changes with every launch.
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
