// What the client keeps under its table — the next table's header, a legend, a sign-off line — stays
// under it in an export, and must never read back as a record, however few records are left above it.
// The rules that tell such rows by their shape compare them with the records (two or more); an export
// that deleted all but one record (corpus status-en-doordash, seed 23 #9: Risk | Mitigation Plan came
// back as a new record) or every record left them nothing to compare with. The profile now keeps the
// rows it saw under the table, and a read through it ends the table where it meets them again.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Value = string | number | Date | null;

interface Layout {
  target: ImportTarget;
  header: string[];
  records: Value[][];
  /** Rows under the table, each after `gap` blank rows (0: right under the one before). */
  below: { gap: number; cells: Value[] }[];
}

const LAYOUTS: Record<string, Layout> = {
  'status report, the next table under a blank row (en)': {
    target: 'issue',
    header: ['Task/Milestone', 'Target Date', 'Detail', 'Status'],
    records: [
      ['Dev Phase 1', d('2024-02-06'), 'Real time recommendation algorithm', 'Done'],
      ['Dev Phase 2', d('2024-03-05'), 'Like/Dislike feature, UI development', 'Done'],
      ['QA Phase 1', d('2024-04-23'), 'Manual testing of all Dev phases', 'On Hold'],
      ['Regression', d('2024-05-21'), 'Execute all test modules on UAT', 'TODO'],
    ],
    below: [
      { gap: 1, cells: ['Risk', 'Mitigation Plan', null, 'Approval Status'] },
      { gap: 0, cells: ['QA sign-off blocked', 'Conditional sign-off', null, 'Waiting Approval'] },
    ],
  },
  '課題管理表、二行空けて作成・承認欄 (ja)': {
    target: 'issue',
    header: ['課題', '内容', '起票日', '状況'],
    records: [
      ['帳票の遅延', '月次帳票の出力が遅い', d('2025-04-01'), '対応中'],
      ['権限設定', '参照権限の整理', d('2025-04-03'), '未着手'],
      ['移行手順', '手順書の見直し', d('2025-04-07'), '完了'],
    ],
    below: [
      { gap: 2, cells: ['作成', 'PMO 山田', null, null] },
      { gap: 0, cells: ['承認', '部長 佐藤', null, null] },
    ],
  },
  'risk register, a sign-off line (en)': {
    target: 'risk',
    header: ['Risk', 'Cause', 'Owner', 'Status'],
    records: [
      ['Vendor delay', 'Single supplier', 'Ito', 'Open'],
      ['Key staff leave', 'Overtime in March', 'Sato', 'Open'],
      ['Scope creep', 'Unclear acceptance', 'Mori', 'Closed'],
    ],
    below: [
      { gap: 2, cells: ['Reviewed by', 'PMO lead', null, null] },
      { gap: 0, cells: ['Approved by', 'Sponsor', null, null] },
    ],
  },
};

async function book(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = l.target === 'risk' ? 'Risk register' : 'Project status';
  const put = (r: number, cells: Value[]) =>
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy/mm/dd';
    });
  put(3, l.header);
  l.records.forEach((cells, i) => put(4 + i, cells));
  let r = 4 + l.records.length - 1;
  for (const b of l.below) put((r += b.gap + 1), b.cells);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const listOf = async (target: ImportTarget, projectId: number) => (await call(`${target}.list` as 'risk.list', { projectId })) as unknown as { id: number }[];

describe("the client's rows under a table never read back as records", () => {
  for (const [name, l] of Object.entries(LAYOUTS))
    for (const keep of [1, 0]) {
      it(`${name}: ${keep} record${keep === 1 ? '' : 's'} left`, async () => {
        const bytes = await book(l);
        const { projectId, profileId, preview } = await importWithProfile(call, bytes, `${name} ${keep}`, l.target);
        expect(preview.rows.filter((x) => !x.skipped)).toHaveLength(l.records.length);
        for (const row of (await listOf(l.target, projectId)).slice(keep)) await call(`${l.target}.delete` as 'risk.delete', { id: row.id });
        const out = Buffer.from((await call('excel.export', { projectId, register: l.target, profileId })).dataBase64, 'base64');
        const back = await call('excel.previewImport', { projectId, register: l.target, fileName: 'back.xlsx', dataBase64: out.toString('base64'), profileId });
        expect(back.rows.map((x) => x.status)).toEqual(Array.from({ length: keep }, () => 'unchanged'));
        expect(back.missing).toEqual([]);
        // The rows under the table are still there, as the client wrote them.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(out as unknown as ArrayBuffer);
        const texts = new Set<string>();
        wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.add(String(c.value))));
        for (const b of l.below) for (const v of b.cells) if (typeof v === 'string') expect(texts).toContain(v);
      }, 120_000);
    }
});
