// A table none of whose header words the product knows (a release calendar: Release | Code Freeze |
// Go-Live | Release Manager; a stage plan: 演目 | 仕込み | 本番 | 舞台監督) is found by its shape — a row of
// short distinct texts over records of steady types — and its columns mapped by what they hold: the
// longest text is the name, columns of dates the date fields in order, a column of people the person
// field; the header's confidence stays below ASK_BELOW so the dialog asks (issue 11; blind set 10, C1:
// "No table with a task name column was found"). Rows naming a period alone (Q1 (Apr – Jun), 第1四半期)
// are section titles of such a calendar, neither records nor phases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { ASK_BELOW } from '../../electron/core/excel/import/detect.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = '2025-06-15';

function read(rows: ModelCell[][], target: ImportTarget = 'wbs', merges: string[] = []) {
  const a = analyzeWorkbook(model(sheet('Sheet1', rows, merges)), target, { today: TODAY });
  if (!a.ok) throw new Error(a.reason);
  const fieldAt = (field: string) => a.table.columns.find((m) => m.field === field)?.column;
  return { table: a.table, layout: a.layout, fieldAt };
}

interface Calendar {
  title: string[];
  head: [string, string, string, string, string];
  records: [string, string, Date, Date, string][];
}

const EN: Calendar = {
  title: ['Digital Platform – Release Calendar FY2025/26', 'Owner: Release Management  |  Last reviewed: 14/04/2025'],
  head: ['Tag', 'Release', 'Code Freeze', 'Go-Live', 'Release Manager'],
  records: [
    ['R25.1', 'Spring feature release – online payments', d('2025-04-11'), d('2025-04-24'), 'Priya Shah'],
    ['R25.2', 'Accessibility fixes (WCAG 2.2 AA)', d('2025-05-23'), d('2025-06-05'), 'Tom Hughes'],
    ['R25.3', 'Summer release – citizen account redesign', d('2025-07-04'), d('2025-07-17'), 'Priya Shah'],
    ['R25.4', 'Housing benefit forms migration', d('2025-08-29'), d('2025-09-11'), 'Aled Morgan'],
  ],
};
const JA: Calendar = {
  title: ['2025年度 定期公演 制作スケジュール', '作成：制作部　更新日：2025/4/10'],
  head: ['公演No', '演目', '仕込み', '千秋楽', '舞台監督'],
  records: [
    ['P-01', '春の定期公演「桜の園」', d('2025-04-05'), d('2025-04-20'), '山田 太郎'],
    ['P-02', '夏休み親子劇場「ピーターと狼」', d('2025-07-25'), d('2025-08-03'), '佐藤 花子'],
    ['P-03', '秋季特別公演「ハムレット」', d('2025-10-10'), d('2025-10-26'), '山田 太郎'],
    ['P-04', '年末ガラコンサート', d('2025-12-20'), d('2025-12-27'), '鈴木 一郎'],
  ],
};
const EVENTS: Calendar = {
  title: ['Trade show season 2025'],
  head: ['Code', 'Event', 'Kick-off', 'Wrap-up', 'Coordinator'],
  records: [
    ['E1', 'Tokyo Game Show booth build', d('2025-09-20'), d('2025-09-28'), 'K. Tanaka'],
    ['E2', 'CEATEC partner pavilion', d('2025-10-10'), d('2025-10-17'), 'M. Brown'],
    ['E3', 'Japan IT Week autumn stand', d('2025-10-22'), d('2025-10-24'), 'K. Tanaka'],
  ],
};

/** The calendar's sheet: title lines, a blank row, the header, then the records (with a period row before each `split` records, merged across). */
function calendar(c: Calendar, periods?: { names: string[]; every: number }): { rows: ModelCell[][]; merges: string[]; headerRow: number; recordRows: number[] } {
  const rows: ModelCell[][] = c.title.map((t) => [t]);
  rows.push([]);
  rows.push([...c.head]);
  const headerRow = rows.length;
  const merges: string[] = [];
  const recordRows: number[] = [];
  c.records.forEach((rec, i) => {
    if (periods && i % periods.every === 0) {
      rows.push([periods.names[i / periods.every]!]);
      merges.push(`A${rows.length}:E${rows.length}`);
    }
    rows.push([...rec]);
    recordRows.push(rows.length);
  });
  return { rows, merges, headerRow, recordRows };
}

