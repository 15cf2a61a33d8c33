// A column left of the task names whose texts are merged down over runs of consecutive tasks (工種 仮設工事
// over two tasks, Workstream "Data" over three) is a level of the tree above those tasks, whatever its
// header word (工種, 区分, Stage, none), whatever stands before it (a flat No. column) or right of it (a week
// band), over a header of one or two rows (issue 11; blind set 9, C1: 工種 was kept as an extra column and
// every task stored at the top, while 工程 — a word of a level — was read as the tree).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel, treeNames } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const colName = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));

interface Words { no: string; group: string; name: string; owner: string; start: string; finish: string; months: string[] }
const JA: Words = { no: 'No.', group: '工種', name: '作業内容', owner: '担当会社', start: '着手日', finish: '完了日', months: ['4月', '5月'] };
const EN: Words = { no: '#', group: 'Workstream', name: 'Task', owner: 'Owner', start: 'Start', finish: 'Finish', months: ['Apr', 'May'] };

const GROUPS_JA: [string, string[]][] = [
  ['仮設工事', ['準備工事・仮囲い設置', '仮設事務所設置']],
  ['土工事', ['山留め工事', '根切り・残土搬出', '床付け']],
  ['杭・基礎工事', ['場所打ち杭工事']],
  ['躯体工事', ['1～3階躯体工事', '4～6階躯体工事']],
];
const GROUPS_EN: [string, string[]][] = [
  ['Data', ['Profile legacy data', 'Write mapping rules']],
  ['Interfaces', ['Build the order feed', 'Build the invoice feed', 'Test the feeds end to end']],
  ['Cutover', ['Rehearsal', 'Go-live weekend']],
];

interface Layout {
  words: Words;
  groups: [string, string[]][];
  /** A flat running No. column before the group column. */
  no: boolean;
  /** Header of two rows (each column merged down over both) with a month/week band right of the table. */
  band: boolean;
  /** Title lines above the header (then one blank row). */
  title: number;
  /** The group column's header ('' for none). */
  groupWord?: string;
  /** Lines under the table (a note, a legend). */
  under?: ModelCell[][];
}

/** The sheet of a layout: rows and merges, and the tree a person reads from it. */
function build(l: Layout): { rows: ModelCell[][]; merges: string[]; tree: string[] } {
  const rows: ModelCell[][] = [];
  const merges: string[] = [];
  for (let i = 0; i < l.title; i++) rows.push(i === 0 ? ['（仮称）港南三丁目オフィスビル新築工事　全体工程表'] : ['作成日：', d('2025-03-25')]);
  if (l.title > 0) rows.push([]);
  const w = l.words;
  const lead = l.no ? [w.no] : [];
  const head = [...lead, l.groupWord ?? w.group, w.name, w.owner, w.start, w.finish];
  const width = head.length;
  const top = rows.length + 1;
  if (l.band) {
    rows.push([...head, w.months[0]!, null, null, null, w.months[1]!, null, null, null]);
    rows.push([...Array<ModelCell>(width).fill(null), 7, 14, 21, 28, 5, 12, 19, 26]);
    head.forEach((_, c) => merges.push(`${colName(c)}${top}:${colName(c)}${top + 1}`));
    merges.push(`${colName(width)}${top}:${colName(width + 3)}${top}`, `${colName(width + 4)}${top}:${colName(width + 7)}${top}`);
  } else rows.push(head);
  const g = lead.length;
  const tree: string[] = [];
  let n = 0;
  l.groups.forEach(([group, tasks], k) => {
    const first = rows.length + 1;
    tree.push(group);
    tasks.forEach((task, i) => {
      n++;
      const start = d(`2025-0${4 + ((k + i) % 5)}-0${1 + i}`);
      const finish = d(`2025-0${4 + ((k + i) % 5)}-2${i}`);
      rows.push([...(l.no ? [n] : []), i === 0 ? group : null, task, k % 2 ? '丸栄基礎工業' : '東和建設', start, finish]);
      tree.push(`  ${task}`);
    });
    if (tasks.length > 1) merges.push(`${colName(g)}${first}:${colName(g)}${first + tasks.length - 1}`);
  });
  rows.push(...(l.under ?? []));
  return { rows, merges, tree };
}

const read = (l: Layout) => {
  const { rows, merges } = build(l);
  return readModel(rows, 'wbs', merges);
};

