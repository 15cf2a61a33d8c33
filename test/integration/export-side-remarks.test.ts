// The client's remarks right of a register, past an empty column, on some of its records' rows (ask sec
// team, see minutes 4/3, 要確認): they are those records' and travel with them. A record deleted, or a
// text the client wrapped over several rows rewritten shorter (its wrapped rows go), moves the records
// below it up; the remarks stayed at their sheet rows and stood beside other records. A list there that
// is one run of rows (names a dropdown reads) is no record's and stays where it is.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { writeWrappedRecords } from '../helpers/wrapped-records.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Style {
  target: ImportTarget;
  header: string[];
  /** 0-based column of the text (wrapped by hand over the rows below where it has several lines). */
  text: number;
  records: { cells: Record<number, string | number | Date>; lines: string[]; remark?: string }[];
  /** 0-based first column of the remarks (one empty column between it and the table). */
  remarks: number;
  /** A list of names as one run of rows beside the table, two columns right of the remarks. */
  list?: string[];
}

const STYLES: Record<string, Style> = {
  'query log, remarks in G': {
    target: 'issue',
    header: ['Module', 'Query', 'Raised by', 'Date', 'Status'],
    text: 1,
    remarks: 6,
    records: [
      { cells: { 0: 'Login', 2: 'Fujita', 3: d('2025-04-01'), 4: 'Open' }, lines: ['If a returning user enters a wrong password three times', 'should the account be locked'], remark: 'ask sec team' },
      { cells: { 0: 'Report', 2: 'Ito', 3: d('2025-04-02'), 4: 'Open' }, lines: ['Is the page break of the monthly report fixed?'] },
      { cells: { 0: 'Checks', 2: 'Fujita', 3: d('2025-04-03'), 4: 'Closed' }, lines: ['Where do the data checks go: in the action definition', 'or in a separate sheet that', 'lists every field'], remark: 'see minutes 4/3' },
      { cells: { 0: 'Calendar', 2: 'Nakamura', 3: d('2025-04-04'), 4: 'Open' }, lines: ['Does the calendar open on today?'], remark: 'urgent' },
      { cells: { 0: 'Mail', 2: 'Ito', 3: d('2025-04-05'), 4: 'Open' }, lines: ['Are mails sent at night?'] },
    ],
    list: ['Fujita', 'Ito', 'Nakamura'],
  },
  // (Records of one row: a Japanese text goes on in the next row with no lower case to tell it.)
  'リスク管理表, 備考 in H': {
    target: 'risk',
    header: ['ID', '分類', '担当', 'リスク内容', '対策', '状態'],
    text: 3,
    remarks: 7,
    records: [
      { cells: { 0: 'R1', 1: '要員', 2: '佐藤', 4: '並行育成', 5: '対応中' }, lines: ['主要メンバーが第2リリース前に離任する可能性'], remark: '4/10 PMに確認' },
      { cells: { 0: 'R2', 1: '外部', 2: '森', 4: '代替先確保', 5: '対応中' }, lines: ['ベンダーの納期遅延'] },
      { cells: { 0: 'R3', 1: '範囲', 2: '佐藤', 4: '変更管理', 5: '未着手' }, lines: ['支店からの要望が設計凍結後も増え続ける'], remark: '要確認' },
      { cells: { 0: 'R4', 1: '予算', 2: '森', 4: '月次レビュー', 5: '対応中' }, lines: ['コスト超過'] },
      { cells: { 0: 'R5', 1: '品質', 2: '佐藤', 4: 'レビュー強化', 5: '未着手' }, lines: ['テスト工数の不足'], remark: '次回会議で' },
    ],
  },
};

async function book(style: Style): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  style.header.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
  ws.getCell(1, style.remarks + 1).value = style.target === 'risk' ? '備考' : 'Memo';
  writeWrappedRecords(ws, style.records, style.text, 2, (rec, r) => {
    if (rec.remark) ws.getCell(r, style.remarks + 1).value = rec.remark;
  });
  style.list?.forEach((name, k) => (ws.getCell(2 + k, style.remarks + 3).value = name));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Per sheet row, the record's first cell (its ID or module) and the remark beside it; the list's names by row. */
function beside(bytes: Buffer, style: Style) {
  const sheet = readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!;
  const at = (r: number, c: number) => sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v;
  const rows = sheet.rows.filter((x) => x.r > 0);
  return {
    remarks: rows.flatMap((x) => (at(x.r, style.remarks) !== undefined ? [`${at(x.r, 0) ?? ''}: ${at(x.r, style.remarks)}`] : [])),
    list: rows.flatMap((x) => (at(x.r, style.remarks + 2) !== undefined ? [`${x.r + 1} ${at(x.r, style.remarks + 2)}`] : [])),
  };
}

type Item = { id: number } & Record<string, unknown>;

describe('remarks right of the table travel with their records', () => {
  for (const [name, style] of Object.entries(STYLES)) {
    const remarksOf = (skip: number[]) => style.records.flatMap((r, k) => (r.remark && !skip.includes(k) ? [`${r.cells[0]}: ${r.remark}`] : []));
    const wraps = style.records.some((r) => r.lines.length > 2);
    for (const edit of [...(wraps ? (['delete the wrapped record', 'rewrite the wrapped record shorter'] as const) : []), 'delete a one-row record'] as const)
      it(`${name}: ${edit}`, async () => {
        const template = await book(style);
        const { projectId, profileId } = await importWithProfile(call, template, `${name} ${edit}`, style.target);
        const items = (await call(`${style.target}.list` as 'issue.list', { projectId })) as unknown as Item[];
        const wrapped = style.records.findIndex((r, k) => k > 0 && r.lines.length > 2);
        const oneRow = style.records.findIndex((r, k) => k > 0 && r.lines.length === 1);
        if (edit === 'delete the wrapped record') await call(`${style.target}.delete` as 'issue.delete', { id: items[wrapped]!.id });
        if (edit === 'delete a one-row record') await call(`${style.target}.delete` as 'issue.delete', { id: items[oneRow]!.id });
        if (edit === 'rewrite the wrapped record shorter') await call(`${style.target}.update` as 'issue.update', { id: items[wrapped]!.id, patch: { title: style.records[wrapped]!.lines[0] } as never });
        const out = Buffer.from((await call('excel.export', { projectId, register: style.target, profileId })).dataBase64, 'base64');
        const gone = edit === 'delete the wrapped record' ? [wrapped] : edit === 'delete a one-row record' ? [oneRow] : [];
        // Each remark beside its own record; the list of names where it was.
        expect(beside(out, style).remarks).toEqual(remarksOf(gone));
        expect(beside(out, style).list).toEqual(beside(template, style).list);
      });

    it(`${name}: every random edit script comes back as stored, the remarks with their records`, async () => {
      const o = await roundTrip(call, `remarks-${name}.xlsx`, await book(style), style.target, { scripts: 10, seed: 18 });
      expect(o.skipped).toBe('');
      expect(failuresOf(o)).toEqual([]);
    }, 300_000);
  }
});
