// Pure logic behind the Excel import dialog and the registers' extra columns.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { ImportPreview, ColumnMapping } from '../../electron/common/excel/preview.js';
import { PROBLEM_CODES, type Problem } from '../../electron/common/excel/problems.js';
import {
  applyOptions,
  defaultProfileChoice,
  headerRows,
  importedMessage,
  importFieldLabel,
  linesOfTab,
  mappingAfter,
  previewLines,
  problemsByRow,
  problemText,
  profileNameOf,
  withChange,
  type Labels,
} from '../../renderer/src/features/excel/importModel.js';
import { rowOfCell } from '../../electron/common/excel/problems.js';
import { extraKeys, foldExtras } from '../../renderer/src/features/registers/extraColumns.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const col = (column: string, label: string, field: string | null, confidence = field ? 0.9 : 0): ColumnMapping => ({
  c: column.charCodeAt(0) - 65,
  span: 1,
  column,
  label,
  field,
  confidence,
});

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    previewId: 'p1',
    fileName: '課題管理表.xlsx',
    register: 'issue',
    sheet: '課題一覧',
    sheets: ['表紙', '課題一覧'],
    header: { top: 4, bottom: 5 },
    data: { first: 6, last: 9, end: 'blank rows', endRow: 10 },
    columns: [col('A', 'No.', 'ref'), col('B', '件名', 'title'), col('C', '期限', 'due'), col('D', '備考2', null)],
    fields: ['ref', 'title', 'due', 'status', 'detail'],
    matchBy: 'ref',
    profile: null,
    headerSignature: 'sig',
    rows: [],
    rowCount: over.rows?.length ?? 0,
    missing: [],
    counts: { new: 0, changed: 0, unchanged: 0, missing: 0, skipped: 0, problems: 0, leftOut: 0 },
    problems: [],
    leftOut: [],
    values: [],
    ...over,
  };
}

/** A t() that looks keys up in a locale, with {{x}} filled in, as i18next does. */
function tOf(strings: object): TFunction {
  return ((key: string, opts?: Record<string, unknown>) => {
    let v: unknown = strings;
    for (const k of key.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
    if (typeof v !== 'string') return (opts?.defaultValue as string | undefined) ?? key;
    return v.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(opts?.[name] ?? ''));
  }) as unknown as TFunction;
}

