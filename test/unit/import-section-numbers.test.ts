// A No. column whose numbers start again in each section (1, 2, 3 under each meeting or sprint; blind set
// 8, B5) numbers the section's rows: no number is a record's ID, so no record is lost as a duplicate ID.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import type { Row } from '../../electron/common/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';
import { restartsPerSection } from '../../electron/core/excel/import/numbering.js';

describe('running numbers that restart per section', () => {
  it.each<[string, ModelCell[][], string[], number[]]>([
    [
      'ToDos per meeting, the meeting merged across the table',
      [
        ['No', 'ToDo', '担当', '期限', '状況'],
        ['第5回定例（2026/6/2）'], [1, '見積提示', '中野', '6/9', '済'], [2, '稼働率の定義を確認', '杉本', '6/9', '済'], [3, '権限一覧の作成', '堀', '6/12', '対応中'],
        ['第6回定例（2026/6/9）'], [1, '設置場所の現地確認', '中野', '6/16', '済'], [2, '欠損の原因調査', '中野', '6/23', '対応中'],
        ['第7回定例（2026/6/16）'], [1, '閾値の初期値決定', '宮崎', '6/26', '未'],
      ],
      ['A2:E2', 'A6:E6', 'A9:E9'],
      [2, 6, 9],
    ],
    [
      'actions per sprint, the sprint named in the No column',
      [
        ['#', 'Action', 'Owner', 'Due', 'Status'],
        ['Sprint 1'], [1, 'Set up the CI pipeline', 'Sato', '2026-04-10', 'Done'], [2, 'Agree the branching model', 'Kato', '2026-04-10', 'Done'],
        ['Sprint 2'], [1, 'Load test the API', 'Mori', '2026-04-24', 'Open'], [2, 'Review the error budget', 'Sato', '2026-04-24', 'Open'], [3, 'Book the pen test', 'Kato', '2026-04-30', 'Open'],
      ],
      ['A2:E2', 'A5:E5'],
      [2, 5],
    ],
  ])('%s: every record is read, the section titles listed', (_, rows, merges, titleRows) => {
    const t = readModel(rows, 'issue', merges, 'Sheet1');
    const expected = rows.slice(1).filter((row) => row.length > 1).map((row) => row[1]);
    expect(t.records.map((r) => r.values.title)).toEqual(expected);
    expect(t.records.every((r) => r.values.ref === undefined || r.values.ref === null || r.values.ref === '')).toBe(true);
    expect(t.leftOut.filter((x) => x.reason === 'section title').map((x) => x.row)).toEqual(titleRows);
  });

  // Each list of numbers down column A, a section's title (one cell alone) before each run after the first.
  const column = (numbers: number[], titles = true): Row[] => {
    const rows: Row[] = [];
    numbers.forEach((v, i) => {
      if (i > 0 && v <= numbers[i - 1]! && titles) rows.push({ r: rows.length, cells: [{ c: 0, t: 's', v: 'Section' }] });
      rows.push({ r: rows.length, cells: [{ c: 0, t: 'n', v }, { c: 1, t: 's', v: `item ${i}` }] });
    });
    return rows;
  };
  it.each<[string, Row[], boolean]>([
    ['1–3, 1–2, 1–4', column([1, 2, 3, 1, 2, 1, 2, 3, 4]), true],
    ['0-based sections', column([0, 1, 2, 0, 1, 2]), true],
    ['one run (IDs)', column([1, 2, 3, 4, 5]), false],
    ['a duplicate typed by mistake', column([1, 2, 3, 3, 4, 5], false), false],
    ['IDs going on after a gap', column([1, 2, 3, 10, 11, 12]), false],
    ['sections starting at different numbers', column([1, 2, 3, 2, 3, 4]), false],
    ['restarting under no title (another table’s header, a record)', column([1, 2, 3, 1, 2], false), false],
  ])('%s', (_, rows, restarts) => {
    expect(restartsPerSection(rows, 0)).toBe(restarts);
  });

  it('IDs that run on through the sections stay the records’ IDs', () => {
    const rows: ModelCell[][] = [
      ['No', '課題', '担当', '期限', '状況'],
      ['第5回定例'], [1, '見積提示', '中野', '6/9', '済'], [2, '稼働率の定義を確認', '杉本', '6/9', '済'],
      ['第6回定例'], [3, '設置場所の現地確認', '中野', '6/16', '済'], [4, '欠損の原因調査', '中野', '6/23', '対応中'],
    ];
    const t = readModel(rows, 'issue', ['A2:E2', 'A5:E5'], 'Sheet1');
    expect(t.records.map((r) => r.values.ref)).toHaveLength(4);
    expect(t.records.every((r) => r.values.ref !== undefined && r.values.ref !== null && r.values.ref !== '')).toBe(true);
  });
});
