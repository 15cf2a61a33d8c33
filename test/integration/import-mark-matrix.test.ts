// Review S5 (after 872f2d7, a text field's group over mark columns): the usual Japanese ○/× matrix, ○ where
// the change has that impact and × where it has not. × is a mark of its own (✓/× person grids), so
// ○ | × | × read as all three impacts; in a group that also writes ○, × is the client's "no", and the
// export writes it back where an item does not apply.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { henkoRegister, previewInNewProject } from '../fixtures/excel/change-register.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const preview = (wb: ExcelJS.Workbook, register?: 'change' | 'risk' | 'issue' | 'wbs') => previewInNewProject(call, wb, register);

function maru(): ExcelJS.Workbook {
  return henkoRegister([
    [1, d('2025-04-01'), '営業部 佐藤', '帳票レイアウト変更', '法改正対応', '○', '○', '×', 350, '承認済', d('2025-04-08'), '完了'],
    [2, d('2025-04-03'), '経理部 田中', '締め処理の追加', '業務変更', '○', '×', '×', 1200, '承認済', d('2025-04-10'), '対応中'],
    [3, d('2025-04-10'), '営業部 佐藤', '画面項目追加', '要望', '×', '○', '○', 80, '検討中', null, '未着手'],
    [4, d('2025-04-15'), '情シス 鈴木', 'バッチ時刻変更', '運用改善', '×', '×', '○', 0, '差戻し', d('2025-04-20'), '未着手'],
  ]);
}

describe('影響範囲 over コスト | 納期 | 品質 marked ○ / ×', () => {
  it('reads only the ○ columns', async () => {
    const p = await preview(await maru());
    expect(p.rows.map((r) => r.values?.impactScope)).toEqual(['コスト、納期', 'コスト', '納期、品質', '品質']);
  });

  it('a no-edit export reads back unchanged; a changed scope moves the ○ and writes × where it no longer applies', async () => {
    const dataBase64 = Buffer.from(await (await maru()).xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: `M${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `S5 ${Math.random()}` } });
    const same = (await call('excel.export', { projectId, register: 'change', profileId: profileId! })).dataBase64;
    const back = await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64: same, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    const third = (await call('change.list', { projectId })).find((c) => c.title === '画面項目追加')!;
    await call('change.update', { id: third.id, patch: { impactScope: 'コスト' } });
    const out = (await call('excel.export', { projectId, register: 'change', profileId: profileId! })).dataBase64;
    const row = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!.rows.find((r) => r.r === 6)!;
    expect([5, 6, 7].map((c) => row.cells.find((x) => x.c === c)?.v ?? '')).toEqual(['○', '×', '×']);
  });
});
