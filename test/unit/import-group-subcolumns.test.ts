// A group label merged over N columns with N words of any kind in the row below is N columns, whatever
// those words are (blind set 18, I2: a group over two dates whose own words the import did not know was
// read as ONE column spanning the group, and the second date was lost). Each sub-column's cells choose
// its field; two date columns under one group are its start and finish in order, and two such groups
// are the plan and the actual where their labels say so. Variants are generated: words in several
// languages that name no field on their own, at several positions, one cell or several (方眼紙) wide,
// the group label merged or typed over each of its columns.
import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';
import { MIN_CONFIDENCE } from '../../electron/core/excel/import/mapping.js';
import { readModel } from '../helpers/read-sheet.js';
import { day, groupTable, isoDay, type GroupColumn } from '../helpers/group-header-tables.js';
import { rng } from '../helpers/synthetic-tables.js';

const fieldOf = (t: ImportTable, column: string) => t.columns.find((c) => c.column === column)?.field ?? null;

/** Sub-column words that name no field on their own (checked below, so the test cannot pass by a known word). */
const UNKNOWN_PAIRS: [string, string][] = [
  ['起', '了'],
  ['Kickoff', 'Wrap-up'],
  ['Launch', 'Land'],
  ['Inicio', 'Fin'],
  ['自', '至'],
  ['出発', '到着'],
  ['Go', 'Stop'],
];
/** Group labels: the plan's and the actual's. */
const PLAN_ACTUAL: [string, string][] = [
  ['計画', '実績'],
  ['当初予定', '実施'],
  ['Plan', 'Actual'],
  ['Baseline', 'Forecast'],
  ['予定日程', '実績日程'],
];
/** A day written as a yy/mm/dd text (26/04/11). */
const shortYear = (n: number) => isoDay(n).slice(2).replace(/-/g, '/');
const TASKS = ['Survey', 'Design', 'Build', 'Test', 'Handover', 'Close-out'];

describe('the generated words name no field on their own', () => {
  it.each(UNKNOWN_PAIRS)('%s / %s', (a, b) => {
    for (const w of [a, b]) expect(matchLabel('wbs', [w]).filter((m) => m.confidence >= MIN_CONFIDENCE)).toEqual([]);
  });
});

interface Variant {
  name: string;
  columns: GroupColumn[];
  unmerged?: boolean;
  top?: number;
  left?: number;
}

/** WBS variants: each a plan group and an actual group of two unknown words, at a random place and width. */
function wbsVariants(): Variant[] {
  const rnd = rng(25);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Variant[] = [];
  for (let v = 0; v < 24; v++) {
    const [s, f] = UNKNOWN_PAIRS[v % UNKNOWN_PAIRS.length]!;
    const [plan, actual] = PLAN_ACTUAL[v % PLAN_ACTUAL.length]!;
    const ja = /\p{Script=Han}/u.test(plan);
    const width = v % 3 === 2 ? 2 + (v % 2) : 1;
    // (Every fourth variant writes its dates as yy/mm/dd texts: dates only once the column is one of dates.)
    const date = (g: number, k: number): GroupColumn['cell'] => (i) => (v % 4 === 1 ? shortYear(i * 10 + g * 2 + k * 7) : day(i * 10 + g * 2 + k * 7));
    const group = (g: 0 | 1): GroupColumn[] => [
      { head: [g === 0 ? plan : actual, s], width, cell: date(g, 0), field: g === 0 ? 'plannedStart' : 'actualStart' },
      { head: [g === 0 ? plan : actual, f], width, cell: date(g, 1), field: g === 0 ? 'plannedFinish' : 'actualFinish' },
    ];
    const owner: GroupColumn = { head: ja ? '担当' : 'Owner', width, cell: (i) => pick(['Kato', 'Mori', 'Lee']), field: 'owner' };
    const name: GroupColumn = { head: ja ? 'タスク名' : 'Task', width: width * 2, cell: (i) => TASKS[i]!, field: 'name' };
    const code: GroupColumn = { head: ja ? 'No' : 'WBS', width, cell: (i) => `${i + 1}`, field: 'wbsCode' };
    const note: GroupColumn = { head: ja ? '備考' : 'Notes', width: width * 2, cell: (i) => (i % 2 ? `note ${i}` : null), field: 'notes' };
    const layouts: GroupColumn[][] = [
      [code, name, owner, ...group(0), ...group(1), note],
      [code, name, ...group(0), owner, ...group(1)],
      [name, ...group(0), ...group(1), owner, note],
    ];
    out.push({ name: `${plan}/${actual} › ${s}/${f}, width ${width}, layout ${v % 3}${v % 4 === 3 ? ', unmerged' : ''}`, columns: layouts[v % 3]!, unmerged: v % 4 === 3, top: v % 2 ? 2 : 0, left: v % 5 === 4 ? 1 : 0 });
  }
  return out;
}

