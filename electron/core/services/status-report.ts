// The weekly status report in PMO Desk's own layout (../excel/status-report-layout.ts): per project, the
// light and figures of portfolio.summary with 先週差分, and the week's lists at the status date — tasks
// finished in the week up to it, in progress, starting in the next week, late, the milestones, and the
// top open risks (by score) and issues (overdue first, then by due date); the S-curve of each project and,
// for several, SPI/CPI by project on the summary, as images rendered in core (../charts/render.ts).
import type { ExportedWorkbook } from '../../common/api/excel.js';
import { FIGURE_KEYS, type FigureKey, type PortfolioRow, type PrintedReport } from '../../common/api/portfolio.js';
import { formatDate } from '../../common/dates.js';
import { sCurveOption, spiCpiOption, type ChartOption } from '../../common/portfolio-charts.js';
import { chartPng, chartSvg } from '../charts/render.js';
import { ZipBuilder } from '../excel/zip-build.js';
import { reportFormFiles } from './report-form-export.js';
import { showDiff, showFigure } from '../../common/portfolio-format.js';
import { textError } from '../../common/errors.js';
import { closedCodes, isOverdue, riskLevel, riskScore, RISK_LEVEL_LABELS, vocabLabel } from '../../common/registers.js';
import type { ReportFormList } from '../../common/excel/report-form.js';
import type { SqlDb as Db } from '../db/sql.js';
import { changeStore, issueStore, meetingStore, riskStore } from '../entities.js';
import { statusReportXlsx, type Language, type ProjectReport, type ReportTable } from '../excel/status-report-layout.js';
import { readCurrentPlan, summaryIds } from '../progress/plan.js';
import { dayOf, isoOf } from '../progress/work-days.js';
import { portfolioSummary } from './portfolio.js';
import { listProjects } from './projects.js';
import { evmAdherence, evmCurve } from './progress.js';
import { loadVocabularies } from './registers/vocabularies.js';
import { getThresholds } from './registers/thresholds.js';
import { documentLanguage } from './settings.js';

const TOP = 10;

