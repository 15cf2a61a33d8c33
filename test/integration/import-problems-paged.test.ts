// A preview with more problems than a page (PREVIEW_PROBLEMS_PAGE) answers only those the dialog shows
// beside its rows — the ones naming no cell and those of the rows it lists — and excel.previewProblems
// pages through all of them, in order. A 100,000-row plan's ~9,000 warnings went out whole (1.9 MB).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { failure } from '../helpers/failure.js';
import { PREVIEW_PROBLEMS_PAGE, PREVIEW_ROWS_PER_STATUS } from '../../electron/common/excel/preview.js';
import { rowOfCell, type Problem } from '../../electron/common/excel/problems.js';

beforeAll(async () => {
  await buildReaderWorker();
});

/** A WBS of `n` tasks, each naming a predecessor no row of the file is (one warning a row). */
const tasks = (n: number) =>
  workbook([
    {
      name: 'WBS',
      rows: [['WBS番号', 'タスク名', '担当者', '先行タスク'], ...Array.from({ length: n }, (_, i): CellSpec[] => [`${i + 1}`, `タスク ${i + 1}`, '山田', `${n + 100}`])],
    },
  ]);

async function preview(n: number) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: (await tasks(n)).toString('base64') });
  const pages = async (limit: number) => {
    const all: Problem[] = [];
    for (;;) {
      const page = await call('excel.previewProblems', { previewId: p.previewId, offset: all.length, limit });
      expect(page.total).toBe(p.counts.problems);
      if (page.problems.length === 0) return all;
      all.push(...page.problems);
    }
  };
  return { ws, call, p, pages };
}

describe('the problems of a preview, in pages', () => {
  it('answers the problems beside the rows it lists, and every problem through the pages, in order', async () => {
    const n = PREVIEW_ROWS_PER_STATUS + 600;
    const { ws, call, p, pages } = await preview(n);
    try {
      const all = await pages(PREVIEW_PROBLEMS_PAGE);
      // One problem for each row's predecessor, every row once, in the sheet's order.
      const dated = all.filter((x) => x.field === 'predecessors');
      expect(dated.map((x) => rowOfCell(x.cell))).toEqual(Array.from({ length: n }, (_, i) => i + 2));
      expect(all).toHaveLength(p.counts.problems);
      // Pages of any size give the same list.
      expect(await pages(7)).toEqual(all);
      // The answer: fewer than all, and exactly those naming no cell or in a listed row, in their order.
      const listed = new Set(p.rows.map((r) => r.row));
      expect(p.rows.length).toBe(PREVIEW_ROWS_PER_STATUS);
      expect(p.problems.length).toBeLessThan(p.counts.problems);
      expect(p.problems).toEqual(all.filter((x) => x.cell === undefined || (x.sheet === p.sheet && listed.has(rowOfCell(x.cell)!))));
      expect(p.problems.filter((x) => x.field === 'predecessors')).toHaveLength(PREVIEW_ROWS_PER_STATUS);
      // Past the end: nothing; a page larger than PREVIEW_PROBLEMS_PAGE, or of another preview: refused.
      expect((await call('excel.previewProblems', { previewId: p.previewId, offset: all.length + 5, limit: 10 })).problems).toEqual([]);
      expect(await failure(call('excel.previewProblems', { previewId: p.previewId, offset: 0, limit: PREVIEW_PROBLEMS_PAGE + 1 }))).toMatchObject({ code: 'VALIDATION' });
      expect(await failure(call('excel.previewProblems', { previewId: 'gone', offset: 0, limit: 10 }))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      ws.close();
    }
  });

  it('answers every problem when they fit in a page', async () => {
    const { ws, p, pages } = await preview(30);
    try {
      expect(p.problems.filter((x) => x.field === 'predecessors')).toHaveLength(30);
      expect(p.problems).toHaveLength(p.counts.problems);
      expect(await pages(PREVIEW_PROBLEMS_PAGE)).toEqual(p.problems);
    } finally {
      ws.close();
    }
  });
});
