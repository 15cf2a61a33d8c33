// A column whose cells are all outline codes is the plan's WBS code, never its task names, whatever word
// heads it — also a word that names a task (Item, 項目, Task Ref; blind set 18, I3: the codes became the
// names and the names were kept aside). Outline codes include a letter for each top task (A; A.1, A.2.1
// under it) and fixed-width codes with zero parts (1-0-0 a phase, 1-2-0 its task, 1-2-1 a step; 1.0.0),
// whose level is the last part that is not zero. A flat list gets its tree from them, and a note under
// the table (one long text in the code column) is no task.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel, treeNames } from '../helpers/read-sheet.js';
import { outline } from '../helpers/coded-plan.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A plan of `phases` phases, each with 1–3 tasks and now and then a task with two or three steps (seeded). */
const tasksOf = (seed: number, phases: number) => outline(seed, phases, (r) => (r() < 0.4 ? 2 + Math.floor(r() * 2) : 0));


const fixed = (sep: string, width: number) => (p: number[]) => [...p, ...Array<number>(width).fill(0)].slice(0, width).join(sep);
const FORMS: [string, (p: number[]) => string][] = [
  ['A / A.1 / A.1.1', (p) => [String.fromCharCode(64 + p[0]!), ...p.slice(1)].join('.')],
  ['1-0-0', fixed('-', 3)],
  ['1.0.0', fixed('.', 3)],
  ['1-0-0-0', fixed('-', 4)],
  ['1 / 1.1 / 1.1.1', (p) => p.join('.')],
];
const WORDS = {
  en: { heads: ['Item', 'Task Ref', 'Work Item'], names: ['Work Package', 'Activity'], rest: ['Lead', 'Begin', 'End'], note: 'Dates are the site office’s forecast and are revised at each monthly progress meeting.' },
  ja: { heads: ['項目', '作業コード', '項番'], names: ['作業内容', '実施事項'], rest: ['主管', '着手', '完了予定'], note: '※ 日程は月例の工程会議で見直す。集計行は配下の作業をまとめたもの。' },
};
const NAMES = { en: ['Survey', 'Design', 'Permits', 'Build', 'Test', 'Handover', 'Train'], ja: ['調査', '設計', '申請', '施工', '試験', '引渡し', '教育'] };

const cases = (['en', 'ja'] as const).flatMap((lang, l) =>
  FORMS.flatMap(([form, code], f) => WORDS[lang].heads.flatMap((head, h) => WORDS[lang].names.map((name, n) => ({ lang, form, code, head, name, lead: (f + h + n) % 2 === 1, seed: 1000 * l + 100 * f + 10 * h + n })))),
);

describe('a column of outline codes under a word that names tasks', () => {
  it.each(cases)('$lang $form under $head beside $name (lead column $lead): the code, the names, the tree; the note no task', ({ lang, code, head, name, lead, seed }) => {
    const plan = tasksOf(seed, 3 + (seed % 4));
    const words = WORDS[lang];
    const taskName = (p: number[]) => `${NAMES[lang][(p.reduce((a, b) => a * 7 + b, 0) + seed) % 7]} ${p.join('-')}`;
    // (Now and then a blank column left of the table: the code column is not always A.)
    const row = (cells: ModelCell[]): ModelCell[] => (lead ? [null, ...cells] : cells);
    const rows: ModelCell[][] = [
      [lang === 'en' ? 'Programme schedule' : '全体工程表'],
      [],
      row([head, name, ...words.rest]),
      ...plan.map((p, i) => row([code(p), taskName(p), lang === 'en' ? 'Kim' : '田中', d(`2026-03-${String((i % 27) + 1).padStart(2, '0')}`), d(`2026-04-${String((i % 27) + 1).padStart(2, '0')}`)])),
      ...(seed % 3 === 0 ? [[]] : []),
      row([words.note]),
    ];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect([head, name].map((w) => t.columns.find((c) => c.label === w)?.field)).toEqual(['wbsCode', 'name']);
    expect(t.hierarchy).toBe('code');
    expect(treeNames(t)).toEqual(plan.map((p) => `${'  '.repeat(p.length - 1)}${taskName(p)}`));
  });
});

describe('what stays as it was', () => {
  it('a predecessor column of codes stays the predecessors beside the code column', () => {
    const plan = tasksOf(7, 4);
    const codes = plan.map((p) => p.join('.'));
    const rows: ModelCell[][] = [['Item', 'Activity', 'Predecessor', 'Begin'], ...plan.map((p, i): ModelCell[] => [codes[i]!, `T${p.join('_')}`, i > 0 ? codes[i - 1]! : null, d(`2026-03-${String(i + 1).padStart(2, '0')}`)])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns.map((c) => c.field)).toEqual(['wbsCode', 'name', 'predecessors', 'plannedStart']);
  });

  it('a letter grade column (A, B, C) is no outline', () => {
    const rows: ModelCell[][] = [['Grade', 'Activity', 'Begin'], ...['A', 'B', 'C', 'A', 'B', 'C'].map((g, i): ModelCell[] => [g, `T${i}`, d(`2026-03-0${i + 1}`)])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).not.toBe('wbsCode');
    expect(t.hierarchy).not.toBe('code');
  });
});
