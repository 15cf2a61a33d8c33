// A step outdented beside the task it was under and moved before it (2-02-02 now right under 2, above
// 2-02) keeps no numbers of that task: 2.2 of its 2.2.2 is its former parent's code, not a level the client
// skipped, so it is numbered as the next task under 2 and the task it left keeps its form, one number on
// (2-03, its step 2-03-01). Before, it was written 2-02-02 at its new level, and the task after it, finding
// 02 taken, was numbered as a flat list's next, 2-02-03 — a step's code on a task (blind set 20, E3). A
// client's own skipped level (a code 2.1.1 right under 2 with no 2.1 anywhere) is kept, as before.
import { describe, expect, it } from 'vitest';
import { codedPlan } from '../helpers/coded-plan.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const FORMS = [
  { label: 'hyphen, padded', head: '工程番号', name: '工事項目', code: (p: number[]) => [String(p[0]), ...p.slice(1).map((n) => String(n).padStart(2, '0'))].join('-') },
  { label: 'dotted', head: 'Ref', name: 'Work', code: (p: number[]) => p.join('.') },
];
const PLAN: [number[], string][] = [
  [[1], 'Prepare'], [[1, 1], 'Permits'], [[1, 2], 'Scaffold'],
  [[2], 'Rebuild'], [[2, 1], 'Insulate'], [[2, 2], 'Drainage'], [[2, 2, 1], 'Gutters'], [[2, 2, 2], 'Floor coat'],
  [[3], 'Commission'], [[3, 1], 'Water test'],
];

describe.each(FORMS)('codes $label', (form) => {
  it('a step outdented and moved above the task it was under takes the next number, and that task keeps its form', async () => {
    const rows = PLAN.map(([p, n], i) => [form.code(p), n, d(`2025-06-0${(i % 9) + 1}`), d(`2025-06-1${(i % 9) + 1}`)]);
    const { idOf, exported } = await codedPlan(call, `outdent ${form.label}`, [form.head, form.name, 'Begin', 'End'], rows);
    await call('wbs.outdent', { ids: [idOf('Floor coat')] });
    await call('wbs.move', { ids: [idOf('Floor coat')], direction: 'up' });
    const { rows: shown, failures } = await exported();
    const expected: [number[], string][] = [
      [[1], 'Prepare'], [[1, 1], 'Permits'], [[1, 2], 'Scaffold'],
      [[2], 'Rebuild'], [[2, 1], 'Insulate'], [[2, 2], 'Floor coat'], [[2, 3], 'Drainage'], [[2, 3, 1], 'Gutters'],
      [[3], 'Commission'], [[3, 1], 'Water test'],
    ];
    expect(shown).toEqual(expected.map(([p, n]) => [form.code(p), n]));
    expect(failures).toEqual([]);
  });

  it("a client's own skipped level (2.1.1 right under 2, no 2.1 anywhere) is kept", async () => {
    const plan: [number[], string][] = [[[1], 'Prepare'], [[1, 1], 'Permits'], [[2], 'Rebuild'], [[2, 1, 1], 'Insulate'], [[2, 2], 'Drainage'], [[3], 'Commission']];
    const rows = plan.map(([p, n], i) => [form.code(p), n, d(`2025-06-0${i + 1}`), d(`2025-06-1${i + 1}`)]);
    const { exported, preview } = await codedPlan(call, `skipped ${form.label}`, [form.head, form.name, 'Begin', 'End'], rows);
    expect(preview.rows.filter((r) => !r.skipped)).toHaveLength(plan.length);
    const { rows: shown } = await exported();
    expect(shown).toEqual(plan.map(([p, n]) => [form.code(p), n]));
  });
});
