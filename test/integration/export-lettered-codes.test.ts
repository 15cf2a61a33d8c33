// WBS codes written after a letter (S1, S1.2, S3.1.1 of a rollout's stages; A-1-2 of a site's works) or
// with their phases as x.0 (1.0, 1.1, 2.0 of an offshore plan) in a flat list whose codes alone carry the
// tree (blind set 17, I3). The import reads the tree from the codes; the export writes every untouched
// code back as it was and numbers a new task in the client's form, letter included.
import { describe, expect, it } from 'vitest';
import { codedPlan } from '../helpers/coded-plan.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NAMES = ['Survey', 'Site visit', 'Report', 'Install', 'Racks', 'Rack A', 'Rack B', 'Cabling', 'Handover'];
const SHAPE = [[1], [1, 1], [1, 2], [2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 2], [3]];

type Form = { label: string; head: string; code: (parts: number[]) => string };
const FORMS: Form[] = [
  { label: 'S1.2 under コード', head: 'コード', code: (p) => `S${p.join('.')}` },
  { label: 'WP1.2 under Tag', head: 'Tag', code: (p) => `WP${p.join('.')}` },
  { label: 'A-1-2 under Key', head: 'Key', code: (p) => `A-${p.join('-')}` },
  { label: '1.0 phases under Ref', head: 'Ref', code: (p) => (p.length === 1 ? `${p[0]}.0` : p.join('.')) },
];

const imported = (form: Form) =>
  codedPlan(call, form.label, [form.head, 'Activity', 'Begin', 'End'], SHAPE.map((p, i) => [form.code(p), NAMES[i], d(`2025-06-0${i + 1}`), d(`2025-06-1${i + 1}`)]), [['Rollout plan'], []]);

describe.each(FORMS)('codes $label', (form) => {
  it('give the tree, and export back unchanged', async () => {
    const { tasks, exported } = await imported(form);
    expect(tasks.map((t) => [t.name, t.level])).toEqual(NAMES.map((n, i) => [n, SHAPE[i]!.length - 1]));
    const { rows, failures } = await exported();
    expect(rows).toEqual(SHAPE.map((p, i) => [form.code(p), NAMES[i]]));
    expect(failures).toEqual([]);
  });

  it('a new task and a new phase are numbered in the client\'s form', async () => {
    const { projectId, idOf, exported } = await imported(form);
    await call('wbs.create', { projectId, afterId: idOf('Rack B'), values: { name: 'Rack C' } as never });
    await call('wbs.create', { projectId, values: { name: 'Closure' } as never });
    const { rows, failures } = await exported();
    const shape = [...SHAPE.slice(0, 7), [2, 1, 3], ...SHAPE.slice(7), [4]];
    expect(rows).toEqual(shape.map((p, i) => [form.code(p), [...NAMES.slice(0, 7), 'Rack C', ...NAMES.slice(7), 'Closure'][i]]));
    expect(failures).toEqual([]);
  });
});

// A code whose parent has no row (2.1, 2.2 with no 2.0; S2.1 with no S2): the task is stored at the top,
// where the nearest row its code names is none, beside the phases (a made-up parent would be a task the
// client never wrote, and an export would write it in). Every code is written back unchanged.
describe.each([
  { label: 'x.0 phases', codes: ['1.0', '1.1', '1.2', '2.1', '2.2', '3.0', '3.1'] },
  { label: 'S-letter codes', codes: ['S1', 'S1.1', 'S1.2', 'S2.1', 'S2.2', 'S3', 'S3.1'] },
])('$label with a phase row missing', ({ label, codes }) => {
  it('store its tasks at the top and export every code back unchanged', async () => {
    const { preview, tasks, exported } = await codedPlan(call, `missing ${label}`, ['Ref', 'Activity', 'Begin', 'End'], codes.map((c, i) => [c, `T${i}`, d(`2025-06-0${i + 1}`), d(`2025-06-1${i + 1}`)]));
    expect(preview.problems.filter((p) => p.code === 'codeWithoutParent').map((p) => p.cell)).toEqual(['A5', 'A6']);
    expect(tasks.map((t) => t.level)).toEqual([0, 1, 1, 0, 0, 0, 1]);
    const rows = (await exported()).rows.map((r) => r[0]);
    expect(rows).toEqual(codes);
  });
});
