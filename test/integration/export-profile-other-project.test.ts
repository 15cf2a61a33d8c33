// A client's profile used to export a second project of that client (profiles are workspace-wide). A row
// the first import left out for a problem (I-003, a mistyped date) is the client's row only in the
// first project: the second project's own I-003 is written in its place, and nothing of the first
// project's rows is.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const rowsOf = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.map((r) => r.cells.map((c) => (c.v === null || c.v === undefined ? '' : String(c.v))).slice(0, 2).join(' | '));

describe('a profile used for another project', () => {
  it('writes that project’s row where the first import left a record out, and no row of the first project', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRow(['課題番号', '課題', '担当', '期限']);
    ws.addRow(['I-001', 'A社 ログイン不可', '山田', new Date('2025-05-10')]);
    ws.addRow(['I-002', 'A社 帳票ずれ', '佐藤', new Date('2025-05-12')]);
    ws.addRow(['I-003', 'A社 性能劣化', '鈴木', '2025/13/40']);
    ws.addRow(['I-004', 'A社 権限誤り', '鈴木', new Date('2025-05-20')]);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: a } = await call('project.create', { name: 'A' });
    const preview = await call('excel.previewImport', { projectId: a, register: 'issue', fileName: 'issues.xlsx', dataBase64 });
    expect(preview.problems.map((p) => p.cell)).toEqual(['D4']);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'client' } });

    const { id: b } = await call('project.create', { name: 'B' });
    for (const title of ['B 要件漏れ', 'B 環境遅延', 'B 予算超過', 'B 人員不足']) await call('issue.create', { projectId: b, values: { title } });
    expect((await call('issue.list', { projectId: b })).map((x) => x.ref)).toEqual(['I-001', 'I-002', 'I-003', 'I-004']);
    const out = await call('excel.export', { projectId: b, register: 'issue', profileId: profileId! });
    expect(rowsOf(out.dataBase64)).toEqual(['課題番号 | 課題', 'I-001 | B 要件漏れ', 'I-002 | B 環境遅延', 'I-003 | B 予算超過', 'I-004 | B 人員不足']);

    // In the project it was left out of, the record is still the client's row, written as it was.
    const same = await call('excel.export', { projectId: a, register: 'issue', profileId: profileId! });
    expect(rowsOf(same.dataBase64)).toEqual(['課題番号 | 課題', 'I-001 | A社 ログイン不可', 'I-002 | A社 帳票ずれ', 'I-003 | A社 性能劣化', 'I-004 | A社 権限誤り']);
  });
});
