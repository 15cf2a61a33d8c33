// Phase rows spanning a WBS over their tasks (blind set 5, K5: 【フェーズ1】要件定義 merged across A:H,
// gray, over T-001…; the 4 phases were left out as separators and the 12 tasks came flat): each phase is
// a summary at depth 0, its tasks at depth 1, whether it is merged or not, bracketed or not, in the first
// column or the name column, in Japanese or English. Real separators stay out.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (k: number) => new Date(Date.UTC(2025, 4, 19 + k));

const PHASES: [string, string[]][] = [
  ['要件定義', ['業務フロー作成', '非機能要件整理', '要件定義書作成']],
  ['外部設計', ['画面遷移図作成', '外部IF仕様書作成']],
  ['内部設計', ['クラス設計', 'テーブル設計']],
];

type Layout = {
  /** The phase row's text for phase k (1-based) named p. */
  label: (p: string, k: number) => string;
  /** The column the text stands in: 1 (ID column A) or 2 (the name column B). */
  col: 1 | 2;
  merged: boolean;
  english?: boolean;
};

async function plan(l: Layout, extra?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = l.english ? 'WBS (member portal)' : 'WBS（会員ポータル刷新）';
  ws.getRow(3).values = l.english ? ['ID', 'Task', 'Deliverable', 'Owner', 'Start', 'Finish', 'Status', '% Complete'] : ['ID', 'タスク名', '成果物', '担当', '開始予定', '終了予定', 'ステータス', '進捗率'];
  let r = 4;
  let n = 0;
  PHASES.forEach(([p, tasks], k) => {
    ws.getCell(r, l.col).value = l.label(p, k + 1);
    ws.getCell(r, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
    if (l.merged) ws.mergeCells(r, 1, r, 8);
    r++;
    for (const t of tasks) {
      n++;
      ws.getRow(r).values = [`T-${String(n).padStart(3, '0')}`, t, null, '渡辺', d(n), d(n + 1), l.english ? 'Open' : '未着手', 0];
      r++;
    }
  });
  extra?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, preview: await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 }) };
}
const shape = (rows: { level?: number; name?: string }[]) => rows.map((r) => `${r.level}:${r.name}`);
const want = (label: (p: string, k: number) => string) => PHASES.flatMap(([p, tasks], k) => [`0:${label(p, k + 1)}`, ...tasks.map((t) => `1:${t}`)]);

