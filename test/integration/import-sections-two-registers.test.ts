// A 課題・リスク管理表 sheet keeping two registers in ■ sections under the same header (■課題, its rows, two
// blank rows, ■リスク and the header again, its rows): each section is its own register's table. An issue
// import reads the ■課題 rows only and a risk import the ■リスク rows only, without asking, and an issue
// added on export goes into the ■課題 section (review R4: the ■リスク rows were imported as issues, silently;
// a ■ title over the header again continued the table, as ■未完了 / ■完了 of one register rightly do).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const HEADER = ['No', '内容', '担当', '期限', '状況'];

async function sheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題・リスク管理表');
  ws.addRow(['■課題']);
  ws.addRow(HEADER);
  ws.addRow([1, 'ログイン画面でエラー', '山田', new Date('2025-05-10T00:00:00Z'), '対応中']);
  ws.addRow([2, '帳票のレイアウト崩れ', '佐藤', new Date('2025-05-20T00:00:00Z'), '未着手']);
  ws.addRow([3, '検索が遅い', '鈴木', new Date('2025-05-30T00:00:00Z'), '完了']);
  ws.addRow([]);
  ws.addRow([]);
  ws.addRow(['■リスク']);
  ws.addRow(HEADER);
  ws.addRow([4, 'ベンダーの要員不足', '山田', new Date('2025-06-10T00:00:00Z'), '監視中']);
  ws.addRow([5, '仕様変更の多発', '佐藤', new Date('2025-06-20T00:00:00Z'), '監視中']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('two registers in ■ sections under one header', () => {
  it.each([
    ['issue', { top: 2, bottom: 2 }, { first: 3, last: 5 }, ['ログイン画面でエラー', '帳票のレイアウト崩れ', '検索が遅い']],
    ['risk', { top: 9, bottom: 9 }, { first: 10, last: 11 }, ['ベンダーの要員不足', '仕様変更の多発']],
  ] as const)('%s: the import reads its own section only, without asking', async (register, header, data, titles) => {
    const { id: projectId } = await call('project.create', { name: register });
    const p = await call('excel.previewImport', { projectId, register, fileName: 'kanri.xlsx', dataBase64: (await sheet()).toString('base64') });
    expect(p.header).toEqual(header);
    expect(p.data).toMatchObject(data);
    expect(p.rows.map((r) => r.name)).toEqual(titles);
    expect(p.detection?.ask ?? null).toBeNull();
  });

  it('an issue added on export goes into the ■課題 section; the ■リスク section is moved down whole', async () => {
    const { id: projectId } = await call('project.create', { name: 'export' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kanri.xlsx', dataBase64: (await sheet()).toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'kanri' } });
    await call('issue.create', { projectId, values: { title: '権限設定漏れ', owner: '田中' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const ws = wb.getWorksheet('課題・リスク管理表')!;
    const col = (c: string) => Array.from({ length: 13 }, (_, i) => ws.getCell(`${c}${i + 1}`).value ?? null);
    expect(col('B')).toEqual([null, '内容', 'ログイン画面でエラー', '帳票のレイアウト崩れ', '検索が遅い', '権限設定漏れ', null, null, null, '内容', 'ベンダーの要員不足', '仕様変更の多発', null]);
    expect(col('A')[8]).toBe('■リスク');
  });
});
