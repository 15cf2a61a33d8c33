// WBS codes whose digits are the levels (100 a phase, 110 its task, 111 a step; P1000 / P1100 / P1110 /
// P1111), with or without a letter prefix, in a flat list with no indent, under whatever word heads them
// (blind set 19, I5: BL-100 / BL-110 / BL-111 were kept as the client's own and the plan stored flat).
// Each digit is one level and the trailing zeros mark a higher row: the level is the number of
// significant digits — set 18's 1-0-0 rule without the separators. Numbers that are no such codes (a
// run of IDs 100, 101, 102; costs; a run of IDs that starts inside an outline, 111, 112 …) stay what they were.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel, treeNames } from '../helpers/read-sheet.js';
import { outline } from '../helpers/coded-plan.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const day = (i: number, month: number) => d(`2026-${String(month).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`);

/** A plan of `phases` phases, each with 1–3 tasks and now and then a task with two or three steps (seeded). */
const tasksOf = (seed: number, phases: number) => outline(seed, phases, (r) => (r() < 0.4 ? 2 + Math.floor(r() * 2) : 0));
/** Digits as wide as `width`, one a level, zeros after the last: [2, 1] at width 4 → 2100. */
const digits = (p: number[], width: number) => [...p, ...Array<number>(width).fill(0)].slice(0, width).join('');

type Form = { form: string; code: (p: number[]) => ModelCell };
const FORMS: Form[] = [
  { form: 'PL-100', code: (p) => `PL-${digits(p, 3)}` },
  { form: 'K1000', code: (p) => `K${digits(p, 4)}` },
  { form: 'KK-1000', code: (p) => `KK-${digits(p, 4)}` },
  { form: '100 as text', code: (p) => digits(p, 3) },
  { form: '1000 as numbers', code: (p) => Number(digits(p, 4)) },
  { form: 'TR-1000', code: (p) => `TR-${digits(p, 4)}` },
];
const WORDS = {
  en: { heads: ['Tag', 'Job No', 'Cost Code'], names: ['Scope', 'Activity'], rest: ['Crew', 'Begin', 'Finish'], note: 'The hundreds digit is the area, the tens the system and the units the step.' },
  ja: { heads: ['整理番号', '工事番号', '作番'], names: ['工事件名', '作業内容'], rest: ['担当', '着手', '完了'], note: '※ 百の位は区分、十の位は系統、一の位は作業を表す。' },
};
const NAMES = { en: ['Survey', 'Scaffold', 'Remove', 'Install', 'Weld', 'Inspect', 'Handover'], ja: ['調査', '足場', '撤去', '据付', '溶接', '検査', '引渡し'] };

const cases = (['en', 'ja'] as const).flatMap((lang, l) =>
  FORMS.flatMap((form, f) => WORDS[lang].heads.map((head, h) => ({ lang, ...form, head, name: WORDS[lang].names[(f + h) % 2]!, lead: (f + h) % 2 === 1, seed: 1000 * l + 100 * f + 10 * h }))),
);

describe('a flat list of codes whose digits are the levels', () => {
  it.each(cases)('$lang $form under $head beside $name (lead column $lead): the code, the names, the tree; the note no task', ({ lang, code, head, name, lead, seed }) => {
    const plan = tasksOf(seed, 3 + (seed % 4));
    const words = WORDS[lang];
    const taskName = (p: number[]) => `${NAMES[lang][(p.reduce((a, b) => a * 7 + b, 0) + seed) % 7]} ${p.join('-')}`;
    const row = (cells: ModelCell[]): ModelCell[] => (lead ? [null, ...cells] : cells);
    const rows: ModelCell[][] = [
      [lang === 'en' ? 'Boiler outage plan' : '定修工程表'],
      [],
      row([head, name, ...words.rest]),
      ...plan.map((p, i) => row([code(p), taskName(p), lang === 'en' ? 'Ruiz' : '森', day(i, 3), day(i, 4)])),
      [],
      row([words.note]),
    ];
    const t = readModel(rows, 'wbs', [], 'Sheet1');
    expect([head, name].map((w) => t.columns.find((c) => c.label === w)?.field)).toEqual(['wbsCode', 'name']);
    expect(t.hierarchy).toBe('code');
    expect(treeNames(t)).toEqual(plan.map((p) => `${'  '.repeat(p.length - 1)}${taskName(p)}`));
  });
});

describe('numbers that are no such codes', () => {
  const plain = (head: string, values: ModelCell[]) => {
    const rows: ModelCell[][] = [[head, 'Activity', 'Begin', 'Finish'], ...values.map((v, i): ModelCell[] => [v, `Task ${i + 1}`, day(i, 3), day(i, 4)])];
    return readModel(rows, 'wbs', [], 'Sheet1');
  };
  it.each([
    ['a run of IDs from 100', 'ID', Array.from({ length: 12 }, (_, i) => 100 + i)],
    ['a run of IDs from 1000 as text', 'Ref', Array.from({ length: 12 }, (_, i) => String(1000 + i))],
    ['a run of IDs that starts inside an outline (111, 112 …)', 'No', Array.from({ length: 14 }, (_, i) => 111 + i)],
    ['prefixed IDs from 100', 'Ticket', Array.from({ length: 12 }, (_, i) => `TK-${100 + i}`)],
    ['cost figures', 'Cost', [1200, 3400, 5000, 1100, 2500, 7800, 6000, 1500, 9000, 4300]],
    ['round cost figures in outline-like order', 'Budget', [500, 510, 600, 700, 720, 800, 900, 910, 990]],
  ])('%s stays no WBS code', (_, head, values) => {
    const t = plain(head, values);
    expect(t.columns[0]!.field).not.toBe('wbsCode');
    expect(t.hierarchy).not.toBe('code');
  });
});