describe('a column of texts merged down over consecutive tasks, left of the names, is a level above them', () => {
  const layouts: [string, Layout][] = [
    ['blind set 9 C1: No. | 工種 merged | … under a two-row header with a week band', { words: JA, groups: GROUPS_JA, no: true, band: true, title: 2 }],
    ['No. | 工種 merged under a one-row header', { words: JA, groups: GROUPS_JA, no: true, band: false, title: 0 }],
    ['工種 merged first, a two-row header with a week band', { words: JA, groups: GROUPS_JA, no: false, band: true, title: 1 }],
    ['区分 merged after No.', { words: JA, groups: GROUPS_JA, no: true, band: false, title: 2, groupWord: '区分' }],
    ['a group column with no header word', { words: JA, groups: GROUPS_JA, no: true, band: true, title: 0, groupWord: '' }],
    ['English: # | Workstream merged | Task … with a week band', { words: EN, groups: GROUPS_EN, no: true, band: true, title: 0 }],
    ['English: Stage merged first, one-row header', { words: EN, groups: GROUPS_EN, no: false, band: false, title: 1, groupWord: 'Stage' }],
    ['English: Phase merged after #, two-row header', { words: EN, groups: GROUPS_EN, no: true, band: true, title: 2, groupWord: 'Phase' }],
  ];
  it.each(layouts)('%s', (_, l) => {
    const t = read(l);
    expect(treeNames(t)).toEqual(build(l).tree);
    expect(t.hierarchy).toBe('columns');
    // The group column is read, not kept beside the tasks as an extra column.
    const groupCol = colName(l.no ? 1 : 0);
    expect(t.columns.find((c) => c.column === groupCol)?.field).toMatch(/^level\d$/);
  });

  it('two group columns merged down, one inside the other: two levels', () => {
    const rows: ModelCell[][] = [
      ['No.', '区分', '工種', '作業内容', '担当', '開始日', '終了日'],
      [1, '建築', '仮設工事', '仮囲い設置', '東和', d('2025-04-01'), d('2025-04-10')],
      [2, null, null, '仮設事務所設置', '東和', d('2025-04-05'), d('2025-04-15')],
      [3, null, '土工事', '山留め工事', '丸栄', d('2025-04-16'), d('2025-04-30')],
      [4, null, null, '根切り', '丸栄', d('2025-05-01'), d('2025-05-20')],
      [5, '設備', '電気設備', '幹線工事', '北電', d('2025-05-10'), d('2025-06-10')],
      [6, null, null, '照明器具取付', '北電', d('2025-06-01'), d('2025-06-20')],
    ];
    const t = readModel(rows, 'wbs', ['B2:B5', 'C2:C3', 'C4:C5', 'B6:B7', 'C6:C7']);
    expect(treeNames(t)).toEqual(['建築', '  仮設工事', '    仮囲い設置', '    仮設事務所設置', '  土工事', '    山留め工事', '    根切り', '設備', '  電気設備', '    幹線工事', '    照明器具取付']);
  });

  it('tasks of two rows each (予定 / 実績) under a group merged over their four rows', () => {
    const rows: ModelCell[][] = [
      ['No.', '工種', '作業名', '区分', '開始日', '終了日'],
      [1, '設計', '筐体設計', '予定', d('2025-04-01'), d('2025-04-20')],
      [null, null, null, '実績', d('2025-04-02'), d('2025-04-22')],
      [2, null, '基板設計', '予定', d('2025-04-10'), d('2025-04-30')],
      [null, null, null, '実績', d('2025-04-11'), null],
      [3, '試作', '一次試作', '予定', d('2025-05-01'), d('2025-05-20')],
      [null, null, null, '実績', null, null],
      [4, null, '評価', '予定', d('2025-05-21'), d('2025-06-10')],
      [null, null, null, '実績', null, null],
    ];
    const merges = ['A2:A3', 'C2:C3', 'A4:A5', 'C4:C5', 'A6:A7', 'C6:C7', 'A8:A9', 'C8:C9', 'B2:B5', 'B6:B9'];
    const t = readModel(rows, 'wbs', merges);
    expect(treeNames(t)).toEqual(['設計', '  筐体設計', '  基板設計', '試作', '  一次試作', '  評価']);
  });

  describe('what is no group of the tasks', () => {
    it('a text merged over the two rows of one record (a two-row record’s own cell) is no level', () => {
      const rows: ModelCell[][] = [
        ['管理番号', '作業名', '区分', '開始日', '終了日'],
        ['A-01', '筐体設計', '予定', d('2025-04-01'), d('2025-04-20')],
        [null, null, '実績', d('2025-04-02'), d('2025-04-22')],
        ['A-02', '基板設計', '予定', d('2025-04-10'), d('2025-04-30')],
        [null, null, '実績', d('2025-04-11'), null],
        ['A-03', '評価', '予定', d('2025-05-21'), d('2025-06-10')],
        [null, null, '実績', null, null],
      ];
      const t = readModel(rows, 'wbs', ['A2:A3', 'B2:B3', 'A4:A5', 'B4:B5', 'A6:A7', 'B6:B7']);
      expect(treeNames(t)).toEqual(['筐体設計', '基板設計', '評価']);
    });

    it('a text merged over a record of two rows whose other cells are merged alike (its second row under the name is a note of it) is no level', () => {
      const rows: ModelCell[][] = [
        ['No', '区分', '作業名', '担当', '期限'],
        [1, '技術', 'API仕様の確定', '中西', d('2025-05-15')],
        [null, null, '仕様凍結日を合意する', null, null],
        [2, '要員', 'セキュリティ診断', '藤田', d('2025-05-29')],
        [null, null, '外部診断会社へ一部委託', null, null],
        [3, '外部', 'SMS認証ベンダー選定', '佐々木', d('2025-06-08')],
        [null, null, '年間契約への切替を交渉', null, null],
      ];
      const merges = [2, 4, 6].flatMap((r) => ['A', 'B', 'D', 'E'].map((c) => `${c}${r}:${c}${r + 1}`));
      const t = readModel(rows, 'wbs', merges);
      expect(t.columns.find((c) => c.column === 'B')?.field ?? null).toBeNull();
      expect(treeNames(t).every((n) => !n.startsWith(' '))).toBe(true);
    });

    it('a column merged down right of the names (one company over its tasks) stays beside the tasks', () => {
      const l: Layout = { words: JA, groups: GROUPS_JA, no: true, band: false, title: 0 };
      const { rows } = build(l);
      // Move the group column right of the dates.
      const moved = rows.map((row, i) => (i === 0 ? [row[0], row[2], row[3], row[4], row[5], '施工区分'] : [row[0], row[2], row[3], row[4], row[5], row[1]]));
      const merges = build(l).merges.map((m) => m.replace(/B(\d+)/g, 'F$1'));
      const t = readModel(moved, 'wbs', merges);
      expect(treeNames(t)).toEqual(GROUPS_JA.flatMap(([, tasks]) => tasks));
      expect(t.columns.find((c) => c.column === 'F')?.field).toBeNull();
    });

    it('numbers merged down left of the names (a No. per pair of rows) are no level', () => {
      const rows: ModelCell[][] = [
        ['No.', '作業内容', '担当', '開始日', '終了日'],
        [1, '仮囲い設置', '東和', d('2025-04-01'), d('2025-04-10')],
        [null, '仮設事務所設置', '東和', d('2025-04-05'), d('2025-04-15')],
        [2, '山留め工事', '丸栄', d('2025-04-16'), d('2025-04-30')],
        [null, '根切り', '丸栄', d('2025-05-01'), d('2025-05-20')],
      ];
      const t = readModel(rows, 'wbs', ['A2:A3', 'A4:A5']);
      expect(treeNames(t).every((n) => !n.startsWith(' '))).toBe(true);
    });
  });

  it('property: a title block, a blank row under it or a note and a legend under the table never change the tree', () => {
    const base: Layout[] = layouts.map(([, l]) => ({ ...l, title: 0 }));
    const UNDER: ModelCell[][][] = [[], [['※ 工程は天候・資材納期により変更となる場合がある。']], [[], ['凡例：', null, '予定工程']], [['Legend: ■ planned  ■ actual']]];
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.integer({ min: 0, max: 2 }), fc.constantFrom(...UNDER), (l, title, under) => {
        expect(treeNames(read({ ...l, title, under }))).toEqual(build(l).tree);
      }),
      { numRuns: 40 },
    );
  });
});
