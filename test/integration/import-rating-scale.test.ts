// A risk log rating probability and impact 1–3 from a list (validation 1,2,3; 3 = 高): the client's own
// scale, not the first steps of PMO Desk's 1–5. 3 reads as the top (5), 2 as the middle (3), 1 as the
// bottom, as 高/中/低 do; before, 3/3 was stored as 3/3, so the client's top risks came out medium.
// Exported back with no edit, the client's numbers are written again and read back unchanged.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function riskLog(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('リスク管理表');
  ws.addRow(['No', 'リスク内容', '発生確率', '影響度', '担当']);
  const rows: [string, number, number][] = [
    ['要員不足', 3, 3],
    ['仕様変更', 2, 3],
    ['納期遅延', 1, 2],
  ];
  rows.forEach(([title, p, i], k) => ws.addRow([k + 1, title, p, i, '山田']));
  for (let r = 2; r <= 4; r++)
    for (const c of [3, 4]) ws.getCell(r, c).dataValidation = { type: 'list', allowBlank: true, formulae: ['"1,2,3"'] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a rating list of 1, 2, 3', () => {
  it('is read as the client’s 1–3 scale (3 → 5, 2 → 3, 1 → 1) and written back as its own numbers', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await riskLog();
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: file.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
      ['要員不足', 5, 5],
      ['仕様変更', 3, 5],
      ['納期遅延', 1, 3],
    ]);
    const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'out.xlsx').sheets[0]!;
    const ratings = sheet.rows.filter((r) => r.r > 0).map((r) => [2, 3].map((c) => r.cells.find((x) => x.c === c)?.v));
    expect(ratings).toEqual([
      [3, 3],
      [2, 3],
      [1, 2],
    ]);
    const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: out.toString('base64'), profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });

    // 4 of 1–5 has no number on the client's 1–3 list (it would be 2.5): the cell is left as it was and
    // named in the answer, not written as a number the list does not allow.
    await call('risk.update', { id: risks[2]!.id, patch: { probability: 4 } });
    const answer = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    const cells = readWorkbookBytes(Buffer.from(answer.dataBase64, 'base64'), 'out.xlsx').sheets[0]!.rows.find((r) => r.r === 3)!.cells;
    expect(cells.find((c) => c.c === 2)?.v).toBe(1);
    expect(answer.noClientWord).toEqual([expect.objectContaining({ cell: 'C4', field: 'probability', value: '4' })]);
    ws.close();
  });

  // Blind check F15 (risk-jp-multisheet 10/20): the same workbook imported again into another project
  // reads it through the first import's profile (found by its header), and the 1–3 list's words were
  // then remembered as ratings of their own (2 → 2 beside 2 → 3): an export wrote 2 for a stored 2,
  // which reads back as 3. A 2 on this list means 3; our 2 has no number there and is named.
  it('a second import through the profile found by its header keeps the scale: our 2 has no number on the list and is named', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const file = (await riskLog()).toString('base64');
    for (const name of ['P1', 'P2']) {
      const { id: projectId } = await call('project.create', { name });
      const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: file });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: name } });
      const risks = await call('risk.list', { projectId });
      expect(risks.map((r) => [r.probability, r.impact])).toEqual([[5, 5], [3, 5], [1, 3]]);
      await call('risk.update', { id: risks[0]!.id, patch: { probability: 2 } });
      const answer = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
      const out = answer.dataBase64;
      expect(answer.noClientWord, name).toEqual([expect.objectContaining({ cell: 'C2', field: 'probability', value: '2' })]);
      const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: out, profileId: profileId! });
      // The only difference read back is the cell the export named.
      expect(again.rows.filter((r) => r.status === 'changed').map((r) => [r.row, r.changes?.map((c) => c.field)])).toEqual([[2, ['probability']]]);
    }
    ws.close();
  });
});

