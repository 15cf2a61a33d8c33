// portfolio.summary on a real SQLite workspace: every figure of a small portfolio computed by hand,
// 先週差分 against the last weekly close, the trend, the light from the thresholds, and the override.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_THRESHOLDS, lightOf, type PortfolioFigures } from '../../electron/common/api/portfolio.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { seed, wbsWorkspace, type Spec } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

// TODAY (wbs-support) is Tuesday 2025-06-10; the summary is asked at Friday 2025-06-13.
const STATUS = '2025-06-13';

const ALPHA: Spec[] = [
  {
    name: '設計',
    children: [
      { name: '基本設計', values: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualFinish: '2025-06-06', actualEffort: 6 } },
      { name: '詳細設計', values: { plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 10, progress: 20, actualEffort: 2 } },
    ],
  },
  { name: '製造', values: { plannedStart: '2025-06-16', plannedFinish: '2025-06-27', plannedEffort: 20 } },
  { name: 'リリース', values: { plannedStart: '2025-06-30', plannedFinish: '2025-06-30', milestone: true } },
];

async function setup() {
  const w = wbsWorkspace();
  const alpha = (await w.call('project.create', { name: 'Alpha' })).id;
  await seed(w.call, alpha, ALPHA);
  const issues = [
    { title: '未着手・期限超過', status: 'not_started', due: '2025-06-12' },
    { title: '対応中・期限当日', status: 'in_progress', due: '2025-06-13' },
    { title: '対応中・期限なし', status: 'in_progress' },
    { title: '完了 4日', status: 'done', raisedOn: '2025-06-01', closedOn: '2025-06-05' },
    { title: '完了 10日', status: 'done', raisedOn: '2025-06-02', closedOn: '2025-06-12' },
    { title: '中止 1日', status: 'cancelled', raisedOn: '2025-06-03', closedOn: '2025-06-04' },
    { title: '基準日後に完了', status: 'done', raisedOn: '2025-06-10', closedOn: '2025-06-20' },
  ];
  for (const values of issues) await w.call('issue.create', { projectId: alpha, values });
  const risks = [
    { title: '高 20', probability: 5, impact: 4 },
    { title: '中 9', probability: 3, impact: 3 },
    { title: '高 25 だがクローズ', probability: 5, impact: 5, status: 'closed' },
    { title: '低 2', probability: 1, impact: 2 },
    { title: '中 8', probability: 2, impact: 4 },
    { title: '未評価' },
  ];
  for (const values of risks) await w.call('risk.create', { projectId: alpha, values });

  const beta = (await w.call('project.create', { name: 'Beta' })).id;
  await seed(w.call, beta, [
    { name: '作業', values: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 4, progress: 100, actualFinish: '2025-06-06', actualEffort: 4 } },
  ]);
  const gamma = (await w.call('project.create', { name: 'Gamma' })).id;
  return { ...w, alpha, beta, gamma };
}

const row = (s: { projects: { projectId: number }[] }, id: number) => s.projects.find((p) => p.projectId === id)! as Awaited<ReturnType<typeof summary>>['projects'][number];
async function summary(w: Awaited<ReturnType<typeof setup>>, statusDate = STATUS) {
  return w.call('portfolio.summary', { statusDate });
}

