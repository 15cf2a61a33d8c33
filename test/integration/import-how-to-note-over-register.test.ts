// the register's own sheet with a pointer to the instructions right above its header
// (※記入方法は「記入例」シートを参照) is not a sheet of instructions: it must not lose, silently, to another
// table of the same header (完了課題: the closed issues moved to a sheet of their own).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const HEADER = ['No', '課題', '担当者', '期限', '状況'];

async function workbook(note: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('課題管理表');
  s.getCell('A1').value = '課題管理表';
  s.getCell('A2').value = note;
  s.getRow(3).values = HEADER;
  s.getRow(4).values = [1, 'ログイン不可', '山田', new Date('2025-07-17T00:00:00Z'), '対応中'];
  s.getRow(5).values = [2, '帳票ずれ', '佐藤', new Date('2025-07-25T00:00:00Z'), '未着手'];
  s.getRow(6).values = [3, '性能劣化', '鈴木', new Date('2025-08-01T00:00:00Z'), '対応中'];
  const done = wb.addWorksheet('完了課題');
  done.getRow(1).values = HEADER;
  done.getRow(2).values = [1, '初期設定漏れ', '田中', new Date('2025-06-01T00:00:00Z'), '完了'];
  done.getRow(3).values = [2, '権限不足', '高橋', new Date('2025-06-10T00:00:00Z'), '完了'];
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a note pointing at the instructions over the register header', () => {
  it.each(['※記入方法は「記入例」シートを参照してください', '※入力方法は別紙参照', 'See the Instructions sheet'])('keeps the register sheet first (or asks): %s', async (note) => {
    const { id: projectId } = await call('project.create', { name: note });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: await workbook(note) });
    if (!p.detection?.ask) expect(p.sheet).toBe('課題管理表');
  });
});
