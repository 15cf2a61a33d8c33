// Detection rules for layouts of workbooks nobody here had seen (issue 11), each on a small workbook
// written by exceljs as a client's Excel would save it. Every rule says the general case it covers:
// instructions between the header and the first record, headers in two languages, a WBS whose levels
// stand in separate name columns.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook, readTable, type ImportTable } from '../../electron/core/excel/import/read-table.js';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { dateRole, matchLabel } from '../../electron/core/excel/import/synonyms.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const TODAY = '2025-06-15';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Sheet1'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function read(bytes: Uint8Array, target: ImportTarget): ImportTable {
  const a = analyzeWorkbook(readWorkbookBytes(bytes, 'client.xlsx'), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}
const fields = (t: ImportTable) => Object.fromEntries(t.columns.map((c) => [c.label, c.field]));

describe('instructions between the header and the first record', () => {
  it('a ※ note merged across the table under the header is left out and listed, and the records under it are read', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No', 'タスク名', '担当者', '開始日', '終了日', '備考']);
        ws.addRow(['※記入例：タスク名は具体的に記入してください']);
        ws.mergeCells('A2:F2');
        ws.addRow([1, '要件定義', '山田', d('2025-04-01'), d('2025-04-10')]);
        ws.addRow([2, '基本設計', '佐藤', d('2025-04-11'), d('2025-04-30')]);
        ws.addRow([3, '詳細設計', '鈴木', d('2025-05-01'), d('2025-05-20')]);
      }),
      'wbs',
    );
    expect(t.records.map((r) => r.values.name)).toEqual(['要件定義', '基本設計', '詳細設計']);
    expect(t.leftOut).toEqual([{ row: 2, reason: 'instructions' }]);
    expect(t.data.first).toBe(3);
  });

  it('a sentence merged across the columns, with the title first, is no risk', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['Risk', 'Owner', 'Probability', 'Impact', 'Status']);
        ws.addRow(['Describe each risk in one line and pick the ratings from the lists.']);
        ws.mergeCells('A2:E2');
        ws.addRow(['Vendor late', 'PM', 'High', 'Low', 'Open']);
        ws.addRow(['Key staff leave', 'PM', 'Low', 'High', 'Open']);
      }),
      'risk',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['Vendor late', 'Key staff leave']);
    expect(t.leftOut).toEqual([{ row: 2, reason: 'instructions' }]);
  });

  it('a blank template with only its instructions under the header lists them, and reads no record', async () => {
    const model = readWorkbookBytes(
      await book((ws) => {
        ws.addRow(['課題', '担当者', '状況', '期限']);
        ws.addRow(['※ 状況は一覧から選択してください。']);
      }),
      'blank.xlsx',
    );
    const found = detectLayout(model, 'issue', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    const t = readTable(model, found.layout, { today: TODAY });
    expect(t.records).toEqual([]);
    expect(t.leftOut).toEqual([{ row: 2, reason: 'instructions' }]);
  });

  it('an example row marked ※記入例 with values in its cells is an example, not a record', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No', '課題', '担当者', '状況']);
        ws.addRow(['※記入例', 'ログイン画面が遅い', '山田', '対応中']);
        ws.addRow([1, '帳票の出力形式が未定', '佐藤', '未着手']);
        ws.addRow([2, '移行範囲が未定', '鈴木', '完了']);
      }),
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['帳票の出力形式が未定', '移行範囲が未定']);
    expect(t.leftOut).toEqual([{ row: 2, reason: 'example' }]);
  });

  it('a long title alone on the first row, with nothing else filled yet, is a record', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['課題', '担当者', '状況']);
        ws.addRow(['ログイン画面で入力したパスワードが保存されないことがある問題の調査。']);
        ws.addRow(['帳票の桁ずれ', '佐藤', '完了']);
      }),
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['ログイン画面で入力したパスワードが保存されないことがある問題の調査。', '帳票の桁ずれ']);
    expect(t.leftOut).toEqual([]);
  });

  it('one cell asking the reader (not merged) is instructions too', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['Issue', 'Owner', 'Status']);
        ws.addRow(['Please add one issue per row below this line']);
        ws.addRow(['Login fails', 'Sato', 'Open']);
      }),
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['Login fails']);
    expect(t.leftOut).toEqual([{ row: 2, reason: 'instructions' }]);
  });

  it('a first task named by its verb (Select …, Describe …), with only its name, is a record (review 10, defect 2)', async () => {
    for (const first of ['Select hosting provider and sign the contract', 'Describe current processes for the workshop', 'Enter data into the new ledger']) {
      const t = read(
        await book((ws) => {
          ws.addRow(['Task', 'Owner', 'Start', 'Finish']);
          ws.addRow([first]);
          ws.addRow(['Set up environments', 'Ann', d('2025-04-01'), d('2025-04-10')]);
          ws.addRow(['Migrate data', 'Bob', d('2025-04-11'), d('2025-04-20')]);
        }),
        'wbs',
      );
      expect(t.records.map((r) => r.values.name)).toEqual([first, 'Set up environments', 'Migrate data']);
      expect(t.leftOut).toEqual([]);
    }
  });

  it('in the name’s own cell, text marked 記入例 or asking the reader (ください) is instructions', async () => {
    for (const note of ['記入例：タスク名は具体的に書く', 'タスク名は具体的に記入してください']) {
      const t = read(
        await book((ws) => {
          ws.addRow(['タスク名', '担当者', '開始日', '終了日']);
          ws.addRow([note]);
          ws.addRow(['要件定義', '山田', d('2025-04-01'), d('2025-04-10')]);
        }),
        'wbs',
      );
      expect(t.records.map((r) => r.values.name)).toEqual(['要件定義']);
      expect(t.leftOut).toEqual([{ row: 2, reason: 'instructions' }]);
    }
  });

  it('a short name alone on the first row is a record (a phase), not instructions', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['タスク名', '担当者', '開始日', '終了日']);
        ws.addRow(['データ入力']);
        ws.addRow(['入力画面の設計', '山田', d('2025-04-01'), d('2025-04-10')]);
      }),
      'wbs',
    );
    expect(t.records.map((r) => r.values.name)).toEqual(['データ入力', '入力画面の設計']);
    expect(t.leftOut).toEqual([]);
  });
});

