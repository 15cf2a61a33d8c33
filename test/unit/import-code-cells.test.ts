// A WBS code column known by its cells, whatever word heads it (blind set 17, I3): codes after one letter
// (S1, S1.2, S3.1.1; WP-1-2) and plans writing each phase x.0 (1.0, 1.1, 1.2, 2.0) are outline codes as
// bare 1, 1.1 are. A flat list with no indent gets its tree from them, and the column is never an effort.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel, treeNames } from '../helpers/read-sheet.js';
import { outline } from '../helpers/coded-plan.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A plan of `phases` phases, each with 1–3 tasks and now and then a task with two subtasks (seeded). */
const tasksOf = (seed: number, phases: number) => outline(seed, phases, (r) => (r() < 0.3 ? 2 : 0));


const FORMS: [string, (p: number[]) => string][] = [
  ['S1.2', (p) => `S${p.join('.')}`],
  ['WP1.2', (p) => `WP${p.join('.')}`],
  ['K-1-2', (p) => `K-${p.join('-')}`],
  ['x.0 phases', (p) => (p.length === 1 ? `${p[0]}.0` : p.join('.'))],
  ['x.0 phases, hyphens', (p) => (p.length === 1 ? `${p[0]}-0` : p.join('-'))],
];
const WORDS = {
  en: { heads: ['Tag', 'Ref', 'Key', 'Line'], cols: ['Work Item', 'Lead', 'Begin', 'End', 'Effort (PD)'] },
  ja: { heads: ['記号', 'コード', '符号', '枝番'], cols: ['作業', '主管', '着手', '完了予定', '人日'] },
};

const cases = (['en', 'ja'] as const).flatMap((lang, l) => FORMS.flatMap(([form, code], f) => WORDS[lang].heads.map((head, h) => ({ lang, form, code, head, seed: 100 * l + 10 * f + h }))));

describe('a code column read by its cells', () => {
  it.each(cases)('$lang $form under $head: the WBS code, the tree from the codes, the effort beside kept', ({ lang, code, head, seed }) => {
    const plan = tasksOf(seed, 3 + (seed % 6));
    const words = WORDS[lang].cols;
    const rows: ModelCell[][] = [
      [lang === 'en' ? 'Delivery plan' : '展開計画'],
      [],
      [head, ...words],
      ...plan.map((p, i): ModelCell[] => [code(p), `T${p.join('_')}`, 'Kim', d(`2025-05-${String(i % 28 + 1).padStart(2, '0')}`), d(`2025-06-${String(i % 28 + 1).padStart(2, '0')}`), [2, 5, 8][i % 3]!]),
    ];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(t.columns.at(-1)!.field).toBe('plannedEffort');
    expect(t.hierarchy).toBe('code');
    expect(treeNames(t)).toEqual(plan.map((p) => `${'  '.repeat(p.length - 1)}T${p.join('_')}`));
  });
});

// Every x.0 phase row after the first steps back out of the branch above it (2.0 after 1.1): a plan of many
// short phases read those steps as out of order and its code column as none (a flat plan).
describe('a plan of many short phases written x.0', () => {
  it.each([['Ref', 'Activity'], ['枝番', '作業']])('under %j: the tree', (head, name) => {
    const plan = Array.from({ length: 9 }, (_, k) => [[k + 1], [k + 1, 1]]).flat();
    const rows: ModelCell[][] = [[head, name, 'Begin'], ...plan.map((p, i): ModelCell[] => [p.length === 1 ? `${p[0]}.0` : p.join('.'), `T${p.join('_')}`, d(`2025-05-${String(i + 1).padStart(2, '0')}`)])];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect(t.columns[0]!.field).toBe('wbsCode');
    expect(treeNames(t)).toEqual(plan.map((p) => `${'  '.repeat(p.length - 1)}T${p.join('_')}`));
  });
});

describe('what is no outline of codes stays what it was', () => {
  const read = (head: string, codes: string[]) =>
    readModel([[head, 'Activity', 'Begin', 'End'], ...codes.map((c, i): ModelCell[] => [c, `T${i}`, d(`2025-05-0${i % 9 + 1}`), d(`2025-05-1${i % 9 + 1}`)])], 'wbs', [], 'Sheet1');

  it('two letters in one column (A1, A1.1, B1, B1.1: two numberings) are not read as one outline by their cells', () => {
    const t = read('Tag', ['A1', 'A1.1', 'A1.2', 'B1', 'B1.1', 'B1.2', 'C1', 'C1.1']);
    expect(t.columns[0]!.field).not.toBe('wbsCode');
  });

  it('IDs with a letter and a running number (T-1, T-2, T-3) are no outline', () => {
    const t = read('Tag', ['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6']);
    expect(t.columns[0]!.field).not.toBe('wbsCode');
  });

  it('a version column (1.0, 1.0, 2.1, 2.1, 3.0) is no outline', () => {
    const t = read('Ref', ['1.0', '1.0', '2.1', '2.1', '3.0', '3.0']);
    expect(t.columns[0]!.field).not.toBe('wbsCode');
  });
});
