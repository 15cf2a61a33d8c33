// A risk sheet rating 発生可能性 and 影響度 by a mark (〇) in one of three columns under each, headed
// 大 | 中 | 小 (blind G4). Read as a mark, every 〇 was the rating 3, whatever column it stood in; an
// edited rating was not written back at all, and the re-import showed the old 3 again. The 〇 under 大 is
// the top of the scale (5), under 中 the middle (3), under 小 the bottom (1), as those words read in a
// rating column of their own; an edited rating moves the 〇, and one no column stands for is named.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();

async function stamped(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('リスク管理表');
  ws.addRow(['No', 'リスク', '発生可能性', null, null, '影響度', null, null, '担当']);
  ws.addRow([null, null, '大', '中', '小', '大', '中', '小', null]);
  ws.addRow([1, '要員不足', '〇', null, null, null, null, '〇', '山田']);
  ws.addRow([2, '仕様変更', null, '〇', null, '〇', null, null, '佐藤']);
  ws.addRow([3, '納期遅延', null, null, '〇', null, '〇', null, '鈴木']);
  for (const r of ['A1:A2', 'B1:B2', 'C1:E1', 'F1:H1', 'I1:I2']) ws.mergeCells(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rows 3… as the exported sheet shows columns C:H ('' where empty). */
const marks = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 2).map((r) => [2, 3, 4, 5, 6, 7].map((c) => String(r.cells.find((x) => x.c === c)?.v ?? '')).join('|'));

describe('a rating marked in 大/中/小 columns', () => {
  it('reads the column of the mark, and an edit moves the mark', async () => {
    const bytes = await stamped();
    const { id: projectId } = await call('project.create', { name: 'G4' });
    const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.columns.filter((m) => m.field === 'probability' || m.field === 'impact').map((m) => [m.field, m.column, m.span])).toEqual([
      ['probability', 'C:E', 3],
      ['impact', 'F:H', 3],
    ]);
    expect(preview.problems.filter((p) => p.field === 'probability' || p.field === 'impact')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'G4' } });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
      ['要員不足', 5, 1],
      ['仕様変更', 3, 5],
      ['納期遅延', 1, 3],
    ]);

    // No edit: every mark where it was.
    const same = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    expect(marks(same.dataBase64)).toEqual(['〇|||||〇', '|〇||〇||', '||〇||〇|']);

    // 要員不足 now 1 / 3: both marks move. 仕様変更's probability 4: no column stands for it: named, marks kept.
    const byTitle = (t: string) => risks.find((r) => r.title === t)!.id;
    await call('risk.update', { id: byTitle('要員不足'), patch: { probability: 1, impact: 3 } });
    await call('risk.update', { id: byTitle('仕様変更'), patch: { probability: 4 } });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    expect(marks(out.dataBase64)).toEqual(['||〇||〇|', '|〇||〇||', '||〇||〇|']);
    expect(out.noClientWord).toEqual([expect.objectContaining({ field: 'probability', value: '4', cell: 'C4' })]);
    const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => [r.name, r.changes])).toEqual([['仕様変更', [{ field: 'probability', before: 4, after: 3 }]]]);
  });
});
