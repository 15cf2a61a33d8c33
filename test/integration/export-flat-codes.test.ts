// A flat list whose codes alone carry the hierarchy (1.1.1 … 1.2.3, no 1 or 1.1 rows: budget-en-rk's
// resource breakdown). A task added among them was numbered as a new top task, 2, and every task after
// it no longer fitted above that 2, so the export wrote 3, 4, 5 … over the client's 1.2.1, 1.2.2. A new
// task takes the next number in its predecessor's group and the siblings after it move on by one, as the
// client renumbers by hand; groups after it keep their codes. The round trip's check 4c reads the codes.
import { describe, expect, it } from 'vitest';
import { codedPlan } from '../helpers/coded-plan.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const PLAN: [string, string, string, string][] = [
  ['1.1.1', 'Define requirements', '2025-06-02', '2025-06-06'],
  ['1.1.2', 'Choose vendor', '2025-06-09', '2025-06-13'],
  ['1.1.3', 'Initial design', '2025-06-16', '2025-06-20'],
  ['1.2.1', 'Prototype', '2025-06-23', '2025-06-27'],
  ['1.2.2', 'Beta test', '2025-06-30', '2025-07-04'],
  ['1.2.3', 'Sign-off', '2025-07-07', '2025-07-11'],
  ['1.3.1', 'Launch', '2025-07-14', '2025-07-18'],
];

const imported = (name: string, codes = PLAN.map((r) => r[0])) =>
  codedPlan(call, name, ['WBS identifier #', 'Work package', 'Start', 'Finish'], PLAN.map(([, task, st, f], i) => [codes[i], task, d(st), d(f)]));

