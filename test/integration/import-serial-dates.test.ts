// Dates written as bare Excel serials (General-format whole numbers, as a system extract writes them), on
// generated registers (test/helpers/client-word-tables.ts serialCase; blind set 15, F2: a change log's Date
// of 46xxx was kept as the client's own). Under a header that names a date field they are that field's
// dates and an export writes a changed date back as a bare serial; under a date-like header the register
// does not know, or beside a column of dates they fall among, a date field is offered; amounts in the same
// range, with nothing that says date, are never offered one.
import { describe, expect, it } from 'vitest';
import { fieldSpec, type ImportTarget } from '../../electron/common/excel/fields.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { serialCase, serialOf, type SerialCase } from '../helpers/client-word-tables.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const SEEDS = [1, 2, 3, 4, 5, 6];

async function preview(c: SerialCase) {
  const { id: projectId } = await call('project.create', { name: `${c.heading}-${c.seed}` });
  return call('excel.previewImport', { projectId, register: c.register, fileName: 'x.xlsx', dataBase64: c.bytes.toString('base64') });
}
const isDateField = (register: ImportTarget, field: string | null | undefined) => !!field && fieldSpec(register, field)?.kind === 'date';
/** The date fields the preview reads the column as, or offers beside it. */
function dateReadings(c: SerialCase, p: Awaited<ReturnType<typeof preview>>): string[] {
  const m = p.columns.find((x) => x.label === c.head)!;
  const offered = p.columnChoices?.find((x) => x.column === m.column)?.fields ?? [];
  return [m.field, ...offered].filter((f): f is string => isDateField(c.register, f));
}

describe('bare serials in a date column, generated registers', () => {
  it.each(SEEDS)('named date header, seed %i: read as the field’s dates; an export writes a changed date as a bare serial', async (seed) => {
    const c = await serialCase('named', seed);
    const at = `${c.lang} ${c.layout} ${c.register} "${c.head}"`;
    const p = await preview(c);
    expect(p.columns.find((m) => m.label === c.head)?.field, at).toBe(c.field);
    expect(p.rows.map((r) => r.values?.[c.field!]), at).toEqual(c.days);
    const { projectId, profileId } = await importWithProfile(call, c.bytes, `serial-${seed}`, c.register);
    const list = (await call(`${c.register}.list` as 'risk.list', { projectId })) as unknown as { id: number }[];
    await call(`${c.register}.update` as 'risk.update', { id: list[1]!.id, patch: { [c.field!]: '2031-02-03' } } as never);
    const out = Buffer.from((await call('excel.export', { projectId, register: c.register, profileId })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
    const headRow = sheet.rows.find((r) => r.cells.some((x) => x.v === c.head))!;
    const col = headRow.cells.find((x) => x.v === c.head)!.c;
    const cell = (k: number) => sheet.rows.find((r) => r.r === headRow.r + 1 + k)?.cells.find((x) => x.c === col);
    expect({ t: cell(1)?.t, v: cell(1)?.v }, at).toEqual({ t: 'n', v: serialOf('2031-02-03') });
    expect({ t: cell(0)?.t, v: cell(0)?.v }, at).toEqual({ t: 'n', v: serialOf(c.days[0]!) });
  });

  it.each(SEEDS.flatMap((s) => (['dateLike', 'beside'] as const).map((h) => [h, s] as const)))('%s, seed %i: a date field is offered or read', async (heading, seed) => {
    const c = await serialCase(heading, seed);
    const p = await preview(c);
    expect(dateReadings(c, p), `${c.lang} ${c.layout} ${c.register} "${c.head}"`).not.toEqual([]);
  });

  it.each(SEEDS)('amounts in the serial range with nothing that says date, seed %i: no date field', async (seed) => {
    const c = await serialCase('amount', seed);
    const p = await preview(c);
    expect(dateReadings(c, p), `${c.lang} ${c.register} "${c.head}"`).toEqual([]);
  });

  it.each(SEEDS)('a formula’s serials under a date-like header (a helper =D+14 in General), seed %i: no date field', async (seed) => {
    const c = await serialCase('dateLike', seed);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(c.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number' && cell.value > 30_000) cell.value = { formula: 'TODAY()+14', result: cell.value } as never;
    }));
    const p = await preview({ ...c, bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
    const m = p.columns.find((x) => x.label === c.head)!;
    expect(p.columnChoices?.find((x) => x.column === m.column)?.fields.filter((f) => isDateField(c.register, f)) ?? [], `${c.lang} ${c.register} "${c.head}"`).toEqual([]);
  });
});