describe('a WBS with plan and actual groups over sub-columns of unknown words', () => {
  it.each(wbsVariants().map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const g = groupTable(v.columns, TASKS.length, { top: v.top, left: v.left, unmerged: v.unmerged, title: 'Programme' });
    const t = readModel(g.rows, 'wbs', g.merges);
    expect(t.header.bottom).toBe(g.firstRecord); // (1-based: the row above the first record)
    const read = v.columns.map((_, k) => fieldOf(t, g.letters[k]!));
    const want = v.columns.map((c) => c.field ?? null);
    // Every date column is read, as a person reads it; the others as their words say.
    v.columns.forEach((c, k) => {
      if (/Start|Finish/.test(c.field ?? '')) expect(read[k], `${g.letters[k]} (${String(c.head)})`).toBe(want[k]);
    });
    expect(t.records.map((r) => r.values.name)).toEqual(TASKS);
    expect(t.records.map((r) => r.values.actualFinish)).toEqual(TASKS.map((_, i) => isoDay(i * 10 + 2 + 7)));
  });

  it('one group alone over two unknown words is the planned start and finish', () => {
    for (const [s, f] of UNKNOWN_PAIRS) {
      const g = groupTable(
        [
          { head: 'Task', cell: (i) => TASKS[i]! },
          { head: ['Schedule', s], cell: (i) => day(i * 9) },
          { head: ['Schedule', f], cell: (i) => day(i * 9 + 5) },
          { head: 'Owner', cell: () => 'Kato' },
        ],
        TASKS.length,
      );
      const t = readModel(g.rows, 'wbs', g.merges);
      expect([fieldOf(t, 'B'), fieldOf(t, 'C')], `${s}/${f}`).toEqual(['plannedStart', 'plannedFinish']);
      expect(t.records[2]!.values.plannedFinish).toBe(isoDay(23));
    }
  });

  it('a group over three unknown words is three columns (two dates and a count)', () => {
    const g = groupTable(
      [
        { head: '作業名', cell: (i) => TASKS[i]! },
        { head: ['日程', '起'], cell: (i) => day(i * 9) },
        { head: ['日程', '了'], cell: (i) => day(i * 9 + 5) },
        { head: ['日程', '幅'], cell: () => 6 },
        { head: '担当', cell: () => '森' },
      ],
      TASKS.length,
    );
    const t = readModel(g.rows, 'wbs', g.merges);
    expect(t.columns.map((c) => c.column)).toEqual(expect.arrayContaining(['B', 'C', 'D']));
    expect([fieldOf(t, 'B'), fieldOf(t, 'C')]).toEqual(['plannedStart', 'plannedFinish']);
  });
});

