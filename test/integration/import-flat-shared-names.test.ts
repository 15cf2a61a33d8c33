// A plan whose file has no tree (hierarchy none) shows no task's parent, so its re-import reads every row
// as top-level. Tasks sharing a name (a client's repeated テスト, rows left nameless) must still pair up
// with the rows the export wrote them on when one of them was indented in PMO Desk: before, the indented
// one was looked for among the top-level tasks only, and took the next top-level task of its name, so the
// two swapped their values (corpus round trip seed 31, status-jp-takuito: two nameless 作業 rows).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');

async function flatPlan(head: string[], names: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.addRow(head);
  // Each row its own owner and dates: a crosswise pairing reads as changes of both.
  names.forEach((n, i) => ws.addRow([n, `担当${i + 1}`, d(`2025-04-${pad(i + 1)}`), d(`2025-05-${pad(i + 1)}`)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Task = { id: number; name: string; parentId: number | null };

describe('tasks sharing a name in a flat plan, one indented in PMO Desk', () => {
  const cases: { label: string; head: string[]; names: string[]; indent: number[] }[] = [
    { label: 'ja, the first of two テスト', head: ['タスク名', '担当者', '開始日', '終了日'], names: ['要件定義', 'テスト', '設計', 'テスト'], indent: [1] },
    { label: 'en, the middle one of three', head: ['Task', 'Owner', 'Start', 'Finish'], names: ['Plan', 'Review', 'Build', 'Review', 'Ship', 'Review'], indent: [3] },
    { label: 'en, two of three, the last left at the top', head: ['Task', 'Owner', 'Start', 'Finish'], names: ['Scope', 'Check', 'Check', 'Design', 'Check'], indent: [1, 2] },
    { label: 'ja, a name shared by four, every other one', head: ['作業', '担当', '予定開始', '予定終了'], names: ['準備', '確認', '確認', '確認', '確認'], indent: [1, 3] },
  ];
  for (const c of cases)
    it(`pair up in the plan's order on re-import of the export (${c.label})`, async () => {
      const { projectId, profileId, preview } = await importWithProfile(call, await flatPlan(c.head, c.names), `shared ${c.label}`);
      expect(preview.hierarchy).toBe('none');
      const before = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Task[];
      await call('wbs.indent', { ids: c.indent.map((k) => before[k]!.id) });
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Task[];
      expect(tasks.filter((t) => t.parentId !== null).length).toBe(c.indent.length);
      const out = await call('excel.export', { projectId, register: 'wbs', profileId });
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId });
      // Each row is the task written on it: the WBS's order, and nothing read as changed but the parent
      // the file cannot show.
      expect(again.rows.map((r) => r.id)).toEqual(tasks.map((t) => t.id));
      expect(again.rows.flatMap((r) => (r.changes ?? []).filter((x) => x.field !== 'parent').map((x) => `${r.row} ${x.field}`))).toEqual([]);
      expect(again.missing).toEqual([]);
    });
});
