// One test per detection rule, each on a small generated sheet: where the header is (under titles and
// label rows, one to four rows, never a data row), which columns are one logical column (merged
// groups), where a table ends (footers, end marks), which rows are no records (separators, the header
// again, template rows) — always listed — and what is no table at all.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { ASK_BELOW, detectLayout, headerAbove, layoutAt } from '../../electron/core/excel/import/detect.js';
import { dateRole } from '../../electron/core/excel/import/synonyms.js';
import { analyzeWorkbook, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const TODAY = '2025-06-15';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function read(rows: ModelCell[][], target: ImportTarget, merges: string[] = []): ImportTable {
  const a = analyzeWorkbook(model(sheet('Sheet1', rows, merges)), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const fields = (t: ImportTable) => Object.fromEntries(t.columns.filter((c) => c.field).map((c) => [c.column, c.field]));

describe('the header', () => {
  it('is found under a title row and a "Project Name:" label row; the footer under a blank template is no record', () => {
    // A blank template whose logical columns are merged cell groups (A:C, D:R, S:AF …).
    const row = (cells: [number, ModelCell][]) => {
      const out: ModelCell[] = [];
      for (const [c, v] of cells) out[c] = v;
      return out;
    };
    const rows: ModelCell[][] = [
      row([[0, 'Risk Register']]),
      row([[0, 'Project Name:'], [19, 'Date:']]),
      row([[0, 'No.'], [3, 'Risk'], [18, 'Owner'], [24, 'Probability'], [27, 'Impact'], [30, 'Status']]),
      [],
      [],
      row([[0, '© 2018 Example Templates. All rights reserved.']]),
    ];
    const merges = ['A1:AF1', 'A2:S2', 'T2:AF2', 'A3:C3', 'D3:R3', 'S3:X3', 'Y3:AA3', 'AB3:AD3', 'AE3:AF3'];
    const found = detectLayout(model(sheet('Sheet1', rows, merges)), 'risk', { reference: TODAY });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect([found.layout.headerTop, found.layout.headerBottom]).toEqual([2, 2]);
    expect(Object.fromEntries(found.layout.columns.map((c) => [c.column, c.field]))).toEqual({
      'A:C': 'ref',
      'D:R': 'title',
      'S:X': 'owner',
      'Y:AA': 'probability',
      'AB:AD': 'impact',
      'AE:AF': 'status',
    });
    const a = analyzeWorkbook(model(sheet('Sheet1', rows, merges)), 'risk', { today: TODAY });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/has no rows of data/);
  });

  it("takes no prepared row of a blank template into its header: a number or an empty formula alone is no column's word", () => {
    // No over A:C, 課題 over D:R …, each prepared row merged the same way, numbered =ROW()-3, its score formula blank.
    const rows: ModelCell[][] = [['課題管理表'], ['プロジェクト名：', ...Array(11).fill(null), '作成日：'], ['No', null, null, '課題', ...Array(14).fill(null), '対応者', null, null, '状況', null, '期限']];
    const merges = ['A1:Y1', 'A3:C3', 'D3:R3', 'S3:U3', 'V3:W3', 'X3:Y3'];
    for (let r = 4; r <= 10; r++) {
      rows.push([{ f: r - 3 }, null, null, ...Array(20).fill(null), { f: '' }]);
      merges.push(`A${r}:C${r}`, `D${r}:R${r}`, `S${r}:U${r}`, `V${r}:W${r}`, `X${r}:Y${r}`);
    }
    rows.push([], ['© 2018 Example Corp. 無断転載禁止']);
    const found = detectLayout(model(sheet('Sheet1', rows, merges)), 'issue', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    expect([found.layout.headerTop, found.layout.headerBottom]).toEqual([2, 2]);
    expect(Object.fromEntries(found.layout.columns.map((c) => [c.column, c.field]))).toEqual({ 'A:C': 'ref', 'D:R': 'title', 'S:U': 'owner', 'V:W': 'status', 'X:Y': 'due' });
  });

  it("pointed at by its first data row, takes a row of notes under the column words ((yyyy/mm/dd), (選択)) as the header's foot", () => {
    const m = model(
      sheet('課題', [
        ['課題管理表'],
        ['プロジェクト名：', '基幹刷新'],
        [],
        ['No', '起票日', '事象', '担当', '状況'],
        [null, '(yyyy/mm/dd)', '(具体的に記入)', '(氏名)', '(選択)'],
        [1, d('2025-07-02'), 'ログイン画面で認証エラーが出る', '山田', '対応中'],
        [2, d('2025-07-03'), '月次帳票の合計が一致しない', '佐藤', '未対応'],
      ]),
    );
    // The user points at row 6 (0-based 5): the header is rows 4–5, not the notes row alone (no words).
    expect(headerAbove(m, 'issue', '課題', 5)).toEqual({ top: 3, bottom: 4 });
    const l = layoutAt(m, 'issue', '課題', 3, 4);
    expect(Object.fromEntries(l!.columns.map((c) => [c.column, c.field]))).toMatchObject({ B: 'raisedOn', C: 'title', D: 'owner', E: 'status' });
  });

  it("finds a status report's task table under its label rows, over a smaller block with a group row further down", () => {
    const rows: ModelCell[][] = [
      ['Weekly Status Report'],
      ['Project Name:', 'Apollo', null, 'Date:', d('2025-05-09')],
      ['Project Manager:', 'J. Smith'],
      ['Overall status:', 'Green'],
      [],
      ['No.', 'Task', 'Owner', 'Status', 'Due Date', 'Comments'],
    ];
    for (let i = 1; i <= 10; i++) rows.push([i, `Task ${i}`, ['Ann', 'Bob', 'Cy'][i % 3], ['Open', 'Done', 'In progress'][i % 3], d(`2025-05-${10 + i}`), i % 2 ? 'on track' : null]);
    rows.push([], [], ['Accomplishments this week'], ['- kickoff held'], ['- design signed off'], [], ['Plans for next week'], ['- build starts']);
    while (rows.length < 56) rows.push([]);
    rows.push(['Risks and Issues'], ['Type', 'Description', null, 'Impact', 'Owner', 'Due Date'], [null, null, null, 'High/Medium/Low'], ['Risk', 'Vendor late', null, 'High', 'Bob', d('2025-05-20')]);
    const t = read(rows, 'wbs', ['A57:F57', 'B58:C58', 'B60:C60']);
    expect(t.header).toEqual({ top: 6, bottom: 6 });
    expect(t.data).toMatchObject({ first: 7, last: 16 });
    expect(t.records).toHaveLength(10);
    // As a risk register, the block further down is as likely: both are offered, and the dialog asks.
    const risk = detectLayout(model(sheet('Sheet1', rows, ['A57:F57', 'B58:C58', 'B60:C60'])), 'risk', { reference: TODAY });
    expect(risk.ok && risk.layout.confidence!.table).toBeLessThan(ASK_BELOW);
    expect(risk.ok && risk.candidates.map((c) => c.headerTop + 1)).toEqual(expect.arrayContaining([6, 58]));
  });

  it('never takes the first data row as another header row (two-row header, a task row of text only)', () => {
    const t = read(
      [
        ['タスク', '予定', null, '担当'],
        [null, '開始', '終了', null],
        ['要件定義', null, null, '山田'],
        ['基本設計', d('2025-04-01'), d('2025-04-10'), '佐藤'],
      ],
      'wbs',
      ['A1:A2', 'B1:C1', 'D1:D2'],
    );
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(t.records.map((r) => r.values.name)).toEqual(['要件定義', '基本設計']);
  });

  it('takes up to four header rows when each names columns (a group over groups over words)', () => {
    const t = read(
      [
        ['No', 'タスク名', '日程', null, null, null],
        [null, null, '予定', null, '実績', null],
        [null, null, '開始', '終了', '開始', '終了'],
        [null, null, '(日付)', '(日付)', '(日付)', '(日付)'],
        [1, '設計', d('2025-04-01'), d('2025-04-05'), d('2025-04-02'), null],
      ],
      'wbs',
      ['A1:A4', 'B1:B4', 'C1:F1', 'C2:D2', 'E2:F2'],
    );
    expect(t.header).toEqual({ top: 1, bottom: 4 });
    expect(fields(t)).toMatchObject({ B: 'name', C: 'plannedStart', D: 'plannedFinish', E: 'actualStart', F: 'actualFinish' });
    expect(t.records).toHaveLength(1);
  });
  it('names a column by a label alone over it and the word under it (対応 over 期限), unless the records take two rows each', () => {
    const single = read(
      [
        ['No', '課題', '対応', '状況'],
        [null, null, '期限', null],
        [1, '帳票の桁数が不足', d('2025-05-01'), '対応中'],
        [2, 'ログインが遅い', d('2025-05-20'), '未対応'],
      ],
      'issue',
      ['A1:A2', 'B1:B2', 'D1:D2'],
    );
    expect(fields(single)).toEqual({ A: 'ref', B: 'title', C: 'due', D: 'status' });
    // A plan row and an actual row per task (the name merged over both): 予定工数 over 実績工数 is the plan's
    // column on each task's first row and the actual effort on its second (a record of two rows, block-rows.ts).
    const pairs = read(
      [
        ['WBS', 'タスク名', '予定工数', '担当者'],
        [null, null, '実績工数', null],
        ['1', '要件定義', 5, '山田'],
        [null, null, 4, null],
        ['2', '基本設計', 8, '佐藤'],
        [null, null, 9, null],
      ],
      'wbs',
      ['A1:A2', 'B1:B2', 'D1:D2', 'A3:A4', 'B3:B4', 'D3:D4', 'A5:A6', 'B5:B6', 'D5:D6'],
    );
    expect(pairs.columns.filter((c) => c.field).map((c) => [c.column, c.field, c.rowOffset ?? 0])).toEqual([
      ['A', 'wbsCode', 0],
      ['B', 'name', 0],
      ['C', 'plannedEffort', 0],
      ['C', 'actualEffort', 1],
      ['D', 'assignee', 0],
    ]);
    expect(pairs.records.map((r) => [r.values.name, r.values.plannedEffort, r.values.actualEffort])).toEqual([
      ['要件定義', 5, 4],
      ['基本設計', 8, 9],
    ]);
  });

  it('never takes a first data row under merged logical columns for sub-headers (one value per merged group)', () => {
    // リスク事象 over A:F, 状況 over G:H …: the row under them holds one value per group, so it is data.
    const rows: ModelCell[][] = [
      ['プロジェクト名：', null, null, '基幹刷新'],
      [],
      ['リスク事象', null, null, null, null, null, '状況', null, '影響度', '発生確率', null, null, 'リスクオーナー', null, null, '記入日'],
      ['ベンダーの不足', null, null, null, null, null, '未対応', null, null, 5, null, null, '山田', null, null, '2025/7/24'],
      ['要員の不足', null, null, null, null, null, '対応中', null, '中', 4, null, null, '田中', null, null, '2025/11/9'],
      ['外部APIの品質低下', null, null, null, null, null, '完了', null, 2, 1, null, null, '山田', null, null, '2025/5/5'],
    ];
    const t = read(rows, 'risk', ['A3:F3', 'G3:H3', 'J3:L3', 'M3:O3', 'P3:R3']);
    expect(t.header).toEqual({ top: 3, bottom: 3 });
    expect(fields(t)).toEqual({ 'A:F': 'title', 'G:H': 'status', I: 'impact', 'J:L': 'probability', 'M:O': 'owner', 'P:R': 'raisedOn' });
    expect(t.records.map((r) => r.values.title)).toEqual(['ベンダーの不足', '要員の不足', '外部APIの品質低下']);
  });

  it('never takes a first data row under merged logical columns for sub-headers when a value in it is a column word (Question, Closed)', () => {
    const rows: ModelCell[][] = [
      ['Kind', null, 'Component', null, 'Issue Summary', null, null, null, 'Priority', null, 'Deadline', 'Status', null],
      ['Question', null, 'Reports', null, 'Key staff shortage', null, null, null, 'Low', null, '2025/7/21', 'Closed', null],
      ['Defect', null, 'UI', null, 'Sign-off may be late', null, null, null, 'High', null, '2025/8/25', 'Open', null],
      ['Request', null, 'UI', null, 'Data migration below target', null, null, null, 'Low', null, '2025/8/17', 'Open', null],
    ];
    const t = read(rows, 'issue', ['A1:B1', 'C1:D1', 'E1:H1', 'I1:J1', 'L1:M1']);
    expect(t.header).toEqual({ top: 1, bottom: 1 });
    expect(fields(t)).toEqual({ 'A:B': 'kind', 'E:H': 'title', 'I:J': 'priority', K: 'due', 'L:M': 'status' });
    expect(t.records.map((r) => r.values.title)).toEqual(['Key staff shortage', 'Sign-off may be late', 'Data migration below target']);
  });

  it('takes a row that header cells are merged down into for the header, its words under single labels (実績 over 開始)', () => {
    const rows: ModelCell[][] = [
      ['担当者', '作業名', '実績', '進捗率', '予定', '状況'],
      [null, null, '開始', null, '終了', null],
      ['高橋', '基本設計', d('2025-02-03'), 1, d('2025-03-31'), '完了'],
      ['佐藤', '結合テスト', d('2025-04-01'), 0.5, d('2025-05-30'), '作業中'],
    ];
    const t = read(rows, 'wbs', ['A1:A2', 'B1:B2', 'D1:D2', 'F1:F2']);
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(fields(t)).toEqual({ A: 'assignee', B: 'name', C: 'actualStart', D: 'progress', E: 'plannedFinish', F: 'status' });
  });

  it('gives no field to a column under a group label with no word of its own (対応 over 担当者 / 期限 / —)', () => {
    const rows: ModelCell[][] = [
      ['No.', '対応', null, null, '課題', '状況'],
      [null, '担当者', '期限', null, null, null],
      [1, '高橋', d('2025-05-01'), 8, 'ベンダーの遅延', '対応中'],
      [2, '伊藤', d('2025-05-20'), 4, '要員の不足', '完了'],
    ];
    const t = read(rows, 'issue', ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2']);
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(fields(t)).toEqual({ A: 'ref', B: 'owner', C: 'due', E: 'title', F: 'status' });
    expect(t.columns.find((c) => c.column === 'D')).toMatchObject({ field: null, label: '対応' });
  });

  it('names a column by a group label merged across it and the word under it, beside cells merged down over both rows', () => {
    // 対応 over C:D with 期限 under it is a due date (対応期限), not the response.
    const rows: ModelCell[][] = [
      ['No', '課題', '対応', null, '状況'],
      [null, null, '期限', null, null],
      [1, '帳票の桁数が不足', d('2025-05-01'), null, '対応中'],
      [2, 'ログインが遅い', d('2025-05-20'), null, '未対応'],
    ];
    const t = read(rows, 'issue', ['A1:A2', 'B1:B2', 'C1:D1', 'C2:D2', 'E1:E2', 'C3:D3', 'C4:D4']);
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(fields(t)).toEqual({ A: 'ref', B: 'title', 'C:D': 'due', E: 'status' });
    expect(t.records.map((r) => r.values.due)).toEqual(['2025-05-01', '2025-05-20']);
  });
});

describe('the rows of a table', () => {
  it('counts a row whose title a formula brings from another sheet as a record; formula numbers and blanks are none', () => {
    const t = read(
      [
        ['Key', 'Summary', 'Owner', 'Status', 'Impact'],
        ['RISK-1', { f: 'Example risk' }, { f: '' }, { f: 'Open' }, { f: 3 }],
        [{ f: 2 }, { f: '' }, { f: '' }, { f: '' }, { f: 0 }],
      ],
      'risk',
    );
    expect(t.records.map((r) => [r.row, r.values.title])).toEqual([[2, 'Example risk']]);
  });

  it('takes a row holding only the next number of a column that counts up (項目番号 小) for a numbered blank row; 実働 dates are the actuals', () => {
    const rows: ModelCell[][] = [
      [null, '計画', null, '実働', null, '項目番号', null],
      ['タスク名', '開始日', '終了日', '開始日', '終了日', '小', '順位'],
    ];
    for (let n = 1; n <= 3; n++) rows.push([`task${n}`, d('2025-05-01'), d('2025-05-02'), d('2025-05-01'), d('2025-05-03'), n, n]);
    for (let n = 4; n <= 6; n++) rows.push([null, null, null, null, null, n]);
    const t = read(rows, 'wbs', ['B1:C1', 'D1:E1']);
    expect(t.records.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(fields(t)).toMatchObject({ A: 'name', B: 'plannedStart', C: 'plannedFinish', D: 'actualStart', E: 'actualFinish' });
  });

  it('goes on through rows a template numbered with formulas when a record follows them; they end the table when none does', () => {
    const rows: ModelCell[][] = [['NO', '大工程', '中工程', '小工程', '担当', '開始予定日']];
    const phases: Record<number, string> = { 1: '詳細設計', 5: '製造', 8: '結合テスト' };
    for (let n = 1; n <= 14; n++) rows.push([n === 1 ? 1 : { f: n }, phases[n] ?? null]);
    rows.push([], [], ['Total', null, null, null, null, null]);
    const t = read(rows, 'wbs');
    expect(t.records.map((r) => r.row)).toEqual([2, 6, 9]);
    expect(t.leftOut.map((x) => [x.row, x.reason])).toEqual([3, 4, 5, 7, 8].map((r) => [r, 'template row']));
    expect(t.data).toMatchObject({ last: 9, end: 'blank rows', endRow: 10 });
  });

  it('joins a text wrapped by hand into the next row to the record above, and lists the row; a row with a name of its own stays a record', () => {
    const t = read(
      [
        ['Project', 'Module', 'Issue Type', 'Query', 'Issue Status'],
        ['Shop', 'User', 'requirement', 'If a customer forgets the password, there', 'open'],
        [null, null, null, 'should be a way to change it.', null],
        ['Shop', 'User', 'requirement', 'State names belong in the dropdown.', 'open'],
        [null, null, null, 'Phone number length', null],
      ],
      'issue',
    );
    expect(t.records.map((r) => [r.row, r.values.title])).toEqual([
      [2, 'If a customer forgets the password, there should be a way to change it.'],
      [4, 'State names belong in the dropdown.'],
      [5, 'Phone number length'],
    ]);
    expect(t.leftOut).toEqual([{ row: 3, reason: 'continued text' }]);
  });

  it('reads a record of two rows (its key merged down) as one record', () => {
    const t = read(
      [
        ['Risk ID', 'Risk', 'Control', 'Owner'],
        [1, 'Identity theft', 'Two-factor authentication', 'CISO'],
        [null, null, 'SMS OTP replaced', null],
        [2, 'Financial theft', 'Encryption', 'CFO'],
        [null, null, 'Fraud detection', null],
      ],
      'risk',
      ['A2:A3', 'B2:B3', 'D2:D3', 'A4:A5', 'B4:B5', 'D4:D5'],
    );
    expect(t.records.map((r) => [r.row, r.values.title])).toEqual([
      [2, 'Identity theft'],
      [4, 'Financial theft'],
    ]);
    // The second rows are listed, never dropped unseen (the last one too, below the last record's start).
    expect(t.leftOut).toEqual([
      { row: 3, reason: 'record continued' },
      { row: 5, reason: 'record continued' },
    ]);
    // Their text is read with the record, as a person reads it: a second line of the control.
    expect(t.records.map((r) => r.extra.Control)).toEqual(['Two-factor authentication\nSMS OTP replaced', 'Encryption\nFraud detection']);
  });

  it("reads the second row of a record merged over two rows into the record's texts, and fills its empty cells", () => {
    const t = read(
      [
        ['No', 'リスク', '対応策', '担当者', '期限'],
        [1, 'ベンダー遅延', '代替ベンダーを準備する', null, d('2025-05-01')],
        [null, null, '週次で進捗を確認する', '山田', null],
        [2, '要員不足', '増員を依頼する', '佐藤', d('2025-06-01')],
      ],
      'risk',
      ['A2:A3', 'B2:B3'],
    );
    expect(t.records.map((r) => [r.row, r.values.title, r.values.responsePlan, r.values.owner])).toEqual([
      [2, 'ベンダー遅延', '代替ベンダーを準備する\n週次で進捗を確認する', '山田'],
      [4, '要員不足', '増員を依頼する', '佐藤'],
    ]);
    expect(t.leftOut).toEqual([{ row: 3, reason: 'record continued' }]);
  });

  it('reads a record holding only its name under a numbered name as a record, not as text wrapped from it (task 1.3, then task 4)', () => {
    const t = read(
      [
        ['Task', 'Owner', 'Start', 'End'],
        ['task 1.3', 'Kim', d('2025-05-01'), d('2025-05-02')],
        ['task 4', null, null, null],
      ],
      'wbs',
    );
    expect(t.records.map((r) => r.values.name)).toEqual(['task 1.3', 'task 4']);
    expect(t.leftOut).toEqual([]);
  });

  it('joins a wrapped title in a table of three columns, two of them filled', () => {
    const t = read(
      [
        ['Subject', 'Owner', 'Reported On'],
        ['Vendor below target as', 'Ann Lee', null],
        ['and the cutover plan needs a rework', null, null],
        ['Key staff outage', 'Bob', d('2025-05-02')],
      ],
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['Vendor below target as and the cutover plan needs a rework', 'Key staff outage']);
    expect(t.leftOut).toEqual([{ row: 3, reason: 'continued text' }]);
  });

  it('leaves out a row marked as an example (例, （例）, e.g., Example:), listed; a title that only starts with the word is a record', () => {
    const t = read(
      [
        ['No', '課題', '担当者', '状況'],
        ['例', '例）ログイン画面の文言が仕様と異なる', '山田', '対応中'],
        [1, '例外処理の方針が未決', '佐藤', '未対応'],
        [2, '（例）帳票の桁数', '鈴木', '完了'],
        [3, 'Example risk of a late vendor', '高橋', '完了'],
        [4, 'e.g. a wrong label', '高橋', '完了'],
      ],
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['例外処理の方針が未決', 'Example risk of a late vendor']);
    expect(t.data.first).toBe(3);
    expect(t.leftOut).toEqual([
      { row: 2, reason: 'example' },
      { row: 4, reason: 'example' },
      { row: 6, reason: 'example' },
    ]);
  });

  it('reads each row under a name merged over several rows as a record of its own when the row numbers itself', () => {
    // A deliverables list: 作業項目 merged over its deliverables, each row with its own No.
    const rows: ModelCell[][] = [
      ['成果物一覧'],
      ['プロジェクト名：', 'XXX'],
      ['No', '作業項目', '成果物', '担当', '期限'],
      [1, '要件定義', '業務フロー', '山田', d('2025-04-10')],
      [2, null, '要件定義書', null, null],
      [3, null, '非機能要件一覧', '佐藤', null],
      [4, '基本設計', '画面設計書', null, d('2025-05-20')],
      [5, null, 'DB設計書', '山田', null],
    ];
    const t = read(rows, 'wbs', ['B4:B6', 'B7:B8']);
    expect(t.header).toEqual({ top: 3, bottom: 3 });
    expect(t.records.map((r) => [r.row, r.values.name, r.values.deliverable])).toEqual([
      [4, '要件定義', '業務フロー'],
      [5, '要件定義', '要件定義書'],
      [6, '要件定義', '非機能要件一覧'],
      [7, '基本設計', '画面設計書'],
      [8, '基本設計', 'DB設計書'],
    ]);
    expect(t.leftOut).toEqual([]);
  });

  it('lists separator rows (↓…) as left out, and goes on under them', () => {
    const t = read(
      [
        ['日付', 'タスク', '備考'],
        [d('2025-07-03'), '過去のタスク', null],
        [null, '↓今日やるやつ', null],
        [d('2025-07-04'), '今日のタスク', 'x'],
        [null, '----------', null],
        [d('2025-07-05'), '明日のタスク', null],
      ],
      'wbs',
    );
    expect(t.records.map((r) => r.values.name)).toEqual(['過去のタスク', '今日のタスク', '明日のタスク']);
    expect(t.leftOut).toEqual([
      { row: 3, reason: 'separator' },
      { row: 5, reason: 'separator' },
    ]);
  });

  it('reads blocks that repeat the header under a title as one table, listing the titles and headers left out', () => {
    const t = read(
      [
        ['ログイン画面'],
        ['No', '内容', '担当', '成否'],
        [1, 'ログイン画面が表示される', '山田', null],
        [2, 'IDが入力できる', '山田', null],
        [],
        ['メインメニュー'],
        ['No', '内容', '担当', '成否'],
        [1, 'メニューが表示される', '佐藤', null],
      ],
      'wbs',
    );
    expect(t.records.map((r) => r.values.name)).toEqual(['ログイン画面が表示される', 'IDが入力できる', 'メニューが表示される']);
    expect(t.leftOut).toEqual([
      { row: 6, reason: 'section title' },
      { row: 7, reason: 'header again' },
    ]);
  });

  it('reads a checklist of blocks numbered anew under each header as one table from the first header: the No is row numbers, not IDs', () => {
    // testcheck-jp-yabuki's shape: a block title merged over the No column, a blank row between blocks.
    const t = read(
      [
        ['ログイン画面テスト計画'],
        ['No', '内容', '効果', '備考', '成否'],
        ['1', 'ログイン画面が表示される', '画面レイアウトと同等', null, null],
        ['2', 'IDが入力できる', 'ID記入欄に表示される', null, null],
        [],
        ['メインメニューテスト計画'],
        ['No', '内容', '効果', '備考', '成否'],
        ['1', 'メインメニューが表示される', 'すべての研究室が表示される', null, null],
        ['2', '[退出]ボタンを押す', '通常フォントへ変更する', null, '○'],
        ['3', '[ログアウト]ボタンを押す', 'ログイン画面へ遷移する', null, null],
      ],
      'checklist',
      ['A1:C1', 'A6:C6'],
    );
    expect(t.header).toEqual({ top: 2, bottom: 2 });
    expect(fields(t)).toEqual({ B: 'title', C: 'detail', D: 'evidence', E: 'result' });
    expect(t.records.map((r) => r.values.title)).toEqual(['ログイン画面が表示される', 'IDが入力できる', 'メインメニューが表示される', '[退出]ボタンを押す', '[ログアウト]ボタンを押す']);
    // (The second block's title, merged from the No column into the table, is listed too.)
    expect(t.leftOut).toEqual([{ row: 6, reason: 'section title' }, { row: 7, reason: 'header again' }]);
    expect(t.problems).toEqual([]);
  });

  it('counts a row with only an ID as a record, and a value the template fills down every row as nothing', () => {
    const rows: ModelCell[][] = [['Status', 'No.', 'Start Date', 'Task No', 'Description', 'ProgramID']];
    for (let i = 1; i <= 30; i++) rows.push([i === 1 ? 'DONE' : null, { f: i }, null, i <= 20 ? `Task-${String(i).padStart(3, '0')}` : null, i === 1 ? 'タスク001' : null, 'ProgramID']);
    const t = read(rows, 'wbs');
    expect(t.records).toHaveLength(20);
    expect(t.data).toMatchObject({ first: 2, last: 21 });
  });

  it('ends at a footer (©) and at an end mark (END), neither a record', () => {
    const footer = read([['Task', 'Owner'], ['Design', 'Kim'], ['© 2018 Vertex42 LLC'], ['Build', 'Lee']], 'wbs');
    expect(footer.data).toMatchObject({ last: 2, end: 'footer', endRow: 3 });
    const end = read([['通番', '指摘内容', '担当'], [1, '誤字', '山田'], ['END', '行を追加する場合、本行より上に挿入してください'], [2, 'x', 'y']], 'issue');
    expect(end.data).toMatchObject({ last: 2, end: 'end mark', endRow: 3 });
  });

  it('ends at a blank row under which a rating scale headed by column words starts; sparse tasks after a blank row stay records', () => {
    const legend = read(
      [
        ['#', 'Risk', 'Owner', 'Probability', 'Impact', 'Response'],
        [1, 'Vendor may be late', 'Ann', 3, 5, 'Second vendor'],
        [2, 'Key staff shortage', 'Bob', 2, 3, 'Weekly review'],
        [3, 'Data migration outage', 'Ann', 1, 4, 'Early rehearsal'],
        [],
        [null, 'Probability risk rating', null, 'Impact risk rating'],
        [null, '5: High', null, '5: High'],
        [null, '4: High to moderate', null, '4: High to moderate'],
        [null, '3: Moderate', null, '3: Moderate'],
      ],
      'risk',
    );
    expect(legend.records.map((r) => r.values.title)).toEqual(['Vendor may be late', 'Key staff shortage', 'Data migration outage']);
    expect(legend.data).toMatchObject({ last: 4, end: 'blank rows', endRow: 5 });
    // Tasks named but not planned yet, after a blank row: their names are no column words.
    const tasks = read(
      [
        ['作業', '内容', '予定開始日', '予定終了日', '予定工数', '進捗率'],
        ['削除処理', '一覧を更新する', d('2025-01-06'), d('2025-01-07'), 5, 1],
        ['編集処理', '紐付けを実装する', d('2025-01-15'), d('2025-01-25'), 22, 1],
        ['認証処理', 'ライブラリの調査', d('2025-01-26'), d('2025-02-28'), 8, 0.5],
        [],
        ['登録処理', '登録データを表示する'],
        ['削除確認', '確認画面を出す'],
      ],
      'wbs',
    );
    expect(tasks.records.map((r) => r.values.name)).toEqual(['削除処理', '編集処理', '認証処理', '登録処理', '削除確認']);
    // A narrow table (three cells a record): a row of two plain column words after a blank row heads the scale.
    const narrow = read(
      [
        ['No', '課題', '期限', '完了日'],
        [1, 'Data migration below target', d('2025-05-08'), d('2025-06-01')],
        [2, 'Sign-off may be late', d('2025-06-10'), d('2025-06-20')],
        [3, 'Vendor outage', d('2025-02-03'), null],
        [],
        [null, 'Probability rating', null, 'Impact rating'],
        [null, '5: High', null, '5: High'],
        [null, '4: High to moderate', null, '4: High to moderate'],
      ],
      'issue',
    );
    expect(narrow.records.map((r) => r.values.title)).toEqual(['Data migration below target', 'Sign-off may be late', 'Vendor outage']);
  });

  it("reads a column's type from the table's own rows, not from a rating scale or a revision history under it", () => {
    // 区分 holds kinds in the records; the scale under them (one blank row away) holds no kinds.
    const issue = read(
      [
        ['番号', '区分', '課題件名', 'ステータス'],
        [1, '質問', '移行データの不足', '完了'],
        [2, null, '要員の遅延', '対応中'],
        [3, '要望', 'ベンダーの仕様変更', '対応中'],
        [],
        [null, 'Probability rating', null, 'Impact rating'],
        [null, '5: High', null, '5: High'],
        [null, '4: High to moderate', null, '4: High to moderate'],
        [null, '3: Moderate', null, '3: Moderate'],
        [null, '2: Moderate to low', null, '2: Moderate to low'],
      ],
      'issue',
    );
    expect(fields(issue)).toEqual({ A: 'ref', B: 'kind', C: 'title', D: 'status' });
    // An empty WBSレベル column of a blank plan stays the level though the history below has dates under it.
    const wbs = read(
      [
        ['WBSレベル', 'タスク名', '担当'],
        [null, '要件定義', '鈴木'],
        [null, '基本設計', '高橋'],
        [],
        [],
        ['改訂履歴'],
        ['版', '改訂日', '改訂者'],
        ['1.0', d('2025-01-10'), '山田'],
        ['1.1', d('2025-02-10'), '山田'],
      ],
      'wbs',
    );
    expect(fields(wbs)).toEqual({ A: 'level', B: 'name', C: 'assignee' });
  });
});

describe('tables and their columns', () => {
  it("reads a bare Duration column as working days where its cells carry the unit (MS Project's export: 5 days, 1 day, 3 days?), not where they are plain numbers", () => {
    const tasks = ['Discovery', 'Interviews', 'Review', 'Design', 'Wireframes'];
    const withUnit: ModelCell[][] = [['ID', 'Task Name', 'Duration', 'Start', 'Finish']];
    tasks.forEach((name, i) => withUnit.push([i + 1, name, ['5 days', '1 day', '3 days?', '0 days', '10 days'][i]!, d('2025-05-01'), d('2025-05-08')]));
    const t = read(withUnit, 'wbs');
    expect(fields(t).C).toBe('duration');
    expect(t.records.map((r) => r.values.duration)).toEqual([5, 1, 3, 0, 10]);
    // Numbers alone under a bare Duration may be calendar days (or days worked so far): left as they are.
    const plain = withUnit.map((r, i) => (i === 0 ? r : [r[0], r[1], [5, 1, 3, 0, 10][i - 1]!, r[3], r[4]]));
    expect(fields(read(plain, 'wbs')).C).toBeUndefined();
  });

  it('takes a table beside another one as its own table, leaving the other alone', () => {
    const rows: ModelCell[][] = [
      ['課題一覧'],
      [],
      ['No', '課題名', '担当者', '期限', '状況', null, '氏名', '所属', '連絡先'],
    ];
    for (let i = 1; i <= 10; i++) rows.push([i, `課題${i}`, '山田', d('2025-05-01'), '対応中', null, ...(i <= 3 ? [`メンバー${i}`, '開発', `x${i}@example.com`] : [])]);
    const t = read(rows, 'issue');
    expect(t.columns.map((c) => c.column)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(t.records).toHaveLength(10);
    expect(t.records.every((r) => Object.keys(r.extra).length === 0)).toBe(true);
  });

  it('keeps a legend beside the header out of the table though a column with data and no word of its own stands next to the gap', () => {
    const rows: ModelCell[][] = [
      ['ID', 'Title', 'Status', 'Action', null, null, null, 'Rating', 'Meaning'],
      [null, null, null, 'Due Date', 'Owner', null, null, 'High', 'High: watch'],
      [1, 'Performance may be late', 'Open', d('2025-05-01'), 'E. Kim', 8, null, 'Medium', 'Medium: watch'],
      [2, 'Sign-off below target', 'Open', d('2025-05-20'), 'Bob Smith', 11, null, 'Low', 'Low: watch'],
      [3, 'Key staff below target', 'Closed', d('2025-06-02'), 'C. Jones', 16],
      [4, 'Vendor outage', 'Open', d('2025-06-30'), 'Ann Lee', 22],
    ];
    const t = read(rows, 'issue', ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1']);
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(t.columns.filter((c) => c.c >= 6)).toEqual([]);
    expect(fields(t)).toEqual({ A: 'ref', B: 'title', C: 'status', D: 'due', E: 'owner' });
    expect(t.records.map((r) => r.values.title)).toEqual(['Performance may be late', 'Sign-off below target', 'Key staff below target', 'Vendor outage']);
  });

  it('makes the Description column the title of a register without a title column; Rank stays extra', () => {
    const t = read(
      [
        ['No.', 'Rank', 'Description', 'Category', 'Root Cause', 'Triggers', 'Potential Responses', 'Risk Owner', 'Probability', 'Impact', 'Status'],
        [1, 1, 'Key staff leave mid-project', 'Market risk', 'Pay below market', 'Resignation', 'Retention bonus', 'HR', 'High', 'High', 'Open'],
      ],
      'risk',
    );
    expect(fields(t)).toEqual({
      A: 'ref',
      C: 'title',
      D: 'category',
      E: 'description',
      F: 'trigger',
      G: 'responsePlan',
      H: 'owner',
      I: 'probability',
      J: 'impact',
      K: 'status',
    });
    expect(t.records[0]!.values.title).toBe('Key staff leave mid-project');
  });

  it('without any title word, takes the longest free-text column as the title, with a confidence that asks', () => {
    const m = model(
      sheet('Sheet1', [
        ['ID', '日付', '担当', '状況', 'メモ欄'],
        [1, d('2025-04-01'), '山田', '対応中', 'ログイン画面の仕様が未確定で設計に入れない'],
        [2, d('2025-04-02'), '佐藤', '完了', '帳票のレイアウトを顧客と合意する必要がある'],
      ]),
    );
    const found = detectLayout(m, 'issue', { reference: TODAY });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.layout.columns.find((c) => c.field === 'title')?.column).toBe('E');
    expect(found.layout.confidence!.key).toBeLessThan(ASK_BELOW);
  });

  it('knows the common variants: Type/分類/区分, Comments/備考/コメント, Actions/対応, Rank/順位', () => {
    const issue = read([['No', '件名', '区分', '順位', '対応', 'コメント'], [1, 'a', '課題', '高', 'b', 'c']], 'issue');
    expect(fields(issue)).toMatchObject({ B: 'title', C: 'kind', D: 'priority', E: 'resolution' });
    const risk = read([['ID', 'Risk', 'Type', 'Actions'], [1, 'a', 'Technical', 'b']], 'risk');
    expect(fields(risk)).toMatchObject({ B: 'title', C: 'category', D: 'responsePlan' });
    const wbs = read([['Task', 'Owner', 'Comments'], ['a', 'b', 'c']], 'wbs');
    expect(fields(wbs)).toMatchObject({ A: 'name', B: 'assignee', C: 'notes' });
  });

  it("reads the register's own noun before a field's word as that field (Risk Area, リスクLv), Lv as level, X レベル / X Level as X's rating, and の in a compound (対応の方針)", () => {
    const risk = read(
      [
        ['No', 'リスク名', 'Risk Area', '影響レベル', 'Probability Level', 'リスクLv', '対応の方針'],
        [1, 'ベンダーの遅延', 'Technical', 3, 2, '高', '軽減'],
        [2, '要員の不足', 'Resource', 4, 5, '中', '回避'],
      ],
      'risk',
    );
    expect(fields(risk)).toEqual({ A: 'ref', B: 'title', C: 'category', D: 'impact', E: 'probability', F: 'level', G: 'strategy' });
    expect(risk.records.map((r) => [r.values.impact, r.values.probability])).toEqual([[3, 2], [4, 5]]);
    // A WBS's Lv column is its outline level; リスクレベル (the record's own noun and nothing else) stays the level.
    expect(fields(read([['Lv', 'タスク名', '担当'], [1, '設計', '山田'], [2, '画面設計', '佐藤']], 'wbs'))).toEqual({ A: 'level', B: 'name', C: 'assignee' });
    expect(fields(read([['No', 'リスク', 'リスクレベル', '担当者'], [1, 'a', '高', '山田']], 'risk'))).toEqual({ A: 'ref', B: 'title', C: 'level', D: 'owner' });
  });

  it('builds the tree from the indent when the Lv column is formulas computed from it (=getIndentLevel(E6)), its cached values only when nothing else gives one', () => {
    // The cached levels are stale (the third task was outdented and Excel has not recomputed them).
    const rows: ModelCell[][] = [
      ['Lv', 'タスク名', '担当者'],
      [{ f: 1 }, '設計', '山田'],
      [{ f: 2 }, '  画面設計', '佐藤'],
      [{ f: 2 }, '製造', '鈴木'],
    ];
    const t = read(rows, 'wbs');
    expect(fields(t)).toMatchObject({ A: 'level', B: 'name' });
    expect(t.hierarchy).toBe('indent');
    expect(t.records.map((r) => [r.values.name, r.level])).toEqual([['設計', 0], ['画面設計', 1], ['製造', 0]]);
    // Without an indent the formulas' values are the only tree there is.
    const flat = read(rows.map((r, i) => (i === 2 ? [r[0], '画面設計', r[2]] : r)), 'wbs');
    expect(flat.hierarchy).toBe('level');
    expect(flat.records.map((r) => r.level)).toEqual([0, 1, 1]);
  });

  it("reads a numbered series of a list field's word (分類1 | 分類2 | 分類3) as the client's own columns, and an issue's 開始日 as no date of ours", () => {
    // A blank template: no values under the header to tell the columns' types.
    const found = detectLayout(model(sheet('Sheet1', [['No.', '分類1', '分類2', '分類3', '指摘内容', '開始日', 'ステータス'], [{ f: 1 }], [{ f: 2 }]])), 'issue', { reference: TODAY });
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(Object.fromEntries(found.layout.columns.filter((c) => c.field).map((c) => [c.column, c.field]))).toEqual({ A: 'ref', E: 'title', G: 'status' });
    // The words of a level as written (カテゴリ1, カテゴリ2) still name the WBS's levels.
    expect(fields(read([['カテゴリ1', 'カテゴリ2', 'タスク名'], ['設計', '画面', '画面設計']], 'wbs'))).toEqual({ A: 'level1', B: 'level2', C: 'name' });
  });

  it('reads header words through the marks templates dress them in (▼, 【必須】, (required)) and X内容 as X (処置内容 is the treatment)', () => {
    const t = read(
      [
        ['# ▼', '【必須】件名', '処置内容', '状況▼', '期限(必須)', 'Owner (required)'],
        [1, '帳票の桁数', '桁数を12桁に変更', '対応中', d('2025-05-01'), 'Ann'],
        [2, 'ログイン遅延', 'インデックス追加', '完了', d('2025-05-20'), 'Bob'],
      ],
      'issue',
    );
    expect(fields(t)).toEqual({ A: 'ref', B: 'title', C: 'resolution', D: 'status', E: 'due', F: 'owner' });
  });

  it('reads a header cell of several lines line by line (件名 / Risk in a bilingual template), and Resolution Details as the resolution', () => {
    const risk = read(
      [
        ['No\nID', '詳細\nDetails', 'リスク分類（Risk Type）', '責任者（Owner）', '件名\nRisk'],
        [1, 'As staff are shared with another project, later phases could slip', 'Market risk', 'Ann', 'Data migration scope change'],
        [2, 'Under production load, later phases could slip', 'Technical', 'Bob', 'Vendor below target'],
        [3, 'With the legacy rules undocumented, quality could suffer', 'Technical', 'Cy', 'External API outage'],
      ],
      'risk',
    );
    expect(fields(risk)).toEqual({ A: 'ref', B: 'description', C: 'category', D: 'owner', E: 'title' });
    const issue = read(
      [
        ['No', 'Issue', 'Owner', 'Resolution Details'],
        [1, 'Report totals wrong', 'Ann', 'Rounding fixed in the report query'],
        [2, 'Login is slow', 'Bob', 'Index added on the user table'],
      ],
      'issue',
    );
    expect(fields(issue)).toEqual({ A: 'ref', B: 'title', C: 'owner', D: 'resolution' });
  });

  it('knows who and when as trackers and review logs write them: Reporter/Raised/Resolved, レビューア/レビューイ, メンバー', () => {
    const issue = read([['Key', 'Summary', 'Reporter', 'Assignee', 'Raised', 'Resolved'], ['A-1', 'Login fails', 'Ann', 'Bob', d('2025-04-01'), d('2025-04-03')]], 'issue');
    expect(fields(issue)).toMatchObject({ B: 'title', C: 'raisedBy', D: 'owner', E: 'raisedOn', F: 'closedOn' });
    const review = read([['No', '指摘内容', 'レビューア', 'レビューイ', '状態'], [1, '誤字', '山田', '佐藤', '完了']], 'issue');
    expect(fields(review)).toMatchObject({ B: 'title', C: 'raisedBy', D: 'owner', E: 'status' });
    const wbs = read([['階層', 'タスク', 'メンバー'], [1, '設計', '山田'], [2, '画面設計', '佐藤']], 'wbs');
    expect(fields(wbs)).toMatchObject({ A: 'level', B: 'name', C: 'assignee' });
  });

  it('keeps a column headed plainly as a rating or list field whose words do not read as one: words mapped, free text flagged with its row', () => {
    const t = read(
      [
        ['ID', 'Title', 'Type', 'Probability', 'Impact (monetary)'],
        [1, 'Number plates unreadable', 'Quality', '75% to 100%', 15000],
        [2, 'Data stolen', 'Legal', '50% to 75%', 20000],
        [3, 'Vehicle data sold', 'Legal', '50% to 75%', 15000],
      ],
      'risk',
    );
    // Money amounts are no rating: that column stays the client's own.
    expect(fields(t)).toEqual({ A: 'ref', B: 'title', C: 'category', D: 'probability' });
    expect(t.records).toHaveLength(3);
    expect(t.records[0]!.extra).toMatchObject({ Probability: '75% to 100%' });
    expect(t.problems.filter((p) => p.field === 'probability').every((p) => p.warning)).toBe(true);
  });

  it('reads snake_case headers word by word: baseline dates are the plan, actual ones the actuals, a variance is no field', () => {
    const t = read(
      [
        ['WBS_ID', 'Task_Name', 'Baseline_Start', 'Baseline_Finish', 'Baseline_Effort_hrs', 'Actual_Start', 'Actual_Finish', 'Actual_Effort_hrs', 'Effort_Var_h', '工数差異'],
        ['1', 'Kickoff', d('2025-04-01'), d('2025-04-02'), 8, d('2025-04-01'), d('2025-04-03'), 10, 2, 2],
      ],
      'wbs',
    );
    expect(fields(t)).toEqual({ A: 'wbsCode', B: 'name', C: 'plannedStart', D: 'plannedFinish', E: 'plannedEffort', F: 'actualStart', G: 'actualFinish', H: 'actualEffort' });
  });
});

describe('a gantt without header words', () => {
  /** Week dates across from E, an outline of names in B:D, bars only as fills (no values). */
  const gantt = (grid: (r: number) => ModelCell[] = () => []): ModelCell[][] => {
    const weeks = Array.from({ length: 8 }, (_, k) => new Date(Date.UTC(2025, 3, 7 + k * 7)));
    const names: ModelCell[][] = [
      [null, '設計'],
      [null, null, '画面設計'],
      [null, null, null, 'ログイン画面'],
      [null, null, null, '一覧画面'],
      [null, null, 'DB設計'],
      [null, '製造'],
      [null, null, 'ログイン機能'],
    ];
    return [['中日程'], [], [null, null, null, null, ...weeks], ...names.map((row, i) => [...row, ...Array(4 - row.length).fill(null), ...grid(i)])];
  };

  it('reads the names left of a row of dates as one name column whose tree is the outline; the date columns are the grid', () => {
    const t = read(gantt(), 'wbs');
    expect(t.header).toEqual({ top: 3, bottom: 3 });
    expect(t.columns.map((c) => [c.column, c.field])).toEqual([['B:D', 'name']]);
    expect(t.records.map((r) => [r.values.name, r.level])).toEqual([
      ['設計', 0],
      ['画面設計', 1],
      ['ログイン画面', 2],
      ['一覧画面', 2],
      ['DB設計', 1],
      ['製造', 0],
      ['ログイン機能', 1],
    ]);
    // Nothing names the columns: the dialog asks the user to check the header.
    const found = detectLayout(model(sheet('Sheet1', gantt())), 'wbs', { reference: TODAY });
    expect(found.ok && found.layout.confidence!.header).toBeLessThan(ASK_BELOW);
  });

  it('is no register where the date columns hold written statuses (a diary) or a code on most days (a rota), where the names are no outline, nor for a risk register', () => {
    const diary = gantt((i) => (i % 2 ? [] : ['waiting for review', null, 'done']));
    expect(detectLayout(model(sheet('Sheet1', diary)), 'wbs', { reference: TODAY }).ok).toBe(false);
    // A rota: a code on most days.
    const rota = gantt(() => ['早', '遅', '休', '早', '早', '遅', '休', '早']);
    expect(detectLayout(model(sheet('Sheet1', rota)), 'wbs', { reference: TODAY }).ok).toBe(false);
    // Names in one column only (people, not an outline of work).
    const people = gantt().map((row, i) => (i < 3 ? row : [null, row.slice(1, 4).find((x) => x) ?? null, null, null, ...row.slice(4)]));
    expect(detectLayout(model(sheet('Sheet1', people)), 'wbs', { reference: TODAY }).ok).toBe(false);
    expect(detectLayout(model(sheet('Sheet1', gantt())), 'risk', { reference: TODAY }).ok).toBe(false);
  });

  it('is read the same when the user points at the row of dates', () => {
    const m = model(sheet('Sheet1', gantt()));
    expect(layoutAt(m, 'wbs', 'Sheet1', 2, 2)?.columns.map((c) => [c.column, c.field])).toEqual([['B:D', 'name']]);
  });
});

describe('no table', () => {
  it('finds no register in a daily report (a form of labels and free text)', () => {
    const m = model(
      sheet('日報', [
        ['日報'],
        ['氏名：', '山田太郎', null, '日付：', d('2025-04-01')],
        [],
        ['本日の作業内容'],
        ['ログイン画面の設計レビューに参加した。指摘は3件。'],
        ['明日の予定'],
        ['指摘事項の修正'],
        ['所感'],
        ['特になし'],
      ]),
    );
    for (const target of ['wbs', 'risk', 'issue', 'change'] as const) expect(detectLayout(m, target, { reference: TODAY }).ok, target).toBe(false);
  });
});

describe("the client's words", () => {
  const register: ModelCell[][] = [
    ['No.', 'Description', 'Category', 'Probability', 'Impact', 'Status'],
    [1, 'Key staff leave', 'Market risk', 'High', 'Medium at the beginning, gets higher with time', 'Open'],
    [2, 'Vendor late', 'Technical risk', 2.5, 4, 'Closed'],
    [3, 'Scope creep', 'Market risk', 1.5, 'Low', 'Open'],
  ];

  it('reads words not on the list through a suggestion, lists each once, and drops no row', () => {
    const t = read(register, 'risk');
    expect(t.records).toHaveLength(3);
    expect(t.records.map((r) => r.values.category)).toEqual(['Market risk', 'technical', 'Market risk']);
    expect(t.unknownValues.map((u) => [u.field, u.word, u.rows, u.code, u.suggestion.by])).toEqual([
      ['category', 'Market risk', [2, 4], 'Market risk', 'new'],
      ['category', 'Technical risk', [3], 'technical', 'label'],
      // Decimal ratings go through the same table, suggested by the scale (half up), for the user to confirm.
      ['probability', '2.5', [3], '3', 'scale'],
      ['probability', '1.5', [4], '2', 'scale'],
    ]);
    expect(t.newItems).toEqual([{ list: 'risk.category', code: 'Market risk', label: 'Market risk' }]);
    // Every word read is kept both ways: the export writes Open/Closed, not オープン/クローズ.
    expect(t.valueMaps.status).toMatchObject({ words: { Open: 'open', Closed: 'closed' }, exportAs: { open: 'Open', closed: 'Closed' } });
  });

  it("takes the user's choice over the suggestion", () => {
    const a = analyzeWorkbook(model(sheet('Sheet1', register)), 'risk', { today: TODAY, valueChoices: { category: { 'Market risk': 'external' } } });
    expect(a.ok && a.table.records.map((r) => r.values.category)).toEqual(['external', 'technical', 'external']);
    expect(a.ok && a.table.newItems).toEqual([]);
  });

  it('rounds decimal ratings, keeps free text of a rating column with the row (flagged, not left out)', () => {
    const t = read(register, 'risk');
    expect(t.records.map((r) => [r.values.probability, r.values.impact])).toEqual([
      [5, null],
      [3, 4],
      [2, 1],
    ]);
    expect(t.records[0]!.extra).toEqual({ Impact: 'Medium at the beginning, gets higher with time' });
    const p = t.problems.find((x) => x.cell === 'E2')!;
    expect(p).toMatchObject({ kind: 'rating', warning: true, field: 'impact' });
  });

  it('reads a 1–10 score onto 1–5 and keeps the scale in the value map', () => {
    const t = read([['ID', 'Risk', 'Likelihood'], [1, 'a', 10], [2, 'b', 1], [3, 'c', 6], [4, 'd', 3]], 'risk');
    // 3 of 10 is a 2, not a 3: every number of a column on another scale goes through the scale.
    expect(t.records.map((r) => r.values.probability)).toEqual([5, 1, 3, 2]);
    expect(t.valueMaps.probability?.scale).toEqual({ min: 1, max: 10 });
  });

  it("reads rating numbers through the table the user confirms (the dialog's choice, then the profile's words), both ways", () => {
    const choices = { probability: { '2.5': '2' } };
    const a = analyzeWorkbook(model(sheet('Sheet1', register)), 'risk', { today: TODAY, valueChoices: choices });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.records.map((r) => r.values.probability)).toEqual([5, 2, 2]);
    expect(a.table.unknownValues.find((u) => u.word === '2.5')).toMatchObject({ code: '2', chosen: true });
    expect(a.table.valueMaps.probability?.words).toMatchObject({ '2.5': '2', '1.5': '2' });
    // Saved in a profile, the table reads the next file without asking again.
    const again = analyzeWorkbook(model(sheet('Sheet1', register)), 'risk', { today: TODAY, valueMaps: { probability: { words: { '2.5': '2' }, exportAs: {} } } });
    if (!again.ok) throw new Error(again.reason);
    expect(again.table.records[1]!.values.probability).toBe(2);
    expect(again.table.unknownValues.find((u) => u.word === '2.5')).toMatchObject({ code: '2', chosen: true });
  });
});

describe('dates without a year', () => {
  it("take the year of the row's other dates, else the column's, else the project's period — flagged", () => {
    const rows: ModelCell[][] = [
      ['課題', '起票日', '期限'],
      ['a', d('2025-03-20'), '4/3'],
      ['b', null, '4/18'],
      ['c', d('2024-12-01'), d('2024-12-20')],
    ];
    const t = read(rows, 'issue');
    expect(t.records.map((r) => r.values.due)).toEqual(['2025-04-03', '2025-04-18', '2024-12-20']);
    expect(t.problems.filter((p) => p.warning).map((p) => [p.cell, p.reason])).toEqual([
      ['C2', "4/3 has no year: read as 2025/04/03 (year from the row's other dates)"],
      ['C3', "4/18 has no year: read as 2025/04/18 (year from the column's other dates)"],
    ]);
    const a = analyzeWorkbook(model(sheet('S', [['課題', '期限'], ['a', '4/3']])), 'issue', { today: '2027-01-10', period: { start: '2025-01-01', end: '2025-12-31' } });
    expect(a.ok && a.table.records[0]!.values.due).toBe('2025-04-03');
  });

  it('are asked where nothing decides the year: read in the nearest year to today, flagged as undecided, then in the year chosen', () => {
    const rows: ModelCell[][] = [['課題', '起票日'], ['a', '4/3'], ['b', '11/20'], ['c', '4/3']];
    const t = read(rows, 'issue');
    expect(t.records.map((r) => r.values.raisedOn)).toEqual(['2025-04-03', '2025-11-20', '2025-04-03']);
    expect(t.undecidedYears).toEqual({ count: 3, examples: ['4/3', '11/20'], year: 2025, chosen: false });
    expect(t.problems.map((p) => [p.cell, p.code, p.params])).toEqual([
      ['B2', 'yearAmbiguous', { value: '4/3', date: '2025/04/03', other: '2024 / 2026' }],
      ['B3', 'yearAmbiguous', { value: '11/20', date: '2025/11/20', other: '2024 / 2026' }],
      ['B4', 'yearAmbiguous', { value: '4/3', date: '2025/04/03', other: '2024 / 2026' }],
    ]);
    const chosen = analyzeWorkbook(model(sheet('Sheet1', rows)), 'issue', { today: TODAY, year: 2023 });
    if (!chosen.ok) throw new Error(chosen.reason);
    expect(chosen.table.records.map((r) => r.values.raisedOn)).toEqual(['2023-04-03', '2023-11-20', '2023-04-03']);
    expect(chosen.table.undecidedYears).toMatchObject({ year: 2023, chosen: true });
    expect(chosen.table.problems.map((p) => [p.code, p.params.from])).toEqual([['yearAssumed', 'user'], ['yearAssumed', 'user'], ['yearAssumed', 'user']]);
  });
});

describe('dates without a year over a new year', () => {
  const rows: ModelCell[][] = [['課題', '起票日'], ['a', '12/20'], ['b', '12/28'], ['c', '1/5'], ['d', '1/12']];
  const raised = (opts: Parameters<typeof analyzeWorkbook>[2]) => {
    const a = analyzeWorkbook(model(sheet('Sheet1', rows)), 'issue', opts);
    if (!a.ok) throw new Error(a.reason);
    return a.table;
  };

  it('reads them forward as one stretch from the year asked, whatever day today is', () => {
    for (const today of ['2026-03-01', '2026-07-01', '2026-07-04', '2026-10-15']) {
      const t = raised({ today });
      const dates = t.records.map((r) => r.values.raisedOn as string);
      expect(dates, today).toEqual([...dates].sort());
      expect(dates[0]!.slice(0, 4), today).toBe(String(t.undecidedYears!.year));
      expect(t.undecidedYears, today).toMatchObject({ count: 4, span: true, chosen: false });
    }
  });

  it('takes the year chosen as the year the stretch starts in', () => {
    const t = raised({ today: '2026-07-01', year: 2024 });
    expect(t.records.map((r) => r.values.raisedOn)).toEqual(['2024-12-20', '2024-12-28', '2025-01-05', '2025-01-12']);
    expect(t.undecidedYears).toMatchObject({ year: 2024, chosen: true, span: true });
  });

  it("places the stretch by the project's period when the project has one", () => {
    // The period's middle (2026-06-30) is the reference; the stretch is placed nearest it.
    const t = raised({ today: '2028-03-01', period: { start: '2026-04-01', end: '2026-09-30' } });
    expect(t.records.map((r) => r.values.raisedOn)).toEqual(['2025-12-20', '2025-12-28', '2026-01-05', '2026-01-12']);
    expect(t.undecidedYears).toBeUndefined();
  });
});

describe('Excel table objects', () => {
  it('read from the file, find a table far down the sheet on their header row, and end its data at the table (its totals row is no record)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Issues');
    for (let r = 1; r <= 110; r++) ws.getCell(`A${r}`).value = `Step ${r}: read the guide before you log an issue.`;
    ws.addTable({
      name: 'TBL_Issues',
      ref: 'A112',
      headerRow: true,
      totalsRow: true,
      columns: [{ name: 'ID', totalsRowLabel: 'Count' }, { name: 'Title' }, { name: 'Owner' }, { name: 'Status' }],
      rows: [
        ['I-1', 'Login is slow', 'Ann', 'Open'],
        ['I-2', 'Report totals wrong', 'Bob', 'Closed'],
        ['I-3', 'Export misses a column', 'Cy', 'Open'],
      ],
    });
    ws.getCell('A118').value = 'Last reviewed by Bob';
    ws.getCell('B118').value = 'on Monday';
    const m = readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'issues.xlsx');
    expect(m.sheets[0]!.tables).toEqual([{ name: 'TBL_Issues', ref: { r1: 111, c1: 0, r2: 115, c2: 3 }, headerRows: 1, totalsRows: 1 }]);
    const a = analyzeWorkbook(m, 'issue', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.header).toEqual({ top: 112, bottom: 112 });
    expect(a.table.records.map((r) => r.values.title)).toEqual(['Login is slow', 'Report totals wrong', 'Export misses a column']);
    expect(a.table.data).toMatchObject({ first: 113, last: 115, end: 'table end', endRow: 116 });
  });

  it('outweigh a block with more field words: the register in a table object wins over a summary above it', () => {
    const risks = sheet('Sheet1', [
      ['Top risks this month'],
      ['Risk', 'Risk Owner', 'Status', 'Due Date', 'Impact'],
      ['Vendor late', 'Ann', 'Open', d('2025-05-01'), 'High'],
      ['Key staff leave', 'Bob', 'Open', d('2025-06-01'), 'Medium'],
      [],
      ['Risk log'],
      ['No', 'Risk', 'Owner', 'Status'],
      [1, 'Vendor late', 'Ann', 'Open'],
      [2, 'Key staff leave', 'Bob', 'Open'],
      [3, 'Test data missing', 'Cy', 'Closed'],
    ]);
    const without = detectLayout(model(risks), 'risk', { reference: TODAY });
    expect(without.ok && without.layout.headerTop).toBe(1);
    risks.tables = [{ name: 'TBL_Risks', ref: { r1: 6, c1: 0, r2: 9, c2: 3 }, headerRows: 1, totalsRows: 0 }];
    const found = detectLayout(model(risks), 'risk', { reference: TODAY });
    expect(found.ok && found.layout.headerTop).toBe(6);
  });
});

describe('header words read by their parts', () => {
  const cols = (rows: ModelCell[][], target: ImportTarget) => {
    const found = detectLayout(model(sheet('Sheet1', rows)), target, { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    return Object.fromEntries(found.layout.columns.map((c) => [c.label, c.field]));
  };

  it('common risk-register words name their fields in both languages (tier and 危険度 the level, 処理方針 the strategy, mitigating and contingency actions, a risk domain)', () => {
    // Each word heads a column of a register whose other columns are plain, over values that fit it.
    const risk = (words: string[], values: ModelCell[][]) =>
      cols([['Risk', 'Owner', ...words], ...values.map((v, i): ModelCell[] => [`Risk number ${i + 1} of the plan`, 'Ann', ...v])], 'risk');
    const en = risk(
      ['Risk Domain', 'Probability Score', 'Risk Tier', 'Response Option', 'Mitigating Actions', 'Contingency Actions', 'Likelihood of Occurrence'],
      [
        ['Technical', 2, 'High', 'Mitigate', 'Add a second vendor', 'Use the old system', 3],
        ['Commercial', 4, 'Low', 'Accept', 'Weekly review', 'Buy licences', 2],
        ['Technical', 3, 'Medium', 'Avoid', 'Freeze scope', 'Drop the feature', 1],
      ],
    );
    expect(en).toMatchObject({
      'Risk Domain': 'category',
      'Probability Score': 'probability',
      'Risk Tier': 'level',
      'Response Option': 'strategy',
      'Mitigating Actions': 'responsePlan',
      'Contingency Actions': 'contingency',
    });
    const ja = cols(
      [
        ['リスク事項', '担当者', '分野', '発生見込み', '危険度', '処理方針', '低減対策', '緊急対応策'],
        ['ベンダーの納期遅延', '山田', '技術', '高', '高', '低減', '複数社に発注', '旧システムで運用'],
        ['要員の離脱', '佐藤', '体制', '中', '中', '受容', '引継ぎ資料の整備', '外部要員を確保'],
        ['仕様の追加', '鈴木', '業務', '低', '低', '回避', '仕様凍結', '次期に回す'],
      ],
      'risk',
    );
    expect(ja).toEqual({ リスク事項: 'title', 担当者: 'owner', 分野: 'category', 発生見込み: 'probability', 危険度: 'level', 処理方針: 'strategy', 低減対策: 'responsePlan', 緊急対応策: 'contingency' });
  });

  it('a date column by the event its label names: a target to meet is due, an opening the day raised, a closing the day closed; "… By" after a participle is a person', () => {
    expect(['完了目標日', '回答希望日', 'Complete By', 'Needed By', 'Target Close Date'].map(dateRole)).toEqual(['due', 'due', 'due', 'due', 'due']);
    // An act asked for by a day is a deadline (review R3: 回答要求日 was read as the day the question was raised).
    expect(['回答要求日', '対応要求日', '提出要求日', '要求日', '依頼日'].map(dateRole)).toEqual(['due', 'due', 'due', 'raisedOn', 'raisedOn']);
    expect(['受付年月日', '識別年月日', 'Date Entered', 'Date Submitted', 'Reported Date'].map(dateRole)).toEqual(['raisedOn', 'raisedOn', 'raisedOn', 'raisedOn', 'raisedOn']);
    expect(['解決日付', 'Date Resolved'].map(dateRole)).toEqual(['closedOn', 'closedOn']);
    expect(['Reported By', 'Closed By', '更新日', 'Target date slipped again last week', '担当者'].map(dateRole)).toEqual([null, null, null, null, null]);
    // A template's marks around the words change nothing.
    expect(['Resolve By ▼', '*Date Entered', '【必須】Complete By'].map(dateRole)).toEqual(['due', 'raisedOn', 'due']);
    const rows: ModelCell[][] = [
      ['Issue', 'Owner', 'Date Entered', 'Resolve By', 'Status'],
      ['Login is slow', 'Ann', d('2025-05-01'), d('2025-05-20'), 'Open'],
      ['Report totals wrong', 'Bob', d('2025-05-02'), d('2025-05-30'), 'Open'],
    ];
    expect(cols(rows, 'issue')).toMatchObject({ 'Date Entered': 'raisedOn', 'Resolve By': 'due' });
    // A closing day matched inside the label (close date) yields to the target it names.
    const risks: ModelCell[][] = [
      ['Risk', 'Owner', 'Target Close Date'],
      ['Vendor late', 'Ann', d('2025-05-20')],
      ['Key staff leave', 'Bob', d('2025-06-20')],
    ];
    expect(cols(risks, 'risk')['Target Close Date']).toBe('due');
  });

  it('an English label ends in its head: Record Type and Type of Item are an issue kind, a short word at the end as a longer one', () => {
    const rows = (word: string): ModelCell[][] => [
      ['Issue', word, 'Owner', 'Status'],
      ['Login is slow', 'Question', 'Ann', 'Open'],
      ['Report totals wrong', 'Issue', 'Bob', 'Open'],
    ];
    expect(cols(rows('Record Type'), 'issue')['Record Type']).toBe('kind');
    expect(cols(rows('Type of Item'), 'issue')['Type of Item']).toBe('kind');
  });

  it("the register's own noun and one word of no column (Risk Headline) is the record's name; Risk Tier, whose values repeat, is no name but the risk's level", () => {
    const rows: ModelCell[][] = [
      ['Risk Headline', 'Risk Tier', 'Owner', 'Status', 'Description'],
      ...['Vendor late', 'Key staff leave', 'Test data missing', 'Scope grows', 'Budget cut'].map((t, i): ModelCell[] => [t, i % 2 ? 'Tier 1' : 'Tier 2', 'Ann', 'Open', `${t}: the plan would slip by weeks and need a re-estimate`]),
    ];
    const found = cols(rows, 'risk');
    expect(found['Risk Headline']).toBe('title');
    expect(found['Risk Tier']).toBe('level');
    expect(found.Description).toBe('description');
    // The same label over values that repeat is no name: the long text is.
    const tiers: ModelCell[][] = [['Risk Tier', 'Owner', 'Status', 'Description'], ...rows.slice(1).map((r) => r.slice(1))];
    expect(cols(tiers, 'risk')).toMatchObject({ 'Risk Tier': 'level', Description: 'title' });
  });

  it('〜事項 (懸念事項, 検討事項) names the records, as 懸案事項 does', () => {
    const rows: ModelCell[][] = [
      ['No', '検討事項', '説明', '担当者', '状況'],
      [1, '帳票の出力形式', '月次帳票をPDFとExcelのどちらで出すか、利用部門と合意する必要がある', '山田', '対応中'],
      [2, '移行データの範囲', '旧システムの5年分のうち、どこまでを移行対象とするかが決まっていない', '佐藤', '完了'],
    ];
    // (Without it, the long text 説明 would be taken for the name.)
    expect(cols(rows, 'issue')).toMatchObject({ 検討事項: 'title', 説明: 'detail' });
  });
});

describe('stale Excel table objects', () => {
  it('a table object the records outgrew (the next row goes on with a name and more) does not end the data', () => {
    const issues = sheet('Sheet1', [
      ['No', 'Issue', 'Owner', 'Status'],
      [1, 'Login is slow', 'Ann', 'Open'],
      [2, 'Report totals wrong', 'Bob', 'Closed'],
      [3, 'Export misses a column', 'Cy', 'Open'],
      [4, 'Print layout breaks', 'Dan', 'Open'],
      [],
      ['Last reviewed by Bob'],
    ]);
    // Made a table over the first two records; the later ones were pasted under it.
    issues.tables = [{ name: 'Table1', ref: { r1: 0, c1: 0, r2: 2, c2: 3 }, headerRows: 1, totalsRows: 0 }];
    const a = analyzeWorkbook(model(issues), 'issue', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.records.map((r) => r.values.title)).toEqual(['Login is slow', 'Report totals wrong', 'Export misses a column', 'Print layout breaks']);
    expect(a.table.data).toMatchObject({ first: 2, last: 5 });
  });
});

describe("the client's own lists", () => {
  it('fills clientList from the list validations of the columns (inline, a range on another sheet, a defined name) and maps the words both ways', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Risks');
    ws.addRows([
      ['No.', 'Risk', 'Category', 'Status', 'Probability'],
      [1, 'Vendor late', 'Technical risk', 'Open', 'High'],
    ]);
    const lists = wb.addWorksheet('Lists');
    lists.addRows([['Technical risk'], ['Market risk'], ['Scope risk']]);
    wb.definedNames.add('Lists!$B$1:$B$3', 'Statuses');
    lists.getCell('B1').value = 'Open';
    lists.getCell('B2').value = 'Mitigating';
    lists.getCell('B3').value = 'Closed';
    for (let r = 2; r <= 50; r++) {
      ws.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Lists!$A$1:$A$3'] };
      ws.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Statuses'] };
      ws.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"High,Medium,Low"'] };
    }
    const m = await readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'risks.xlsx');
    const a = analyzeWorkbook(m, 'risk', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    const maps = a.table.valueMaps;
    expect(maps.category?.clientList).toEqual(['Technical risk', 'Market risk', 'Scope risk']);
    expect(maps.status?.clientList).toEqual(['Open', 'Mitigating', 'Closed']);
    expect(maps.probability?.clientList).toEqual(['High', 'Medium', 'Low']);
    // Words the project's list reads are kept both ways, so an export writes the client's word.
    expect(maps.status?.exportAs).toMatchObject({ open: 'Open', closed: 'Closed' });
    expect(maps.probability?.exportAs).toMatchObject({ '5': 'High', '3': 'Medium', '1': 'Low' });
  });
});

describe('what the author set around the cells', () => {
  const issues = (): ModelCell[][] => [
    ['課題管理表'],
    ['No', '課題件名', '件名(転記)', '担当者', '状況'],
    [1, 'ログインが遅い', { f: 'ログインが遅い' }, '山田', '対応中'],
    [2, '帳票の合計が合わない', { f: '帳票の合計が合わない' }, '佐藤', '完了'],
    [3, '移行データの欠損', { f: '移行データの欠損' }, '鈴木', '未対応'],
  ];

  it('a hidden column of formulas is a helper: it takes no field, even a word that names one', () => {
    const s = sheet('Sheet1', issues());
    const shown = analyzeWorkbook(model(s), 'issue', { today: TODAY });
    if (!shown.ok) throw new Error(shown.reason);
    expect(fields(shown.table)).toMatchObject({ C: 'title' });
    s.hiddenColumns = [{ c1: 2, c2: 2 }];
    const a = analyzeWorkbook(model(s), 'issue', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    expect(fields(a.table)).toEqual({ A: 'ref', B: 'title', D: 'owner', E: 'status' });
  });

  it('a hidden column of formulas takes no field even with no visible column naming it (a computed due date)', () => {
    const rows = issues().map((r, i) => (i === 0 ? r : i === 1 ? ['No', '課題件名', '期限(計算)', '担当者', '状況'] : [r[0], r[1], { f: 45_800 + i }, r[3], r[4]]));
    const s = sheet('Sheet1', rows);
    const shown = analyzeWorkbook(model(s), 'issue', { today: TODAY });
    if (!shown.ok) throw new Error(shown.reason);
    expect(fields(shown.table)).toMatchObject({ C: 'due' });
    s.hiddenColumns = [{ c1: 2, c2: 2 }];
    const a = analyzeWorkbook(model(s), 'issue', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    expect(fields(a.table)).toEqual({ A: 'ref', B: 'title', D: 'owner', E: 'status' });
  });

  it("a hidden column of the client's values keeps its field, but a visible column naming the field comes first", () => {
    const rows = issues().map((r, i) => (i < 2 ? r : [r[0], r[1], String((r[2] as { f: string }).f), r[3], r[4]]));
    rows[1] = ['No', '課題件名', '件名', '担当者', '状況'];
    const s = sheet('Sheet1', rows);
    s.hiddenColumns = [{ c1: 2, c2: 2 }];
    const a = analyzeWorkbook(model(s), 'issue', { today: TODAY });
    if (!a.ok) throw new Error(a.reason);
    expect(fields(a.table)).toMatchObject({ B: 'title' });
    rows[1] = ['No', '課題件名', '詳細', '担当者', '状況'];
    const t = sheet('Sheet1', rows);
    t.hiddenColumns = [{ c1: 2, c2: 2 }];
    const b = analyzeWorkbook(model(t), 'issue', { today: TODAY });
    if (!b.ok) throw new Error(b.reason);
    expect(fields(b.table)).toMatchObject({ B: 'title', C: 'detail' });
  });
});

describe('frozen panes and filters', () => {
  // A block of top risks above the register, with more field words than the register's header.
  const risks = () =>
    sheet('Sheet1', [
      ['Top risks this month'],
      ['Risk', 'Risk Owner', 'Status', 'Due Date', 'Impact'],
      ['Vendor late', 'Ann', 'Open', d('2025-05-01'), 'High'],
      ['Key staff leave', 'Bob', 'Open', d('2025-06-01'), 'Medium'],
      [],
      ['Risk log'],
      ['No', 'Risk', 'Owner', 'Status'],
      [1, 'Vendor late', 'Ann', 'Open'],
      [2, 'Key staff leave', 'Bob', 'Open'],
      [3, 'Test data missing', 'Cy', 'Closed'],
    ]);
  const headerTop = (s: ReturnType<typeof risks>) => {
    const found = detectLayout(model(s), 'risk', { reference: TODAY });
    return found.ok ? found.layout.headerTop : null;
  };

  it("a pane frozen under a header and a filter on it point at the author's table", () => {
    expect(headerTop(risks())).toBe(1);
    const frozen = risks();
    frozen.frozen = { rows: 7, cols: 0 };
    frozen.autoFilter = { r1: 6, c1: 0, r2: 9, c2: 3 };
    expect(headerTop(frozen)).toBe(6);
  });

  it("weigh a header's extent, not how it was read: a pane frozen under a header merged down over two rows keeps its columns' words", () => {
    // Records of two rows (plan over actual), the effort's words on two rows beside labels merged down over both.
    const rows: ModelCell[][] = [
      ['WBS番号', 'タスク名', '担当者', '予定工数\n(人日)'],
      [null, null, null, '実績工数\n(人日)'],
      ['1', '要件定義', '山田', 5],
      [null, null, null, 4],
      ['2', '基本設計', '佐藤', 8],
      [null, null, null, 9],
    ];
    const s = sheet('Sheet1', rows, ['A1:A2', 'B1:B2', 'C1:C2', 'A3:A4', 'B3:B4', 'C3:C4', 'A5:A6', 'B5:B6', 'C5:C6']);
    const fieldsOf = () => {
      const f = detectLayout(model(s), 'wbs', { reference: TODAY });
      if (!f.ok) throw new Error(f.reason);
      return [f.layout.headerTop, f.layout.headerBottom, Object.fromEntries(f.layout.columns.map((c) => [c.column, c.field]))];
    };
    const before = fieldsOf();
    s.frozen = { rows: 2, cols: 0 };
    s.autoFilter = { r1: 1, c1: 0, r2: 5, c2: 3 };
    expect(fieldsOf()).toEqual(before);
  });

  it('are evidence, not the answer: a pane frozen at the title or a filter left on other rows changes nothing', () => {
    const stale = risks();
    stale.frozen = { rows: 1, cols: 0 };
    stale.autoFilter = { r1: 7, c1: 0, r2: 9, c2: 3 };
    expect(headerTop(stale)).toBe(1);
  });
});

describe("a column's list validation", () => {
  it("names a blank template's column by the list's words (a response strategy headed 対応), and a list of people names no field", () => {
    const s = sheet('Sheet1', [['リスク管理表'], ['No', 'リスク', '担当者', '対応', '状況']]);
    const found = () => {
      const f = detectLayout(model(s), 'risk', { reference: TODAY });
      if (!f.ok) throw new Error(f.reason);
      return Object.fromEntries(f.layout.columns.map((c) => [c.column, c.field]));
    };
    expect(found()).toMatchObject({ C: 'owner', D: 'responsePlan' });
    s.lists = [
      { sqref: 'D3:D200', formula: '"回避,軽減,転嫁,受容"' },
      { sqref: 'C3:C200', formula: '"山田,佐藤,鈴木"' },
    ];
    expect(found()).toMatchObject({ B: 'title', C: 'owner', D: 'strategy', E: 'status' });
  });
});

describe('a second register of the kind on the sheet', () => {
  const head: ModelCell[] = ['No', 'Risk', 'Owner', 'Status', 'Due Date'];
  const rec = (i: number, s: string): ModelCell[] => [i, `Risk ${i}: vendor late`, 'Ann', s, d('2025-05-01')];

  it('below the first, after blank rows and its own title, is offered and asked about, even when it has fewer columns', () => {
    const rows: ModelCell[][] = [['Risk Register'], head, rec(1, 'Open'), rec(2, 'Open'), rec(3, 'Open'), [], [], ['Closed risks'], head.slice(0, 3), rec(4, 'Closed').slice(0, 3), rec(5, 'Closed').slice(0, 3)];
    const found = detectLayout(model(sheet('Sheet1', rows)), 'risk', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    expect(found.layout.headerTop).toBe(1);
    expect(found.candidates.map((c) => [c.headerTop, c.columns])).toEqual(expect.arrayContaining([[1, 'A:E'], [8, 'A:C']]));
    expect(found.layout.confidence!.table).toBeLessThan(ASK_BELOW);
  });

  it('beside the first, the same header again, is offered too; the first in reading order is chosen first', () => {
    // (The first's statuses read a little worse: one is not on the list.)
    const rows: ModelCell[][] = [head.concat([null], head), ...[1, 2, 3].map((i) => rec(i, 'Open').concat([null], i < 3 ? rec(i + 10, 'Closed') : []))];
    rows[1]![3] = 'Pending review';
    const found = detectLayout(model(sheet('Sheet1', rows)), 'risk', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    expect(found.layout.columns[0]!.column).toBe('A');
    expect(found.candidates.map((c) => c.columns).sort()).toEqual(['A:E', 'G:K']);
    expect(found.layout.confidence!.table).toBeLessThan(ASK_BELOW);
  });

  it('is no second register when it repeats the header inside the table (a printed page header)', () => {
    const rows: ModelCell[][] = [head, rec(1, 'Open'), rec(2, 'Open'), head, rec(3, 'Open'), rec(4, 'Closed')];
    const found = detectLayout(model(sheet('Sheet1', rows)), 'risk', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    expect(found.layout.headerTop).toBe(0);
    expect(found.layout.confidence!.table).toBeGreaterThanOrEqual(ASK_BELOW);
  });
});

// Blind set 3, H5: `Response` names the response plan by its word, but its cells are the strategy list's
// words (PRINCE2's Reduce = mitigate); the plan is the next column, Mitigating Actions.
describe('a long-text header over a column of one list’s words', () => {
  it('is that list’s field, and the plan goes to the column that holds it', () => {
    const t = read(
      [
        ['Risk Title', 'Likelihood (1-5)', 'Impact (1-5)', 'Response', 'Mitigating Actions'],
        ['Legacy data quality', 4, 4, 'Reduce', 'Data profiling sprint'],
        ['Budget freeze', 2, 5, 'Accept', 'Monitor forecast'],
        ['Hosting renewal', 4, 2, 'Transfer', 'Procurement handles renewal'],
      ],
      'risk',
    );
    expect(t.records.map((r) => [r.values.strategy, r.values.responsePlan])).toEqual([
      ['mitigate', 'Data profiling sprint'],
      ['accept', 'Monitor forecast'],
      ['transfer', 'Procurement handles renewal'],
    ]);
  });

  it('stays the plan where its cells are sentences', () => {
    const sentences = read(
      [
        ['Risk Title', 'Response'],
        ['Legacy data quality', 'Reduce by profiling the data first'],
        ['Budget freeze', 'Accept and monitor the forecast'],
        ['Hosting renewal', 'Transfer to procurement'],
      ],
      'risk',
    );
    expect(sentences.records.map((r) => r.values.responsePlan)).toEqual(['Reduce by profiling the data first', 'Accept and monitor the forecast', 'Transfer to procurement']);
  });
});

// Blind set 3, H9/H10: column and status words of Q&A and change logs.
describe('words of Q&A and change logs', () => {
  it('reads 要求部署 as the requester, Implementation as the implementation status, a lone － there as none', () => {
    const t = read(
      [
        ['変更要求件名', '要求部署', '判定', 'Implementation'],
        ['ロット番号入力の追加', '物流部', '承認', 'Complete'],
        ['QRコード印字', '営業部', '却下', '－'],
        ['帳票レイアウト変更', '経理部', '承認', 'In Progress'],
      ],
      'change',
    );
    expect(t.records.map((r) => [r.values.requestedBy, r.values.implStatus ?? null])).toEqual([
      ['物流部', 'done'],
      ['営業部', null],
      ['経理部', 'in_progress'],
    ]);
    expect(t.unknownValues).toEqual([]);
  });

  it('reads 回答者 alone as the owner, and 未回答 / 回答済 as statuses', () => {
    const t = read(
      [
        ['課題', '回答者', 'ステータス'],
        ['帳票の出力順序', '木村', '未回答'],
        ['外字の扱い', '山本', '回答済'],
      ],
      'issue',
    );
    expect(t.records.map((r) => [r.values.owner, r.values.status])).toEqual([
      ['木村', 'not_started'],
      ['山本', 'done'],
    ]);
    expect(t.unknownValues).toEqual([]);
  });

  it('keeps a lone － in a required list as a word to map (an issue always has a status)', () => {
    const t = read([['課題', 'ステータス'], ['a件', '－'], ['b件', '完了']], 'issue');
    expect(t.unknownValues.map((u) => u.word)).toEqual(['－']);
  });
});
