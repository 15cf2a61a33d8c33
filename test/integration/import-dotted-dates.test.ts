// Dates written as dotted short numbers (blind set 19, I1: 27.09.06, 27.9.6 and 9.6 were kept as the
// client's own, silently, and a plan's dates all lost), on generated workbooks: the form (yy.mm.dd, yy.m.d,
// m.d with no year, a 令和 year without its letter), the note that names it (or none: the title's year,
// its fiscal year or the real dates beside place the year), the header words, the register, the rows above
// and the place of the columns vary by seed. A column of such values is a date column when every value is
// a day in one reading and the header or the sheet's note says dates; the year comes from the note, the
// table's other dates, the sheet's (fiscal) year; a yy.m.d nothing places (2027 or 令和27?) is asked about
// cell by cell, never guessed. Versions (1.2), amounts (3.5) and WBS codes (1.1) beside them stay what they
// are. An export writes a moved date back in the column's own dotted form, every other cell as it was.
import { describe, expect, it } from 'vitest';
import { fieldSpec, type ImportTarget } from '../../electron/common/excel/fields.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { addDays, dottedCase, written, type Context, type DottedCase, type Form } from '../helpers/dotted-dates.js';

const { call } = fileWorkspace();

async function preview(c: DottedCase) {
  const { id: projectId } = await call('project.create', { name: c.label });
  return call('excel.previewImport', { projectId, register: c.register, fileName: 'x.xlsx', dataBase64: c.bytes.toString('base64') });
}
type Preview = Awaited<ReturnType<typeof preview>>;
const isDateField = (register: ImportTarget, field: string | null | undefined) => !!field && fieldSpec(register, field)?.kind === 'date';
/** The date fields the preview reads a column as, or offers beside it. */
function dateReadings(c: DottedCase, p: Preview, head: string): string[] {
  const m = p.columns.find((x) => x.label === head)!;
  const offered = p.columnChoices?.find((x) => x.column === m.column)?.fields ?? [];
  return [m.field, ...offered].filter((f): f is string => isDateField(c.register, f));
}

const SEEDS = [1, 2, 3, 4];
const PLACED: [Form, Context][] = [
  ['yymmdd', 'note'],
  ['yymd', 'note'],
  ['yymmdd', 'fiscal'],
  ['yymd', 'beside'],
  ['md', 'note'],
  ['md', 'title'],
  ['md', 'beside'],
  ['eraless', 'note'],
];
const CASES = SEEDS.flatMap((seed) => PLACED.flatMap(([form, context]) => (['wbs', 'issue'] as const).map((register) => [seed, register, form, context] as const)));

describe('dotted dates, generated workbooks', () => {
  it.each(CASES)('seed %i %s %s (%s): read as dates, the numbers beside them not', async (seed, register, form, context) => {
    const c = await dottedCase(seed, register, form, context);
    const p = await preview(c);
    for (const [k, { head, field }] of c.dateHeads.entries()) {
      if (field === null) {
        // A header word the register does not know: a date field is offered (or read) for it.
        expect(dateReadings(c, p, head), `${c.label}: ${head}`).not.toEqual([]);
        continue;
      }
      expect(p.columns.find((m) => m.label === head)?.field, `${c.label}: ${head}`).toBe(field);
      expect(p.rows.map((r) => r.values?.[field]), `${c.label}: ${head}`).toEqual(c.days.map((d) => d[k]));
    }
    for (const head of c.notDates) expect(dateReadings(c, p, head), `${c.label}: ${head} is no date`).toEqual([]);
    if (register === 'wbs') expect(p.columns.find((m) => m.label === 'WBS')?.field, c.label).toBe('wbsCode');
    // A month and day is read with its year assumed, and says so.
    if (form === 'md') expect(p.problems.filter((x) => x.code === 'yearAssumed').length, c.label).toBeGreaterThanOrEqual(c.days.length);
  });

  it.each(SEEDS)('seed %i: a yy.m.d nothing places (2027, 令和27 or 27 Sept 2006?) is asked about, not guessed', async (seed) => {
    const c = await dottedCase(seed, 'wbs', 'yymd', 'none');
    const p = await preview(c);
    const start = c.dateHeads[0]!;
    expect(p.columns.find((m) => m.label === start.head)?.field, c.label).toBe(start.field);
    expect(p.rows.map((r) => r.values?.[start.field!] ?? null), c.label).toEqual(c.days.map(() => null));
    const asked = p.problems.filter((x) => x.code === 'dateAmbiguous' && x.field === start.field);
    expect(asked.length, c.label).toBe(c.days.length);
    expect(asked[0]!.params?.dates, c.label).toContain(c.days[0]![0]!.replaceAll('-', '/'));
  });

  it.each(SEEDS.flatMap((seed) => (['yymmdd', 'yymd', 'md', 'eraless'] as const).map((form) => [seed, form] as const)))('seed %i %s: a moved date is written back in the column’s own form, every other cell as it was', async (seed, form) => {
    const c = await dottedCase(seed, 'wbs', form, 'note');
    const { projectId, profileId } = await importWithProfile(call, c.bytes, c.label, 'wbs');
    const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
    const moved = tasks.find((t) => t.name === '作業2')!;
    // Across a month's end where the seed's day allows: 12 days later.
    const later = addDays(moved.plannedStart!, 12);
    await call('wbs.update', { id: moved.id, patch: { plannedStart: later } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
    const cells = (bytes: Buffer) => new Map(readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!.rows.flatMap((r) => r.cells.map((x): [string, unknown] => [`${r.r},${x.c}`, x.v])));
    const [before, after] = [cells(c.bytes), cells(out)];
    const startCol = readWorkbookBytes(c.bytes, 'x.xlsx').sheets[0]!.rows.find((r) => r.r === c.headerRow - 1)!.cells.find((x) => x.v === c.dateHeads[0]!.head)!.c;
    const key = `${c.headerRow + 1},${startCol}`;
    expect(after.get(key), c.label).toBe(written(later, form));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => k !== key && before.get(k) !== after.get(k));
    expect(changed.map((k) => `${k}: ${String(before.get(k))} → ${String(after.get(k))}`), c.label).toEqual([]);
  });
});
