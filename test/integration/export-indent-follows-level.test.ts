// A WBS numbered in a code column whose names the client also indents by level (1 / 1.1 with the name
// indented one step): the import reads the tree from the codes, but the indent shows it too. A task
// that moved level keeps the indent of its old level otherwise, and where the codes left can no longer
// give the tree (only top-level numbers 2, 3 after the other groups went), the next import reads it from
// the indent: an outdented task came back under its old parent (blind set 9, R4).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

interface Style {
  header: string[];
  /** [code, name, owner] per task; the level is the code's depth. */
  tasks: [string, string, string][];
  /** How the client indents a name: the cell's indent, or full-width spaces before it. */
  indent: 'cell' | 'spaces';
}

const STYLES: Record<string, Style> = {
  'budget tracker, names indented by the cell': {
    header: ['WBS', 'Work Package', 'Owner', 'Start', 'Finish'],
    indent: 'cell',
    tasks: [
      ['1', 'Project Management', 'Alvarez'],
      ['1.1', 'Project charter', 'Alvarez'],
      ['1.2', 'Status reporting', 'Alvarez'],
      ['2', 'Design', 'Osei'],
      ['2.1', 'Site survey', 'Osei'],
      ['2.2', 'Layout design', 'Osei'],
      ['3', 'Procurement', 'Chen'],
      ['3.1', 'Vendor selection', 'Chen'],
    ],
  },
  'WBS 表, 作業名を全角スペースで字下げ': {
    header: ['WBS番号', '作業名', '担当', '開始日', '終了日'],
    indent: 'spaces',
    tasks: [
      ['1', '要件定義', '山田'],
      ['1.1', '現行業務の調査', '山田'],
      ['1.2', '要件定義書の作成', '佐藤'],
      ['2', '設計', '鈴木'],
      ['2.1', '画面設計', '鈴木'],
      ['2.2', '帳票設計', '高橋'],
      ['3', 'テスト', '田中'],
      ['3.1', '結合テスト', '田中'],
    ],
  },
};

async function book(style: Style): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  style.header.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  style.tasks.forEach(([code, name, owner], i) => {
    const r = 3 + i;
    const level = code.split('.').length - 1;
    ws.getCell(r, 1).value = code;
    ws.getCell(r, 2).value = style.indent === 'spaces' ? '\u3000'.repeat(level) + name : name;
    if (style.indent === 'cell' && level > 0) ws.getCell(r, 2).alignment = { indent: level };
    ws.getCell(r, 3).value = owner;
    ws.getCell(r, 4).value = new Date(Date.UTC(2025, 6, 1 + i * 7));
    ws.getCell(r, 5).value = new Date(Date.UTC(2025, 6, 5 + i * 7));
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Task = { id: number; name: string; parentId: number | null };

describe('a name indented by level follows its task to another level', () => {
  for (const [name, style] of Object.entries(STYLES)) {
    it(`${name}: the groups around one deleted and its second task outdented to the top`, async () => {
      const { projectId, profileId } = await importWithProfile(call, await book(style), `indent ${name}`);
      const tasks = async () => (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Task[];
      const before = await tasks();
      const named = (k: number) => before.find((t) => t.name === style.tasks[k]![1])!;
      // Left with 2 and its second task outdented to 3: top-level numbers only.
      await call('wbs.outdent', { ids: [named(5).id] });
      for (const k of [0, 6, 4]) await call('wbs.delete', { id: named(k).id });
      const stored = await tasks();
      expect(stored.map((t) => [t.name, t.parentId])).toEqual([[style.tasks[3]![1], null], [style.tasks[5]![1], null]]);
      const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'again.xlsx', dataBase64: out.toString('base64'), profileId });
      expect(again.missing.map((m) => m.name)).toEqual([]);
      expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.name}: ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    });

    it(`${name}: every random edit script comes back as stored`, async () => {
      const o = await roundTrip(call, `indent-${name}.xlsx`, await book(style), 'wbs', { scripts: 10, seed: 19 });
      expect(o.skipped).toBe('');
      expect(failuresOf(o)).toEqual([]);
    }, 300_000);
  }
});
