// The PMBOK probability-impact scales, the commonest numeric risk scales of English registers: probability
// 0.1 / 0.3 / 0.5 / 0.7 / 0.9 and impact 0.05 / 0.10 / 0.20 / 0.40 / 0.80 (each step double the one before).
// Five client steps stay five ratings through preview and apply, and the export writes the client's own
// numbers back (review S3: read evenly, the impact scale was 1, 1, 2, 3, 4).
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const num = (v: number): CellSpec => ({ value: v, numFmt: '0.00' });

describe('a PMBOK impact scale 0.05 … 0.80', () => {
  it('keeps its five steps apart and writes the client numbers back after an edit of every row', async () => {
    const risks: [string, number, number][] = [
      ['Supplier insolvency', 0.1, 0.8],
      ['Key engineer leaves', 0.3, 0.4],
      ['Scope creep', 0.5, 0.2],
      ['Test rig late', 0.7, 0.1],
      ['Licence audit', 0.9, 0.05],
      ['Currency moves', 0.3, 0.2],
    ];
    const bytes = await workbook([
      {
        name: 'Risk Register',
        rows: [
          ['Risk ID', 'Risk Description', 'Probability', 'Impact', 'Risk Score', 'Response', 'Owner', 'Status'],
          ...risks.map(([t, p, i], k) => [`R${k + 1}`, t, num(p), num(i), num(p * i), 'Mitigate', 'Ann', 'Open']),
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'PMBOK' });
    const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: bytes.toString('base64') });
    const impacts = Object.fromEntries(preview.values.filter((v) => v.field === 'impact').map((v) => [v.word, v.code]));
    expect(impacts).toEqual({ '0.05': '1', '0.1': '2', '0.2': '3', '0.4': '4', '0.8': '5' });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'PMBOK risks' } });
    const stored = await call('risk.list', { projectId });
    expect(stored.map((r) => r.impact)).toEqual([5, 4, 3, 2, 1, 3]);
    expect(stored.map((r) => r.probability)).toEqual([1, 2, 3, 4, 5, 2]);
    for (const r of stored) await call('risk.update', { id: r.id, patch: { title: `${r.title}.` } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'out.xlsx').sheets[0]!;
    const column = (c: number) => sheet.rows.filter((r) => r.r >= 1).map((r) => r.cells.find((x) => x.c === c)?.v);
    expect(column(3)).toEqual(risks.map((r) => r[2]));
    expect(column(2)).toEqual(risks.map((r) => r[1]));
  });
});
