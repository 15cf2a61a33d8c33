// Records whose text the client wrapped by hand into the rows below (only that cell filled there, the
// text going on in lower case): the wrapped rows are the record's block. A rewritten text is written
// whole on the record's row and its wrapped rows go (cleared, they stood blank inside the table and two
// of them ended it on the next import); a new record is a copy of one row of the layout, never of a
// record's wrapped rows; a new record whose text alone could read as the record above going on is written
// so that it reads as a record of its own.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { writeWrappedRecords } from '../helpers/wrapped-records.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface WrappedStyle {
  target: ImportTarget;
  sheet: string;
  header: string[];
  /** 0-based column of the wrapped text. */
  text: number;
  /** Each record: its other cells by column (text's column left out) and its text's lines. */
  records: { cells: Record<number, string | number | Date>; lines: string[] }[];
  /** A note under the table, a blank row between. */
  note?: string;
}

const STYLES: Record<string, WrappedStyle> = {
  'query log, text in B': {
    target: 'issue',
    sheet: 'QA',
    header: ['Module', 'Query', 'Raised by', 'Date', 'Status'],
    text: 1,
    records: [
      { cells: { 0: 'Login', 2: 'Fujita', 3: d('2025-04-01'), 4: 'Open' }, lines: ['If a returning user enters a wrong password three times', 'should the account be locked'] },
      { cells: { 0: 'Report', 2: 'Ito', 3: d('2025-04-02'), 4: 'Open' }, lines: ['Is the page break of the monthly report fixed?'] },
      { cells: { 0: 'Checks', 2: 'Fujita', 3: d('2025-04-03'), 4: 'Closed' }, lines: ['Where do the data checks go: in the action definition', 'or in a separate sheet that', 'lists every field'] },
      { cells: { 0: 'Calendar', 2: 'Nakamura', 3: d('2025-04-04'), 4: 'Open' }, lines: ['Does the calendar open on today?'] },
    ],
  },
  'numbered issue list, text in C, the last record wrapped, a note below': {
    target: 'issue',
    sheet: 'Issues',
    header: ['No.', 'Area', 'Description', 'Owner', 'Due'],
    text: 2,
    records: [
      { cells: { 0: 1, 1: 'Billing', 3: 'Kim', 4: d('2025-05-01') }, lines: ['Invoices printed before the cut-off date', 'show the wrong tax rate'] },
      { cells: { 0: 2, 1: 'Stock', 3: 'Lee', 4: d('2025-05-03') }, lines: ['Stock count export is slow.'] },
      { cells: { 0: 3, 1: 'Billing', 3: 'Park', 4: d('2025-05-06') }, lines: ['Credit notes are not linked to the invoice', 'they correct'] },
    ],
    note: 'Updated weekly by the PMO',
  },
  'risk register, description in D': {
    target: 'risk',
    sheet: 'Risks',
    header: ['ID', 'Category', 'Owner', 'Risk', 'Response'],
    text: 3,
    records: [
      { cells: { 0: 'R1', 1: 'People', 2: 'Sato', 4: 'Cross-train' }, lines: ['Key developers may leave before', 'the second release'] },
      { cells: { 0: 'R2', 1: 'Vendor', 2: 'Mori', 4: 'Second source' }, lines: ['The vendor may deliver late.'] },
      { cells: { 0: 'R3', 1: 'Scope', 2: 'Sato', 4: 'Change board' }, lines: ['Requests from the branch offices may', 'keep growing after the design', 'freeze'] },
      { cells: { 0: 'R4', 1: 'Budget', 2: 'Mori', 4: 'Monthly review' }, lines: ['Costs may overrun.'] },
    ],
  },
  // Nothing numbers the records: a row is a record or a wrapped text by its text alone.
  'action list without numbers, text in B, the last record ending mid-sentence': {
    target: 'issue',
    sheet: 'Actions',
    header: ['Topic', 'Action', 'Owner', 'Due'],
    text: 1,
    records: [
      { cells: { 0: 'Cut-over', 2: 'Kim', 3: d('2025-06-02') }, lines: ['Agree the cut-over weekend with the branches', 'and the data centre'] },
      { cells: { 0: 'Training', 2: 'Lee', 3: d('2025-06-09') }, lines: ['Book rooms for the key user training'] },
      { cells: { 0: 'Data', 2: 'Park', 3: d('2025-06-16') }, lines: ['Confirm the last extract of the old ledger'] },
    ],
  },
  'task list without codes, name in A': {
    target: 'wbs',
    sheet: 'Plan',
    header: ['Task', 'Owner', 'Start', 'Finish'],
    text: 0,
    records: [
      { cells: { 1: 'Kim', 2: d('2025-06-02'), 3: d('2025-06-06') }, lines: ['Collect the forms used at the', 'branch counters'] },
      { cells: { 1: 'Lee', 2: d('2025-06-09'), 3: d('2025-06-13') }, lines: ['Draw the new order flow'] },
      { cells: { 1: 'Park', 2: d('2025-06-16'), 3: d('2025-06-20') }, lines: ['Review the flow with the branch managers'] },
    ],
  },
};