describe('mapping corrections → MappingInput', () => {
  it('detects another sheet afresh', () => {
    expect(mappingAfter(preview(), { sheet: '表紙' })).toEqual({ sheet: '表紙' });
  });

  it('takes a table detection offered as its sheet, header rows and first column (tables side by side)', () => {
    const table = { sheet: 'RiskLog', headerTop: 2, headerBottom: 2, columns: 'H:T', score: 6 };
    expect(mappingAfter(preview(), { table })).toEqual({ sheet: 'RiskLog', headerTop: 2, headerBottom: 2, column: 'H' });
    expect(withChange(preview(), { table })).toMatchObject({ sheet: 'RiskLog', header: { top: 2, bottom: 2 } });
  });

  it('keeps the sheet when the header rows change, and lets the columns be detected under them', () => {
    expect(mappingAfter(preview(), { headerTop: 3, headerBottom: 5 })).toEqual({ sheet: '課題一覧', headerTop: 3, headerBottom: 5 });
    // The bottom is never above the top.
    expect(mappingAfter(preview(), { headerTop: 6, headerBottom: 5 })).toEqual({ sheet: '課題一覧', headerTop: 6, headerBottom: 6 });
  });

  it('sends every column with the changed one, and frees the column that had the field before; the changed column is the one answered', () => {
    expect(mappingAfter(preview(), { column: 'D', field: 'due' })).toEqual({
      sheet: '課題一覧',
      headerTop: 4,
      headerBottom: 5,
      columns: [
        { column: 'A', field: 'ref' },
        { column: 'B', field: 'title' },
        { column: 'C', field: null },
        { column: 'D', field: 'due' },
      ],
      answered: ['D'],
    });
  });

  it('keeps a column as an extra column (null) without touching the others, and says that column is answered', () => {
    const m = mappingAfter(preview(), { column: 'C', field: null });
    expect(m.columns).toEqual([
      { column: 'A', field: 'ref' },
      { column: 'B', field: 'title' },
      { column: 'C', field: null },
      { column: 'D', field: null },
    ]);
    expect(m.answered).toEqual(['C']);
  });

  it('shows a correction at once, so a second one made meanwhile builds on it', () => {
    const once = withChange(preview(), { column: 'D', field: 'due' });
    expect(once.columns.map((c) => [c.column, c.field, c.confidence])).toEqual([
      ['A', 'ref', 0.9],
      ['B', 'title', 0.9],
      ['C', null, 0],
      ['D', 'due', 1],
    ]);
    expect(mappingAfter(once, { column: 'C', field: 'status' }).columns).toEqual([
      { column: 'A', field: 'ref' },
      { column: 'B', field: 'title' },
      { column: 'C', field: 'status' },
      { column: 'D', field: 'due' },
    ]);
    expect(withChange(preview(), { headerTop: 3, headerBottom: 2 }).header).toEqual({ top: 3, bottom: 3 });
    expect(withChange(preview(), { sheet: '表紙' }).sheet).toBe('表紙');
  });

  it('reads the header row boxes, the box just changed winning', () => {
    expect(headerRows('4', '5', 'top')).toEqual({ headerTop: 4, headerBottom: 5 });
    expect(headerRows('7', '5', 'top')).toEqual({ headerTop: 7, headerBottom: 7 });
    expect(headerRows('7', '5', 'bottom')).toEqual({ headerTop: 5, headerBottom: 5 });
    expect(headerRows('', '5', 'top')).toBeNull();
    expect(headerRows('0', '5', 'top')).toBeNull();
    expect(headerRows('2.5', '5', 'top')).toBeNull();
  });
});