describe('headers in two languages', () => {
  it('a Japanese header row over the same words in English is one header of two rows, not a first record', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['番号', '課題名', '担当者', '期限', '状況']);
        ws.addRow(['No.', 'Issue', 'Owner', 'Due Date', 'Status']);
        ws.addRow([1, 'Login fails', 'Yamada', d('2025-04-01'), 'Open']);
        ws.addRow([2, 'Slow search', 'Sato', d('2025-04-11'), 'Closed']);
      }),
      'issue',
    );
    expect([t.header.top, t.header.bottom]).toEqual([1, 2]);
    expect(t.records.map((r) => r.values.title)).toEqual(['Login fails', 'Slow search']);
    expect(fields(t)).toMatchObject({ '課題名 / Issue': 'title', '担当者 / Owner': 'owner', '期限 / Due Date': 'due', '状況 / Status': 'status' });
    expect(t.problems).toEqual([]);
  });

  it('an English header row over the Japanese one reads the same way', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['WBS', 'Task Name', 'Owner', 'Start', 'Finish']);
        ws.addRow(['WBS番号', 'タスク名', '担当者', '開始日', '終了日']);
        ws.addRow(['1', 'Design', 'Yamada', d('2025-04-01'), d('2025-04-10')]);
        ws.addRow(['2', 'Build', 'Sato', d('2025-04-11'), d('2025-04-30')]);
      }),
      'wbs',
    );
    expect([t.header.top, t.header.bottom]).toEqual([1, 2]);
    expect(t.records.map((r) => r.values.name)).toEqual(['Design', 'Build']);
  });

  it('a row of values under the header is never taken for its translation, even in the other language', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['課題', '担当者', '状況']);
        ws.addRow(['Status page slow', 'Owner team', 'Open']);
        ws.addRow(['Login fails', 'Sato', 'Closed']);
      }),
      'issue',
    );
    expect([t.header.top, t.header.bottom]).toEqual([1, 1]);
    expect(t.records).toHaveLength(2);
  });

  it('both languages in one cell (タスク名 / Task Name) name the column as either would', async () => {
    const model = readWorkbookBytes(
      await book((ws) => {
        ws.addRow(['No.', 'タスク名 / Task Name', '担当者 / Owner', '開始日 / Start', '終了日 / Finish', '進捗率 / Progress']);
      }),
      'blank.xlsx',
    );
    const found = detectLayout(model, 'wbs', { reference: TODAY });
    if (!found.ok) throw new Error(found.reason);
    expect(found.layout.confidence!.key).toBeGreaterThanOrEqual(0.9);
    expect(Object.fromEntries(found.layout.columns.map((c) => [c.column, c.field]))).toMatchObject({ B: 'name', C: 'assignee', D: 'plannedStart', E: 'plannedFinish', F: 'progress' });
  });

  it('where one language names no field (機能分類 / Module), a part of a word in the other (分類) does not make it the issue kind', async () => {
    // On one line with a slash, or on two lines of the cell.
    for (const sep of [' / ', '\n']) {
      const model = readWorkbookBytes(
        await book((ws) => {
          ws.addRow(['No.', `課題${sep}Issue`, `機能分類${sep}Module`, `担当者${sep}Owner`, `状況${sep}Status`, `期限${sep}Due`]);
        }),
        'blank.xlsx',
      );
      const found = detectLayout(model, 'issue', { reference: TODAY });
      if (!found.ok) throw new Error(found.reason);
      expect(Object.fromEntries(found.layout.columns.map((c) => [c.column, c.field])), JSON.stringify(sep)).toEqual({ A: 'ref', B: 'title', C: null, D: 'owner', E: 'status', F: 'due' });
    }
  });

  it('choices or a date format in brackets (優先度(H/M/L), 期限(YYYY/MM/DD)) are no second language: the label keeps its confidence', () => {
    const top = (target: ImportTarget, label: string) => matchLabel(target, [label])[0];
    expect(top('wbs', '開始予定日(YYYY/MM/DD)')).toEqual({ field: 'plannedStart', confidence: 0.97 });
    expect(top('issue', '期限(YYYY/MM/DD)')).toEqual({ field: 'due', confidence: 0.97 });
    expect(top('issue', '優先度(H/M/L)')).toEqual({ field: 'priority', confidence: 0.97 });
    expect(top('risk', '発生確率(H/M/L)')).toEqual({ field: 'probability', confidence: 0.97 });
    expect(top('risk', '状態(Open/Close)')).toEqual({ field: 'status', confidence: 0.97 });
    // The format on a line of its own under the label is no language either.
    expect(top('issue', '期限\nYYYY/MM/DD')?.field).toBe('due');
    expect(top('issue', '期限\nYYYY/MM/DD')!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('a register whose labels carry Latin choices in brackets is read with those columns mapped', async () => {
    const issues = read(
      await book((ws) => {
        ws.addRow(['No.', '課題', 'ランク(A/B/C)', '区分(A/B/C)', '担当者']);
        ws.addRow([1, 'ログイン不可', 'A', 'B', '山田']);
        ws.addRow([2, '帳票ずれ', 'B', 'A', '佐藤']);
      }),
      'issue',
    );
    expect(fields(issues)['ランク(A/B/C)']).toBe('priority');
    const risks = read(
      await book((ws) => {
        ws.addRow(['No.', 'リスク内容(Risk/Issue)', '種類(Tech/Biz)', '対応(Avoid/Mitigate)', '担当者']);
        ws.addRow([1, 'ベンダー遅延', 'Tech', 'Avoid', '山田']);
        ws.addRow([2, '要員離脱', 'Biz', 'Mitigate', '佐藤']);
      }),
      'risk',
    );
    expect(fields(risks)).toMatchObject({ 'リスク内容(Risk/Issue)': 'title', '種類(Tech/Biz)': 'category', '対応(Avoid/Mitigate)': 'responsePlan' });
    expect(risks.records.map((r) => r.values.title)).toEqual(['ベンダー遅延', '要員離脱']);
  });
});

describe('a WBS whose levels stand in separate name columns', () => {
  const levels = (t: ImportTable) => t.records.map((r) => `${'  '.repeat(r.level ?? 0)}${r.values.name}`);

  it('Phase | Activity | Task name, each row named in its level’s column, is one outline: every row a task at its level', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['Phase', 'Activity', 'Task name', 'Owner', 'Start', 'Finish']);
        ws.addRow(['Planning', null, null, null, d('2025-04-01'), d('2025-04-20')]);
        ws.addRow([null, 'Charter', null, null, d('2025-04-01'), d('2025-04-10')]);
        ws.addRow([null, null, 'Draft charter', 'PM', d('2025-04-01'), d('2025-04-05')]);
        ws.addRow([null, null, 'Sign charter', 'Sponsor', d('2025-04-06'), d('2025-04-10')]);
        ws.addRow(['Execution', null, null, null, d('2025-04-21'), d('2025-05-20')]);
        ws.addRow([null, 'Build', null, null, d('2025-04-21'), d('2025-05-20')]);
        ws.addRow([null, null, 'Code', 'Dev', d('2025-04-21'), d('2025-05-10')]);
      }),
      'wbs',
    );
    expect(t.columns.map((c) => [c.column, c.field])).toEqual([
      ['A:C', 'name'],
      ['D', 'assignee'],
      ['E', 'plannedStart'],
      ['F', 'plannedFinish'],
    ]);
    expect(levels(t)).toEqual(['Planning', '  Charter', '    Draft charter', '    Sign charter', 'Execution', '  Build', '    Code']);
  });

  it('大項目 | 中項目 | 作業名 beside a WBS code reads the same way', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['WBS', '大項目', '中項目', '作業名', '担当者']);
        ws.addRow(['1', '要件定義', null, null, null]);
        ws.addRow(['1.1', null, '業務調査', null, null]);
        ws.addRow(['1.1.1', null, null, '現行業務のヒアリング', '山田']);
        ws.addRow(['1.1.2', null, null, '課題の整理', '佐藤']);
        ws.addRow(['2', '設計', null, null, null]);
        ws.addRow(['2.1', null, '基本設計', null, null]);
      }),
      'wbs',
    );
    expect(t.columns.map((c) => [c.column, c.field])).toEqual([
      ['A', 'wbsCode'],
      ['B:D', 'name'],
      ['E', 'assignee'],
    ]);
    expect(levels(t)).toEqual(['要件定義', '  業務調査', '    現行業務のヒアリング', '    課題の整理', '設計', '  基本設計']);
  });

  it('a phase written on every task row is each task’s group, not a level of names', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['Phase', 'Task name', 'Owner']);
        ws.addRow(['Planning', 'Draft charter', 'PM']);
        ws.addRow(['Planning', 'Sign charter', 'Sponsor']);
        ws.addRow(['Execution', 'Code', 'Dev']);
      }),
      'wbs',
    );
    expect(t.columns.map((c) => [c.column, c.field])).toEqual([
      ['A', 'level1'],
      ['B', 'name'],
      ['C', 'assignee'],
    ]);
  });

  it('a group written once on its first task’s row, above ten or more tasks, stays a group: no task loses its name', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['大分類', '作業内容', '担当', '開始日', '終了日']);
        for (const [g, group] of ['設計', '開発', '試験'].entries())
          for (let i = 0; i < 11; i++) {
            const day = d(`2025-0${4 + g}-${String(i + 1).padStart(2, '0')}`);
            ws.addRow([i === 0 ? group : null, `${group}作業${i + 1}`, '山田', day, day]);
          }
      }),
      'wbs',
    );
    expect(t.columns.map((c) => [c.label, c.field])).toEqual([
      ['大分類', 'level1'],
      ['作業内容', 'name'],
      ['担当', 'assignee'],
      ['開始日', 'plannedStart'],
      ['終了日', 'plannedFinish'],
    ]);
    const names = t.records.map((r) => r.values.name);
    for (const group of ['設計', '開発', '試験']) for (let i = 1; i <= 11; i++) expect(names).toContain(`${group}作業${i}`);
    // The first task keeps its own assignee and dates, not its group.
    expect(t.records.find((r) => r.values.name === '設計作業1')?.values).toMatchObject({ assignee: '山田', plannedStart: '2025-04-01' });
  });
});