describe('a group word typed over each of its columns, no word naming the key', () => {
  // Found by the header's shape alone (no word names the task names): the same word under two groups
  // (Kickoff under Plan and under Actual) is two columns, not a header of alike words. Before, no
  // header was found and the table collapsed to a one-column table at the title row.
  const JOBS = ['Site survey and layout', 'Foundation works', 'Steel frame erection', 'Roofing and cladding', 'Services first fix', 'Final inspection'];
  it.each([
    [['Ref', 'Scope line', 'Crew'], ['Plan', 'Actual'], ['Kickoff', 'Wrap-up']],
    [['項番', '内訳', '担い手'], ['当初予定', '実施'], ['起', '了']],
    [['Line', 'Element', 'Gang'], ['Baseline', 'Forecast'], ['Inicio', 'Fin']],
  ] as const)('%j over %j › %j', (left, [plan, actual], [s, f]) => {
    const g = groupTable(
      [
        { head: left[0], cell: (i) => `${i + 1}` },
        { head: left[1], cell: (i) => JOBS[i]! },
        { head: left[2], cell: (i) => ['Kato', 'Mori'][i % 2]! },
        { head: [plan, s], cell: (i) => day(i * 10) },
        { head: [plan, f], cell: (i) => day(i * 10 + 6) },
        { head: [actual, s], cell: (i) => day(i * 10 + 1) },
        { head: [actual, f], cell: (i) => day(i * 10 + 8) },
      ],
      JOBS.length,
      { top: 2, unmerged: true, title: 'Works programme' },
    );
    const t = readModel(g.rows, 'wbs', g.merges);
    expect(t.header).toEqual({ top: 3, bottom: 4 });
    expect(t.records.map((r) => r.values.name)).toEqual(JOBS);
    expect(['D', 'E', 'F', 'G'].map((c) => fieldOf(t, c))).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });
});

describe('a register with a group over a decision, its date and who decided (words of any kind)', () => {
  it.each([
    ['審議', '結果', '誰', '日付け'],
    ['CAB', 'Outcome', 'Who signed', 'When'],
  ] as const)('%s › %s / %s / %s', (group, what, who, when) => {
    const g = groupTable(
      [
        { head: 'ID', cell: (i) => `CR-${i + 1}` },
        { head: 'Title', cell: (i) => `Change number ${i + 1} to the interface` },
        { head: [group, what], cell: (i) => ['Approved', 'Rejected', 'On hold', 'Approved'][i]! },
        { head: [group, who], cell: (i) => ['Priya Shah', 'Tom Hughes', 'Priya Shah', 'Ann Lee'][i]! },
        { head: [group, when], cell: (i) => day(i * 4) },
      ],
      4,
    );
    const t = readModel(g.rows, 'change', g.merges);
    expect(['C', 'D', 'E'].map((c) => fieldOf(t, c))).toEqual(['decision', 'decidedBy', 'decidedOn']);
  });
});

describe('a register with a group over a decision and its date (words of any kind)', () => {
  const DECISIONS = ['承認', '却下', '保留', '承認', '承認'];
  it.each([
    ['審議', '結果', '日付け', 1],
    ['CAB', 'Outcome', 'When', 1],
    ['Review', 'Result', 'Held', 3],
    ['委員会', '答', '期日', 2],
    ['評議', '可不可', '開催', 2],
  ] as const)('%s › %s / %s (width %i)', (group, what, when, width) => {
    const g = groupTable(
      [
        { head: 'No.', width, cell: (i) => `CR-${String(i + 1).padStart(3, '0')}` },
        { head: '変更内容', width: width * 3, cell: (i) => `変更 ${i + 1} の内容を記載する` },
        { head: '依頼者', width, cell: () => '田中' },
        { head: [group, what], width, cell: (i) => DECISIONS[i]! },
        { head: [group, when], width, cell: (i) => (width === 2 ? shortYear(i * 3) : day(i * 3)) },
        { head: '状況', width, cell: () => '対応中' },
      ],
      DECISIONS.length,
      { top: 1, title: '変更管理表' },
    );
    const t = readModel(g.rows, 'change', g.merges);
    expect(fieldOf(t, g.letters[3]!)).toBe('decision');
    expect(fieldOf(t, g.letters[4]!)).toBe('decidedOn');
    expect(t.records[1]!.values.decidedOn).toBe(isoDay(3));
  });
});