describe('portfolio.summary figures', () => {
  it('answers every figure of each project as computed by hand', async () => {
    const w = await setup();
    const s = await summary(w);
    expect(s.statusDate).toBe(STATUS);
    expect(s.thresholds).toEqual(DEFAULT_LIGHT_THRESHOLDS);
    expect(s.projects.map((p) => p.name)).toEqual(['Alpha', 'Beta', 'Gamma']);

    const a = row(s, w.alpha);
    // PV at 6/13: 基本設計 5 + 詳細設計 10 (its whole week) = 15; EV = 5 + 10 × 20 % = 7; AC = 6 + 2 = 8.
    expect(a.figures.spi).toBeCloseTo(7 / 15, 10);
    expect(a.figures.cpi).toBeCloseTo(7 / 8, 10);
    expect(a.figures).toMatchObject({
      // Due by 6/13: 基本設計 (on time) and 詳細設計 (not finished): 1 of 2.
      adherence: 0.5,
      // (5 × 100 + 10 × 20 + 20 × 0) ÷ 35.
      progress: 20,
      lateTasks: 1,
      milestonesMissed: 0,
      // Open: the three not done; overdue: due 6/12 < 6/13 (due on the day is not overdue).
      openIssues: 3,
      overdueIssues: 1,
      // Closed by 6/13: 4, 10 and 1 days (the one closed 6/20 is not counted): median 4.
      leadTime: 4,
      // Open and rated: 20 高, 9 and 8 中, 2 低; the closed 25 and the unrated one count in none.
      risksHigh: 1,
      risksMedium: 2,
      risksLow: 1,
    });
    expect(a.nextMilestone).toMatchObject({ name: 'リリース', date: '2025-06-30', late: false });
    expect(a.baselineId).toBeNull();
    expect(a.previousClose).toBeNull();
    expect(Object.values(a.diff).every((d) => d === null)).toBe(true);
    expect(a.trend).toEqual([]);

    const b = row(s, w.beta);
    expect(b.figures).toEqual({
      spi: 1,
      cpi: 1,
      adherence: 1,
      progress: 100,
      lateTasks: 0,
      milestonesMissed: 0,
      openIssues: 0,
      overdueIssues: 0,
      leadTime: null,
      risksHigh: 0,
      risksMedium: 0,
      risksLow: 0,
      // No 品質不具合 and no 監査指摘: neither measure is there to show.
      recurrenceRate: null,
      auditFindings: null,
    });
    expect(b.nextMilestone).toBeNull();

    // An empty project: no ratio can be computed, nothing is late.
    const g = row(s, w.gamma);
    expect(g.figures).toMatchObject({ spi: null, cpi: null, adherence: null, progress: 0, lateTasks: 0 });
    expect(g.statusDate).toBe(STATUS);
  });

  it('障害再発率 and 監査指摘件数 from the quality and audit registers', async () => {
    const w = await setup();
    // Found by 6/13 with the recurrence recorded: あり 6/10, なし 6/01 and 6/12 → 1 of 3. Not counted: one
    // whose recurrence is not recorded, and a recurrence found after the status date.
    const defects = [
      { title: '再発 A', recurrence: 'yes', foundOn: '2025-06-10' },
      { title: '新規 B', recurrence: 'no', foundOn: '2025-06-01' },
      { title: '新規 C', recurrence: 'no', foundOn: '2025-06-12' },
      { title: '未記入', foundOn: '2025-06-11' },
      { title: '基準日後の再発', recurrence: 'yes', foundOn: '2025-06-20' },
    ];
    for (const values of defects) await w.call('defect.create', { projectId: w.alpha, values });
    // Findings not closed: 未対応, 是正中 and 是正済 (the correction not yet verified); 確認済 is closed.
    for (const status of ['open', 'in_progress', 'corrected', 'verified']) await w.call('finding.create', { projectId: w.alpha, values: { title: `指摘 ${status}`, status } });
    // Beta has only closed findings: 0, not none.
    await w.call('finding.create', { projectId: w.beta, values: { title: '確認済の指摘', status: 'verified' } });
    const s = await summary(w);
    expect(row(s, w.alpha).figures.recurrenceRate).toBeCloseTo(1 / 3, 6);
    expect(row(s, w.alpha).figures.auditFindings).toBe(3);
    expect(row(s, w.beta).figures).toMatchObject({ recurrenceRate: null, auditFindings: 0 });
    expect(row(s, w.gamma).figures).toMatchObject({ recurrenceRate: null, auditFindings: null });
    // A weekly close keeps them, so the next week shows 先週差分: one more finding verified.
    await w.call('weekly.close', { projectId: w.alpha, statusDate: '2025-06-06' });
    const open = (await w.call('finding.list', { projectId: w.alpha })).find((f) => f.status === 'open')!;
    await w.call('finding.update', { id: open.id, patch: { status: 'verified' } });
    const after = row(await summary(w), w.alpha);
    expect(after.figures.auditFindings).toBe(2);
    expect(after.diff.auditFindings).toBe(-1);
  });

  it('without a status date measures each project at its own', async () => {
    const w = await setup();
    await w.call('project.update', { id: w.beta, patch: { statusDate: '2025-06-03' } });
    const s = await w.call('portfolio.summary', {});
    expect(s.statusDate).toBeNull();
    // Alpha's default: the last working day before TODAY (Tue 6/10) = Mon 6/9.
    expect(row(s, w.alpha).statusDate).toBe('2025-06-09');
    expect(row(s, w.beta).statusDate).toBe('2025-06-03');
    // Beta at 6/3: PV 4 × 2/5 = 1.6, EV 4 → SPI 2.5.
    expect(row(s, w.beta).figures.spi).toBeCloseTo(2.5, 10);
  });

  it('measures against the newest baseline', async () => {
    const w = await setup();
    await w.call('baseline.create', { projectId: w.alpha, name: '初版' });
    const tasks = await w.call('wbs.rows', { projectId: w.alpha }).then(tasksOfTable);
    const detail = tasks.find((t) => t.name === '詳細設計')!;
    // Re-plan 詳細設計 a week later: against the baseline it is still due (PV 15, SPI 7/15).
    await w.call('wbs.update', { id: detail.id, patch: { plannedStart: '2025-06-16', plannedFinish: '2025-06-20' } });
    const s = await summary(w);
    const a = row(s, w.alpha);
    expect(a.baselineName).toBe('初版');
    expect(a.figures.spi).toBeCloseTo(7 / 15, 10);
    expect(a.figures.lateTasks).toBe(1);
    expect(await w.call('evm.compute', { projectId: w.alpha, statusDate: STATUS, baselineId: a.baselineId! })).toMatchObject({ spi: a.figures.spi });
  });

  it('先週差分 compares with the last weekly close before the status date; the trend lists the closes', async () => {
    const w = await setup();
    // Close the week of 6/6: PV 5 (基本設計), EV 7 → SPI 1.4; adherence 1 of 1; no late task; nothing
    // overdue at 6/6; lead time over the issues closed by 6/6: 4 and 1 days → 2.5.
    const first = await w.call('weekly.close', { projectId: w.alpha, statusDate: '2025-06-06' });
    expect(first.figures).toMatchObject({ spi: 1.4, adherence: 1, openIssues: 3, overdueIssues: 0, leadTime: 2.5, risksHigh: 1 });
    let a = row(await summary(w), w.alpha);
    expect(a.previousClose).toBe('2025-06-06');
    expect(a.diff).toEqual({
      spi: Math.round((7 / 15 - 1.4) * 1e6) / 1e6,
      cpi: 0,
      adherence: -0.5,
      progress: 0,
      lateTasks: 1,
      milestonesMissed: 0,
      openIssues: 0,
      overdueIssues: 1,
      leadTime: 1.5,
      risksHigh: 0,
      risksMedium: 0,
      risksLow: 0,
      recurrenceRate: null,
      auditFindings: null,
    });
    expect(a.trend.map((t) => [t.statusDate, t.spi])).toEqual([['2025-06-06', 1.4]]);

    // Closing 6/13 itself: still compared with 6/6, and the trend has both, oldest first.
    await w.call('weekly.close', { projectId: w.alpha, statusDate: STATUS });
    a = row(await summary(w), w.alpha);
    expect(a.previousClose).toBe('2025-06-06');
    expect(a.trend.map((t) => t.statusDate)).toEqual(['2025-06-06', STATUS]);
    expect(a.trend[1]).toMatchObject({ adherence: 0.5, lateTasks: 1, overdueIssues: 1 });

    // A close made before the registers' figures were kept compares on the plan's figures only.
    w.db.sqlite
      .prepare("UPDATE weekly_closes SET figures = json_remove(figures, '$.openIssues', '$.overdueIssues', '$.leadTime', '$.risksHigh', '$.risksMedium', '$.risksLow') WHERE status_date = '2025-06-06'")
      .run();
    a = row(await summary(w), w.alpha);
    expect(a.diff).toMatchObject({ adherence: -0.5, lateTasks: 1, openIssues: null, leadTime: null, risksHigh: null });
    expect(a.trend[0]).not.toHaveProperty('openIssues');
  });

  it('keeps the last 12 closes in the trend', async () => {
    const w = await setup();
    const fridays = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2025, 2, 7 + 7 * i)).toISOString().slice(0, 10));
    for (const d of fridays) await w.call('weekly.close', { projectId: w.beta, statusDate: d });
    const b = row(await w.call('portfolio.summary', { statusDate: fridays.at(-1)! }), w.beta);
    expect(b.trend.map((t) => t.statusDate)).toEqual(fridays.slice(2));
    expect(b.previousClose).toBe(fridays.at(-2));
  });
});