describe('dates of review findings', () => {
  it('the day a finding was pointed out or detected (指摘日, 検出日) is the day it was raised', () => {
    expect(['指摘日', '検出日', '指摘年月日'].map(dateRole)).toEqual(['raisedOn', 'raisedOn', 'raisedOn']);
  });
});

describe('ordinary headers of change, action and QA logs (blind check F7)', () => {
  it('依頼元 is who requested a change (as 依頼者 is), and Date Submitted the day it was requested', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['変更番号', '件名', '依頼元', '依頼日', '変更内容', '判定']);
        ws.addRow(['CR-01', '帳票追加', '営業部', d('2025-05-01'), '月次帳票を1本追加', '承認']);
        ws.addRow(['CR-02', '項目変更', '経理部', d('2025-05-08'), '勘定科目の桁数変更', '保留']);
      }),
      'change',
    );
    expect(fields(t)).toMatchObject({ 依頼元: 'requestedBy', 依頼日: 'requestedOn' });
    const en = read(
      await book((ws) => {
        ws.addRow(['Change ID', 'Date Submitted', 'Submitted By', 'Title', 'Description', 'Decision']);
        ws.addRow(['C-1', d('2025-05-01'), 'Sales', 'Add a report', 'One more monthly report', 'Approved']);
        ws.addRow(['C-2', d('2025-05-08'), 'Finance', 'Longer codes', 'Account codes get 8 digits', 'Pending']);
      }),
      'change',
    );
    expect(fields(en)).toMatchObject({ 'Date Submitted': 'requestedOn', 'Submitted By': 'requestedBy' });
  });

  it('スケジュール and コスト under a merged 影響 group are the impact on schedule and cost (a group label names its children)', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No', '件名', '依頼者', '影響', null, '判定']);
        ws.addRow([null, null, null, 'スケジュール', 'コスト（人日）', null]);
        ws.mergeCells('D1:E1');
        for (const c of ['A', 'B', 'C', 'F']) ws.mergeCells(`${c}1:${c}2`);
        ws.addRow([1, '帳票追加', '営業部', '1週間遅延', 5, '承認']);
        ws.addRow([2, '項目変更', '経理部', 'なし', 2, '保留']);
      }),
      'change',
    );
    expect(t.header).toEqual({ top: 1, bottom: 2 });
    expect(t.columns.filter((c) => c.column === 'D' || c.column === 'E').map((c) => c.field)).toEqual(['impactSchedule', 'impactCost']);
  });

  it('with both Action Item and Description, the action item is the title and the description its detail', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['#', 'Action Item', 'Description', 'Owner', 'Due Date', 'Status']);
        ws.addRow([1, 'Send the test plan', 'The vendor needs the plan before the kickoff to book testers', 'Ann', d('2025-05-01'), 'Open']);
        ws.addRow([2, 'Book the lab', 'Two weeks in June, both rooms, with the network set up as production', 'Bob', d('2025-05-08'), 'Closed']);
      }),
      'issue',
    );
    expect(fields(t)).toMatchObject({ 'Action Item': 'title', Description: 'detail' });
  });

  it('a date-like header is never the title: in a QA log 質問日 is the day asked and 質問内容 the question', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['質問日', '質問者', '質問内容', '回答者', '回答期限', '回答内容', '回答日', 'ステータス']);
        ws.addRow([d('2025-04-25'), '山田', '帳票の出力形式はPDFでよいか', '佐藤', d('2025-05-02'), 'PDFで可', d('2025-04-30'), '回答済']);
        ws.addRow([d('2025-04-28'), '鈴木', '移行データの範囲は何年分か', '佐藤', d('2025-05-09'), null, null, '未回答']);
      }),
      'issue',
    );
    expect(fields(t)).toMatchObject({ 質問日: 'raisedOn', 質問内容: 'title', 回答期限: 'due' });
    expect(t.records.map((r) => r.values.title)).toEqual(['帳票の出力形式はPDFでよいか', '移行データの範囲は何年分か']);
  });

  it('a QA log with no 質問日: 回答要求日 is the deadline, not the day the question was raised', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No', '質問者', '質問内容', '回答要求日', '回答内容', '回答日', 'ステータス']);
        ws.addRow([1, '山田', '帳票の出力形式はPDFでよいか', d('2025-05-02'), 'PDFで可', d('2025-04-30'), '回答済']);
        ws.addRow([2, '鈴木', '移行データの範囲は何年分か', d('2025-05-09'), null, null, '未回答']);
      }),
      'issue',
    );
    expect(fields(t)).toMatchObject({ 回答要求日: 'due', 質問内容: 'title' });
    expect(t.records.map((r) => r.values.due)).toEqual(['2025-05-02', '2025-05-09']);
    expect(t.records.map((r) => r.values.raisedOn ?? null)).toEqual([null, null]);
  });
});

