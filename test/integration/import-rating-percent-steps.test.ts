// Blind set 4, J6 + J7, through the API: an English risk register rating Probability as percentages
// (0.1 … 0.9 formatted 0 %, a legend above: "Probability: 10/30/50/70/90%") and Impact in five words
// (Very Low … Very High). Before, the Probability column was kept as an extra column (no cell read as a
// rating: every risk had no probability), and Impact's High and Very High were both stored as 5, Low and
// Very Low both as 1, with nothing asked. Now the percentages go onto 1–5 through their 0–1 scale
// (listed with that suggestion so the user confirms), the five words keep five steps, and an export
// with the saved profile writes the client's own numbers and words back.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const pct = (v: number): CellSpec => ({ value: v, numFmt: '0%' });

async function register(): Promise<Buffer> {
  const risks: [string, number, string][] = [
    ['Supplier insolvency', 0.1, 'Very High'],
    ['Key engineer leaves', 0.3, 'High'],
    ['Scope creep', 0.5, 'Medium'],
    ['Test rig late', 0.7, 'Low'],
    ['Licence audit', 0.9, 'Very Low'],
    ['Currency moves', 0.3, 'Medium'],
    ['Data loss', 0.1, 'Very High'],
    ['Office move', 0.5, 'Low'],
  ];
  return workbook([
    {
      name: 'Risk Register',
      rows: [
        ['Project Risk Register — Harbour Bridge Refit'],
        ['Probability: 10/30/50/70/90%   Impact: Very Low / Low / Medium / High / Very High'],
        [],
        ['Risk #', 'Risk Event', 'Probability', 'Impact', 'Impact value (£k)', 'Expected (£k)', 'Proximity', 'Mitigation', 'Owner', 'Status', 'Last Reviewed'],
        ...risks.map(([title, p, impact], k) => [`R${k + 1}`, title, pct(p), impact, 100 * (k + 1), 100 * (k + 1) * p, 'Q3', 'Monitor', 'Ann', 'Open', new Date('2025-06-02T00:00:00Z')]),
      ],
    },
  ]);
}

describe('a risk register rating probability in percent and impact in five words', () => {
  it('stores 10 % … 90 % as 1 … 5 and Very Low … Very High as 1 … 5, and writes them back as the client wrote them', async () => {
    const { id: projectId } = await call('project.create', { name: 'Refit' });
    const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: (await register()).toString('base64') });
    expect(preview.columns.filter((c) => c.field === 'probability' || c.field === 'impact').map((c) => [c.label, c.field])).toEqual([
      ['Probability', 'probability'],
      ['Impact', 'impact'],
    ]);
    // The percentages are read through their scale and listed so the user can confirm the table.
    expect(preview.values.filter((v) => v.field === 'probability').map((v) => [v.word, v.code, v.suggestion.by])).toEqual([
      ['0.1', '1', 'scale'],
      ['0.3', '2', 'scale'],
      ['0.5', '3', 'scale'],
      ['0.7', '4', 'scale'],
      ['0.9', '5', 'scale'],
    ]);
    // All five words present: the five steps are sure, nothing asked.
    expect(preview.values.filter((v) => v.field === 'impact')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'Refit risks' } });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
      ['Supplier insolvency', 1, 5],
      ['Key engineer leaves', 2, 4],
      ['Scope creep', 3, 3],
      ['Test rig late', 4, 2],
      ['Licence audit', 5, 1],
      ['Currency moves', 2, 3],
      ['Data loss', 1, 5],
      ['Office move', 3, 2],
    ]);
    const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'out.xlsx').sheets[0]!;
    const written = sheet.rows.filter((r) => r.r >= 4).map((r) => [2, 3].map((c) => r.cells.find((x) => x.c === c)?.v));
    expect(written).toEqual([
      [0.1, 'Very High'],
      [0.3, 'High'],
      [0.5, 'Medium'],
      [0.7, 'Low'],
      [0.9, 'Very Low'],
      [0.3, 'Medium'],
      [0.1, 'Very High'],
      [0.5, 'Low'],
    ]);
  });

  it('a probability typed as text (30%) is written back as typed, also for an edited rating', async () => {
    const bytes = await workbook([
      {
        name: 'Risks',
        rows: [
          ['ID', 'Risk', 'Probability', 'Impact'],
          ['R1', 'Supplier insolvency', '10%', 'High'],
          ['R2', 'Scope creep', '30%', 'Medium'],
          ['R3', 'Test rig late', '50%', 'Low'],
          ['R4', 'Key engineer leaves', '70%', 'Medium'],
          ['R5', 'Licence audit', '90%', 'High'],
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'Typed' });
    const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'typed.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.values.filter((v) => v.field === 'probability').map((v) => [v.word, v.code])).toEqual([['10%', '1'], ['30%', '2'], ['50%', '3'], ['70%', '4'], ['90%', '5']]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'Typed risks' } });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => r.probability)).toEqual([1, 2, 3, 4, 5]);
    await call('risk.update', { id: risks[0]!.id, patch: { probability: 4 } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'out.xlsx').sheets[0]!;
    expect(sheet.rows.filter((r) => r.r >= 1).map((r) => r.cells.find((x) => x.c === 2)?.v)).toEqual(['70%', '30%', '50%', '70%', '90%']);
  });
});