describe('figures kept between calls', () => {
  it('measures a project again after any change to it, an undo, or a change of what counts as closed', async () => {
    const w = await setup();
    const before = row(await summary(w), w.alpha);
    const beta = row(await summary(w), w.beta);
    const tasks = await w.call('wbs.rows', { projectId: w.alpha }).then(tasksOfTable);
    const detail = tasks.find((t) => t.name === '詳細設計')!;
    // 詳細設計 to 50 %: EV = 5 + 5 = 10, SPI 10/15; progress (500 + 500) ÷ 35.
    await w.call('wbs.update', { id: detail.id, patch: { progress: 50 } });
    let a = row(await summary(w), w.alpha);
    expect(a.figures.spi).toBeCloseTo(10 / 15, 10);
    expect(a.figures.progress).toBe(28.6);
    expect(row(await summary(w), w.beta)).toEqual(beta);
    await w.call('history.undo', { projectId: w.alpha });
    // The same figures as before the edit (the undo is itself a change: 更新日時 moves on).
    expect({ ...row(await summary(w), w.alpha), updatedAt: before.updatedAt }).toEqual(before);
    // A later status date measures again (PV 5 + 10 + 20 × 5/10 = 25); a project update, too.
    expect(row(await summary(w, '2025-06-20'), w.alpha).figures.spi).toBeCloseTo(7 / 25, 10);
    await w.call('project.update', { id: w.alpha, patch: { costRate: 40_000 } });
    expect(row(await summary(w), w.alpha).figures).toEqual(before.figures);
    // What counts as closed lives in settings (no batch): 対応中 closed → one open issue fewer.
    const items = (await w.call('vocab.list', { projectId: w.alpha }))['issue.status'].items.map((i) => ({ ...i, closed: i.closed || i.code === 'in_progress' }));
    await w.call('vocab.set', { projectId: w.alpha, list: 'issue.status', items });
    a = row(await summary(w), w.alpha);
    expect(a.figures.openIssues).toBe(1);
  });
});

