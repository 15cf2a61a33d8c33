// A WBS whose tree is given by category columns left of the task names (街区 | 工種 | 作業, Area | Trade |
// Activity), the category written on every task row or only on the first of each group, under header
// words no level synonym knows: the categories are the tree's groups, and an export into the file writes
// each row's category cells back as the client wrote them (issue 11, unseen sets 12–14: read flat).
// Variants are generated (helpers/category-plans.ts): two word sets, both languages, one or two levels,
// a No. column, a title block.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { categoryPlan, planWorkbook, type PlanShape } from '../helpers/category-plans.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();

async function importPlan(shape: PlanShape) {
  const plan = categoryPlan(shape);
  const dataBase64 = (await planWorkbook(shape, plan)).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
  await call('excel.applyImport', { previewId: p.previewId, options: {} });
  const tasks = tasksOfTable(await call('wbs.rows', { projectId })) as unknown as { name: string; level: number }[];
  return { plan, p, projectId, columns: Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null])), tree: tasks.map((t) => `${'  '.repeat(t.level)}${t.name}`) };
}

const SHAPES: PlanShape[] = [];
for (const lang of ['ja', 'en'] as const)
  for (const fill of ['every', 'first'] as const)
    for (const levels of [1, 2] as const) SHAPES.push({ lang, fill, levels, words: SHAPES.length % 2 === 0 ? 0 : 1, numbered: levels === 2 && fill === 'every', title: lang === 'en' });

describe('category columns over the task names are the tree', () => {
  it.each(SHAPES.map((s) => [`${s.lang} ${s.levels} level(s), written on ${s.fill} row, words ${s.words}${s.numbered ? ', No. first' : ''}`, s] as const))('%s', async (_, shape) => {
    const { plan, columns, tree } = await importPlan(shape);
    plan.categoryColumns.forEach((c, k) => expect(columns[c], c).toBe(`level${k + 1}`));
    expect(tree).toEqual(plan.tree);
  });
});

describe('columns that only look like categories stay the client’s', () => {
  it('a type sorted into runs with an ID column between it and the names, and an owner who comes back, give no groups', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['Type', 'Key', 'Team', 'Task', 'Due']);
    const rows: [string, string, string][] = [['Epic', 'Ann', 'Payments'], ['Epic', 'Ann', 'Accounts'], ['Story', 'Bob', 'Refund flow'], ['Story', 'Bob', 'Sign-up form'], ['Story', 'Ann', 'Receipts'], ['Story', 'Ann', 'Password reset']];
    rows.forEach(([t, who, s], k) => ws.addRow([t, `ONB-${100 + k}`, who, s, new Date(Date.UTC(2025, 6, 1 + k))]));
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'export.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.columns.filter((c) => /^level\d$/.test(c.field ?? '')).map((c) => c.column)).toEqual([]);
    expect(p.rows.map((r) => r.level)).toEqual(rows.map(() => 0));
  });
});

describe('the export into the client’s file writes each row’s category cells', () => {
  const cases = SHAPES.filter((s) => s.levels === 2);
  it.each(cases.map((s) => [`${s.lang}, written on ${s.fill} row`, s] as const))('%s: unchanged, and with a task added in a group', async (_, shape) => {
    const plan = categoryPlan(shape);
    const { projectId, profileId } = await importWithProfile(call, await planWorkbook(shape, plan), `cat ${shape.lang} ${shape.fill}`);
    const top = shape.title ? 3 : 1;
    const nameAt = plan.header.length - 3;
    const first = plan.categoryColumns[0]!.charCodeAt(0) - 65;
    const rowsOf = (b64: string) => {
      const sheet = readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!;
      const text = (r: number, c: number) => String(sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v ?? '');
      const out: string[][] = [];
      for (let r = top; text(r, nameAt) !== ''; r++) out.push([text(r, first), text(r, first + 1), text(r, nameAt)]);
      return out;
    };
    const written = plan.rows.map((cells) => [first, first + 1, nameAt].map((c) => String(cells[c] ?? '')));
    const same = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(rowsOf(same.dataBase64)).toEqual(written);
    // A task added after the second group's first task: its row carries the group's cells as the
    // client writes them (on every row, or blank under the group's first row).
    const tasks = tasksOfTable(await call('wbs.rows', { projectId })) as unknown as { id: number; name: string }[];
    const after = plan.categories[3]!;
    await call('wbs.create', { projectId, afterId: tasks.find((t) => t.name === after.name)!.id, values: { name: 'NEW' } });
    const added = await call('excel.export', { projectId, register: 'wbs', profileId });
    const rows = rowsOf(added.dataBase64);
    const at = rows.findIndex((r) => r[2] === 'NEW');
    expect(at).toBe(4);
    expect(rows[at]).toEqual(shape.fill === 'every' ? [...after.values, 'NEW'] : ['', '', 'NEW']);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'again.xlsx', dataBase64: added.dataBase64, profileId });
    expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
  });
});