describe('a group label one of its columns repeats', () => {
  it('names that column; its other columns are named by their own words (指摘箇所 under 指摘内容 is no detail)', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No.', '指摘内容', null, null, null, 'ステータス']);
        ws.addRow([null, '指摘箇所', '指摘区分', '指摘者', '指摘内容', null]);
        ws.mergeCells('B1:E1');
        ws.mergeCells('A1:A2');
        ws.mergeCells('F1:F2');
        ws.addRow([1, '表紙', '記述漏れ', '青井', '承認日の記入について', '対応中']);
        ws.addRow([2, '目次', '仕様漏れ', '林', '各シートへのリンクについて', '完了']);
        ws.addRow([3, '改版履歴', '記述誤り', '林', '改版内容の表記について', '完了']);
      }),
      'issue',
    );
    // (C, 指摘区分, is the issue kind by its word; its values are not on the project's list, so it stays the client's.)
    expect(t.columns.filter((c) => c.column !== 'C').map((c) => [c.column, c.field])).toEqual([
      ['A', 'ref'],
      ['B', null],
      ['D', 'raisedBy'],
      ['E', 'title'],
      ['F', 'status'],
    ]);
  });
});

describe('one table in sections on one sheet', () => {
  it('■未完了 and ■完了 under the same header, two blank rows apart: every record of both is read (blind G7)', async () => {
    const head = ['No', '課題', '担当', '期限', 'ステータス'];
    const t = read(
      await book((ws) => {
        ws.addRow(['■未完了']);
        ws.addRow(head);
        ws.addRow([1, '帳票の出力形式', '山田', d('2025-05-02'), '対応中']);
        ws.addRow([2, '移行データの範囲', '鈴木', d('2025-05-09'), '未着手']);
        ws.addRow([3, '性能要件', '佐藤', d('2025-05-16'), '対応中']);
        ws.addRow([]);
        ws.addRow([]);
        ws.addRow(['■完了']);
        ws.addRow(head);
        ws.addRow([4, '権限設計', '田中', d('2025-04-11'), '完了']);
        ws.addRow([5, '画面遷移', '山田', d('2025-04-18'), '完了']);
      }),
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['帳票の出力形式', '移行データの範囲', '性能要件', '権限設計', '画面遷移']);
  });

  it('a table followed by two blank rows and a note still ends there', async () => {
    const t = read(
      await book((ws) => {
        ws.addRow(['No', '課題', '担当', '期限', 'ステータス']);
        ws.addRow([1, '帳票の出力形式', '山田', d('2025-05-02'), '対応中']);
        ws.addRow([2, '移行データの範囲', '鈴木', d('2025-05-09'), '未着手']);
        ws.addRow([]);
        ws.addRow([]);
        ws.addRow(['以下、参考']);
        ws.addRow([9, 'メモ', '', '', '']);
      }),
      'issue',
    );
    expect(t.records.map((r) => r.values.title)).toEqual(['帳票の出力形式', '移行データの範囲']);
  });
});