async function wrapped(style: WrappedStyle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(style.sheet);
  style.header.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
  const r = writeWrappedRecords(ws, style.records, style.text);
  if (style.note) ws.getCell(r + 1, 1).value = style.note;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function imported(bytes: Buffer, name: string, target: ImportTarget) {
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: target, fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, preview };
}

/** The sheet's rows as text, one string per sheet row from the header down (blank rows as ''). */
function sheetRows(bytes: Buffer, width: number): string[] {
  const sheet = readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!;
  const last = Math.max(...sheet.rows.filter((r) => r.cells.some((c) => String(c.v ?? '').trim() !== '')).map((r) => r.r));
  return Array.from({ length: last + 1 }, (_, r) => {
    const row = sheet.rows.find((x) => x.r === r);
    return Array.from({ length: width }, (_, c) => {
      const v = row?.cells.find((x) => x.c === c)?.v;
      return v === null || v === undefined ? '' : String(v);
    }).join('|').replace(/\|+$/, '');
  });
}

type Item = { id: number } & Record<string, unknown>;
const list = (target: ImportTarget, projectId: number) =>
  (target === 'wbs' ? call('wbs.rows', { projectId }).then(tasksOfTable) : call(`${target}.list` as 'issue.list', { projectId })) as unknown as Promise<Item[]>;
const update = (target: ImportTarget, id: number, patch: Record<string, unknown>) => call(`${target}.update` as 'issue.update', { id, patch: patch as never });

async function exportAndReread(target: ImportTarget, projectId: number, profileId: number) {
  const out = Buffer.from((await call('excel.export', { projectId, register: target, profileId })).dataBase64, 'base64');
  const again = await call('excel.previewImport', { projectId, register: target, fileName: 'again.xlsx', dataBase64: out.toString('base64'), profileId });
  return { out, again };
}

