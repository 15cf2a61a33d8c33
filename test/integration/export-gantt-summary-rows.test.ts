// A client's plan whose phase rows (a WBS code's summaries, or 大項目 / 中項目 rows above their tasks) carry
// neither dates nor a bar: the gantt beside it paints the tasks only (blind set 11 C7: a no-edit export
// painted every summary row's band with its subtasks' span, 102 cells of fills). Their span is PMO
// Desk's roll-up; the client's phase rows stay as the client drew them, with or without edits.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { bandOf, cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FF8DB4E2';
const day = (d: number) => new Date(Date.UTC(2025, 3, d));
/** [code or level labels, name, start day, finish day] — null days: a phase row. */
type Row = [string[], string, number | null, number | null];

const BY_CODE: Row[] = [
  [['1'], '要件定義', null, null],
  [['1.1'], '現行業務の整理', 1, 4],
  [['1.2'], '要件定義書の作成', 7, 11],
  [['2'], '設計', null, null],
  [['2.1'], '基本設計', 14, 18],
  [['2.2'], '詳細設計', 21, 25],
];
const BY_COLUMNS: Row[] = [
  [['センター立上げ', '', ''], '', null, null],
  [['', '設備', ''], '', null, null],
  [['', '', ''], 'ラック設置', 1, 4],
  [['', '', ''], 'マテハン据付', 7, 11],
  [['', '庫内システム', ''], '', null, null],
  [['', '', ''], 'WMS設定', 14, 18],
  [['', '', ''], '受入テスト', 21, 25],
];

/** The plan with a day band right of it; phase rows left blank in the band as the client leaves them. */
async function plan(rows: Row[], heads: string[]): Promise<{ bytes: Buffer; first: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = '工程表';
  const header = [...heads, '開始日', '終了日'];
  header.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const first = header.length + 1;
  for (let k = 0; k < 25; k++) Object.assign(ws.getCell(2, first + k), { value: day(1 + k), numFmt: 'd' });
  rows.forEach(([labels, name, s, f], i) => {
    const r = 3 + i;
    const cells = heads.length === 2 ? [labels[0], name] : [...labels, name];
    cells.forEach((v, c) => v && (ws.getCell(r, c + 1).value = v));
    if (s !== null) Object.assign(ws.getCell(r, heads.length + 1), { value: day(s), numFmt: 'yyyy/mm/dd' });
    if (f !== null) Object.assign(ws.getCell(r, heads.length + 2), { value: day(f), numFmt: 'yyyy/mm/dd' });
    for (let k = 0; k < 25; k++) {
      const cell = ws.getCell(r, first + k);
      cell.border = { left: { style: 'hair' } };
      if (s !== null && f !== null && 1 + k >= s && 1 + k <= f) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAR } };
    }
  });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), first };
}

const CASES = [
  { name: 'summaries by WBS code', rows: BY_CODE, heads: ['WBS', 'タスク名'], phases: [3, 6] },
  { name: '大項目 / 中項目 columns above their tasks', rows: BY_COLUMNS, heads: ['大項目', '中項目', '小項目', 'タスク'], phases: [3, 4, 7] },
];

describe('a painted gantt whose phase rows the client leaves without a bar', () => {
  for (const c of CASES) {
    it(`${c.name}: no edit changes no cell; a moved task moves its bar and its phase row stays blank`, async () => {
      const { bytes, first } = await plan(c.rows, c.heads);
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: '工程表.xlsx', dataBase64: bytes.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: '工程表' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      // The phases are summaries over their tasks in PMO Desk (their dates the roll-up).
      expect(tasks.filter((t) => t.summary).length).toBe(c.phases.length);
      const exportNow = async () => Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
      const before = await cellsOf(bytes, 'WBS');
      expect(changedOutside(before, await cellsOf(await exportNow(), 'WBS'), [])).toEqual([]);

      // A task moved by a week: its bar moves; the phase rows above stay without one.
      const moved = tasks.filter((t) => !t.summary).at(-1)!;
      const movedRow = 3 + c.rows.findIndex((r) => r[1] === moved.name);
      await call('wbs.update', { id: moved.id, patch: { plannedStart: '2025-04-14', plannedFinish: '2025-04-18' } });
      const after = await cellsOf(await exportNow(), 'WBS');
      expect(bandOf(after, movedRow, 25, 'fill', first, (f) => f === BAR)).toBe('.'.repeat(13) + '#'.repeat(5) + '.'.repeat(7));
      for (const r of c.phases) expect(bandOf(after, r, 25, 'fill', first, (f) => f === BAR), `phase row ${r}`).toBe('.'.repeat(25));
      ws.close();
    });
  }
});
