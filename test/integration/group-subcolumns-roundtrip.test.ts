// Sub-columns under a group label whose own words name no field (Plan over Kickoff | Wrap-up, 審議 over
// 結果 | 日付け) are imported one field each (blind set 18, I2), and the export writes each one back into
// its own cells: the round trip's random edits read back as stored, and an edited actual finish lands
// under the actual group's second word, not the first nor the plan's. Generated workbooks (ExcelJS).
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { list, roundTrip, update } from '../roundtrip/harness.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { parseRange } from '../../electron/common/excel/model.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { day, groupTable, type GroupColumn, type GroupTable } from '../helpers/group-header-tables.js';

const { call } = fileWorkspace();

const TASKS = ['Survey', 'Design', 'Build', 'Test', 'Handover', 'Close-out'];

interface Case {
  name: string;
  target: ImportTarget;
  table: GroupTable;
  /** Letters of the column the direct edit checks and the field it is. */
  edited?: { column: string; field: string };
}

function plan(groups: [string, string], words: [string, string], width: number, unmerged: boolean): GroupTable {
  const [p, a] = groups;
  const [s, f] = words;
  const cols: GroupColumn[] = [
    { head: 'WBS', width, cell: (i) => `${i + 1}` },
    { head: 'Task', width: width * 2, cell: (i) => TASKS[i]! },
    { head: [p, s], width, cell: (i) => day(i * 10) },
    { head: [p, f], width, cell: (i) => day(i * 10 + 6) },
    { head: [a, s], width, cell: (i) => day(i * 10 + 1) },
    { head: [a, f], width, cell: (i) => (i < 4 ? day(i * 10 + 8) : null) },
    { head: 'Owner', width, cell: (i) => ['Kato', 'Mori', 'Lee'][i % 3]! },
  ];
  return groupTable(cols, TASKS.length, { top: 1, unmerged, title: 'Programme' });
}

const CASES: Case[] = [
  { name: 'WBS, 計画 / 実績 merged over 起 | 了', target: 'wbs', table: plan(['計画', '実績'], ['起', '了'], 1, false), edited: { column: 'G', field: 'actualFinish' } },
  { name: 'WBS, Plan / Actual typed over each of Kickoff | Wrap-up', target: 'wbs', table: plan(['Plan', 'Actual'], ['Kickoff', 'Wrap-up'], 1, true), edited: { column: 'G', field: 'actualFinish' } },
  { name: 'WBS 方眼紙, Baseline / Forecast over Launch | Land, two cells a column', target: 'wbs', table: plan(['Baseline', 'Forecast'], ['Launch', 'Land'], 2, false), edited: { column: 'M:N', field: 'actualFinish' } },
  {
    name: 'change 方眼紙, 審議 over 結果 | 日付け, three cells a column',
    target: 'change',
    table: groupTable(
      [
        { head: 'No.', width: 2, cell: (i) => `CR-${String(i + 1).padStart(3, '0')}` },
        { head: '変更内容', width: 8, cell: (i) => `変更 ${i + 1} の内容を記載する` },
        { head: '依頼者', width: 3, cell: () => '田中' },
        { head: ['審議', '結果'], width: 3, cell: (i) => ['承認', '却下', '保留', '承認', '承認'][i]! },
        { head: ['審議', '日付け'], width: 3, cell: (i) => day(i * 3) },
        { head: '状況', width: 3, cell: () => '対応中' },
      ],
      5,
      { top: 1, title: '変更管理表' },
    ),
    edited: { column: 'Q:S', field: 'decidedOn' },
  },
];

const bytesOf = (t: GroupTable) => workbook([{ name: 'Sheet1', rows: t.rows as never, merges: t.merges }]);

describe('sub-columns under a group of unknown words after random edits', () => {
  for (const c of CASES)
    it(`${c.name}: the export reads back as stored`, async () => {
      const o = await roundTrip(call, `${c.target}-group.xlsx`, await bytesOf(c.table), c.target, { scripts: 10, seed: 25, steps: 6 });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 600_000);
});

describe('an edited date under a group is written into its own sub-column', () => {
  for (const c of CASES.filter((x) => x.edited))
    it(c.name, async () => {
      const { column, field } = c.edited!;
      const { id: projectId } = await call('project.create', { name: `group ${c.name}` });
      const dataBase64 = (await bytesOf(c.table)).toString('base64');
      const preview = await call('excel.previewImport', { projectId, register: c.target, fileName: 'g.xlsx', dataBase64 });
      expect(preview.columns.find((m) => m.column === column)?.field).toBe(field);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `group ${c.name}` } });
      const first = (await list(call, c.target, projectId)).find((r) => r.name === 'Survey' || r.title === '変更 1 の内容を記載する')!;
      await update(call, c.target, first.id, { [field]: '2026-12-24' });
      const out = await call('excel.export', { projectId, register: c.target, profileId: profileId! });
      const sheet = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!;
      const [a, b = a] = column.split(':') as [string, string?];
      const { c1, c2 } = parseRange(`${a}1:${b}1`)!;
      const cell = sheet.rows.find((r) => r.r === c.table.firstRecord)?.cells.find((x) => x.c === c1);
      // A date cell (a serial) for 2026-12-24, in the first record's row under the edited sub-column.
      expect(cell?.v).toBe(Date.UTC(2026, 11, 24) / 86_400_000 + 25569);
      // The sub-column before it in the same group keeps its own value, as the client's file had it.
      const at = (rows: typeof sheet.rows) => rows.find((r) => r.r === c.table.firstRecord)?.cells.find((x) => x.c === c1 - (c2 - c1 + 1))?.v;
      const original = at(readWorkbookBytes(Buffer.from(dataBase64, 'base64'), 'g.xlsx').sheets[0]!.rows);
      expect(original).toBeDefined();
      expect(at(sheet.rows)).toBe(original);
    }, 120_000);
});
