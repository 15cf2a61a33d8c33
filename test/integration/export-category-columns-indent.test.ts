// A WBS written in 大分類 / 中分類 / 小分類 columns (a group's label on its first row, blank below: it goes
// on), where one 大分類 has no 中分類 and its tasks stand in the 小分類 column (blind set 6, L12). A task
// indented under a sibling there needs that sibling as its 中分類: the sibling's name goes in the 中分類
// column (its row keeps its values) and the task stays in 小分類 under it. Where the columns cannot show
// the tree at all (a task directly under the 大分類 after such a group: a blank 中分類 goes on with the
// group above), the export is refused, naming the task and its row — before, it was written as a sibling
// and read back under another parent without a word.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Drawing {
  header: string[];
  /** [大, 中, 小, owner] per row; '' where the client leaves the cell blank. */
  rows: [string, string, string, string][];
}

const DRAWINGS: Record<string, Drawing> = {
  '大分類/中分類/小分類, a 大分類 with no 中分類 first': {
    header: ['大分類', '中分類', '小分類', '担当者', '開始日', '終了日'],
    rows: [
      ['プロジェクト管理', '', 'キックオフ準備', '加藤'],
      ['', '', '定例会運営', '山田'],
      ['', '', '月次報告', '小林'],
      ['要件定義', '業務要件', '現行業務ヒアリング', '佐藤'],
      ['', '', '業務フロー作成', '小林'],
      ['', '機能要件', '機能一覧作成', '中村'],
    ],
  },
  '大項目/中項目/小項目, the group with no 中項目 last, four tasks in it': {
    header: ['大項目', '中項目', '小項目', '担当', '開始', '終了'],
    rows: [
      ['設計', '画面', 'ワイヤーフレーム', '木村'],
      ['', '', 'モックアップ', '李'],
      ['', 'データ', '論理モデル', '朴'],
      ['管理', '', 'キックオフ', '木村'],
      ['', '', '週次定例', '李'],
      ['', '', '月次報告', '朴'],
      ['', '', '完了報告', '木村'],
    ],
  },
};

async function drawn(drawing: Drawing): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = 'WBS';
  drawing.header.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  drawing.rows.forEach(([a, b, c, owner], k) => {
    const r = 4 + k;
    [a, b, c, owner].forEach((v, i) => {
      if (v !== '') ws.getCell(r, i + 1).value = v;
    });
    ws.getCell(r, 5).value = d(`2025-04-${String(7 + k * 2).padStart(2, '0')}`);
    ws.getCell(r, 6).value = d(`2025-04-${String(8 + k * 2).padStart(2, '0')}`);
    ws.getCell(r, 5).numFmt = 'yyyy/m/d';
    ws.getCell(r, 6).numFmt = 'yyyy/m/d';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const imported = (bytes: Buffer, name: string) => importWithProfile(call, bytes, name);

const shape = (rows: { level?: number; name?: string }[]) => rows.map((r) => `${r.level}:${r.name}`);
const tree = (projectId: number) => call('wbs.rows', { projectId }).then(tasksOfTable);

describe('大分類/中分類/小分類 columns: an indent in a group that has no 中分類', () => {
  for (const [name, drawing] of Object.entries(DRAWINGS)) {
    const group = drawing.rows.findIndex((r) => r[0] !== '' && r[1] === '');
    const [first, second, third] = [0, 1, 2].map((k) => drawing.rows[group + k]![2]);
    // The group's last two tasks (the last is indented under the one before it).
    let end = group + 1;
    while (end < drawing.rows.length && drawing.rows[end]![0] === '') end++;
    const [above, last] = [end - 2, end - 1];

    it(`${name}: the group's last task indented under the one above: that one becomes its 中分類, and the tree reads back`, async () => {
      const { projectId, profileId, preview } = await imported(await drawn(drawing), `cat ${name}`);
      expect(preview.hierarchy).toBe('columns');
      const tasks = await tree(projectId);
      await call('wbs.indent', { ids: [tasks.find((t) => t.name === drawing.rows[last]![2])!.id] });
      const answer = await call('excel.export', { projectId, register: 'wbs', profileId });
      const sheet = readWorkbookBytes(Buffer.from(answer.dataBase64, 'base64'), 'x.xlsx').sheets[0]!;
      const cells = (k: number) => [0, 1, 2, 3].map((c) => String(sheet.rows.find((x) => x.r === 3 + k)?.cells.find((x) => x.c === c)?.v ?? ''));
      // Every row as it was but the one above the indented task: its name moved into the 中分類 column.
      const want = drawing.rows.map((r, k) => (k === above ? [r[0], r[2], '', r[3]] : [...r]));
      expect(drawing.rows.map((_, k) => cells(k))).toEqual(want);
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'again.xlsx', dataBase64: answer.dataBase64, profileId });
      expect(shape(again.rows)).toEqual(shape(await tree(projectId)));
      expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
    });

    it(`${name}: a task indented under the first while a third stays under the 大分類: refused, naming the third and its row`, async () => {
      const { projectId, profileId } = await imported(await drawn(drawing), `cat refused ${name}`);
      const tasks = await tree(projectId);
      await call('wbs.indent', { ids: [tasks.find((t) => t.name === second)!.id] });
      const err = await call('excel.export', { projectId, register: 'wbs', profileId }).then(
        () => null,
        (e: unknown) => e as { message: string; key?: string; params?: Record<string, string> },
      );
      expect(err?.message).toContain(`task ${third} (row ${4 + group + 2})`);
      expect(err?.message).toContain(`under ${first}, not ${drawing.rows[group]![0]}`);
    });
  }
});
