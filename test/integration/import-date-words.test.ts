// A date cell of words (期限 来週中, ASAP; blind check F9): the record is imported, not dropped; the
// date is left empty and the words kept with the row (an extra value under the column's header), and the
// preview names the cell. An export through the profile writes the words back as they were while the
// date is not edited, and the date once it is. (6月末 is a period read as its last day since blind set 6,
// L14: import-date-periods.test.ts.)
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function issueLog(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題一覧');
  ws.addRow(['No', '課題', '担当', '期限', 'ステータス']);
  ws.addRow([1, 'ログイン仕様の確認', '山田', d('2025-06-10'), '対応中']);
  ws.addRow([2, '帳票レイアウト確定', '佐藤', '来週中', '未着手']);
  ws.addRow([3, '移行範囲の合意', '鈴木', '未定', '未着手']);
  ws.getColumn(4).numFmt = 'yyyy/mm/dd';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const cellD = (b64: string, row: number) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.find((r) => r.r === row - 1)?.cells.find((c) => c.c === 3) ?? null;

describe('a date cell holding words', () => {
  it('keeps its record and its words, names the cell, and exports the words back until the date is edited', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await issueLog();
      const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kadai.xlsx', dataBase64 });
      expect(preview.counts).toMatchObject({ new: 3, skipped: 0 });
      expect(preview.problems.filter((p) => p.field === 'due').map((p) => [p.cell, p.code, p.warning])).toEqual([['D3', 'dateText', true]]);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: '課題' } });
      const issues = await call('issue.list', { projectId });
      const row = issues.find((i) => i.title === '帳票レイアウト確定')!;
      expect(row.due).toBeNull();
      expect(row.extra).toMatchObject({ 期限: '来週中' });
      // The same file again: nothing changed.
      const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kadai.xlsx', dataBase64, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
      // An edit of another field of that record: its 期限 cell keeps the client's words.
      await call('issue.update', { id: row.id, patch: { owner: '田中' } });
      const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
      expect(cellD(out.dataBase64, 3)).toMatchObject({ t: 's', v: '来週中' });
      expect(cellD(out.dataBase64, 4)).toMatchObject({ t: 's', v: '未定' });
      // Once the date is set in PMO Desk, the export writes the date.
      await call('issue.update', { id: row.id, patch: { due: '2025-06-30' } });
      const dated = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
      const cell = cellD(dated.dataBase64, 3)!;
      expect(cell.t === 'd' || cell.t === 'n').toBe(true);
    } finally {
      ws.close();
    }
  });
});

describe('a mistyped date in a date cell', () => {
  it('is refused and named, in Japanese form too (2025年4月31日, R7.4.31), while words beside it are kept (review R7)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('課題一覧');
      sheet.addRow(['No', '課題', '担当', '期限', 'ステータス']);
      sheet.addRow([1, '帳票の出力形式', '山田', '2025年4月31日', '対応中']);
      sheet.addRow([2, '移行データの範囲', '鈴木', '2025/13/40', '未着手']);
      sheet.addRow([3, '性能要件', '佐藤', '来週中', '未着手']);
      sheet.addRow([4, '権限設計', '田中', 'R7.4.31', '未着手']);
      for (let i = 5; i <= 8; i++) sheet.addRow([i, `課題${i}`, '田中', d(`2025-05-0${i}`), '未着手']);
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const { id: projectId } = await call('project.create', { name: 'P' });
      const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kadai.xlsx', dataBase64 });
      const codes = preview.problems.filter((p) => p.field === 'due').map((p) => [p.cell, p.code, !!p.warning]);
      expect(codes).toEqual([
        ['D2', 'notDate', false],
        ['D3', 'notDate', false],
        ['D4', 'dateText', true],
        ['D5', 'notDate', false],
      ]);
    } finally {
      ws.close();
    }
  });
});

describe('a date with a two-digit year and no weekday (blind G17)', () => {
  async function plan(rows: (string | number)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Plan');
    sheet.addRow(['Task Name', 'Duration', 'Start', 'Finish']);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const cell = (b64: string, row: number, c: number) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.find((r) => r.r === row - 1)?.cells.find((x) => x.c === c) ?? null;

  it('keeps its task where nothing settles the form: the date empty, the text kept and named, and written back by the export', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      // 12/3/10: 2012/3/10 as a Japanese yy/m/d, or 3 December 2010 as an en-US m/d/yy; every cell reads both ways.
      const dataBase64 = await plan([
        ['Design', '5 days', '12/3/10', '12/3/16'],
        ['Build', '10 days', '12/3/19', '12/3/30'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.counts).toMatchObject({ new: 2, skipped: 0 });
      const problems = preview.problems.filter((p) => p.field === 'plannedStart' || p.field === 'plannedFinish');
      expect(problems.map((p) => [p.cell, p.code, p.warning])).toEqual([
        ['C2', 'dateAmbiguous', true],
        ['D2', 'dateAmbiguous', true],
        ['C3', 'dateAmbiguous', true],
        ['D3', 'dateAmbiguous', true],
      ]);
      expect(problems[0]!.params).toEqual({ value: '12/3/10', dates: '2010/12/03 / 2012/03/10' });
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'Plan' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.duration, t.plannedStart, t.plannedFinish])).toEqual([
        ['Design', 5, null, null],
        ['Build', 10, null, null],
      ]);
      expect(tasks[0]!.extra).toMatchObject({ Start: '12/3/10', Finish: '12/3/16' });
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(cell(out.dataBase64, 2, 2)).toMatchObject({ t: 's', v: '12/3/10' });
      expect(cell(out.dataBase64, 3, 3)).toMatchObject({ t: 's', v: '12/3/30' });
    } finally {
      ws.close();
    }
  });

  it("reads it in the form the column's other cells settle: a day over 12, a four-digit year, a one-digit first number", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        // The blind minimal m3b: 4/7/25 is no yy/m/d (a yy has two digits), as MS Project pastes a plan.
        ['Design', '5 days', '4/7/25', '4/11/25'],
        // 04/14/25 can only be 14 April: the column writes year last.
        ['Build', '10 days', '04/14/25', '04/25/25'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.counts).toMatchObject({ new: 2, skipped: 0 });
      expect(preview.problems.filter((p) => p.kind === 'date')).toEqual([]);
      await call('excel.applyImport', { previewId: preview.previewId, options: {} });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish])).toEqual([
        ['Design', '2025-04-07', '2025-04-11'],
        ['Build', '2025-04-14', '2025-04-25'],
      ]);
      // A Japanese column with one four-digit year written first: its 25/04/07 is yy/m/d.
      const jp = await plan([
        ['設計', '5日', '25/04/07', '25/04/11'],
        ['製造', '10日', '2025/04/14', '2025/04/25'],
      ]);
      const p2 = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'jp.xlsx', dataBase64: jp });
      expect(p2.rows.map((r) => [r.values?.plannedStart, r.values?.plannedFinish])).toEqual([
        ['2025-04-07', '2025-04-11'],
        ['2025-04-14', '2025-04-25'],
      ]);
    } finally {
      ws.close();
    }
  });
});