describe('a workbook of several registers, one per sheet', () => {
  // A RAID log: each sheet a title, a project line and its register; the Issues sheet has more columns a
  // risk register also has (owner, dates, status, impact) than the Risks sheet (blind G8).
  async function raid(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('Cover');
    cover.addRow(['RAID Log']);
    cover.addRow(['Project: Finance Transformation']);
    const risks = wb.addWorksheet('Risks');
    risks.addRow(['RAID Log – Risks']);
    risks.addRow(['Project: Finance Transformation']);
    risks.addRow([]);
    risks.addRow(['Risk ID', 'Date Raised', 'Description', 'Probability', 'Impact', 'Owner', 'Mitigation', 'Status']);
    for (let i = 1; i <= 7; i++) risks.addRow([`R0${i}`, d(`2025-02-0${i}`), `Risk ${i} of the ledger move`, ['High', 'Medium', 'Low'][i % 3], ['Low', 'High', 'Medium'][i % 3], 'PMO', `Mitigation ${i}`, 'Open']);
    const issues = wb.addWorksheet('Issues');
    issues.addRow(['RAID Log – Issues']);
    issues.addRow(['Project: Finance Transformation']);
    issues.addRow([]);
    issues.addRow(['Issue ID', 'Date Raised', 'Raised By', 'Issue Description', 'Impact', 'Priority', 'Owner', 'Action Required', 'Due Date', 'Status', 'Resolution Date']);
    for (let i = 1; i <= 9; i++)
      issues.addRow([`ISS-00${i}`, d(`2025-03-0${i}`), 'A. Patel', `Issue ${i} in the test load`, ['Delays UAT', 'Minor rework', 'Blocks month-end test'][i % 3], ['High', 'Low', 'Medium'][i % 3], 'R. Wilson', 'Fix config', d(`2025-04-1${i}`), 'Open', null]);
    const deps = wb.addWorksheet('Dependencies');
    deps.addRow(['RAID Log – Dependencies']);
    deps.addRow([]);
    deps.addRow([]);
    deps.addRow(['Dep ID', 'Description', 'Depends On', 'Owner', 'Due Date', 'Status']);
    deps.addRow(['D01', 'Bank interface spec', 'Bank', 'Treasury', d('2025-05-01'), 'Open']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('read as risks, the sheet named for risks is the table, not the issue sheet whose columns fit as well (blind G8)', async () => {
    const bytes = await raid();
    const asRisk = read(bytes, 'risk');
    expect([asRisk.sheet, asRisk.header.top, asRisk.records.length]).toEqual(['Risks', 4, 7]);
    expect(fields(asRisk)).toMatchObject({ Description: 'title', Probability: 'probability', Impact: 'impact' });
    const detected = detectLayout(readWorkbookBytes(bytes, 'raid.xlsx'), 'risk', { reference: TODAY });
    expect(detected.ok && detected.layout.confidence!.table).toBeGreaterThanOrEqual(0.6);
    // Read as issues, the Issues sheet still is.
    expect(read(bytes, 'issue').sheet).toBe('Issues');
  });
});

describe('a plain 期間 column (blind G9)', () => {
  const plan = (days: number[]) =>
    book((ws) => {
      ws.addRow(['作業名', '開始日', '終了日', '期間']);
      ws.addRow(['設計', d('2025-06-02'), d('2025-06-06'), days[0]]);
      ws.addRow(['製造', d('2025-06-09'), d('2025-06-20'), days[1]]);
      ws.addRow(['試験', d('2025-06-23'), d('2025-07-02'), days[2]]);
    });
  it('is the working days where its numbers count the weekdays from start to finish', async () => {
    const t = read(await plan([5, 10, 8]), 'wbs');
    expect(fields(t)).toMatchObject({ 期間: 'duration' });
    expect(t.records.map((r) => r.values.duration)).toEqual([5, 10, 8]);
  });
  it('stays the client’s own column where it counts calendar days', async () => {
    const t = read(await plan([5, 12, 10]), 'wbs');
    expect(fields(t)).toMatchObject({ 期間: null });
  });
});
