// A fiscal year read with the months it runs (issue 11, date reading): a 年度 runs April – March, but an
// English FY is no 年度 — a US federal FY2025 runs October 2024 – September 2025, a UK FY2025/26 April –
// March. An English FY is taken only where the sheet says which months it runs (Oct–Sep, October 2024 –
// September 2025), that it is the US federal year (U.S. Department, Agency, Federal), or writes a year over
// two (2025/26), or where the table is Japanese; else dates without a year are read from the other dates,
// never as April – March of a year nobody stated.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const due = (t: ImportTable) => t.records.map((r) => r.values.due);
const fromFiscal = (t: ImportTable) => t.problems.some((p) => p.code === 'yearAssumed' && (p.params as { from?: string }).from === 'fiscal');

async function actions(title: string, note: string | null, dates: string[]) {
  return readRows([[title], [note], [], ['Action Item', 'Owner', 'Due'], ...dates.map((x, k) => [`Action ${k + 1}`, 'J. Smith', x])], 'issue', 'Actions');
}

describe('a US federal fiscal year runs October to September', () => {
  const dates = ['Nov 15', 'Feb 3', 'Sep 12', 'Oct 20'];
  const us = ['2024-11-15', '2025-02-03', '2025-09-12', '2024-10-20'];
  it.each<[string, string | null]>([
    ['FY2025 Action Items – U.S. Department of Energy', null],
    ['FY2025 Action Items', 'Agency: Federal Highway Administration'],
    ['FY2025 (Oct–Sep) Action Items', null],
    ['FY25 Action Items', 'Fiscal year: October 1, 2024 – September 30, 2025'],
    ['Fiscal Year 2025 Action Items', 'Period: 1 October 2024 to 30 September 2025'],
  ])('%s / %s', async (title, note) => {
    const t = await actions(title, note, dates);
    expect(due(t)).toEqual(us);
    expect(fromFiscal(t)).toBe(true);
  });
});

describe('other fiscal years', () => {
  it('a UK year over two runs April to March from its first year', async () => {
    const t = await actions('FY2025/26 Programme Actions', null, ['Jun 2', 'Jan 12', 'Mar 30']);
    expect(due(t)).toEqual(['2025-06-02', '2026-01-12', '2026-03-30']);
  });

  it('a company year stated by its months (July – June)', async () => {
    const t = await actions('FY2025 Actions (July 2024 – June 2025)', null, ['Aug 1', 'Jun 15', 'Jan 9']);
    expect(due(t)).toEqual(['2024-08-01', '2025-06-15', '2025-01-09']);
  });

  it('an English FY that says nothing of its months is no stated year: the other dates place them', async () => {
    const t = await readRows([['FY2025 Action Items'], [], ['Action Item', 'Owner', 'Due'], ['A', 'J. Smith', d('2025-10-02')], ['B', 'J. Smith', 'Nov 14'], ['C', 'J. Smith', 'Dec 5']], 'issue', 'Actions');
    expect(fromFiscal(t)).toBe(false);
    expect(due(t)).toEqual(['2025-10-02', '2025-11-14', '2025-12-05']);
  });

  it.each<[string, string[]]>([
    ['FY2025 研修計画', ['作業名', '開始日', '担当']],
    ['2025年度 研修計画', ['作業名', '開始日', '担当']],
    ['FY2025 Training Plan', ['作業名', '開始日', '担当']],
  ])('a Japanese table’s %s is the 年度: April – March', async (title, head) => {
    const t = await readRows([[title], [], head, ['研修A', '4月7日', '佐藤'], ['研修B', '10月16日', '佐藤'], ['研修C', '2月5日', '佐藤']], 'wbs', 'WBS');
    expect(t.records.map((r) => r.values.plannedStart)).toEqual(['2025-04-07', '2025-10-16', '2026-02-05']);
  });
});

describe('a period (start～finish) in a stated fiscal year', () => {
  it.each<[string, string[]]>([
    ['2025年度 研修計画', ['作業名', '期間', '担当']],
    ['令和7年度 点検計画', ['作業名', '実施期間', '担当']],
  ])('%s: a period in January – March is in the next calendar year, flagged', async (title, head) => {
    const t = await readRows([[title], [], head, ['A', '4/7～4/30', '佐藤'], ['B', '10/1～11/15', '佐藤'], ['C', '1/15～3/20', '佐藤'], ['D', '12/10～1/20', '佐藤']], 'wbs', 'WBS');
    expect(t.records.map((r) => [r.values.plannedStart, r.values.plannedFinish])).toEqual([
      ['2025-04-07', '2025-04-30'],
      ['2025-10-01', '2025-11-15'],
      ['2026-01-15', '2026-03-20'],
      ['2025-12-10', '2026-01-20'],
    ]);
    expect(fromFiscal(t)).toBe(true);
  });
});