describe('a flat list numbered 1.1.1 … 1.3.1 keeps its numbering', () => {
  it('a task added in the middle of a group takes the next code there and the group after it moves on', async () => {
    const { projectId, idOf, exported } = await imported('middle');
    await call('wbs.create', { projectId, afterId: idOf('Choose vendor'), values: { name: 'Contract' } as never });
    const { rows, failures } = await exported();
    expect(rows).toEqual([
      ['1.1.1', 'Define requirements'],
      ['1.1.2', 'Choose vendor'],
      ['1.1.3', 'Contract'],
      ['1.1.4', 'Initial design'],
      ['1.2.1', 'Prototype'],
      ['1.2.2', 'Beta test'],
      ['1.2.3', 'Sign-off'],
      ['1.3.1', 'Launch'],
    ]);
    expect(failures).toEqual([]);
  });

  it('a task added at the end of the list or of a group stays in the client\'s form', async () => {
    const { projectId, idOf, exported } = await imported('ends');
    await call('wbs.create', { projectId, values: { name: 'Report' } as never });
    await call('wbs.delete', { id: idOf('Define requirements') });
    await call('wbs.create', { projectId, afterId: idOf('Sign-off'), values: { name: 'Approve plan' } as never });
    const { rows, failures } = await exported();
    expect(rows.map((r) => r[0])).toEqual(['1.1.2', '1.1.3', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.3.1', '1.3.2']);
    expect(rows.map((r) => r[1])).toEqual(['Choose vendor', 'Initial design', 'Prototype', 'Beta test', 'Sign-off', 'Approve plan', 'Launch', 'Report']);
    expect(failures).toEqual([]);
  });

  it('zero-padded codes keep their widths (01.01.09 → 01.01.10)', async () => {
    const codes = ['01.01.08', '01.01.09', '01.02.01', '01.02.02', '01.02.03', '01.03.01', '01.03.02'];
    const { projectId, idOf, exported } = await imported('padded', codes);
    await call('wbs.create', { projectId, afterId: idOf('Choose vendor'), values: { name: 'Contract' } as never });
    const { rows, failures } = await exported();
    expect(rows.map((r) => r[0])).toEqual(['01.01.08', '01.01.09', '01.01.10', '01.02.01', '01.02.02', '01.02.03', '01.03.01', '01.03.02']);
    expect(failures).toEqual([]);
  });
});

// A client's skipped level (2.1.1 right under 2, beside its 2.2) under a parent that is numbered anew (moved
// below 3, so 2 becomes 4): the children keep their own numbers under the parent's new code (4.1.1, 4.2),
// where the first took 4.1 and the next 4.2 before (pmtool-jp-yabuki at seed 31: 6.1.1 written 8.1).
describe('children of a renumbered parent keep their own numbers', () => {
  it('2.1.1 and 2.2 under 2 become 4.1.1 and 4.2 once 2 moves below 3', async () => {
    const rows: [string, string, string, string][] = [
      ['1', 'Design', '2025-06-02', '2025-06-13'],
      ['1.1', 'Screens', '2025-06-02', '2025-06-13'],
      ['2', 'Build', '2025-06-16', '2025-06-27'],
      ['2.1.1', 'Batch jobs', '2025-06-16', '2025-06-20'],
      ['2.2', 'Reports', '2025-06-23', '2025-06-27'],
      ['3', 'Test', '2025-06-30', '2025-07-04'],
      ['3.1', 'Plan tests', '2025-06-30', '2025-07-04'],
    ];
    const { idOf, exported } = await codedPlan(call, 'renumbered parent', ['WBS', 'Task', 'Start', 'Finish'], rows.map(([c, t, st, f]) => [c, t, d(st), d(f)]));
    await call('wbs.move', { ids: [idOf('Build')], direction: 'down' });
    const { rows: shown, failures } = await exported();
    expect(shown).toEqual([['1', 'Design'], ['1.1', 'Screens'], ['3', 'Test'], ['3.1', 'Plan tests'], ['4', 'Build'], ['4.1.1', 'Batch jobs'], ['4.2', 'Reports']]);
    expect(failures).toEqual([]);
  });
});

// Phases written x.0 (1.0, 1.1 … 3.0): a task outdented to the top keeps its 2.2 and the phase after it is
// numbered as a phase, never as the next of 2.2's group (2.3, its children 2.3.1: blind set 17, wbs-india-offshore).
describe('phases written x.0 after a task outdented to the top', () => {
  it('the next phase and its children keep the phases\' form', async () => {
    const rows: [string, string, string, string][] = [
      ['1.0', 'Transition', '2025-06-02', '2025-06-13'],
      ['1.1', 'KT sessions', '2025-06-02', '2025-06-06'],
      ['1.2', 'Reverse KT', '2025-06-09', '2025-06-13'],
      ['2.0', 'Build', '2025-06-16', '2025-07-11'],
      ['2.1', 'Sprint 1', '2025-06-16', '2025-06-27'],
      ['2.2', 'Sprint 2', '2025-06-30', '2025-07-11'],
      ['3.0', 'Testing', '2025-07-14', '2025-07-25'],
      ['3.1', 'System test', '2025-07-14', '2025-07-25'],
    ];
    const { idOf, exported } = await codedPlan(call, 'x.0 phases', ['Ref', 'Activity', 'Start', 'Finish'], rows.map(([c, t, st, f]) => [c, t, d(st), d(f)]));
    await call('wbs.outdent', { ids: [idOf('Sprint 2')] });
    await call('wbs.move', { ids: [idOf('Sprint 2')], direction: 'up' });
    const { rows: shown, failures } = await exported();
    expect(shown.map((r) => r[1])).toEqual(['Transition', 'KT sessions', 'Reverse KT', 'Sprint 2', 'Build', 'Sprint 1', 'Testing', 'System test']);
    const code = (n: string): string => shown.find((r) => r[1] === n)![0]!;
    expect(code('Build')).toMatch(/^\d+\.0$/);
    expect(code('Sprint 1')).toBe(`${code('Build').slice(0, -2)}.1`);
    expect(failures).toEqual([]);
  });
});

// A task outdented to the top keeps its longer code (3.1) and stands before a top task (3): that one is
// numbered as a top task (4), never as the next of 3.1's group (3.2; blind set 17's S3 written S5.3).
describe('a top task after a task outdented to the top', () => {
  it('is numbered as a top task', async () => {
    const rows: [string, string, string, string][] = [
      ['1', 'Design', '2025-06-02', '2025-06-13'],
      ['1.1', 'Screens', '2025-06-02', '2025-06-13'],
      ['2', 'Build', '2025-06-16', '2025-06-27'],
      ['2.1', 'Batch jobs', '2025-06-16', '2025-06-27'],
      ['3', 'Test', '2025-06-30', '2025-07-11'],
      ['3.1', 'Plan tests', '2025-06-30', '2025-07-04'],
      ['3.2', 'Run tests', '2025-07-07', '2025-07-11'],
    ];
    const { idOf, exported } = await codedPlan(call, 'outdented before a top', ['WBS', 'Task', 'Start', 'Finish'], rows.map(([c, t, st, f]) => [c, t, d(st), d(f)]));
    await call('wbs.outdent', { ids: [idOf('Run tests')] });
    await call('wbs.move', { ids: [idOf('Run tests')], direction: 'up' });
    const { rows: shown, failures } = await exported();
    expect(shown.map((r) => r[1])).toEqual(['Design', 'Screens', 'Build', 'Batch jobs', 'Run tests', 'Test', 'Plan tests']);
    const code = (n: string): string => shown.find((r) => r[1] === n)![0]!;
    expect(code('Test')).toMatch(/^\d+$/);
    expect(failures).toEqual([]);
  });
});