const LABELS = {
  ja: {
    title: '週次状況報告',
    summary: 'サマリー',
    project: 'プロジェクト',
    statusDate: '基準日',
    light: '状態',
    lights: { green: '順調', yellow: '注意', red: '要対応' },
    manual: '手動設定の理由',
    manualMark: '手動',
    basis: '比較対象',
    figure: '指標',
    now: '今週',
    diff: '先週差分',
    figures: {
      progress: '進捗率', spi: 'SPI', cpi: 'CPI', adherence: '計画遵守率', lateTasks: '遅延タスク', milestonesMissed: '未達マイルストーン',
      openIssues: '未完了課題', overdueIssues: '期限超過課題', leadTime: 'リードタイム（日）', risksHigh: '高リスク', risksMedium: '中リスク', risksLow: '低リスク',
      recurrenceRate: '障害再発率', auditFindings: '監査指摘件数（未完了）',
    },
    finished: '今週完了したタスク', inProgress: '進行中のタスク', nextWeek: '来週開始予定のタスク', late: '遅延タスク', milestones: 'マイルストーン',
    risks: '主要リスク（オープン、スコア順）', issues: '主要課題（未完了、期限超過を先に）',
    changes: '今週承認された変更', decisions: '判断が必要な事項', actions: '会議のアクション（未完了）',
    note: '所見', decidedOn: '判定日', decidedBy: '判定者', impactSchedule: 'スケジュール影響', impactCost: 'コスト影響', kind: '種別', meeting: '会議',
    changeRequest: '変更要求（判定待ち）', changeTitle: '変更', decisionTitle: '事項', actionTitle: 'アクション',
    wbs: 'WBS', task: 'タスク', assignee: '担当', plannedStart: '予定開始', plannedFinish: '予定終了', actualFinish: '実績終了', progressCol: '進捗率',
    daysLate: '遅れ（日）', date: '予定日', state: '状態', reached: '達成', missed: '未達（遅れ）', upcoming: '予定',
    id: 'ID', riskTitle: 'リスク', score: 'スコア', level: 'レベル', owner: '担当', response: '対応策', issueTitle: '課題', due: '期限', overdue: '期限超過',
    none: 'なし', yes: '●',
    curve: 'Sカーブ（PV／EV／AC、人日）', pv: 'PV（計画価値）', ev: 'EV（出来高）', ac: 'AC（実コスト）', unit: '人日', scatter: 'SPI / CPI（プロジェクト別）',
  },
  en: {
    title: 'Weekly status report',
    summary: 'Summary',
    project: 'Project',
    statusDate: 'Status date',
    light: 'Status',
    lights: { green: 'On track', yellow: 'Watch', red: 'Act now' },
    manual: 'Set by hand because',
    manualMark: 'manual',
    basis: 'Measured against',
    figure: 'Measure',
    now: 'This week',
    diff: 'vs last week',
    figures: {
      progress: 'Progress', spi: 'SPI', cpi: 'CPI', adherence: 'Schedule adherence', lateTasks: 'Late tasks', milestonesMissed: 'Milestones missed',
      openIssues: 'Open issues', overdueIssues: 'Overdue issues', leadTime: 'Lead time (days)', risksHigh: 'High risks', risksMedium: 'Medium risks', risksLow: 'Low risks',
      recurrenceRate: 'Defect recurrence rate', auditFindings: 'Open audit findings',
    },
    finished: 'Tasks finished this week', inProgress: 'Tasks in progress', nextWeek: 'Tasks starting next week', late: 'Late tasks', milestones: 'Milestones',
    risks: 'Top risks (open, by score)', issues: 'Top issues (open, overdue first)',
    changes: 'Changes approved this week', decisions: 'Decisions needed', actions: 'Open meeting actions',
    note: 'Summary', decidedOn: 'Decided on', decidedBy: 'Decided by', impactSchedule: 'Schedule impact', impactCost: 'Cost impact', kind: 'Kind', meeting: 'Meeting',
    changeRequest: 'Change request (awaiting decision)', changeTitle: 'Change', decisionTitle: 'Item', actionTitle: 'Action',
    wbs: 'WBS', task: 'Task', assignee: 'Assignee', plannedStart: 'Planned start', plannedFinish: 'Planned finish', actualFinish: 'Finished', progressCol: 'Progress',
    daysLate: 'Days late', date: 'Date', state: 'State', reached: 'reached', missed: 'missed', upcoming: 'upcoming',
    id: 'ID', riskTitle: 'Risk', score: 'Score', level: 'Level', owner: 'Owner', response: 'Response', issueTitle: 'Issue', due: 'Due', overdue: 'Overdue',
    none: 'none', yes: '●',
    curve: 'S-curve (PV / EV / AC, person-days)', pv: 'PV (planned value)', ev: 'EV (earned value)', ac: 'AC (actual cost)', unit: 'person-days', scatter: 'SPI / CPI by project',
  },
} as const;

/** Charts at the width of the sheet's 8 columns (~790 px), drawn at twice their pixels. */
const CHART_WIDTH = 720;
const CHART_HEIGHT = 280;

const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** A value of a report list: text, a number, a day (as the Date ExcelJS writes as that day) or none. */
export type ListValue = string | number | Date | null;
/** Each list of the report as records keyed by the report form's column fields (REPORT_FORM_LISTS). */
export type ReportLists = Record<ReportFormList, Record<string, ListValue>[]>;

