// The import dialog on a risk register whose ratings stand once per stage of the treatment (blind set 19,
// I6), through the preview the dialog calls: the header's rows are taken whole without a question about the
// table (the bottom row alone and the whole header were asked about as two tables); the stage after the
// response is offered at most, never asked; and a column the user keeps as it is stays the client's own when
// the same answer also gives the header rows (対策後 › 重大度, answered "keep as it is" with the header, became
// the impact). Generated registers (test/helpers/rating-group-tables.ts), none of set 19's words.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { ratingGroupCases, type RatingGroupCase } from '../helpers/rating-group-tables.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';

beforeAll(async () => {
  await buildReaderWorker();
});

/** The case's rows as a workbook's cells: a score formula keeps its cached product. */
const cells = (k: RatingGroupCase): CellSpec[][] => k.rows.map((row) => row.map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? { value: v.f as number, formula: String(v.f) } : v) as CellSpec));

async function previews(k: RatingGroupCase, mapping?: (p: ImportPreview) => Record<string, unknown>): Promise<[ImportPreview, ImportPreview | null]> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  try {
    const { id: projectId } = await call('project.create', { name: 'P' });
    const dataBase64 = (await workbook([{ name: 'Risks', rows: cells(k), merges: k.merges }])).toString('base64');
    const first = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64 });
    if (!mapping) return [first, null];
    return [first, await call('excel.previewImport', { projectId, register: 'risk', previewId: first.previewId, mapping: mapping(first) as never })];
  } finally {
    ws.close();
  }
}

const cases = ratingGroupCases().filter((_, i) => i % 3 === 0);

describe('two rating stages in the import dialog', () => {
  it.each(cases.map((k) => [k.name, k] as const))('%s: the whole header, no table asked, the after stage not asked', async (_, k) => {
    const [p] = await previews(k);
    expect([p.header.top, p.header.bottom]).toEqual([k.headerTop + 1, k.headerBottom + 1]);
    const why = p.detection?.why ?? [];
    expect(why.filter((w) => w.code === 'tables' || w.code === 'tableAlike')).toEqual([]);
    expect(why.filter((w) => 'column' in w && k.after.includes(w.column))).toEqual([]);
    expect(['probability', 'impact'].map((f) => p.columns.find((c) => c.field === f)?.column)).toEqual([k.before[0], k.before[1]]);
  });
});

describe('an answer "keep as it is" is never overridden', () => {
  // The after stage written first: read by its bottom row alone (the header the user points at here), its
  // words would make the after stage's columns the probability and the impact.
  const afterFirst = ratingGroupCases().filter((k) => k.name.includes('after first'));
  it.each(afterFirst.map((k) => [k.name, k] as const))('%s: kept with the bottom row as the header', async (_, k) => {
    const [, p] = await previews(k, () => ({ headerTop: k.headerBottom + 1, headerBottom: k.headerBottom + 1, answered: [k.after[0], k.after[1]] }));
    expect(p!.header.top).toBe(k.headerBottom + 1);
    expect(p!.columns.filter((c) => c.column === k.after[0] || c.column === k.after[1]).map((c) => c.field)).toEqual([null, null]);
  });
  it('a field the same answer gives the column comes first', async () => {
    const k = afterFirst[0]!;
    const [, p] = await previews(k, () => ({ headerTop: k.headerBottom + 1, headerBottom: k.headerBottom + 1, answered: [k.after[0]], columns: [{ column: k.after[0], field: 'probability' }] }));
    expect(p!.columns.find((c) => c.column === k.after[0])?.field).toBe('probability');
  });
});
