// a register grouped by a label alone in its No column (【フェーズ2】), the groups apart by a
// blank row. The label is no record, and the records under it are the table's (c1c71dd ended the table
// at the blank row: the second group's records were never read).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function register(label: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('課題一覧');
  s.getRow(1).values = ['No', '課題', '担当', '期限', '状況'];
  s.getRow(2).values = ['【フェーズ1】'];
  s.getRow(3).values = [1, 'ログイン不可', '山田', '7/17', '対応中'];
  s.getRow(4).values = [2, '帳票ずれ', '佐藤', '7/25', '未着手'];
  s.getRow(6).values = [label];
  s.getRow(7).values = [3, '性能劣化', '鈴木', '8/1', '未着手'];
  s.getRow(8).values = [4, '印刷不可', '田中', '8/5', '完了'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a register grouped by labels in the No column, a blank row between groups', () => {
  it.each(['【フェーズ2】', '結合テスト', 'Phase 2'])('reads every group\'s records (%s)', async (label) => {
    const { id: projectId } = await call('project.create', { name: 'grouped' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: (await register(label)).toString('base64') });
    expect(p.rows.map((r) => r.name)).toEqual(['ログイン不可', '帳票ずれ', '性能劣化', '印刷不可']);
  });
});

describe('a heading in the No column over a line of several cells (次回予定: date, time, room)', () => {
  it('still ends the numbered table at the blank row', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('議事録');
    s.getCell('A3').value = '宿題事項';
    s.getRow(4).values = ['No', '宿題内容', '担当', '期限', '状況'];
    s.getRow(5).values = [1, '遅延原因の報告', '山田', '7/17', '対応中'];
    s.getRow(6).values = [2, '手順書の提出', '佐藤', '7/25', '未着手'];
    s.getCell('A8').value = '次回予定';
    s.getRow(9).values = [undefined, '2025年7月17日(木)', '14:00～', '第2会議室'];
    const { id: projectId } = await call('project.create', { name: 'minutes' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'minutes.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.rows.map((r) => r.name)).toEqual(['遅延原因の報告', '手順書の提出']);
  });
});
