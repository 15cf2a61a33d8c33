// A WBS numbered No 001, 002 … typed as text (zero-padded) is the form's numbering: a no-edit export keeps
// every cell as typed (it rewrote them 1, 2, 3 since digits typed as text count as the form's numbers,
// a876316; review R11), and an added task continues the client's form (006, not 6).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { numberLike } from '../../electron/core/excel/import/numbering.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const colA = (b64: string) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((c) => c.c === 0)?.v ?? null);

describe('a zero-padded text No column', () => {
  it('keeps 001 … through a no-edit export; an added task gets 006', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['No', 'タスク名', '開始日', '終了日', '担当']);
    ['要件定義', '基本設計', '詳細設計', '製造', 'テスト'].forEach((t, i) => ws.addRow([String(i + 1).padStart(3, '0'), t, d(`2025-04-0${i + 1}`), d(`2025-04-0${i + 2}`), '山田']));
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'pad' } });
    const same = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(colA(same.dataBase64)).toEqual(['001', '002', '003', '004', '005']);
    await call('wbs.create', { projectId, values: { name: '移行' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(colA(out.dataBase64)).toEqual(['001', '002', '003', '004', '005', '006']);
  });

  it('writes a number in the form of the cell it follows', () => {
    expect(numberLike({ c: 0, t: 's', v: '009' }, 10)).toEqual({ t: 's', v: '010' });
    expect(numberLike({ c: 0, t: 's', v: '０１' }, 2)).toEqual({ t: 's', v: '０２' });
    expect(numberLike({ c: 0, t: 's', v: '１' }, 12)).toEqual({ t: 's', v: '１２' });
    expect(numberLike({ c: 0, t: 'n', v: 7 }, 8)).toEqual({ t: 'n', v: 8 });
  });
});
