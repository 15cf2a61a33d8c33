// The dialog asks about a column its cells fit a field of (blind set 13, I1), and the user's answer by the
// preview's id is taken: the field chosen is read from every row, or the column kept says so and asks no more.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

/** A defect list whose 欄P column holds the mechanics who handled each defect (no field's word). */
async function defects(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('不具合').addRows([
    ['不具合管理表'],
    [],
    ['管理番号', '発見日', '不具合内容', '欄P', '重要度', '状態'],
    ['D-1', new Date(Date.UTC(2025, 3, 2)), '油圧系統の漏れ', '整備士 村上', '大', '処置中'],
    ['D-2', new Date(Date.UTC(2025, 3, 5)), '客室灯の不点灯', '整備士 菅', '小', 'クローズ'],
    ['D-3', new Date(Date.UTC(2025, 3, 9)), 'APU 始動不良', '整備士 田辺', '中', '処置中'],
    ['D-4', new Date(Date.UTC(2025, 3, 12)), 'ドアシールの劣化', '整備士 村上', '小', 'クローズ'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a column of people no header word names', () => {
  it('is asked about with the free person fields; the field chosen by previewId is read, and the question is answered', async () => {
    const { id: projectId } = await call('project.create', { name: 'column ask' });
    const dataBase64 = await defects();
    const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'defects.xlsx', dataBase64 });
    expect(p.columns.find((c) => c.column === 'D')).toMatchObject({ field: null, confidence: 0 });
    expect(p.detection?.ask).toBe('columns');
    expect(p.detection?.why).toContainEqual({ code: 'columnFits', column: 'D', label: '欄P', fields: ['foundBy', 'owner'] });
    expect(p.columnChoices).toContainEqual({ column: 'D', fields: ['foundBy', 'owner'] });
    const columns = p.columns.map((c) => ({ column: c.column, field: c.column === 'D' ? 'owner' : c.field }));
    const answered = await call('excel.previewImport', { projectId, register: 'defect', previewId: p.previewId, mapping: { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom, columns } });
    expect(answered.detection?.ask ?? null).toBeNull();
    expect(answered.rows.map((r) => r.values?.owner)).toEqual(['整備士 村上', '整備士 菅', '整備士 田辺', '整備士 村上']);
    // Kept as the client's own: the same columns sent back, the question is answered all the same.
    const again = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'defects.xlsx', dataBase64 });
    expect(again.detection?.ask).toBe('columns');
    const kept = await call('excel.previewImport', { projectId, register: 'defect', previewId: again.previewId, mapping: { sheet: again.sheet, headerTop: again.header.top, headerBottom: again.header.bottom, columns: again.columns.map((c) => ({ column: c.column, field: c.field })), answered: ['D'] } });
    expect(kept.detection?.ask ?? null).toBeNull();
    expect(kept.columns.find((c) => c.column === 'D')?.field).toBeNull();
  });
});

// Answering one column's question by the preview's id left the dialog with no question at all: the other
// columns asked about were kept as the client's own, nothing said (session 23).
describe('two columns asked about', () => {
  /** A defect list whose 欄P holds the mechanics and 欄Q the days each was repaired, neither named. */
  async function twoAsked(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('不具合').addRows([
      ['不具合管理表'],
      [],
      ['管理番号', '発見日', '不具合内容', '欄P', '重要度', '状態', '欄Q'],
      ...[1, 2, 3, 4].map((i) => [`D-${i}`, new Date(Date.UTC(2025, 3, i)), `不具合その${i}`, ['整備士 村上', '整備士 菅', '整備士 田辺'][i % 3], '中', '処置中', new Date(Date.UTC(2025, 4, 10 + i))]),
    ]);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('answering one by previewId keeps the other asked; answering that one too ends the question', async () => {
    const { id: projectId } = await call('project.create', { name: 'two asked' });
    const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'defects.xlsx', dataBase64: await twoAsked() });
    const asked = (q: typeof p) => (q.detection?.why ?? []).flatMap((w) => (w.code === 'columnFits' ? [w.column] : []));
    expect(asked(p)).toEqual(['D', 'G']);
    const layout = { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom };
    const first = await call('excel.previewImport', { projectId, register: 'defect', previewId: p.previewId, mapping: { ...layout, columns: p.columns.map((c) => ({ column: c.column, field: c.column === 'D' ? 'owner' : c.field })), answered: ['D'] } });
    expect(first.columns.find((c) => c.column === 'D')?.field).toBe('owner');
    expect(first.detection?.ask).toBe('columns');
    expect(asked(first)).toEqual(['G']);
    // A field chosen answers the column whether or not the dialog says so; kept as it is, by saying so.
    const second = await call('excel.previewImport', { projectId, register: 'defect', previewId: first.previewId, mapping: { ...layout, columns: first.columns.map((c) => ({ column: c.column, field: c.field })), answered: ['G'] } });
    expect(second.detection?.ask ?? null).toBeNull();
    expect(second.columns.find((c) => c.column === 'D')?.field).toBe('owner');
    expect(second.columns.find((c) => c.column === 'G')?.field).toBeNull();
  });
});

// (Blind set 13, I7: a person's choices for the sheet columns of one joined column were ignored silently.)
describe('choices for the columns of one merged column', () => {
  it('are refused by previewId, naming the columns, in the user’s words; one field for the merged column is taken', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRows([['No.', '件名', null, null, '担当', '状況'], ...[1, 2, 3].map((i) => [i, `課題${i}`, null, null, '佐藤', '対応中'])]);
    ws.mergeCells('B1:D1');
    for (const r of [2, 3, 4]) ws.mergeCells(`B${r}:D${r}`);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'joined' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'joined.xlsx', dataBase64 });
    expect(p.columns.find((c) => c.column === 'B:D')?.field).toBe('title');
    const split = { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom, columns: [{ column: 'B', field: 'title' }, { column: 'C', field: 'detail' }] };
    await expect(call('excel.previewImport', { projectId, register: 'issue', previewId: p.previewId, mapping: split })).rejects.toMatchObject({
      code: 'VALIDATION',
      text: { key: 'import.joinedColumns', params: { columns: 'B, C', column: 'B:D' } },
    });
    // The preview is still there: one field for B:D (and the others as they were) is taken.
    const one = { ...split, columns: p.columns.map((c) => ({ column: c.column, field: c.column === 'B:D' ? 'detail' : c.column === 'A' ? 'title' : c.field })) };
    const taken = await call('excel.previewImport', { projectId, register: 'issue', previewId: p.previewId, mapping: one });
    expect(taken.columns.find((c) => c.column === 'B:D')?.field).toBe('detail');
  });
});
