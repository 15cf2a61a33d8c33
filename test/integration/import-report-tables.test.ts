// A report's tables are no WBS (issue 11, blind set 16 I6): a table of figures per item (項目 | 計画 | 実績 |
// 評価 with 60% | 55% | ○) has names and nothing a task has — no date, person, progress or status — so a
// WBS preview says it is no WBS and plans nothing (doubts.ts noTasks); and ■ sections of prose lines
// under a table (■ 今週の実績 over ・料金プラン設定 …) end its data, never become nameless tasks
// (data-range.ts proseSection). Generated variants (seeded): header words, figures, marks, sections.
import { describe, expect, it } from 'vitest';
import { workbook, type CellSpec, type SheetSpec } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { prng } from '../fixtures/excel/hostile.js';

// (One workspace for the file; each preview in a project of its own.)
const { call } = fileWorkspace();

async function preview(register: string, sheet: SheetSpec): Promise<ImportPreview> {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const dataBase64 = (await workbook([sheet])).toString('base64');
  return await call('excel.previewImport', { projectId, register: register as 'wbs', fileName: 'report.xlsx', dataBase64 });
}

// (prng: a small seeded generator, mulberry32: the same variants on every run.)
const random = prng;
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const SECTIONS = [
  ['■ 今週の実績', ['・料金プラン設定 120件', '・フロント教育 第1回(本館)']],
  ['■ 来週の予定', ['・別館客室マスタ設定', '・予約データ移行テスト']],
  ['【懸案・相談事項】', ['特になし（詳細は懸案管理表を参照）']],
  ['▼ Next week', ['- Vendor demo of the booking engine', '- Cut-over rehearsal 2']],
] as const;

/** The report's ■ sections under a table: a blank row, then each title over its lines (in column B, as a report indents them). */
function sections(rnd: () => number, width: number): CellSpec[][] {
  const out: CellSpec[][] = [];
  for (const [title, lines] of SECTIONS.filter(() => rnd() < 0.8)) {
    out.push([], [title]);
    for (const line of lines) out.push([null, line, ...Array<CellSpec>(Math.max(0, width - 2)).fill(null)]);
  }
  return out.length > 0 ? out : [[], [SECTIONS[0][0]], [null, SECTIONS[0][1][0]]];
}

