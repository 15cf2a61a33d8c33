// A record whose title cell the client left empty (a sub-line of the 作業 above, a risk noted only by its
// cause) is still a record, and reading the same workbook again must change nothing: before, a row with
// no title matched no stored row (rows are matched by title where there is no ID column), so every
// re-import read it as new and its stored row as missing, the profile linked no template row to it, and
// even an export with no edit wrote it a second time below the table (corpus status-jp-takuito, 0/20
// round trips). Rows with no title now pair up in order with the stored rows that have none.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Layout {
  target: ImportTarget;
  header: string[];
  /** Each record's cells by 0-based column; the title column (the first) left out on some. */
  rows: (string | number | Date | null)[][];
}

const LAYOUTS: Record<string, Layout> = {
  '作業 | 内容 | 開始 | 終了 (issues, ja)': {
    target: 'issue',
    header: ['課題', '内容', '起票日', '期限', '状況'],
    rows: [
      ['削除処理', '削除後に一覧を更新する', d('2025-01-06'), d('2025-01-07'), '完了'],
      [null, '削除結果を画面に反映する', d('2025-01-08'), d('2025-01-10'), '対応中'],
      ['認証処理', 'ライブラリの調査', d('2025-01-15'), d('2025-02-05'), '対応中'],
      [null, 'ライブラリを用いた実装', d('2025-01-20'), d('2025-02-14'), '未着手'],
      [null, '実機でのテスト', d('2025-02-10'), d('2025-02-20'), '未着手'],
      ['資料作成', 'プレゼン資料', d('2025-02-17'), d('2025-02-21'), '未着手'],
    ],
  },
  'Risk | Cause | Owner (risks, en)': {
    target: 'risk',
    header: ['Risk', 'Cause', 'Owner', 'Identified', 'Status'],
    rows: [
      ['Vendor delay', 'Single supplier', 'Ito', d('2025-04-01'), 'Open'],
      [null, 'Customs hold at the port', 'Ito', d('2025-04-03'), 'Open'],
      ['Key staff leave', 'Overtime in March', 'Sato', d('2025-04-05'), 'Open'],
      [null, 'No backup for the DBA', 'Sato', d('2025-04-07'), 'Closed'],
      ['Scope creep', 'Unclear acceptance', 'Mori', d('2025-04-09'), 'Open'],
    ],
  },
};

async function book(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧');
  ws.getCell('A1').value = l.target === 'risk' ? 'Risk register' : '課題管理表';
  l.header.forEach((h, c) => (ws.getCell(3, c + 1).value = h));
  l.rows.forEach((cells, i) =>
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(4 + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy/mm/dd';
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('records with an empty title', () => {
  for (const [name, l] of Object.entries(LAYOUTS)) {
    it(`${name}: are stored, and the same workbook read again changes nothing`, async () => {
      const bytes = await book(l);
      const { projectId, profileId, preview } = await importWithProfile(call, bytes, name, l.target);
      expect(preview.rows.filter((r) => !r.skipped)).toHaveLength(l.rows.length);
      for (const again of [
        await call('excel.previewImport', { projectId, register: l.target, fileName: 'same.xlsx', dataBase64: bytes.toString('base64') }),
        await call('excel.previewImport', { projectId, register: l.target, fileName: 'same.xlsx', dataBase64: bytes.toString('base64'), profileId }),
      ]) {
        expect(again.rows.map((r) => r.status)).toEqual(l.rows.map(() => 'unchanged'));
        expect(again.missing).toEqual([]);
      }
      // An export with no edit is the workbook as it was: nothing written a second time below the table.
      const out = Buffer.from((await call('excel.export', { projectId, register: l.target, profileId })).dataBase64, 'base64');
      const back = await call('excel.previewImport', { projectId, register: l.target, fileName: 'back.xlsx', dataBase64: out.toString('base64'), profileId });
      expect(back.rows.map((r) => [r.row, r.status])).toEqual(l.rows.map((_, i) => [4 + i, 'unchanged']));
    });

    it(`${name}: every random edit script comes back as stored`, async () => {
      const o = await roundTrip(call, `empty-title-${l.target}.xlsx`, await book(l), l.target, { scripts: 8, seed: 19 });
      expect(o.skipped).toBe('');
      expect(failuresOf(o)).toEqual([]);
    }, 300_000);
  }
});