describe('phase rows over their tasks', () => {
  it.each<[string, Layout]>([
    ['【フェーズ1】… merged across A:H, the text in A (the set-5 layout)', { label: (p, k) => `【フェーズ${k}】${p}`, col: 1, merged: true }],
    ['not merged, only the first cell filled, plain words', { label: (p) => p, col: 1, merged: false }],
    ['English, Phase 1: … in the first cell', { label: (p, k) => `Phase ${k}: ${p}`, col: 1, merged: false, english: true }],
    ['bracketed, in the name column, not merged', { label: (p, k) => `【${k}. ${p}】`, col: 2, merged: false }],
    ['merged across, no brackets', { label: (p) => p, col: 1, merged: true }],
    ['フェーズ2 written as a word, in the name column', { label: (p, k) => `フェーズ${k} ${p}`, col: 2, merged: false }],
  ])('%s', async (_, layout) => {
    const { projectId, preview: p } = await preview(await plan(layout));
    expect(p.hierarchy).toBe('phases');
    expect(shape(p.rows)).toEqual(want(layout.label));
    expect(p.leftOut).toEqual([]);
    // A phase has no dates or status of its own (a merge spread its text over every column).
    expect(p.problems).toEqual([]);
    await call('excel.applyImport', { previewId: p.previewId });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => `${t.level}:${t.name}`)).toEqual(want(layout.label));
    expect(tasks.find((t) => t.level === 0)!.summary).toBe(true);
  });

  it('a plain name alone in the name column, without the ID the tasks have, is a task: a task added with its name only looks the same (review T8)', async () => {
    const { preview: p } = await preview(await plan({ label: (p) => p, col: 2, merged: false }));
    expect(p.hierarchy).not.toBe('phases');
    expect(p.rows.every((r) => r.level === 0)).toBe(true);
  });

  it('real separators stay out: 以下余白, a dashed line, an arrow note, a totals row; tasks named alone in a table with no IDs stay tasks', async () => {
    const { preview: p } = await preview(
      await plan({ label: (p, k) => `【フェーズ${k}】${p}`, col: 1, merged: true }, (ws) => {
        ws.getCell('A14').value = '↓ここから来週分';
        ws.getRow(15).values = ['T-099', '予備作業', null, '渡辺', d(20), d(21), '未着手', 0];
        ws.getCell('A16').value = '--------';
        ws.getRow(17).values = ['T-100', '予備作業2', null, '渡辺', d(22), d(23), '未着手', 0];
        ws.getCell('B18').value = 'ー以下余白ー';
      }),
    );
    expect(p.hierarchy).toBe('phases');
    expect(p.leftOut.map((x) => x.row)).toEqual(expect.arrayContaining([14, 16]));
    expect(p.rows.some((r) => /以下余白|↓|---/.test(r.name ?? ''))).toBe(false);
    expect(shape(p.rows).slice(-2)).toEqual(['1:予備作業', '1:予備作業2']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['タスク名', '担当', '開始', '終了']);
    ws.addRow(['要件定義', null, null, null]);
    ws.addRow(['業務フロー作成', '渡辺', d(1), d(2)]);
    ws.addRow(['基本設計', null, null, null]);
    ws.addRow(['画面設計', '佐藤', d(3), d(4)]);
    const { preview: flat } = await preview(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(flat.hierarchy).toBe('none');
    expect(flat.rows.every((r) => r.level === 0)).toBe(true);
  });
});

describe('the export keeps a phase row one merged row and puts new tasks under their phase', () => {
  it('no edit: the file as it was; a new task in phase 2 goes under its tasks, the phase rows stay merged', async () => {
    const dataBase64 = await plan({ label: (p, k) => `【フェーズ${k}】${p}`, col: 1, merged: true });
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `K5 ${Math.random()}` } });
    const cells = (b64: string) => {
      const sheet = readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!;
      return { rows: sheet.rows.filter((r) => r.r >= 3).map((r) => [0, 1].map((c) => r.cells.find((x) => x.c === c)?.v ?? '').join('|')), merges: sheet.merges.map((m) => `${m.r1}:${m.c1}-${m.c2}`) };
    };
    const same = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(cells(same.dataBase64)).toEqual(cells(dataBase64));
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.create', { projectId, afterId: tasks.find((t) => t.name === '外部IF仕様書作成')!.id, values: { name: '外部設計レビュー' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const now = cells(out.dataBase64);
    expect(now.rows).toEqual([
      '【フェーズ1】要件定義|', 'T-001|業務フロー作成', 'T-002|非機能要件整理', 'T-003|要件定義書作成',
      '【フェーズ2】外部設計|', 'T-004|画面遷移図作成', 'T-005|外部IF仕様書作成', expect.stringMatching(/\|外部設計レビュー$/),
      '【フェーズ3】内部設計|', 'T-006|クラス設計', 'T-007|テーブル設計',
    ]);
    // The phase rows are still merged across, where they now stand.
    expect(now.merges).toEqual(['3:0-7', '7:0-7', '11:0-7']);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(shape(back.rows)).toEqual((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => `${t.level}:${t.name}`));
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    // A task indented under another has no place in a plan of phases and tasks: written as a task of its
    // phase and named (tooDeep), as every layout with fewer levels than the plan names it.
    const now2 = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.indent', { ids: [now2.find((t) => t.name === 'テーブル設計')!.id] });
    const deep = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(deep.tooDeep?.map((t) => t.name)).toEqual(['テーブル設計']);
  });
});
