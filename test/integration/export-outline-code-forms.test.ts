// WBS codes in the two forms blind set 18 (I3) met: a letter for each top task (A; A.1, A.2.1 under it)
// and fixed-width codes with zero parts (1-0-0 a phase, 1-2-0 its task, 1-2-1 a step; 1.0.0 too), in a
// flat list whose codes alone carry the tree, under a word that also names a task (Item, 項目). The codes
// are read as the tree, never as the names; the export writes every untouched code back as it was and
// numbers a new task in the client's form and width (F after E, 1-3-0 after 1-2-0, 6-0-0 after 5-0-0).
import { describe, expect, it } from 'vitest';
import { codedPlan } from '../helpers/coded-plan.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NAMES = ['Survey', 'Walkdown', 'Report', 'Install', 'Racks', 'Rack one', 'Rack two', 'Cabling', 'Handover'];
const SHAPE = [[1], [1, 1], [1, 2], [2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 2], [3]];

type Form = { label: string; head: string; name: string; code: (parts: number[]) => string };
const fixed = (sep: string, width: number) => (p: number[]) => [...p, ...Array(width).fill(0)].slice(0, width).join(sep);
const FORMS: Form[] = [
  { label: 'A / A.1 under Item', head: 'Item', name: 'Work Package', code: (p) => [String.fromCharCode(64 + p[0]!), ...p.slice(1)].join('.') },
  { label: 'A / A.1 under 項目', head: '項目', name: '作業内容', code: (p) => [String.fromCharCode(64 + p[0]!), ...p.slice(1)].join('.') },
  { label: '1-0-0 under 項目', head: '項目', name: '実施事項', code: fixed('-', 3) },
  { label: '1.0.0 under Item', head: 'Item', name: 'Activity', code: fixed('.', 3) },
  { label: '1-0-0-0 under Task Ref', head: 'Task Ref', name: 'Work Package', code: fixed('-', 4) },
];

const imported = (form: Form) =>
  codedPlan(call, form.label, [form.head, form.name, 'Begin', 'End'], SHAPE.map((p, i) => [form.code(p), NAMES[i], d(`2025-06-0${i + 1}`), d(`2025-06-1${i + 1}`)]), [['Rollout plan'], []]);

describe.each(FORMS)('codes $label', (form) => {
  it('give the tree and the names, and export back unchanged', async () => {
    const { preview, tasks, exported } = await imported(form);
    expect(preview.columns.slice(0, 2).map((c) => c.field)).toEqual(['wbsCode', 'name']);
    expect(tasks.map((t) => [t.name, t.level])).toEqual(NAMES.map((n, i) => [n, SHAPE[i]!.length - 1]));
    const { rows, failures } = await exported();
    expect(rows).toEqual(SHAPE.map((p, i) => [form.code(p), NAMES[i]]));
    expect(failures).toEqual([]);
  });

  it("a new step, task and phase are numbered in the client's form and width", async () => {
    const { projectId, idOf, exported } = await imported(form);
    await call('wbs.create', { projectId, afterId: idOf('Rack two'), values: { name: 'Rack three' } as never });
    await call('wbs.create', { projectId, afterId: idOf('Cabling'), values: { name: 'Labels' } as never });
    await call('wbs.create', { projectId, values: { name: 'Closure' } as never });
    const { rows, failures } = await exported();
    const shape = [...SHAPE.slice(0, 7), [2, 1, 3], SHAPE[7]!, [2, 3], SHAPE[8]!, [4]];
    const names = [...NAMES.slice(0, 7), 'Rack three', 'Cabling', 'Labels', 'Handover', 'Closure'];
    expect(rows).toEqual(shape.map((p, i) => [form.code(p), names[i]]));
    expect(failures).toEqual([]);
  });

  it('a phase put before another renumbers that phase, and its tasks keep their own numbers in its width', async () => {
    const { projectId, idOf, exported } = await imported(form);
    await call('wbs.create', { projectId, afterId: idOf('Survey'), values: { name: 'Permits' } as never });
    const { rows, failures } = await exported();
    const shape = [...SHAPE.slice(0, 3), [2], ...SHAPE.slice(3).map((p) => [p[0]! + 1, ...p.slice(1)])];
    expect(rows).toEqual(shape.map((p, i) => [form.code(p), [...NAMES.slice(0, 3), 'Permits', ...NAMES.slice(3)][i]]));
    expect(failures).toEqual([]);
  });
});
