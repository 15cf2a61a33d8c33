// A WBS numbered in one column per level (blind set 4, J4: 大 | 中 | 小 holding 1 | — | —, 1 | 1 | —,
// 1 | 1 | 1): the numbers are the outline (depth = the last column a row fills), whatever the columns'
// words, whether the parents' numbers are repeated on each row or written once, and the export writes
// them back as the tree now is. Before, the columns were extra and every row a top-level task.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Layout = { repeat: boolean; words: string[]; rowNumber?: boolean; headerRows?: 1 | 2 };

/** 3 phases, 6 groups, 10 tasks numbered in level columns headed `words`, with the project block above (J4). */
async function plan({ repeat, words, rowNumber = false, headerRows = 2 }: Layout): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = 'プロジェクト名';
  ws.getCell('B1').value = '販売管理システム再構築';
  ws.mergeCells('B1:E1');
  ws.getCell('A2').value = '作成者';
  ws.getCell('B2').value = '山田';
  ws.getCell('A3').value = '更新日';
  ws.getCell('B3').value = d('2025-04-01');
  const lead = rowNumber ? ['No.'] : [];
  const n = words.length;
  const top = [...lead, ...words, '作業項目', '主担当', '副担当', '予定', null, '工数(人日)', null, '進捗率', '備考'];
  const sub = [...lead.map(() => null), ...words.map(() => null), null, null, null, '開始', '終了', '予定', '実績'];
  ws.getRow(6).values = top;
  if (headerRows === 2) {
    ws.getRow(7).values = sub;
    const col = (i: number) => String.fromCharCode(65 + i);
    const L = lead.length;
    for (let i = 0; i < L + n + 3; i++) ws.mergeCells(`${col(i)}6:${col(i)}7`);
    ws.mergeCells(`${col(L + n + 3)}6:${col(L + n + 4)}6`);
    ws.mergeCells(`${col(L + n + 5)}6:${col(L + n + 6)}6`);
  }
  const rows: ExcelJS.CellValue[][] = [];
  let day = 1;
  const at = (k: number) => d(`2025-05-${String(k).padStart(2, '0')}`);
  const numbers = (code: number[]) => Array.from({ length: n }, (_, k) => (k < code.length && (repeat || k === code.length - 1) ? code[k]! : null));
  ['要件定義', '設計', '開発'].forEach((p, pi) => {
    rows.push([...numbers([pi + 1]), p]);
    for (let g = 1; g <= 2; g++) {
      rows.push([...numbers([pi + 1, g]), `${p}G${g}`]);
      const count = (pi === 0 && g === 1) || (pi === 2 && g === 2) ? 1 : 2;
      for (let t = 1; t <= count; t++) {
        rows.push([...numbers([pi + 1, g, t]), `${p}${g}-${t}`, '山田', '佐藤', at(day), at(day + 1), 2, 1, 0.5, '']);
        day += 1;
      }
    }
  });
  const first = headerRows === 2 ? 8 : 7;
  rows.forEach((r, i) => (ws.getRow(first + i).values = rowNumber ? [i + 1, ...r] : r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return { projectId, preview: await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 }) };
}

const shape = (rows: { level?: number; name?: string }[]) => rows.map((r) => `${r.level}:${r.name}`);
const WANT = [
  '0:要件定義', '1:要件定義G1', '2:要件定義1-1', '1:要件定義G2', '2:要件定義2-1', '2:要件定義2-2',
  '0:設計', '1:設計G1', '2:設計1-1', '2:設計1-2', '1:設計G2', '2:設計2-1', '2:設計2-2',
  '0:開発', '1:開発G1', '2:開発1-1', '2:開発1-2', '1:開発G2', '2:開発2-1',
];