describe('preview lines', () => {
  const labels: Labels = {
    field: (f) => ({ title: '件名', due: '期限', status: 'ステータス', ref: 'ID' })[f] ?? f.replace(/^extra:/, ''),
    value: (f, v) => (f === 'due' && typeof v === 'string' ? v.replaceAll('-', '/') : f === 'status' ? ({ done: '完了', open: '未着手' } as Record<string, string>)[String(v)] ?? String(v) : String(v)),
    empty: '(空)',
  };
  const p = preview({
    rows: [
      { status: 'changed', row: 6, id: 1, key: 'I-001', name: 'ログイン不具合', changes: [{ field: 'status', before: 'open', after: 'done' }, { field: 'due', before: null, after: '2025-04-10' }] },
      { status: 'new', row: 7, key: 'I-004', name: '帳票確認', values: { ref: 'I-004', title: '帳票確認', due: '2025-05-01', status: '', 'extra:備考2': '要確認' } },
      { status: 'unchanged', row: 8, id: 2, key: 'I-002', name: '性能試験' },
      { status: 'new', row: 9, key: 'I-005', name: '日付誤り', values: { title: '日付誤り' }, skipped: true },
    ],
    missing: [{ id: 3, key: 'I-003', name: '古い課題' }],
    problems: [
      { sheet: '課題一覧', cell: 'C9', kind: 'date', code: 'notDate', params: { value: '2025/13/40' }, reason: '2025/13/40 is not a date', field: 'due' },
      { sheet: '表紙', kind: 'header', code: 'noTable', params: {}, reason: 'no table found' },
    ],
    counts: { new: 2, changed: 1, unchanged: 1, missing: 1, skipped: 1, problems: 2, leftOut: 0 },
  });
  const lines = previewLines(p, labels, ['title', 'ref']);

  it('shows each change as field: before → after, and a new row by its values', () => {
    expect(lines[0]!.details).toEqual(['ステータス: 未着手 → 完了', '期限: (空) → 2025/04/10']);
    expect(lines[1]!.details).toEqual(['期限: 2025/05/01', '備考2: 要確認']);
    expect(lines[2]!.details).toEqual([]);
  });

  it('marks rows with problems as skipped and names the cell as Excel does', () => {
    expect(lines[3]).toMatchObject({ skipped: true, problems: ['課題一覧!C9: 2025/13/40 is not a date'] });
    expect(rowOfCell('C9')).toBe(9);
    expect(rowOfCell('$AB$120')).toBe(120);
    expect(rowOfCell(undefined)).toBeNull();
    expect([...problemsByRow(p.problems, '課題一覧').keys()]).toEqual([9]);
  });

  it('filters by tab', () => {
    expect(linesOfTab(lines, 'all').map((l) => l.key)).toEqual(['I-001', 'I-004', 'I-002', 'I-005']);
    expect(linesOfTab(lines, 'new').map((l) => l.key)).toEqual(['I-004', 'I-005']);
    expect(linesOfTab(lines, 'missing').map((l) => l.key)).toEqual(['I-003']);
    expect(linesOfTab(lines, 'problems').map((l) => l.problems[0])).toEqual(['課題一覧!C9: 2025/13/40 is not a date', '表紙: no table found']);
  });

  it('lists every one of 10,000 changed rows (how fast is the bench\'s business, never a timed test)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      status: 'changed' as const,
      row: i + 6,
      id: i + 1,
      key: `I-${i}`,
      name: `課題 ${i}`,
      changes: [{ field: 'status', before: 'open', after: 'done' }],
    }));
    const many = previewLines(preview({ rows }), labels, ['title']);
    expect(many).toHaveLength(10_000);
    expect(linesOfTab(many, 'changed')).toHaveLength(10_000);
  });
});

describe("import problems in the user's language", () => {
  const strings = { ja, en } as const;

  it('has a ja and an en text for every problem code, naming only the values the problem carries', () => {
    for (const lang of ['ja', 'en'] as const) {
      const texts = (strings[lang] as unknown as { excel: { problem: Record<string, unknown> } }).excel.problem;
      for (const code of PROBLEM_CODES) {
        expect(typeof texts[code], `${lang}: excel.problem.${code}`).toBe('string');
        // The placeholders of ja and en are the same (a text cannot ask for a value the other leaves out).
        const names = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(texts[code]), `${lang}: excel.problem.${code}`).toEqual(names((strings.en as unknown as { excel: { problem: Record<string, unknown> } }).excel.problem[code]));
      }
    }
  });

  it('says a problem from its code and values: a reworded English reason changes nothing, the field is the grid heading', () => {
    const fieldLabel = importFieldLabel(tOf(ja), 'issue');
    const p: Problem = { sheet: '課題一覧', cell: 'C9', kind: 'date', code: 'yearAssumed', params: { value: '4/3', date: '2025/04/03', from: 'row' }, reason: 'anything at all', field: 'due' };
    expect(problemText(p, tOf(ja), fieldLabel)).toBe('課題一覧!C9 [期限]: 4/3 に年がありません: 2025/04/03 と読みました (同じ行の日付から)');
    expect(problemText({ ...p, reason: '4/3 lacks a year' }, tOf(en), importFieldLabel(tOf(en), 'issue'))).toBe("課題一覧!C9 [Due]: 4/3 has no year: read as 2025/04/03 (year from the row's other dates)");
    const noKey: Problem = { sheet: 'Sheet1', kind: 'header', code: 'noKey', params: {}, field: 'title', reason: 'no column is mapped to the title field' };
    expect(problemText(noKey, tOf(ja), fieldLabel)).not.toMatch(/title/);
  });
});