/** The week's lists of a project at its status date, as records (the tables and a client's form read them). */
function projectLists(db: Db, row: PortfolioRow, language: Language): ReportLists {
  const L = LABELS[language];
  const status = row.statusDate;
  const weekStart = isoOf(dayOf(status) - 6);
  const weekAfter = isoOf(dayOf(status) + 7);
  const plan = readCurrentPlan(db, row.projectId);
  const summaries = summaryIds(plan.tasks);
  const leaves = plan.tasks.filter((t) => !summaries.has(t.id));
  const work = leaves.filter((t) => !t.milestone && t.status !== 'cancelled');
  const finished = work.filter((t) => t.actualFinish !== null && t.actualFinish >= weekStart && t.actualFinish <= status);
  const inProgress = work.filter((t) => t.progress > 0 && t.progress < 100 && t.status !== 'done');
  const nextWeek = work.filter((t) => t.progress === 0 && t.plannedStart !== null && t.plannedStart > status && t.plannedStart <= weekAfter);
  const late = evmAdherence(db, row.projectId, status, row.baselineId ?? undefined, plan).lateToFinish;
  const milestones = leaves.filter((t) => t.milestone);
  const reached = (t: (typeof leaves)[number]) => t.status === 'done' || t.progress >= 100 || t.actualFinish !== null;

  const vocab = loadVocabularies(db, row.projectId);
  const thresholds = getThresholds(db, row.projectId);
  const riskClosed = closedCodes(vocab['risk.status']);
  const risks = riskStore
    .inProject(db, row.projectId)
    .filter((r) => !riskClosed.has(r.status))
    .map((r) => ({ r, score: riskScore(r.probability, r.impact) }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.r.id - b.r.id)
    .slice(0, TOP);
  const issueClosed = closedCodes(vocab['issue.status']);
  // Read once: the top issues, the decisions and the meetings' actions are all of the open ones.
  const openIssues = issueStore.inProject(db, row.projectId).filter((i) => !issueClosed.has(i.status));
  const issues = openIssues
    .map((i) => ({ i, overdue: isOverdue(i.due, false, status) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.i.due ?? '9999').localeCompare(b.i.due ?? '9999') || a.i.id - b.i.id)
    .slice(0, TOP);

  // Changes approved in the week; decisions needed (open 要判断 issues, then change requests not decided
  // or on hold, by due); meetings' action items not done, the oldest due first.
  const changeDone = closedCodes(vocab['change.implStatus']);
  const changes = changeStore.inProject(db, row.projectId);
  const approved = changes.filter((c) => c.decision === 'approved' && c.decidedOn !== null && c.decidedOn >= weekStart && c.decidedOn <= status);
  const byDue = <T extends { due: string | null; id: number }>(a: T, b: T) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id;
  const decisionIssues = openIssues.filter((i) => i.kind === 'decision').sort(byDue);
  const pendingChanges = changes.filter((c) => (c.decision === '' || c.decision === 'on_hold') && !changeDone.has(c.implStatus));
  const meetingNames = new Map(meetingStore.inProject(db, row.projectId).map((m) => [m.id, m.heldOn ? `${m.title}（${formatDate(m.heldOn)}）` : m.title]));
  const actions = openIssues.filter((i) => i.kind === 'action' && i.meetingId !== null).sort(byDue);
  const kindLabel = (code: string) => vocabLabel(vocab['issue.kind'].items, code, language);

  type Task = { code: string; name: string; assignee: string; plannedStart: string | null; plannedFinish: string | null; actualFinish?: string | null; progress: number; daysLate?: number };
  const task = (t: Task) => ({
    code: t.code,
    name: t.name,
    assignee: t.assignee,
    plannedStart: date(t.plannedStart),
    plannedFinish: date(t.plannedFinish),
    actualFinish: date(t.actualFinish ?? null),
    progress: t.progress,
    daysLate: t.daysLate ?? null,
  });
  return {
    finished: finished.map(task),
    inProgress: inProgress.map(task),
    nextWeek: nextWeek.map(task),
    late: late.map(task),
    milestones: milestones.map((t) => {
      const d = t.plannedFinish ?? t.plannedStart;
      return { code: t.code, name: t.name, date: date(d), state: reached(t) ? L.reached : d !== null && d <= status ? L.missed : L.upcoming };
    }),
    risks: risks.map(({ r, score }) => {
      const level = riskLevel(score, thresholds);
      return { id: r.ref, title: r.title, score, level: level ? RISK_LEVEL_LABELS[level][language] : '', owner: r.owner, response: r.responsePlan };
    }),
    issues: issues.map(({ i, overdue }) => ({ id: i.ref, title: i.title, owner: i.owner, due: date(i.due), state: vocabLabel(vocab['issue.status'].items, i.status, language), overdue: overdue ? L.yes : '' })),
    changes: approved.map((c) => ({ id: c.ref, title: c.title, decidedOn: date(c.decidedOn), decidedBy: c.decidedBy, impactSchedule: c.impactSchedule, impactCost: c.impactCost })),
    decisions: [
      ...decisionIssues.map((i) => ({ id: i.ref, title: i.title, kind: kindLabel(i.kind), owner: i.owner, due: date(i.due), overdue: isOverdue(i.due, false, status) ? L.yes : '' })),
      ...pendingChanges.map((c) => ({ id: c.ref, title: c.title, kind: L.changeRequest, owner: c.decidedBy || c.requestedBy, due: null, overdue: '' })),
    ],
    actions: actions.map((i) => ({ id: i.ref, title: i.title, owner: i.owner, due: date(i.due), meeting: meetingNames.get(i.meetingId!) ?? '', overdue: isOverdue(i.due, false, status) ? L.yes : '' })),
  };
}

/** PMO Desk's own layout of the lists: the columns each table shows, progress as 40%. */
function projectTables(lists: ReportLists, language: Language): ReportTable[] {
  const L = LABELS[language];
  const table = (title: string, list: ReportFormList, columns: [string, string][]): ReportTable => ({
    title,
    headers: columns.map(([, h]) => h),
    rows: lists[list].map((r) => columns.map(([k]) => (k === 'progress' ? `${r.progress}%` : (r[k] ?? null)))),
    empty: L.none,
  });
  const code: [string, string] = ['code', L.wbs];
  const name: [string, string] = ['name', L.task];
  const assignee: [string, string] = ['assignee', L.assignee];
  return [
    table(L.finished, 'finished', [code, name, assignee, ['plannedFinish', L.plannedFinish], ['actualFinish', L.actualFinish]]),
    table(L.inProgress, 'inProgress', [code, name, assignee, ['progress', L.progressCol], ['plannedFinish', L.plannedFinish]]),
    table(L.nextWeek, 'nextWeek', [code, name, assignee, ['plannedStart', L.plannedStart], ['plannedFinish', L.plannedFinish]]),
    table(L.late, 'late', [code, name, assignee, ['plannedFinish', L.plannedFinish], ['progress', L.progressCol], ['daysLate', L.daysLate]]),
    table(L.milestones, 'milestones', [code, name, ['date', L.date], ['state', L.state]]),
    table(L.risks, 'risks', [['id', L.id], ['title', L.riskTitle], ['score', L.score], ['level', L.level], ['owner', L.owner], ['response', L.response]]),
    table(L.issues, 'issues', [['id', L.id], ['title', L.issueTitle], ['owner', L.owner], ['due', L.due], ['state', L.state], ['overdue', L.overdue]]),
    table(L.changes, 'changes', [['id', L.id], ['title', L.changeTitle], ['decidedOn', L.decidedOn], ['decidedBy', L.decidedBy], ['impactSchedule', L.impactSchedule], ['impactCost', L.impactCost]]),
    table(L.decisions, 'decisions', [['id', L.id], ['title', L.decisionTitle], ['kind', L.kind], ['owner', L.owner], ['due', L.due], ['overdue', L.overdue]]),
    table(L.actions, 'actions', [['id', L.id], ['title', L.actionTitle], ['owner', L.owner], ['due', L.due], ['meeting', L.meeting], ['overdue', L.overdue]]),
  ];
}

const SUMMARY_FIGURES: FigureKey[] = ['progress', 'spi', 'cpi', 'adherence', 'lateTasks'];

/** The report's contents at a status date: each project's row, figures, lists and S-curve, in a language. */
export interface ReportData {
  language: Language;
  labels: (typeof LABELS)[Language];
  statusDate: string | undefined;
  projects: ReportProject[];
}

/** A project of the report: what the own layout prints, and its lists as records for a client's form. */
export interface ReportProject extends ProjectReport {
  lists: ReportLists;
  /** The S-curve's option (none when the plan has no dates), drawn again at a form's size. */
  curve?: ChartOption;
}

/** What every sheet of a report shares: its language and labels, and the projects asked for. */
interface ReportHead {
  language: Language;
  labels: (typeof LABELS)[Language];
  statusDate: string | undefined;
  /** In the report's order; each one's row of portfolio.summary is read with its lists (readProject). */
  projects: { projectId: number; name: string; statusDate: string }[];
}

const projectGone = (id: number) => textError('NOT_FOUND', 'projectGone', { id }, `Project ${id} does not exist`, { field: 'projectIds', id });

function reportHead(db: Db, osLocale: string, today: string, input: { projectIds: number[]; statusDate?: string; language?: Language }): ReportHead {
  const language = documentLanguage(db, osLocale, input.language);
  const all = new Map(listProjects(db, today).map((p) => [p.id, p]));
  const projects = input.projectIds.map((id) => {
    const p = all.get(id);
    if (!p) throw projectGone(id);
    // project.list always gives the status date (as set, or the default), as portfolio.summary takes it.
    return { projectId: id, name: p.name, statusDate: input.statusDate ?? p.statusDate! };
  });
  return { language, labels: LABELS[language], statusDate: input.statusDate, projects };
}

/**
 * A project's row of portfolio.summary, its lists and its S-curve, read on one snapshot (Sql.read). A
 * report lets other calls run between its projects (pace); with the rows read for all projects first
 * and each one's lists when its sheet came, a write between them made a sheet whose counts and lists
 * disagree (an issue added: 未完了課題 2 over a list of 3).
 */
function readProject(db: Db, today: string, head: ReportHead, projectId: number) {
  return db.sql.read(() => {
    const row = portfolioSummary(db, today, head.statusDate, [projectId]).projects[0];
    // Deleted while the report was being written.
    if (!row) throw projectGone(projectId);
    const lists = projectLists(db, row, head.language);
    // The S-curve of the figures' baseline; a plan without dates has no curve to draw.
    const curve = evmCurve(db, row.projectId, row.statusDate, row.baselineId ?? undefined);
    return { row, lists, curve };
  });
}

/** One project's report: its figures, lists and S-curve, drawn at the own layout's size when `ownChart`. */
async function projectReport(db: Db, today: string, head: ReportHead, projectId: number, ownChart: boolean): Promise<ReportProject> {
  const { language, labels: L } = head;
  const { row, lists, curve } = readProject(db, today, head, projectId);
  const p: ReportProject = {
    row,
    figures: FIGURE_KEYS.map((k): [string, string, string] => [L.figures[k], showFigure(k, row.figures[k]), showDiff(k, row.diff[k])?.text ?? '']),
    tables: projectTables(lists, language),
    lists,
    ...(curve.points.length > 1 && { curve: sCurveOption(curve, { pv: L.pv, ev: L.ev, ac: L.ac, unit: L.unit, statusDate: L.statusDate }) }),
  };
  if (ownChart && p.curve) p.chart = { title: L.curve, png: await chartPng(p.curve, CHART_WIDTH, CHART_HEIGHT), width: CHART_WIDTH, height: CHART_HEIGHT };
  return p;
}

/**
 * Every project's report at once, for a client's form (which draws its charts at its own size, so
 * `ownCharts` false: drawing them twice cost a third of a form report's time) and the print page.
 */
export async function reportData(
  db: Db,
  osLocale: string,
  today: string,
  input: { projectIds: number[]; statusDate?: string; language?: Language },
  ownCharts = true,
): Promise<ReportData> {
  return dataOf(db, today, reportHead(db, osLocale, today, input), ownCharts);
}

async function dataOf(db: Db, today: string, head: ReportHead, ownCharts: boolean): Promise<ReportData> {
  const projects: ReportProject[] = [];
  for (const { projectId } of head.projects) projects.push(await projectReport(db, today, head, projectId, ownCharts));
  return { language: head.language, labels: head.labels, statusDate: head.statusDate, projects };
}

/**
 * PMO Desk's own layout: a sheet per project, and the summary with SPI/CPI by project for several.
 * `project(i)` makes the i-th project's report when its sheet is written, so that a 20-project report
 * holds one project's lists and plan at a time, not all of them (with all 20 made first, the export's
 * peak was ~110 MB of heap above its start, most of it the garbage of the plans read).
 */
async function ownLayoutBook(head: ReportHead, count: number, project: (i: number) => Promise<ProjectReport>): Promise<Buffer> {
  const L = head.labels;
  return statusReportXlsx({
    language: head.language,
    statusDate: head.statusDate ?? null,
    count,
    project,
    labels: { ...L, summaryHeaders: SUMMARY_FIGURES.map((k) => L.figures[k]) },
    summaryFigures: SUMMARY_FIGURES,
    summaryChart: async (rows) => {
      const scatter = spiCpiOption(rows.map((r) => ({ name: r.name, spi: r.figures.spi, cpi: r.figures.cpi, light: r.light })), { spi: 'SPI', cpi: 'CPI' });
      return { title: L.scatter, png: await chartPng(scatter, CHART_WIDTH, CHART_HEIGHT + 60), width: CHART_WIDTH, height: CHART_HEIGHT + 60 };
    },
    show: showFigure,
  });
}

/** 週次状況報告_<name>_<yyyymmdd>.<ext>, with what a file name cannot hold replaced. */
export function reportFileName(head: ReportHead, name: string, ext: string): string {
  const stamp = formatDate(head.statusDate ?? head.projects[0]!.statusDate).replaceAll('/', '');
  return `${head.labels.title}_${name.replace(/[\\/:*?"<>|]/g, '_')}_${stamp}.${ext}`;
}

/**
 * Files in one zip, for a report of several projects as separate files (the web host's download is one
 * file). Names made unique (two projects may share a name).
 */
export function zipFiles(files: { name: string; bytes: Uint8Array }[]): Buffer {
  const zip = new ZipBuilder();
  const used = new Set<string>();
  for (const f of files) {
    let name = f.name;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = f.name.replace(/(\.[^.]+)$/, `(${i})$1`);
    used.add(name.toLowerCase());
    zip.addStored(name, f.bytes);
  }
  return zip.finish();
}

export async function exportStatusReport(
  db: Db,
  osLocale: string,
  today: string,
  input: { projectIds: number[]; statusDate?: string; language?: Language; bundle?: 'workbook' | 'files' | 'folder'; profileId?: number },
): Promise<ExportedWorkbook & { files?: ExportedWorkbook[] }> {
  const answer = (name: string, files: { name: string; bytes: Uint8Array }[]) =>
    input.bundle === 'folder'
      ? // One by one, for the window to write into the folder the user picks (the zip's name stays the answer's).
        { fileName: name, dataBase64: '', files: files.map((f) => ({ fileName: f.name, dataBase64: Buffer.from(f.bytes).toString('base64') })) }
      : { fileName: name, dataBase64: zipFiles(files).toString('base64') };
  const head = reportHead(db, osLocale, today, input);
  const { projects: asked, labels: L } = head;
  if (input.profileId !== undefined) {
    // The client's form holds one project: one file, or a file per project in a zip.
    const data = await dataOf(db, today, head, false);
    const files = await reportFormFiles(db, data, input.profileId, (p, ext) => reportFileName(head, p.row.name, ext));
    if (files.length === 1) return { fileName: files[0]!.name, dataBase64: Buffer.from(files[0]!.bytes).toString('base64') };
    return answer(reportFileName(head, L.summary, 'zip'), files);
  }
  if ((input.bundle === 'files' || input.bundle === 'folder') && asked.length > 1) {
    // One workbook per project, and the summary as its own (every project again): each project made once.
    const projects: ReportProject[] = [];
    for (const { projectId } of asked) projects.push(await projectReport(db, today, head, projectId, true));
    const files = [{ name: reportFileName(head, L.summary, 'xlsx'), bytes: await ownLayoutBook(head, projects.length, async (i) => projects[i]!) }];
    for (const p of projects) files.push({ name: reportFileName(head, p.row.name, 'xlsx'), bytes: await ownLayoutBook(head, 1, async () => p) });
    return answer(reportFileName(head, L.summary, 'zip'), files);
  }
  const bytes = await ownLayoutBook(head, asked.length, (i) => projectReport(db, today, head, asked[i]!.projectId, true));
  return { fileName: reportFileName(head, asked.length === 1 ? asked[0]!.name : L.summary, 'xlsx'), dataBase64: bytes.toString('base64') };
}

/**
 * The report as the print page draws it (PDF): the own layout's contents, every cell as text (dates
 * yyyy/mm/dd), the S-curve as ECharts' SVG (the page's browser draws its text with the machine's fonts).
 */
export async function printedReport(db: Db, osLocale: string, today: string, input: { projectIds: number[]; statusDate?: string; language?: Language }): Promise<PrintedReport> {
  const data = await reportData(db, osLocale, today, input, false);
  const L = data.labels;
  const shown = (v: string | number | Date | null) => (v === null ? '' : v instanceof Date ? formatDate(v.toISOString().slice(0, 10)) : String(v));
  return {
    language: data.language,
    title: L.title,
    labels: { statusDate: L.statusDate, light: L.light, manual: L.manual, note: L.note, basis: L.basis, figure: L.figure, now: L.now, diff: L.diff, curve: L.curve },
    projects: data.projects.map((p) => ({
      projectId: p.row.projectId,
      name: p.row.name,
      statusDate: formatDate(p.row.statusDate),
      light: p.row.light,
      lightLabel: L.lights[p.row.light] + (p.row.override ? `（${L.manualMark}）` : ''),
      manual: p.row.override?.reason ?? null,
      note: p.row.note,
      baseline: p.row.baselineName ?? '—',
      figures: p.figures,
      curveSvg: p.curve ? chartSvg(p.curve, CHART_WIDTH, CHART_HEIGHT) : null,
      tables: p.tables.map((t) => ({ title: t.title, headers: t.headers, rows: t.rows.map((r) => r.map(shown)), empty: t.empty })),
    })),
  };
}
