// Sections, each closed by its own Subtotal row (=SUM(G7:G8)) and a Total of the subtotals under the table
// (blind set 17, E2, change-semicon-tool). Emptying a section wrote =SUM(#REF!) into its subtotal (and the
// table read back stopped there); a record added at the end of the last section, before its Subtotal, was
// left out of the subtotal's range. A subtotal over a section whose records are all gone sums nothing (its
// range collapses onto the section's heading row); one over a section that gained a record at its end
// takes it in, as a person extends it by hand. Every record still reads back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const SECTIONS: [string, [string, string, number][]][] = [
  ['■ Litho bay', [['ECN-2027-0041', 'Relocate scanner chiller', 2], ['ECN-2027-0042', 'Add EFEM purge line', 2]]],
  ['■ Etch bay', [['ECN-2027-0043', 'Change exhaust duct material', 3], ['ECN-2027-0044', 'Move gas cabinet', 1]]],
  ['■ Wet bay', [['ECN-2027-0045', 'Slurry loop redundancy', 3], ['ECN-2027-0046', 'Upgrade DI water loop', 3]]],
];

async function book(labels: 'A' | 'B'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('ECN');
  s.getCell('A1').value = 'Engineering Change Notice List';
  s.getRow(3).values = ['ECN No.', 'Change Item', 'Applicant', 'Apply Date', 'Status', 'Schedule Effect (wk)'];
  let r = 4;
  const subtotals: string[] = [];
  for (const [title, records] of SECTIONS) {
    s.getCell(`${labels}${r++}`).value = title;
    const first = r;
    for (const [id, item, weeks] of records) s.getRow(r++).values = [id, item, 'EHS', '2027/04/06', 'Open', weeks];
    s.getCell(`${labels}${r}`).value = 'Subtotal';
    s.getCell(`F${r}`).value = { formula: `SUM(F${first}:F${r - 1})`, result: records.reduce((n, x) => n + x[2], 0) } as ExcelJS.CellFormulaValue;
    subtotals.push(`F${r}`);
    r++;
  }
  s.getCell(`${labels}${r}`).value = 'Total';
  s.getCell(`F${r}`).value = { formula: subtotals.join('+'), result: 14 } as ExcelJS.CellFormulaValue;
  s.getCell(`A${r + 2}`).value = 'Reviewed every Tuesday.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function imported(name: string, labels: 'A' | 'B') {
  const bytes = await book(labels);
  const { id: projectId } = await call('project.create', { name });
  const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'ecn.xlsx', dataBase64: bytes.toString('base64') });
  expect(p.rows.filter((x) => x.id === undefined && !x.skipped).length).toBe(6);
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: name } });
  const changes = (await call('change.list', { projectId })) as unknown as { id: number; ref: string }[];
  const exported = async () => {
    const out = await call('excel.export', { projectId, register: 'change', profileId: profileId! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const s = wb.getWorksheet('ECN')!;
    const formulas: Record<string, string> = {};
    s.eachRow((row, n) => row.eachCell((c) => { if (c.formula) formulas[`${c.address}@${s.getCell(`${labels}${n}`).text}`] = c.formula; }));
    const again = await call('excel.previewImport', { projectId, register: 'change', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    return { formulas, counts: again.counts };
  };
  return { projectId, changes, exported };
}

describe.each(['A', 'B'] as const)('section subtotals follow their sections (headings and subtotals labelled in column %s)', (labels) => {
  it('a section emptied: its subtotal sums nothing, no #REF!, and every record reads back', async () => {
    const { changes, exported } = await imported(`emptied ${labels}`, labels);
    for (const ref of ['ECN-2027-0043', 'ECN-2027-0044']) await call('change.delete', { id: changes.find((c) => c.ref === ref)!.id });
    const { formulas, counts } = await exported();
    expect(Object.values(formulas).join(' ')).not.toContain('#REF!');
    expect(formulas).toEqual({ 'F7@Subtotal': 'SUM(F5:F6)', 'F9@Subtotal': 'SUM(F8:F8)', 'F13@Subtotal': 'SUM(F11:F12)', 'F14@Total': 'F7+F9+F13' });
    expect(counts).toMatchObject({ new: 0, changed: 0, missing: 0 });
  });

  it('a record added at the end of the last section is inside its subtotal', async () => {
    const { projectId, exported } = await imported(`added ${labels}`, labels);
    await call('change.create', { projectId, values: { title: 'Add second abatement unit' } as never });
    const { formulas, counts } = await exported();
    expect(formulas).toEqual({ 'F7@Subtotal': 'SUM(F5:F6)', 'F11@Subtotal': 'SUM(F9:F10)', 'F16@Subtotal': 'SUM(F13:F15)', 'F17@Total': 'F7+F11+F16' });
    expect(counts).toMatchObject({ new: 0, changed: 0, missing: 0 });
  });
});