describe('a table found by its shape when no header word is known (blind set 10, C1)', () => {
  for (const [name, c] of [['EN release calendar', EN], ['JA 公演スケジュール', JA], ['EN trade-show list', EVENTS]] as const)
    it(`${name}: header, name, dates in order, person — asked, not silent`, () => {
      const { rows, headerRow, recordRows } = calendar(c);
      const { table, layout, fieldAt } = read(rows);
      expect(table.header).toEqual({ top: headerRow, bottom: headerRow });
      expect(fieldAt('name')).toBe('B');
      expect(fieldAt('plannedStart')).toBe('C');
      expect(fieldAt('plannedFinish')).toBe('D');
      expect(fieldAt('assignee')).toBe('E');
      expect(table.records.map((r) => r.row)).toEqual(recordRows);
      expect(table.records.map((r) => r.values.name)).toEqual(c.records.map((r) => r[1]));
      expect(table.records[0]!.values.plannedStart).toBe(c.records[0]![2].toISOString().slice(0, 10));
      expect(table.records.map((r) => r.values.assignee)).toEqual(c.records.map((r) => r[4]));
      expect(layout.confidence!.header).toBeLessThan(ASK_BELOW);
    });

  it('a register too: the dates are its raised and due dates in order, the person its owner', () => {
    const rows: ModelCell[][] = [['Hazard log – depot works'], [], ['Ref', 'Hazard', 'Spotted', 'Review by', 'Steward']];
    const hazards = ['Forklift traffic crosses the pedestrian route at gate 2', 'Asbestos survey of the old boiler house not yet done', 'Night shift lighting below standard in bay 4'];
    hazards.forEach((h, i) => rows.push([`H${i + 1}`, h, d(`2025-05-0${i + 1}`), d(`2025-07-1${i}`), i % 2 ? 'Sam Oakes' : 'Jo Patel']));
    const { table, fieldAt, layout } = read(rows, 'risk');
    expect(fieldAt('title')).toBe('B');
    expect(fieldAt('raisedOn')).toBe('C');
    expect(fieldAt('due')).toBe('D');
    expect(fieldAt('owner')).toBe('E');
    expect(table.records).toHaveLength(3);
    expect(layout.confidence!.header).toBeLessThan(ASK_BELOW);
  });

  it('dates written as text (day-first, 和暦) and people with their section are read by content too', () => {
    const uk: ModelCell[][] = [['Release', 'Freeze', 'Launch', 'Lead']];
    [['Payments uplift', '11/04/2025', '24/04/2025', 'Priya Shah'], ['Accessibility fixes', '23/05/2025', '05/06/2025', 'T. Hughes'], ['Forms migration', '29/08/2025', '11/09/2025', 'Priya Shah']].forEach((r) => uk.push(r));
    const en = read(uk);
    expect([en.fieldAt('name'), en.fieldAt('plannedStart'), en.fieldAt('plannedFinish'), en.fieldAt('assignee')]).toEqual(['A', 'B', 'C', 'D']);
    expect(en.table.records[1]!.values.plannedStart).toBe('2025-05-23');
    const ja: ModelCell[][] = [['施策', '着想', '公開', '推進役']];
    [['窓口予約のオンライン化', 'R7.4.1', 'R7.6.30', 'デジタル推進課 森'], ['証明書コンビニ交付の拡大', 'R7.5.1', 'R7.9.30', '市民課 原田'], ['庁内チャットの全庁展開', 'R7.7.1', 'R7.12.26', 'デジタル推進課 森']].forEach((r) => ja.push(r));
    const jp = read(ja);
    expect([jp.fieldAt('name'), jp.fieldAt('plannedStart'), jp.fieldAt('plannedFinish'), jp.fieldAt('assignee')]).toEqual(['A', 'B', 'C', 'D']);
    expect(jp.table.records[2]!.values.plannedFinish).toBe('2025-12-26');
  });

  it('an unnamed date column left of a named finish is the start, never a date after it', () => {
    const rows: ModelCell[][] = [['Release', 'Code Freeze', 'Finish', 'Release Manager']];
    EN.records.forEach((r) => rows.push([r[1], r[2], r[3], r[4]]));
    const { fieldAt } = read(rows);
    expect(fieldAt('plannedStart')).toBe('B');
    expect(fieldAt('plannedFinish')).toBe('C');
  });

  it('lists that are no plan stay no table: items with amounts, people with their companies (no dates)', () => {
    const items: ModelCell[][] = [['Item', 'Qty', 'Unit price', 'Supplier note'], ['Cable ties 200mm', 40, 120, 'Pack of 100'], ['Patch panel 24 port', 2, 8800, 'Rack B'], ['Label tape', 5, 900, '']];
    expect(() => read(items)).toThrow(/No table/);
    const people: ModelCell[][] = [['出席者', '所属', '役割'], ['山田 太郎', '情報システム部', 'PMO'], ['佐藤 花子', '経理部', '業務担当'], ['鈴木 一郎', 'ベンダーA', 'PM']];
    expect(() => read(people)).toThrow(/No table/);
  });

  it('a leave planner (a person, two dates, a remark) is no table: its longest text is headed as a remark, not the records\' names', () => {
    const leave: [string, ModelCell[][]][] = [
      ['JA', [['夏季休暇予定表'], [], ['氏名', '取得日(自)', '取得日(至)', '備考'], ['山田 太郎', d('2025-08-11'), d('2025-08-15'), '帰省のため'], ['佐藤 花子', d('2025-08-18'), d('2025-08-20'), null], ['鈴木 一郎', d('2025-08-25'), d('2025-08-29'), '家族旅行のため']]],
      ['EN', [['Leave planner – summer'], [], ['Employee', 'Away', 'Back', 'Comment'], ['Priya Shah', d('2025-08-11'), d('2025-08-15'), 'Family wedding in Leeds'], ['Tom Hughes', d('2025-08-18'), d('2025-08-20'), null], ['Aled Morgan', d('2025-08-25'), d('2025-08-29'), 'Walking holiday, no phone']]],
    ];
    for (const [, rows] of leave) for (const target of ['wbs', 'issue', 'risk'] as const) expect(() => read(rows, target)).toThrow(/No table/);
  });

  it('property: every header word replaced by an unknown word still finds the table, its rows and its columns', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{3,8}$/).filter((w) => !/^(name|task|item|start|end|finish|owner|status|notes?|date|due|lead|title|phase|step|stage|code|work|plan|done|open|type)/i.test(w));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 5, maxLength: 5, selector: (w) => w.toLowerCase() }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 3, max: 4 }), fc.boolean(), (head, titles, n, ja) => {
        const c = ja ? JA : EN;
        const cal: Calendar = { title: c.title.slice(0, titles), head: head as Calendar['head'], records: c.records.slice(0, n) };
        const { rows, headerRow, recordRows } = calendar(cal);
        const { table, fieldAt } = read(rows);
        expect(table.header.top).toBe(headerRow);
        expect(table.records.map((r) => r.row)).toEqual(recordRows);
        expect([fieldAt('name'), fieldAt('plannedStart'), fieldAt('plannedFinish'), fieldAt('assignee')]).toEqual(['B', 'C', 'D', 'E']);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a row naming a period alone titles the records under it (no record, no phase)', () => {
  const cases: [string, Calendar, string[]][] = [
    ['quarters, EN', EN, ['Q1 (Apr – Jun)', 'Q2 (Jul – Sep)']],
    ['四半期, JA', JA, ['第1四半期（4月～6月）', '第3四半期（10月～12月）']],
    ['months, EN', EVENTS, ['September 2025', 'October 2025']],
    ['年月, JA', JA, ['2025年4月', '2025年10月']],
  ];
  for (const [name, c, names] of cases)
    it(name, () => {
      const { rows, merges, recordRows } = calendar(c, { names, every: 2 });
      const { table } = read(rows, 'wbs', merges);
      expect(table.records.map((r) => r.row)).toEqual(recordRows);
      expect(table.records.every((r) => (r.level ?? 0) === 0)).toBe(true);
      expect(table.leftOut.map((x) => x.reason)).toEqual(names.map(() => 'section title'));
    });

  it('a period bracketed as the plan\'s headings are (【第1四半期（4～6月）】) is the group of the records under it', () => {
    const { rows, merges, recordRows } = calendar(JA, { names: ['【第1四半期（4～6月）】', '【第3四半期（10～12月）】'], every: 2 });
    const { table } = read(rows, 'wbs', merges);
    expect(table.records.filter((r) => r.level === 0).map((r) => r.values.name)).toEqual(['【第1四半期（4～6月）】', '【第3四半期（10～12月）】']);
    expect(table.records.filter((r) => r.level === 1).map((r) => r.row)).toEqual(recordRows);
  });

  it('a phase row is still a phase (Phase 1: Design over its tasks)', () => {
    const rows: ModelCell[][] = [['No', 'タスク名', '開始日', '終了日', '担当']];
    const merges: string[] = [];
    for (const [p, tasks] of [['フェーズ1 要件定義', ['業務ヒアリング', '要件定義書作成']], ['フェーズ2 設計', ['基本設計', '詳細設計']]] as const) {
      rows.push([p]);
      merges.push(`A${rows.length}:E${rows.length}`);
      tasks.forEach((t, i) => rows.push([rows.length, t, d(`2025-04-0${i + 1}`), d(`2025-04-1${i}`), '山田']));
    }
    const { table } = read(rows, 'wbs', merges);
    expect(table.records.filter((r) => r.level === 0).map((r) => r.values.name)).toEqual(['フェーズ1 要件定義', 'フェーズ2 設計']);
  });
});
