// A risk register whose prepared rows under the records carry the next IDs (R-005 …) and/or the records'
// formulas (Rating =D*E, a RAG lookup), drawn plainer than the records (blind set 14, E1, risk-ph-bpo):
// a new risk fills the first prepared row; the prepared rows below and the note under the table stay.
// Before, the formulas' cached results counted as values beside the ID, so the rows were not seen as
// prepared: the risk was inserted above them, which moved down one with the note (R-005 twice).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { preparedFormulaRisks, type PreparedCarry } from '../roundtrip/layouts.js';

const { call } = fileWorkspace();

/** Columns A (Risk ID), C (description) and F (Rating, as a formula or not) of rows 4–16. */
async function shown(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const s = wb.getWorksheet('Risk Register')!;
  return Array.from({ length: 13 }, (_, k) => {
    const r = k + 4;
    const f = s.getCell(`F${r}`).formula;
    return `${r}: ${s.getCell(`A${r}`).text} ${s.getCell(`C${r}`).text}${f ? ` =${f}` : ''}`.trim();
  });
}

describe('a new risk fills the first prepared row carrying IDs and/or formulas', () => {
  for (const carry of ['both', 'formulas', 'ids'] as PreparedCarry[])
    it(`prepared rows carrying ${carry}: the risk takes row 8, the rows below stay`, async () => {
      const { id: projectId } = await call('project.create', { name: `prepared ${carry}` });
      const bytes = await preparedFormulaRisks(carry);
      const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: bytes.toString('base64') });
      expect(p.rows.map((r) => r.row)).toEqual([4, 5, 6, 7]);
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `prepared ${carry}` } });
      await call('risk.create', { projectId, values: { title: 'Overtime cost above budget' } });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
      const before = await shown(bytes);
      const after = await shown(out);
      expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
      // Row 8: the new risk, with the prepared row's ID (or the next one) and its formula kept.
      expect(after[4]).toBe(`8: R-005 Overtime cost above budget${carry === 'ids' ? '' : ' =D8*E8'}`);
      expect(after.slice(5)).toEqual(before.slice(5));
      // The note under the table stays where it was, and the export reads back as stored.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(out as never);
      expect(wb.getWorksheet('Risk Register')!.getCell('A14').text).toBe('RAG: Red >= 15, Amber 8-14, Green <= 7.');
      const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: out.toString('base64'), profileId: profileId! });
      // (The client's Rating formula kept on the new risk's row reads back as its result, 0: the
      // client's computation, never a value of ours; nothing else differs.)
      expect([again.counts.new, again.missing.length]).toEqual([0, 0]);
      const changed = again.rows.filter((r) => r.status === 'changed').map((r) => `${r.row}: ${(r.changes ?? []).map((c) => c.field).join(',')}`);
      expect(changed).toEqual(carry === 'ids' ? [] : ['8: extra:Rating']);
    });
});
