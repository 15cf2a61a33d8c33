// A plan whose file has no tree (no code, level, indent, outline or parent column: one level) cannot show
// a task indented under another in PMO Desk: it reads back beside its parent. The export names it
// (tooDeep, deepest 1) as for any task deeper than the client's levels, never a silent success (review U2).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function flatPlan(head: string[], names: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.addRow(head);
  names.forEach((n, i) => ws.addRow([n, ['山田', 'Kim', '佐藤'][i % 3], d(`2025-04-0${i + 1}`), d(`2025-04-1${i}`)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('an indented task in a flat client plan (review U2)', () => {
  for (const [lang, head, names] of [
    ['ja', ['タスク名', '担当者', '開始日', '終了日'], ['要件定義', '画面設計', 'DB設計']],
    ['en', ['Task', 'Owner', 'Start', 'Finish'], ['Requirements', 'Screens', 'Database']],
  ] as const)
    it(`is named as deeper than the file's one level (${lang}); a plan left flat names nothing`, async () => {
      const { projectId, profileId, preview } = await importWithProfile(call, await flatPlan([...head], [...names]), `flat ${lang}`);
      expect(preview.hierarchy).toBe('none');
      const flat = await call('excel.export', { projectId, register: 'wbs', profileId });
      expect(flat.tooDeep).toBeUndefined();
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
      await call('wbs.indent', { ids: [tasks[1]!.id] });
      const answer = await call('excel.export', { projectId, register: 'wbs', profileId });
      expect(answer.tooDeep).toEqual([{ sheet: 'Plan', cell: 'A3', name: names[1], level: 2, deepest: 1 }]);
    });
});