describe('a table of figures per item is no WBS', () => {
  const HEADS = [
    ['項目', '計画', '実績', '評価'],
    ['指標', '目標', '実績', '判定'],
    ['項目', '予定', '実績', '評価'],
    ['Item', 'Plan', 'Actual', 'Rating'],
    ['作業項目', '計画', '実績', '評価'],
    ['Task', 'Target', 'Actual', 'Grade'],
  ];
  const ITEMS = ['設定完了率', '移行リハーサル', '教育受講者', 'テスト消化率', '障害件数', 'Training sessions', 'Open defects'];
  const FIGURES = [
    (rnd: () => number) => `${Math.round(rnd() * 100)}%`,
    (rnd: () => number) => `${1 + Math.floor(rnd() * 9)}回`,
    (rnd: () => number) => `${10 + Math.floor(rnd() * 40)}名`,
    (rnd: () => number) => `${1 + Math.floor(rnd() * 30)}件`,
  ];
  for (let seed = 1; seed <= 8; seed++) {
    const rnd = random(seed * 7727);
    const head = HEADS[seed % HEADS.length]!;
    const n = 2 + Math.floor(rnd() * 4);
    const rows: CellSpec[][] = [['PMS更改プロジェクト 週次報告書'], [], ['報告期間：', null, '2027年6月7日～6月11日'], [], ['■ 進捗指標'], head];
    for (let i = 0; i < n; i++) {
      const figure = pick(rnd, FIGURES);
      rows.push([ITEMS[(seed + i) % ITEMS.length]!, figure(rnd), figure(rnd), pick(rnd, ['◎', '○', '△', '×'])]);
    }
    const withSections = rnd() < 0.7;
    if (withSections) rows.push(...sections(rnd, 4));
    it(`seed ${seed}: ${head.join(' | ')}, ${n} items${withSections ? ', ■ sections under it' : ''}: no WBS, nothing planned, the table asked`, async () => {
      const p = await preview('wbs', { name: '週報', rows });
      // (Found as a table — its key word a WBS's — it is said to be no WBS; headed in words no WBS uses, no table is found.)
      const said = p.problems.find((x) => x.code === 'noTaskTable' || x.code === 'noTable');
      expect(said).toBeDefined();
      expect(said!.reason).toContain('report.xlsx');
      if (said!.code === 'noTaskTable') {
        expect(said!.reason).toContain('週報');
        expect(p.detection?.ask).toBe('table');
        expect(p.detection?.why.map((w) => w.code)).toContain('noTasks');
      }
      expect(p.rows.filter((r) => !r.skipped)).toHaveLength(0);
    });
  }

  it('names with dates beside them are tasks: the WBS is read, nothing said', async () => {
    const rows: CellSpec[][] = [['WBS'], [], ['作業', '開始', '終了', '担当']];
    ['要件定義', '基本設計', '詳細設計', '製造'].forEach((t, i) => rows.push([t, new Date(Date.UTC(2027, 3, 1 + i * 7)), new Date(Date.UTC(2027, 3, 6 + i * 7)), '佐藤']));
    const p = await preview('wbs', { name: 'WBS', rows });
    expect(p.problems.map((x) => x.code)).not.toContain('noTaskTable');
    expect(p.rows.filter((r) => !r.skipped)).toHaveLength(4);
  });
});

describe('■ sections of prose lines under a table end its data', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const rnd = random(seed * 6151);
    const n = 3 + Math.floor(rnd() * 4);
    const rows: CellSpec[][] = [['WBS'], [], ['タスク名', '開始日', '終了日', '担当者']];
    for (let i = 0; i < n; i++) rows.push([`作業${i + 1}`, new Date(Date.UTC(2027, 4, 1 + i * 3)), new Date(Date.UTC(2027, 4, 3 + i * 3)), pick(rnd, ['佐藤', '鈴木', '田中'])]);
    const last = rows.length;
    rows.push(...sections(rnd, 4));
    it(`seed ${seed}: ${n} tasks, then ■ sections: the data ends at the last task, no nameless task`, async () => {
      const p = await preview('wbs', { name: 'WBS', rows });
      expect(p.data.last).toBe(last);
      const read = p.rows.filter((r) => !r.skipped);
      expect(read).toHaveLength(n);
      expect(read.every((r) => typeof r.values?.name === 'string' && r.values.name !== '')).toBe(true);
    });
  }

  it('a ■ heading over more tasks (named in the key column) goes on with the table', async () => {
    const rows: CellSpec[][] = [['WBS'], [], ['タスク名', '開始日', '終了日', '担当者']];
    rows.push(['作業1', new Date(Date.UTC(2027, 4, 1)), new Date(Date.UTC(2027, 4, 3)), '佐藤']);
    rows.push(['作業2', new Date(Date.UTC(2027, 4, 4)), new Date(Date.UTC(2027, 4, 6)), '鈴木']);
    rows.push([], ['■ 第2期']);
    rows.push(['作業3', new Date(Date.UTC(2027, 4, 7)), new Date(Date.UTC(2027, 4, 9)), '田中']);
    rows.push(['作業4', new Date(Date.UTC(2027, 4, 10)), new Date(Date.UTC(2027, 4, 12)), '佐藤']);
    const p = await preview('wbs', { name: 'WBS', rows });
    const names = p.rows.filter((r) => !r.skipped).map((r) => r.values?.name);
    expect(names).toEqual(expect.arrayContaining(['作業1', '作業2', '作業3', '作業4']));
  });
});