describe('level-number columns are the outline', () => {
  it('大 | 中 | 小 under a project block and a two-row header (J4): 3 phases, 6 groups, 10 tasks', async () => {
    const { preview: p } = await preview(await plan({ repeat: true, words: ['大', '中', '小'] }));
    expect(p.header).toEqual({ top: 6, bottom: 7 });
    expect(p.hierarchy).toBe('code');
    expect(p.columns.slice(0, 2).map((c) => [c.column, c.field])).toEqual([['A:C', 'wbsCode'], ['D', 'name']]);
    expect(p.columns.find((c) => c.label === '副担当')!.field).toBeNull();
    expect(shape(p.rows)).toEqual(WANT);
    // A phase and a group are summaries: no dates of their own.
    expect(p.rows.find((r) => r.name === '設計G1')!.values?.plannedStart).toBeUndefined();
  });

  it.each<[string, Layout, string]>([
    ['each number written once (— | 1 | — under the phase’s 1)', { repeat: false, words: ['大', '中', '小'] }, 'A:C'],
    ['English level words beside a row number, one header row', { repeat: true, words: ['L1', 'L2', 'L3'], rowNumber: true, headerRows: 1 }, 'B:D'],
    ['four levels, the deepest not used yet (Lv1 alone reads as a level word)', { repeat: true, words: ['Lv1', 'Lv2', 'Lv3', 'Lv4'] }, 'A:D'],
    ['columns headed only by numbers', { repeat: false, words: ['1', '2', '3'], headerRows: 1 }, 'A:C'],
  ])('%s', async (_, layout, column) => {
    const { preview: p } = await preview(await plan(layout));
    expect(shape(p.rows)).toEqual(WANT);
    expect(p.hierarchy).toBe('code');
    expect(p.columns.find((c) => c.field === 'wbsCode')!.column).toBe(column);
  });

  it('number columns that number no outline (a row number and a 1–3 rank) stay the client’s columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['No.', '重要度', 'タスク名', '担当者', '開始日', '終了日']);
    [[1, 2], [2, null], [3, 1], [4, 3], [5, null], [6, 2]].forEach(([no, rank], i) => ws.addRow([no, rank, `作業${i + 1}`, '山田', d('2025-05-01'), d('2025-05-02')]));
    const { preview: p } = await preview(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(p.columns.filter((c) => c.span > 1)).toEqual([]);
    expect(p.rows.every((r) => r.level === 0)).toBe(true);
  });
});

describe('the export writes the numbers as the tree now is', () => {
  async function imported(layout: Layout) {
    const dataBase64 = await plan(layout);
    const { projectId, preview: p } = await preview(dataBase64);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `J4 ${Math.random()}` } });
    return { projectId, profileId: profileId!, dataBase64 };
  }
  /** Sheet rows from row 8 (the first record) down: the numbers of the `n` level columns as written, and the name. */
  const table = (out: string, n: number) =>
    readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 7).map((r) => {
      const at = (c: number) => r.cells.find((x) => x.c === c)?.v ?? '';
      return [...Array.from({ length: n }, (_, k) => at(k)), at(n)].join('|');
    });

  it('a no-edit export writes the numbers as they were and reads back unchanged', async () => {
    const { projectId, profileId, dataBase64 } = await imported({ repeat: true, words: ['大', '中', '小'] });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64;
    expect(table(out, 3)).toEqual(table(dataBase64, 3));
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('an indented group, a moved task and a new one take the numbers of their place; a re-import reads the same tree', async () => {
    const { projectId, profileId } = await imported({ repeat: true, words: ['Lv1', 'Lv2', 'Lv3', 'Lv4'] });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    await call('wbs.indent', { ids: [id('要件定義G2')] });
    await call('wbs.move', { ids: [id('設計1-2')], direction: 'up' });
    await call('wbs.create', { projectId, afterId: id('開発2-1'), values: { name: '開発2-新' } });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64;
    expect(table(out, 4)).toEqual([
      '1||||要件定義', '1|1|||要件定義G1', '1|1|1||要件定義1-1',
      '1|1|2||要件定義G2', '1|1|2|1|要件定義2-1', '1|1|2|2|要件定義2-2',
      // The client's numbers are kept while they still fit (one rule for every code column: clientNumbering).
      '2||||設計', '2|1|||設計G1', '2|1|2||設計1-2', '2|1|3||設計1-1', '2|2|||設計G2', '2|2|1||設計2-1', '2|2|2||設計2-2',
      '3||||開発', '3|1|||開発G1', '3|1|1||開発1-1', '3|1|2||開発1-2', '3|2|||開発G2', '3|2|1||開発2-1', '3|2|2||開発2-新',
    ]);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out, profileId });
    const now = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(shape(back.rows)).toEqual(now.map((t) => `${t.level}:${t.name}`));
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('a client writing each number once gets the new numbers the same way; a task nested deeper than the columns is named', async () => {
    const { projectId, profileId } = await imported({ repeat: false, words: ['大', '中', '小'] });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    await call('wbs.indent', { ids: [id('要件定義G2')] });
    const exported = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(table(exported.dataBase64, 3).slice(0, 7)).toEqual(['1|||要件定義', '|1||要件定義G1', '||1|要件定義1-1', '||2|要件定義G2', '||3|要件定義2-1', '||4|要件定義2-2', '2|||設計']);
    expect(exported.tooDeep?.map((t) => t.name)).toEqual(['要件定義2-1', '要件定義2-2']);
  });
});
