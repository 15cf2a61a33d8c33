// A record written into a client's layout that has no cell for the register's key field (its title, a
// task's name) comes back without it: blind set 10 R2, a title mapped to the head 指摘 merged over 件数 |
// 密度 | 基準値 — columns whose rows hold numbers, so nothing can be written there — wrote new and renamed
// records without a title and said nothing. The export now names each such record and the field, in
// the answer (and the export dialog shows it); records whose key reads back as stored are not named.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();

interface Layout {
  target: ImportTarget;
  /** Header cells by column letter; `merge` heads a group of columns. */
  header: Record<string, string>;
  merge: string;
  rows: (string | number)[][];
  /** The mapping the user gave (the key on the merged head). */
  columns: { column: string; field: string | null }[];
  keyHead: string;
}

const LAYOUTS: Record<string, Layout> = {
  '品質管理表、指摘 over 件数 | 密度 | 基準値 (ja issues)': {
    target: 'issue',
    header: { A: '工程', B: '規模', C: '状況', D: '担当', E: '期限', F: '指摘' },
    merge: 'F3:H3',
    rows: [
      ['基本設計', 120, '完了', '山田', '2025/04/10', 12, 0.1, 0.2],
      ['詳細設計', 200, '対応中', '佐藤', '2025/05/20', 30, 0.15, 0.2],
      ['製造', 800, '未着手', '鈴木', '2025/07/31', 50, 0.06, 0.1],
    ],
    columns: [
      { column: 'A', field: null },
      { column: 'B', field: null },
      { column: 'C', field: 'status' },
      { column: 'D', field: 'owner' },
      { column: 'E', field: 'due' },
      { column: 'F:H', field: 'title' },
    ],
    keyHead: '指摘',
  },
  'defect metrics, Findings over Count | Density | Target (en risks)': {
    target: 'risk',
    header: { A: 'Phase', B: 'Owner', C: 'Status', D: 'Findings' },
    merge: 'D3:F3',
    rows: [
      ['Design', 'Ito', 'Open', 4, 0.2, 0.3],
      ['Build', 'Sato', 'Open', 9, 0.4, 0.3],
      ['Test', 'Mori', 'Closed', 2, 0.1, 0.3],
    ],
    columns: [
      { column: 'A', field: null },
      { column: 'B', field: 'owner' },
      { column: 'C', field: 'status' },
      { column: 'D:F', field: 'title' },
    ],
    keyHead: 'Findings',
  },
};

async function book(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = 'Quality';
  for (const [col, text] of Object.entries(l.header)) ws.getCell(`${col}3`).value = text;
  ws.mergeCells(l.merge);
  l.rows.forEach((cells, i) => cells.forEach((v, c) => (ws.getCell(4 + i, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a record whose key field has no cell in the layout', () => {
  for (const [name, l] of Object.entries(LAYOUTS))
    it(`${name}: new and renamed records are named with the field, the others are not`, async () => {
      const bytes = await book(l);
      const { id: projectId } = await call('project.create', { name });
      const mapping = { headerTop: 3, headerBottom: 3, columns: l.columns };
      const preview = await call('excel.previewImport', { projectId, register: l.target, fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64'), mapping });
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
      const list = (await call(`${l.target}.list` as 'risk.list', { projectId })) as unknown as { id: number; title: string }[];
      expect(list).toHaveLength(l.rows.length);

      // No edit: every key reads back as stored, nothing to name.
      const same = await call('excel.export', { projectId, register: l.target, profileId: profileId! });
      expect(same.noKeyCell).toBeUndefined();

      await call(`${l.target}.update` as 'risk.update', { id: list[1]!.id, patch: { title: 'renamed one' } } as never);
      await call(`${l.target}.create` as 'risk.create', { projectId, values: { title: 'a new one' } } as never);
      const out = await call('excel.export', { projectId, register: l.target, profileId: profileId! });
      expect(out.noKeyCell?.map((n) => [n.value, n.field, n.header])).toEqual([
        ['renamed one', 'title', l.keyHead],
        ['a new one', 'title', l.keyHead],
      ]);
      // Each named by the key's cell on the record's row of the file written.
      expect(out.noKeyCell!.map((n) => n.cell)).toEqual([`${l.merge[0]}5`, `${l.merge[0]}7`]);
    }, 120_000);
});
