// A legend spelling out the header's abbreviations names their columns (issue 11; legend-names.ts):
// L | I under `L = Likelihood, I = Impact` are the ratings, read on every row; without the legend the
// letters name nothing, and the columns are kept as the client's own and offered the ratings.
import { beforeAll, describe, expect, it } from 'vitest';
import { legendAbbreviations } from '../../electron/core/excel/import/legend-names.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function preview(rows: CellSpec[][]): Promise<ImportPreview> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  try {
    const { id: projectId } = await call('project.create', { name: 'P' });
    const dataBase64 = (await workbook([{ name: 'Risks', rows }])).toString('base64');
    return await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64 });
  } finally {
    ws.close();
  }
}

const records = [
  ['R1', 'Budget cut', 3, 4, 'PMO'],
  ['R2', 'Staff loss', 2, 5, 'HR'],
  ['R3', 'Vendor delay', 4, 2, 'IT'],
];

describe('a legend names the columns its abbreviations head', () => {
  it('reads the pairs of a legend line, in either language and with any separator; words naming no field name nothing', () => {
    expect([...legendAbbreviations('risk', ['L = Likelihood, I = Impact (1 low – 5 high)'])]).toEqual([
      ['L', 'probability'],
      ['I', 'impact'],
    ]);
    expect([...legendAbbreviations('risk', ['Key: P = Probability; S＝Severity'])]).toEqual([['P', 'probability']]);
    expect([...legendAbbreviations('risk', ['凡例：P＝発生確率　I＝影響度'])]).toEqual([
      ['P', 'probability'],
      ['I', 'impact'],
    ]);
    expect([...legendAbbreviations('risk', ['PM: Tanaka', 'Updated: 2025/04/01', 'L = Low, M = Medium, H = High'])]).toEqual([]);
  });

  it('L | I under a legend below the data are the ratings, read on every row; the legend is no record', async () => {
    const p = await preview([['ID', 'Risk', 'L', 'I', 'Owner'], ...records, [], ['L = Likelihood, I = Impact (1 low – 5 high)']]);
    expect(p.columns.filter((c) => c.column === 'C' || c.column === 'D').map((c) => c.field)).toEqual(['probability', 'impact']);
    expect(p.columnChoices ?? []).toEqual([]);
    expect(p.rows.filter((r) => !r.skipped).map((r) => [r.values?.title, r.values?.probability, r.values?.impact])).toEqual([
      ['Budget cut', 3, 4],
      ['Staff loss', 2, 5],
      ['Vendor delay', 4, 2],
    ]);
  });

  it('P | I under a key above the header', async () => {
    const p = await preview([['Key: P = Probability; I = Impact'], [], ['ID', 'Risk', 'P', 'I', 'Owner'], ...records]);
    expect(p.columns.filter((c) => c.column === 'C' || c.column === 'D').map((c) => c.field)).toEqual(['probability', 'impact']);
  });

  it('without a legend the letters name nothing: kept as the client’s own and offered the ratings', async () => {
    const p = await preview([['ID', 'Risk', 'L', 'I', 'Owner'], ...records]);
    expect(p.columns.filter((c) => c.column === 'C' || c.column === 'D').map((c) => c.field)).toEqual([null, null]);
    expect(Object.fromEntries((p.columnChoices ?? []).map((x) => [x.column, x.fields]))).toEqual({ C: ['probability', 'impact'], D: ['probability', 'impact'] });
  });

  it('a field a column already fills is not taken again by a legend', async () => {
    const p = await preview([['ID', 'Risk', 'Probability', 'P', 'Owner'], ['R1', 'Budget cut', 3, 'x', 'PMO'], ['R2', 'Staff loss', 2, 'y', 'HR'], ['R3', 'Vendor delay', 4, 'z', 'IT'], [], ['P = Probability']]);
    expect(p.columns.find((c) => c.column === 'C')!.field).toBe('probability');
    expect(p.columns.find((c) => c.column === 'D')!.field).toBeNull();
  });
});