describe('the words of a 5×5 likelihood × consequence matrix', () => {
  it('are ratings 1–5 (blind G5), come back as written with no edit, and an edited rating takes the column’s own word', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Risk Register');
    sheet.addRow(['ID', 'Risk', 'Likelihood', 'Consequence', 'Owner']);
    const rows: [string, string, string][] = [
      ['Supplier insolvency', 'Rare', 'Severe'],
      ['Key staff leave', 'Likely', 'Major'],
      ['Scope creep', 'Almost Certain', 'Moderate'],
      ['Data centre outage', 'Unlikely', 'Insignificant'],
      ['Late test data', 'Possible', 'Minor'],
    ];
    rows.forEach(([title, p, i], k) => sheet.addRow([k + 1, title, p, i, 'Ann']));
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64 });
      expect(preview.problems.filter((p) => p.field === 'probability' || p.field === 'impact')).toEqual([]);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'matrix' } });
      const risks = await call('risk.list', { projectId });
      expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
        ['Supplier insolvency', 1, 5],
        ['Key staff leave', 4, 4],
        ['Scope creep', 5, 3],
        ['Data centre outage', 2, 1],
        ['Late test data', 3, 2],
      ]);
      const cells = (b64: string, c: number) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((x) => x.c === c)?.v ?? null);
      const same = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
      expect(cells(same.dataBase64, 2)).toEqual(rows.map((r) => r[1]));
      expect(cells(same.dataBase64, 3)).toEqual(rows.map((r) => r[2]));
      await call('risk.update', { id: risks[0]!.id, patch: { probability: 4, impact: 3 } });
      const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
      expect(cells(out.dataBase64, 2)[0]).toBe('Likely');
      expect(cells(out.dataBase64, 3)[0]).toBe('Moderate');
      const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0 });
    } finally {
      ws.close();
    }
  });
});

// Blind set 3, H13: the scale stated in words, in the header (`発生確率⏎(3:高 2:中 1:低)`) or in a note
// above the table (`評価：3＝高、2＝中、1＝低`), with no list: the same 1–3 scale. Before, 3 was stored as 3.
describe('a 1–3 scale stated in words', () => {
  async function stated(where: 'header' | 'note'): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('リスク一覧');
    if (where === 'note') ws.addRow(['評価：3＝高、2＝中、1＝低']);
    const legend = where === 'header' ? '\n(3:高 2:中 1:低)' : '';
    ws.addRow(['リスク名', `発生確率${legend}`, `影響度${legend}`]);
    ws.addRow(['保守切れ', 3, 3]);
    ws.addRow(['会計基準改正', 2, 3]);
    ws.addRow(['要員交代', 1, 2]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  for (const where of ['header', 'note'] as const)
    it(`in the ${where}: 3 → 5, 2 → 3, 1 → 1, and a no-edit export reads back unchanged`, async () => {
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const file = await stated(where);
      const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: file.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'B社' } });
      const risks = await call('risk.list', { projectId });
      expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
        ['保守切れ', 5, 5],
        ['会計基準改正', 3, 5],
        ['要員交代', 1, 3],
      ]);
      const out = (await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64;
      expect(Buffer.from(out, 'base64').equals(file)).toBe(true);
      const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: out, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
      ws.close();
    });

  it('is not taken from a note when the column holds a number above it (a 1–5 column under a 1–3 note)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('リスク一覧');
    sheet.addRow(['評価：3＝高、2＝中、1＝低']);
    sheet.addRow(['リスク名', '発生確率', '影響度']);
    sheet.addRow(['保守切れ', 5, 3]);
    sheet.addRow(['要員交代', 1, 2]);
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    await call('excel.applyImport', { previewId: p.previewId, options: {} });
    // probability holds a 5: it is on 1–5; impact keeps within 1–3 and is read through the note's scale.
    expect((await call('risk.list', { projectId })).map((r) => [r.probability, r.impact])).toEqual([[5, 5], [1, 3]]);
    ws.close();
  });
});