describe('records whose text the client wrapped into the rows below', () => {
  it('a rewritten text goes whole on its record row and its wrapped rows go; the records below move up', async () => {
    const style = STYLES['query log, text in B']!;
    const { projectId, profileId, preview } = await imported(await wrapped(style), 'rewrap', 'issue');
    expect(preview.rows.map((r) => r.name)).toEqual([
      'If a returning user enters a wrong password three times should the account be locked',
      'Is the page break of the monthly report fixed?',
      'Where do the data checks go: in the action definition or in a separate sheet that lists every field',
      'Does the calendar open on today?',
    ]);
    const issues = await list('issue', projectId);
    await update('issue', issues[2]!.id, { title: 'Data checks go in the action definition' });
    const { out, again } = await exportAndReread('issue', projectId, profileId);
    expect(sheetRows(out, 5)).toEqual([
      'Module|Query|Raised by|Date|Status',
      `Login|If a returning user enters a wrong password three times|Fujita|45748|Open`,
      '|should the account be locked',
      'Report|Is the page break of the monthly report fixed?|Ito|45749|Open',
      'Checks|Data checks go in the action definition|Fujita|45750|Closed',
      'Calendar|Does the calendar open on today?|Nakamura|45751|Open',
    ]);
    expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
  });

  it('a new record after a wrapped one is one row, not a copy of the wrapped rows; a deleted wrapped record takes its rows with it', async () => {
    const style = STYLES['numbered issue list, text in C, the last record wrapped, a note below']!;
    const { projectId, profileId } = await imported(await wrapped(style), 'add-after-wrapped', 'issue');
    const issues = await list('issue', projectId);
    await call('issue.delete', { id: issues[0]!.id });
    await call('issue.create', { projectId, values: { title: 'Refunds are booked twice' } as never });
    const { out, again } = await exportAndReread('issue', projectId, profileId);
    // The first record's two rows are gone; the new record is one row under the last record's wrapped
    // row (a copy of its three rows left two blank rows, which ended the table on the next import).
    expect(sheetRows(out, 5)).toEqual([
      'No.|Area|Description|Owner|Due',
      '2|Stock|Stock count export is slow.|Lee|45780',
      '3|Billing|Credit notes are not linked to the invoice|Park|45783',
      '||they correct',
      '4||Refunds are booked twice',
      '',
      'Updated weekly by the PMO',
    ]);
    expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
  });

  // Its No. or ID tells it from a wrapped row, which never has one. (Where the layout numbers nothing and
  // the record has nothing but its text, the row is what a wrapped row is, in Excel as well: left open.)
  it('a new record whose text starts in lower case under a record ending mid-sentence reads back as a record of its own', async () => {
    for (const name of ['numbered issue list, text in C, the last record wrapped, a note below', 'risk register, description in D']) {
      const style = STYLES[name]!;
      const { projectId, profileId } = await imported(await wrapped(style), `lower-${name}`, style.target);
      await call(`${style.target}.create` as 'issue.create', { projectId, values: { title: 'check whether the old codes still apply' } as never });
      const { again } = await exportAndReread(style.target, projectId, profileId);
      expect([again.counts.new, again.counts.changed, again.missing.length], name).toEqual([0, 0, 0]);
      expect(again.rows.map((r) => r.name), name).toContain('check whether the old codes still apply');
    }
  });

  // Where nothing numbers the records, the import of the client's workbook through its profile knows the
  // project's titles: a text alone in lower case that is a stored title of its own, under a record whose
  // text is one too, is a record (its text going on would make a title nothing stored has).
  it('a new record of a text alone in lower case, with no No. or ID in the layout, reads back as a record of its own', async () => {
    for (const name of ['action list without numbers, text in B, the last record ending mid-sentence', 'task list without codes, name in A']) {
      const style = STYLES[name]!;
      const { projectId, profileId } = await imported(await wrapped(style), `lower-${name}`, style.target);
      const key = style.target === 'wbs' ? 'name' : 'title';
      if (style.target === 'wbs') {
        const tasks = await list('wbs', projectId);
        // In the middle (under a task ending mid-sentence) and at the end.
        await call('wbs.create', { projectId, afterId: tasks[1]!.id, values: { name: 'check the forms of the head office' } as never });
        await call('wbs.create', { projectId, values: { name: 'sign off' } as never });
      } else await call(`${style.target}.create` as 'issue.create', { projectId, values: { [key]: 'check the backup job' } as never });
      const { again } = await exportAndReread(style.target, projectId, profileId);
      expect([again.counts.new, again.counts.changed, again.missing.map((m) => m.name)], name).toEqual([0, 0, []]);
      expect(again.rows.length, name).toBe((await list(style.target, projectId)).length);
    }
  });

  for (const [name, style] of Object.entries(STYLES))
    it(`${name}: every random edit script comes back as stored, with the client's cells untouched`, async () => {
      const o = await roundTrip(call, `wrapped-${name}.xlsx`, await wrapped(style), style.target, { scripts: 12, seed: 16 });
      expect(o.skipped).toBe('');
      expect(failuresOf(o)).toEqual([]);
    }, 300_000);
});
