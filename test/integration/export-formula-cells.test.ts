// A changed value whose cell in the client's workbook holds the client's own formula (review U1: the
// Japanese gantt pattern, each task starting the day after the one above, 開始日 =D2+1 and 終了日 =C3+9) is
// not typed over the formula — the formula and every cell that reads it are the client's — but it is
// named in the export's answer (formulaCells, shown by the export dialog), never dropped without a word.
// A value the formula already shows is no notice; a cell holding a plain value is written as before.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function chainedPlan(lang: 'ja' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? 'WBS' : 'Plan');
  ws.addRow(lang === 'ja' ? ['No', 'タスク名', '開始日', '終了日', '担当'] : ['No', 'Task', 'Start', 'Finish', 'Owner']);
  const names = lang === 'ja' ? ['要件定義', '設計', '実装'] : ['Requirements', 'Design', 'Build'];
  ws.addRow([1, names[0], d('2025-04-01'), d('2025-04-10'), 'A']);
  ws.addRow([2, names[1], { formula: 'D2+1', result: d('2025-04-11') }, { formula: 'C3+9', result: d('2025-04-20') }, 'B']);
  ws.addRow([3, names[2], { formula: 'D3+1', result: d('2025-04-21') }, { formula: 'C4+9', result: d('2025-04-30') }, 'C']);
  for (let r = 2; r <= 4; r++) for (const c of [3, 4]) ws.getCell(r, c).numFmt = 'yyyy/mm/dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('export over the client formula cells (review U1)', () => {
  for (const lang of ['ja', 'en'] as const)
    it(`names a changed date whose cell is the client's formula, keeps the formula, and writes plain cells (${lang})`, async () => {
      const { projectId, profileId } = await importWithProfile(call, await chainedPlan(lang), `formula ${lang}`);
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
      const [first, , third] = tasks;
      await call('wbs.update', { id: third!.id, patch: { plannedStart: '2025-05-01', plannedFinish: '2025-05-20', assignee: 'D' } });
      await call('wbs.update', { id: first!.id, patch: { plannedFinish: '2025-04-09' } });
      const answer = await call('excel.export', { projectId, register: 'wbs', profileId });
      // C4 and D4 are named, with the value that was not written; the plain cells D2 and E4 are written.
      expect((answer.formulaCells ?? []).map((n) => [n.cell, n.field, n.value])).toEqual([
        ['C4', 'plannedStart', '2025-05-01'],
        ['D4', 'plannedFinish', '2025-05-20'],
      ]);
      const sheet = readWorkbookBytes(Buffer.from(answer.dataBase64, 'base64'), 'x.xlsx').sheets[0]!;
      const cell = (r: number, c: number) => sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c);
      // (The formulas are still there.)
      expect([cell(3, 2)?.f, cell(3, 3)?.f]).toEqual([true, true]);
      expect([cell(1, 3)?.v, cell(3, 4)?.v]).toEqual([serial('2025-04-09'), 'D']);
    });

  it('names nothing when no changed value lies on a formula', async () => {
    const { projectId, profileId } = await importWithProfile(call, await chainedPlan('ja'), 'formula none');
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    await call('wbs.update', { id: tasks[1]!.id, patch: { assignee: 'Z', name: '基本設計' } });
    const answer = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(answer.formulaCells).toBeUndefined();
  });
});
