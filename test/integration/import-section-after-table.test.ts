// Minutes (議事録) whose action items (宿題事項) are a table of two rows, then a blank row and the next
// section: 次回予定 alone in the No column, the next meeting's date line under 宿題内容, 以上 at the foot.
// The table ends at the blank row before the section's heading: two action items, and an export with no
// edit writes nothing into the blank row and moves nothing (blind set 3, H3: three records — the date line
// one of them, 次回予定 left out as a template row — and the export filled row 7 with 3 | the date line |
// 未着手, pushing 次回予定 and 以上 down).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const DATE_LINE = '2025年7月17日(木) 14:00～ 同会議室';

async function minutes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('議事録');
  s.getCell('A1').value = '議事録';
  s.getCell('A3').value = '宿題事項';
  s.getRow(4).values = ['No', '宿題内容', '担当', '期限', '状況'];
  s.getRow(5).values = [1, '遅延原因の報告', '山田', '7/17', '対応中'];
  s.getRow(6).values = [2, '手順書の提出', '佐藤', '7/25', '未着手'];
  s.getCell('A8').value = '次回予定';
  s.getCell('B9').value = DATE_LINE;
  s.getCell('E11').value = '以上';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function cells(data: Buffer): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const out: Record<string, unknown> = {};
  wb.getWorksheet('議事録')!.eachRow((row) => row.eachCell((cell) => void (out[cell.address] = cell.value)));
  return out;
}

describe('a section under a table, after a blank row', () => {
  it.each(['issue', 'wbs'] as const)('ends the %s table: the two action items only', async (register) => {
    const { id: projectId } = await call('project.create', { name: `minutes ${register}` });
    const p = await call('excel.previewImport', { projectId, register, fileName: 'minutes.xlsx', dataBase64: (await minutes()).toString('base64') });
    expect(p.header).toEqual({ top: 4, bottom: 4 });
    expect(p.data).toMatchObject({ first: 5, last: 6, end: 'blank rows', endRow: 7 });
    expect(p.rows.map((r) => r.name)).toEqual(['遅延原因の報告', '手順書の提出']);
    expect(p.leftOut).toEqual([]);
  });

  it('an export with no edit changes no cell', async () => {
    const before = await minutes();
    const { id: projectId } = await call('project.create', { name: 'minutes' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'minutes.xlsx', dataBase64: before.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'minutes' } });
    expect((await call('issue.list', { projectId })).map((i) => i.title)).toEqual(['遅延原因の報告', '手順書の提出']);
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    const after = await cells(Buffer.from(out.dataBase64, 'base64'));
    expect(after).toEqual(await cells(before));
    expect(after.B9).toBe(DATE_LINE);
    expect(after.A7).toBeUndefined();
  });
});