describe('apply options and profiles', () => {
  it('saves a new profile for a file no profile knows, updates a known one only after a correction', () => {
    expect(defaultProfileChoice(null, false)).toBe('save');
    expect(defaultProfileChoice({ id: 4 }, false)).toBe('none');
    expect(defaultProfileChoice({ id: 4 }, true)).toBe('update');
  });

  it('names a profile after the file', () => {
    expect(profileNameOf('課題管理表_A社.xlsx')).toBe('課題管理表_A社');
    expect(profileNameOf('C:\\work\\WBS.xlsm')).toBe('WBS');
    expect(profileNameOf('list.csv')).toBe('list');
  });

  it('asks for what was chosen and nothing else', () => {
    expect(applyOptions({ missing: 'keep', profile: 'save', profileName: ' A社 ', found: null })).toEqual({ missing: 'keep', saveProfileAs: 'A社' });
    expect(applyOptions({ missing: 'close', profile: 'update', profileName: 'x', found: { id: 7 } })).toEqual({ missing: 'close', updateProfileId: 7 });
    expect(applyOptions({ missing: 'delete', profile: 'none', profileName: 'x', found: { id: 7 } })).toEqual({ missing: 'delete' });
    expect(applyOptions({ missing: 'keep', profile: 'save', profileName: '  ', found: null })).toEqual({ missing: 'keep' });
  });

  it('labels fields as the grids head them, in both languages', () => {
    expect(importFieldLabel(tOf(ja), 'issue')('due')).toBe('期限');
    expect(importFieldLabel(tOf(ja), 'issue')('extra:備考2')).toBe('備考2');
    expect(importFieldLabel(tOf(ja), 'wbs')('level1')).toBe('大分類');
    expect(importFieldLabel(tOf(ja), 'wbs')('plannedStart')).toBe('予定開始日');
    expect(importFieldLabel(tOf(en), 'risk')('probability')).toBe('Probability');
  });

  it('says what an import did', () => {
    const r = { created: 3, updated: 1, unchanged: 2, skipped: 1, closed: 0, deleted: 2, batchId: 'b', profileId: null };
    expect(importedMessage(tOf(ja), r, 'a.xlsx')).toBe('a.xlsx を取り込みました: 新規 3 件、更新 1 件、変更なし 2 件、スキップ 1 件、削除 2 件');
    // What keeping an MS Project plan's dates took (schedule-file-dates.ts) is said too.
    const kept = { ...r, deleted: 0, fileDates: { workingDays: [{ date: '2025-07-21', name: '海の日' }], manual: ['Go-live'] } };
    expect(importedMessage(tOf(ja), kept, 'a.xlsx')).toBe(
      'a.xlsx を取り込みました: 新規 3 件、更新 1 件、変更なし 2 件、スキップ 1 件。ファイルの日付が稼働日として数えている 2025/07/21 (海の日) を、プロジェクトのカレンダーの稼働日にしました。ファイルの日付を保つため 1 件を手動スケジュールで取り込みました (Go-live)',
    );
    expect(importedMessage(tOf(en), kept, 'a.xlsx')).toContain("The file's dates count 2025/07/21 (海の日) as working days");
  });
});

describe('extra columns of a register', () => {
  it('collects the keys over the rows, in the order first met', () => {
    expect(extraKeys([{ extra: { 備考2: 'a' } }, { extra: {} }, { extra: { 部署: 'b', 備考2: 'c' } }, {}])).toEqual(['備考2', '部署']);
  });

  it('writes an edit as the row’s whole extra with the key changed', () => {
    expect(foldExtras({ 'extra:備考2': 'new', title: 't' }, { 備考2: 'old', 部署: '営業' })).toEqual({ title: 't', extra: { 備考2: 'new', 部署: '営業' } });
    expect(foldExtras({ title: 't' }, { 備考2: 'old' })).toEqual({ title: 't' });
    expect(foldExtras({ 'extra:x.y': null }, undefined)).toEqual({ extra: { 'x.y': '' } });
  });
});