describe('status light', () => {
  const fine: PortfolioFigures = {
    spi: 1,
    cpi: 1,
    adherence: 1,
    progress: 50,
    lateTasks: 0,
    milestonesMissed: 0,
    openIssues: 4,
    overdueIssues: 0,
    leadTime: 3,
    risksHigh: 0,
    risksMedium: 2,
    risksLow: 5,
    recurrenceRate: 0.1,
    auditFindings: 2,
  };
  const t = DEFAULT_LIGHT_THRESHOLDS;

  it('turns at each limit: ratios below it, counts at it', () => {
    expect(lightOf(fine, t)).toEqual({ light: 'green', reasons: [] });
    // SPI: 0.95 is fine, below it 注意; 0.85 still 注意, below it 要対応.
    expect(lightOf({ ...fine, spi: 0.95 }, t).light).toBe('green');
    expect(lightOf({ ...fine, spi: 0.9499 }, t)).toEqual({ light: 'yellow', reasons: [{ measure: 'spi', value: 0.9499, limit: 0.95, light: 'yellow' }] });
    expect(lightOf({ ...fine, spi: 0.85 }, t).light).toBe('yellow');
    expect(lightOf({ ...fine, spi: 0.8499 }, t)).toEqual({ light: 'red', reasons: [{ measure: 'spi', value: 0.8499, limit: 0.85, light: 'red' }] });
    expect(lightOf({ ...fine, cpi: 0.9 }, t).reasons).toEqual([{ measure: 'cpi', value: 0.9, limit: 0.95, light: 'yellow' }]);
    // Counts: 1 late task 注意, 5 要対応; 1 open 高 risk 注意, 3 要対応; 1 overdue issue 注意, 5 要対応.
    expect(lightOf({ ...fine, lateTasks: 1 }, t).light).toBe('yellow');
    expect(lightOf({ ...fine, lateTasks: 4 }, t).light).toBe('yellow');
    expect(lightOf({ ...fine, lateTasks: 5 }, t).light).toBe('red');
    expect(lightOf({ ...fine, risksHigh: 2 }, t).reasons).toEqual([{ measure: 'highRisks', value: 2, limit: 1, light: 'yellow' }]);
    expect(lightOf({ ...fine, risksHigh: 3 }, t).light).toBe('red');
    expect(lightOf({ ...fine, overdueIssues: 1 }, t).light).toBe('yellow');
    expect(lightOf({ ...fine, overdueIssues: 5 }, t).light).toBe('red');
    // Medium and low risks, open issues not overdue and the other figures never turn it.
    expect(lightOf({ ...fine, risksMedium: 40, openIssues: 99, adherence: 0, milestonesMissed: 3 }, t).light).toBe('green');
  });

  it('lists every measure passed; the worst decides; a ratio that cannot be computed passes nothing', () => {
    const r = lightOf({ ...fine, spi: 0.9, lateTasks: 6, overdueIssues: 2 }, t);
    expect(r.light).toBe('red');
    expect(r.reasons.map((x) => [x.measure, x.light])).toEqual([
      ['spi', 'yellow'],
      ['lateTasks', 'red'],
      ['overdueIssues', 'yellow'],
    ]);
    expect(lightOf({ ...fine, spi: null, cpi: null }, t).light).toBe('green');
  });

  it('follows the thresholds the PMO sets, refuses inconsistent ones, and goes back to the defaults', async () => {
    const w = await setup();
    expect(row(await summary(w), w.alpha).computed.light).toBe('red');
    expect(row(await summary(w), w.alpha).computed.reasons.map((r) => `${r.measure}:${r.light}`)).toEqual([
      'spi:red',
      'cpi:yellow',
      'lateTasks:yellow',
      'highRisks:yellow',
      'overdueIssues:yellow',
    ]);
    expect(row(await summary(w), w.beta).light).toBe('green');
    const lenient = {
      spi: { warn: 0.4, alert: 0.3 },
      cpi: { warn: 0.8, alert: 0.5 },
      lateTasks: { warn: 2, alert: 10 },
      highRisks: { warn: 2, alert: 10 },
      overdueIssues: { warn: 2, alert: 10 },
    };
    expect(await w.call('portfolio.setThresholds', { thresholds: lenient })).toEqual(lenient);
    const s = await summary(w);
    expect(s.thresholds).toEqual(lenient);
    expect(row(s, w.alpha)).toMatchObject({ light: 'green', computed: { light: 'green', reasons: [] } });
    await expect(w.call('portfolio.setThresholds', { thresholds: { ...lenient, spi: { warn: 0.8, alert: 0.9 } } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(w.call('portfolio.setThresholds', { thresholds: { ...lenient, lateTasks: { warn: 3, alert: 1 } } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await w.call('portfolio.setThresholds', { thresholds: null })).toEqual(DEFAULT_LIGHT_THRESHOLDS);
    expect(row(await summary(w), w.alpha).light).toBe('red');
  });
});

describe('status override', () => {
  it('sets the light by hand with a reason, keeps the history, and is one undo step', async () => {
    const w = await setup();
    expect(row(await summary(w), w.gamma).light).toBe('green');
    await expect(w.call('portfolio.override', { projectId: w.gamma, light: 'red', reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });

    const o = await w.call('portfolio.override', { projectId: w.gamma, light: 'red', reason: '顧客の受入判定が未定' });
    expect(o).toMatchObject({ projectId: w.gamma, light: 'red', reason: '顧客の受入判定が未定', setBy: 'tester' });
    let g = row(await summary(w), w.gamma);
    expect(g).toMatchObject({ light: 'red', computed: { light: 'green' }, override: { id: o.id, reason: '顧客の受入判定が未定' } });
    // The other projects keep their computed light.
    expect(row(await summary(w), w.beta).override).toBeNull();

    // Back to the computed light: the history keeps both decisions, newest first.
    await w.call('portfolio.override', { projectId: w.gamma, light: null, reason: '' });
    g = row(await summary(w), w.gamma);
    expect(g).toMatchObject({ light: 'green', override: null });
    expect((await w.call('portfolio.overrides', { projectId: w.gamma })).map((x) => [x.light, x.reason])).toEqual([
      [null, ''],
      ['red', '顧客の受入判定が未定'],
    ]);
    expect((await w.call('history.row', { entity: 'status_override', id: o.id }))[0]).toMatchObject({ action: 'create' });

    // Undo the clearing: the override is in force again; undo once more: none; redo brings it back.
    await w.call('history.undo', { projectId: w.gamma });
    expect(row(await summary(w), w.gamma)).toMatchObject({ light: 'red', override: { id: o.id } });
    await w.call('history.undo', { projectId: w.gamma });
    expect(row(await summary(w), w.gamma)).toMatchObject({ light: 'green', override: null });
    expect(await w.call('portfolio.overrides', { projectId: w.gamma })).toEqual([]);
    await w.call('history.redo', { projectId: w.gamma });
    expect(row(await summary(w), w.gamma).override).toMatchObject({ id: o.id, light: 'red' });
    await expect(w.call('portfolio.override', { projectId: 9999, light: 'yellow', reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('portfolio.charts', () => {
  it('puts every project’s open risks on one heat map, counts issues raised and closed per week, and lists the coming milestones', async () => {
    const w = await setup();
    await w.call('risk.create', { projectId: w.beta, values: { title: 'Beta 高 20', probability: 5, impact: 4 } });
    await seed(w.call, w.beta, [
      { name: '受入判定', values: { plannedStart: '2025-07-11', plannedFinish: '2025-07-11', milestone: true } },
      { name: '遅れた判定', values: { plannedStart: '2025-06-10', plannedFinish: '2025-06-10', milestone: true } },
      { name: '済んだ判定', values: { plannedStart: '2025-06-11', plannedFinish: '2025-06-11', milestone: true, progress: 100 } },
      { name: '先の判定', values: { plannedStart: '2025-07-14', plannedFinish: '2025-07-14', milestone: true } },
    ]);
    const c = await w.call('portfolio.charts', { statusDate: STATUS });
    expect(c.date).toBe(STATUS);
    // Open and rated: Alpha 5×4, 3×3, 1×2, 2×4 and Beta 5×4 (the closed 5×5 and the unrated are left out).
    const cells = c.heat.flatMap((row, p) => row.map((n, i) => [p + 1, i + 1, n] as const)).filter(([, , n]) => n > 0);
    expect(cells).toEqual([
      [1, 2, 1],
      [2, 4, 1],
      [3, 3, 1],
      [5, 4, 2],
    ]);
    // Twelve weeks ending 6/13, oldest first; raised (else created) and closed per week.
    expect(c.weeks).toHaveLength(12);
    expect(c.weeks[11]).toMatchObject({ weekStart: '2025-06-07', weekEnd: '2025-06-13' });
    expect(c.weeks[10]).toMatchObject({ weekStart: '2025-05-31', weekEnd: '2025-06-06', opened: 3, closed: 2 });
    // Raised 6/10, closed 6/12; the three open ones have no raised date and were created now, after the weeks.
    expect(c.weeks[11]).toMatchObject({ opened: 1, closed: 1 });
    expect(c.weeks.slice(0, 10).every((x) => x.opened === 0 && x.closed === 0)).toBe(true);
    // Not reached, due up to 4 weeks after 6/13 (Alpha's リリース 6/30, Beta's 7/11), or missed since 5/17.
    expect(c.milestones.map((m) => [m.project, m.name, m.date, m.late])).toEqual([
      ['Beta', '遅れた判定', '2025-06-10', true],
      ['Alpha', 'リリース', '2025-06-30', false],
      ['Beta', '受入判定', '2025-07-11', false],
    ]);
  });
});

const TITLES = [
  '今週完了したタスク',
  '進行中のタスク',
  '来週開始予定のタスク',
  '遅延タスク',
  'マイルストーン',
  '主要リスク（オープン、スコア順）',
  '主要課題（未完了、期限超過を先に）',
  '今週承認された変更',
  '判断が必要な事項',
  '会議のアクション（未完了）',
];

describe('weekly status report (report.export)', () => {
  /** Each row of a sheet as the texts of its cells (merged cells once), dates as yyyy/mm/dd. */
  function rowsOf(ws: ExcelJS.Worksheet): string[][] {
    const out: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) => {
        if (c.isMerged && c.master.address !== c.address) return;
        const v = c.value;
        cells.push(v instanceof Date ? v.toISOString().slice(0, 10).replaceAll('-', '/') : v === null ? '' : String(v));
      });
      while (cells.at(-1) === '') cells.pop();
      out.push(cells);
    });
    return out;
  }
  /** The rows under a section's title (and its header row), up to the next section. */
  function section(rows: string[][], title: string, titles: string[]): string[][] {
    // A section's title is a row of one (merged) cell: '遅延タスク' is a figure's label too.
    const i = rows.findIndex((r) => r.length === 1 && r[0] === title);
    expect(i, title).toBeGreaterThanOrEqual(0);
    const end = rows.findIndex((r, k) => k > i && r.length === 1 && titles.includes(r[0]!));
    return rows.slice(i + 2, end < 0 ? undefined : end);
  }

  it('writes a sheet per project and a summary, with the light, figures, 先週差分 and the week’s lists', async () => {
    const w = await setup();
    await w.call('weekly.close', { projectId: w.alpha, statusDate: '2025-06-06' });
    await w.call('portfolio.override', { projectId: w.beta, light: 'yellow', reason: '顧客レビュー待ち' });
    await w.call('portfolio.setNote', { projectId: w.beta, statusDate: STATUS, text: 'レビュー指摘の対応中' });
    const out = await w.call('report.export', { projectIds: [w.alpha, w.beta], statusDate: STATUS, format: 'xlsx' });
    expect(out.fileName).toBe('週次状況報告_サマリー_20250613.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['サマリー', 'Alpha', 'Beta']);
    expect(wb.worksheets.every((s) => s.pageSetup.paperSize === 9 && s.pageSetup.orientation === 'portrait')).toBe(true);

    const summary = rowsOf(wb.getWorksheet('サマリー')!);
    expect(summary.at(-1)).toEqual(['SPI / CPI（プロジェクト別）']);
    // The PMO's 所見 of the week in the last column.
    expect(summary[1]).toEqual(['プロジェクト', '基準日', '状態', '進捗率', 'SPI', 'CPI', '計画遵守率', '遅延タスク', '所見']);
    expect(summary.slice(2, -1)).toEqual([
      ['Alpha', '2025/06/13', '要対応', '20.0%', '0.47', '0.88', '50.0%', '1'],
      ['Beta', '2025/06/13', '注意', '100.0%', '1.00', '1.00', '100.0%', '0', 'レビュー指摘の対応中'],
    ]);

    const a = rowsOf(wb.getWorksheet('Alpha')!);
    expect(a[0]).toEqual(['週次状況報告　Alpha']);
    expect(a[1]).toEqual(['基準日', '2025/06/13', '状態', '要対応', '比較対象', '—']);
    // Figures with 先週差分 against the close of 6/6 (SPI 1.4 then).
    expect(a.slice(3, 10)).toEqual([
      ['SPI', '0.47', '−0.93', '', '期限超過課題', '1', '+1'],
      ['CPI', '0.88', '±0', '', 'リードタイム（日）', '4', '+1.5'],
      ['計画遵守率', '50.0%', '−50.0pt', '', '高リスク', '1', '±0'],
      ['進捗率', '20.0%', '±0', '', '中リスク', '2', '±0'],
      ['遅延タスク', '1', '+1', '', '低リスク', '1', '±0'],
      ['未達マイルストーン', '0', '±0', '', '障害再発率', '—'],
      ['未完了課題', '3', '±0', '', '監査指摘件数（未完了）', '—'],
    ]);
    const titles = TITLES;
    // Week 6/7–6/13: 基本設計 finished 6/6, the week before.
    expect(section(a, titles[0]!, titles)).toEqual([['なし']]);
    expect(section(a, titles[1]!, titles)).toEqual([['1.2', '詳細設計', '', '20%', '2025/06/13']]);
    expect(section(a, titles[2]!, titles)).toEqual([['2', '製造', '', '2025/06/16', '2025/06/27']]);
    expect(section(a, titles[3]!, titles)).toEqual([['1.2', '詳細設計', '', '2025/06/13', '20%', '0']]);
    expect(section(a, titles[4]!, titles)).toEqual([['3', 'リリース', '2025/06/30', '予定']]);
    expect(section(a, titles[5]!, titles).map((r) => [r[1], r[2] ?? '', r[3] ?? ''])).toEqual([
      ['高 20', '20', '高'],
      ['中 9', '9', '中'],
      ['中 8', '8', '中'],
      ['低 2', '2', '低'],
      ['未評価', '', ''],
    ]);
    expect(section(a, titles[6]!, titles).map((r) => [r[1], r[3] ?? '', r[5] ?? ''])).toEqual([
      ['未着手・期限超過', '2025/06/12', '●'],
      ['対応中・期限当日', '2025/06/13', ''],
      ['対応中・期限なし', '', ''],
    ]);

    // Charts as PNG images: SPI/CPI on the summary, the S-curve of each project under its figures.
    const images = (name: string) =>
      wb.getWorksheet(name)!.getImages().map((im) => {
        const png = Buffer.from(wb.getImage(Number(im.imageId)).buffer as unknown as Uint8Array);
        return { row: im.range.tl.nativeRow, png: png.subarray(1, 4).toString('latin1'), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      });
    expect(images('サマリー')).toEqual([{ row: 6, png: 'PNG', width: 1440, height: 680 }]);
    expect(images('Alpha')).toEqual([{ row: 13, png: 'PNG', width: 1440, height: 560 }]);
    // The image starts on the row under its section's title (nativeRow is 0-based).
    expect(wb.getWorksheet('Alpha')!.getRow(13).getCell(1).value).toBe('Sカーブ（PV／EV／AC、人日）');

    const b = rowsOf(wb.getWorksheet('Beta')!);
    expect(b[1]).toEqual(['基準日', '2025/06/13', '状態', '注意（手動）', '比較対象', '—']);
    expect(b[2]).toEqual(['手動設定の理由', '顧客レビュー待ち']);

    // Several projects as files: a zip of the summary's workbook and one per project, each readable.
    const zipped = await w.call('report.export', { projectIds: [w.alpha, w.beta], statusDate: STATUS, bundle: 'files' });
    expect(zipped.fileName).toBe('週次状況報告_サマリー_20250613.zip');
    const zipBytes = Buffer.from(zipped.dataBase64, 'base64');
    const zip = new ZipReader(zipBytes, readZipDirectory(zipBytes, zipped.fileName), zipped.fileName);
    expect([...zip.dir.entries.keys()]).toEqual(['週次状況報告_サマリー_20250613.xlsx', '週次状況報告_Alpha_20250613.xlsx', '週次状況報告_Beta_20250613.xlsx']);
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(zip.bytes('週次状況報告_Alpha_20250613.xlsx') as unknown as ArrayBuffer);
    expect(one.worksheets.map((x) => x.name)).toEqual(['Alpha']);
    expect(rowsOf(one.worksheets[0]!)).toEqual(a);
    // For a folder (the window writes them where the user picks): the zip's files one by one.
    const folder = await w.call('report.export', { projectIds: [w.alpha, w.beta], statusDate: STATUS, bundle: 'folder' });
    expect(folder.files?.map((f) => f.fileName)).toEqual([...zip.dir.entries.keys()]);
    expect(rowsOf(await (async () => {
      const x = new ExcelJS.Workbook();
      await x.xlsx.load(Buffer.from(folder.files![1]!.dataBase64, 'base64') as unknown as ArrayBuffer);
      return x.worksheets[0]!;
    })())).toEqual(a);

    const en = await w.call('report.export', { projectIds: [w.beta], statusDate: '2025-06-06', language: 'en' });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(Buffer.from(en.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((s) => s.name)).toEqual(['Beta']);
    const be = rowsOf(wbEn.worksheets[0]!);
    expect(section(be, 'Tasks finished this week', ['Tasks in progress'])).toEqual([['1', '作業', '', '2025/06/06', '2025/06/06']]);
    await expect(w.call('report.export', { projectIds: [9999] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  it('prints the PMO’s summary of the week, the changes approved in it, the decisions needed and the open meeting actions', async () => {
    const w = await setup();
    const p = w.gamma;
    // The summary of the week at 6/13: kept, changed, cleared, each one undo step of the project.
    expect(await w.call('portfolio.setNote', { projectId: p, statusDate: STATUS, text: '  設計レビューの指摘対応で 2 日遅れ  ' })).toMatchObject({ text: '設計レビューの指摘対応で 2 日遅れ', setBy: 'tester' });
    expect(row(await summary(w), p).note).toBe('設計レビューの指摘対応で 2 日遅れ');
    // Another week has its own (none).
    expect(row(await summary(w, '2025-06-06'), p).note).toBeNull();
    await w.call('portfolio.setNote', { projectId: p, statusDate: STATUS, text: '顧客レビュー待ち' });
    const audit = w.db.sqlite.prepare("SELECT action, before IS NOT NULL AS b, after IS NOT NULL AS a FROM audit_log WHERE entity = 'status_note' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'create', b: 0, a: 1 },
      { action: 'update', b: 1, a: 1 },
    ]);
    await w.call('history.undo', { projectId: p });
    expect(row(await summary(w), p).note).toBe('設計レビューの指摘対応で 2 日遅れ');
    expect(await w.call('portfolio.setNote', { projectId: p, statusDate: STATUS, text: '' })).toBeNull();
    expect(row(await summary(w), p).note).toBeNull();
    await w.call('history.undo', { projectId: p });
    expect(row(await summary(w), p).note).toBe('設計レビューの指摘対応で 2 日遅れ');
    await expect(w.call('portfolio.setNote', { projectId: 9999, statusDate: STATUS, text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Changes: approved in the week 6/7–6/13 (listed), approved before it, rejected, pending, on hold, pending but done.
    const changes = [
      { title: '帳票追加', decision: 'approved', decidedOn: '2025-06-10', decidedBy: '部長', impactSchedule: '+3日', impactCost: '15万円' },
      { title: '前週の承認', decision: 'approved', decidedOn: '2025-06-05' },
      { title: '却下', decision: 'rejected', decidedOn: '2025-06-11' },
      { title: '画面項目の変更', requestedBy: '顧客 佐藤' },
      { title: '保留中の変更', decision: 'on_hold', decidedBy: '部長' },
      { title: '実施済み', implStatus: 'done' },
    ];
    for (const values of changes) await w.call('change.create', { projectId: p, values });
    // Decisions: open issues of kind 要判断 (the done one is not listed), then the changes not decided.
    await w.call('issue.create', { projectId: p, values: { kind: 'decision', title: '本番切替日の決定', owner: '顧客 田中', due: '2025-06-20' } });
    await w.call('issue.create', { projectId: p, values: { kind: 'decision', title: '移行方式の決定', owner: '顧客 田中', due: '2025-06-12' } });
    await w.call('issue.create', { projectId: p, values: { kind: 'decision', title: '決定済み', status: 'done' } });
    // Open actions: a meeting's action items not done (an action with no meeting is not a meeting's).
    const m = await w.call('meeting.create', { projectId: p, values: { title: '定例会', heldOn: '2025-06-09' } });
    await w.call('issue.create', { projectId: p, values: { kind: 'action', title: '議事録の配布', owner: '田中', due: '2025-06-10', meetingId: m.id } });
    await w.call('issue.create', { projectId: p, values: { kind: 'action', title: '見積の再提出', owner: '佐藤', due: '2025-06-17', meetingId: m.id } });
    await w.call('issue.create', { projectId: p, values: { kind: 'action', title: '完了した宿題', status: 'done', meetingId: m.id } });
    await w.call('issue.create', { projectId: p, values: { kind: 'action', title: '会議外のアクション' } });

    const out = await w.call('report.export', { projectIds: [p], statusDate: STATUS });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    const g = rowsOf(wb.worksheets[0]!);
    expect(g[2]).toEqual(['所見', '設計レビューの指摘対応で 2 日遅れ']);
    expect(section(g, '今週承認された変更', TITLES).map((r) => r.slice(1))).toEqual([['帳票追加', '2025/06/10', '部長', '+3日', '15万円']]);
    expect(section(g, '判断が必要な事項', TITLES).map((r) => r.slice(1))).toEqual([
      ['移行方式の決定', '要判断', '顧客 田中', '2025/06/12', '●'],
      ['本番切替日の決定', '要判断', '顧客 田中', '2025/06/20'],
      ['画面項目の変更', '変更要求（判定待ち）', '顧客 佐藤'],
      ['保留中の変更', '変更要求（判定待ち）', '部長'],
    ]);
    expect(section(g, '会議のアクション（未完了）', TITLES).map((r) => r.slice(1))).toEqual([
      ['議事録の配布', '田中', '2025/06/10', '定例会（2025/06/09）', '●'],
      ['見積の再提出', '佐藤', '2025/06/17', '定例会（2025/06/09）'],
    ]);
  });
});
