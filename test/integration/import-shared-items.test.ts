// A status column's marks spelled out by a legend note under or beside the table, and two client words that
// would share one item (blind set 16, I3 and I4), on generated registers (test/helpers/client-word-tables.ts).
// The legend's words are read as the project's items (査閲中 as in review, by its stage), a word of the
// column the legend leaves out (差戻) does not keep the legend from being read, and the export writes the
// client's mark for an item set after import. Words whose order cannot be told are each asked.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { legendCase, unorderedCase } from '../helpers/client-word-tables.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();

describe('marks spelled out by a legend note', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: every mark read as the legend says, none added', async (seed) => {
    const c = await legendCase(seed);
    const { id: projectId } = await call('project.create', { name: `legend-${seed}` });
    const p = await call('excel.previewImport', { projectId, register: 'deliverable', fileName: 'x.xlsx', dataBase64: c.bytes.toString('base64') });
    const at = `${c.place} "${c.legend}"`;
    expect(p.columns.find((m) => m.label === c.head)?.field, at).toBe('status');
    expect(p.rows.map((r) => r.values?.status ?? null), at).toEqual(c.cells.map(([, code]) => code));
    expect(p.values.filter((v) => v.suggestion.by === 'new'), at).toEqual([]);
  });

  it.each([1, 2])('seed %i: an export writes the legend’s mark for an item set after import', async (seed) => {
    const c = await legendCase(seed);
    const { projectId, profileId } = await importWithProfile(call, c.bytes, `legend-${seed}`, 'deliverable');
    const list = (await call('deliverable.list', { projectId })) as unknown as { id: number; status: string }[];
    const k = c.cells.findIndex(([, code]) => code !== 'in_review');
    await call('deliverable.update', { id: list[k]!.id, patch: { status: 'in_review' } } as never);
    const out = Buffer.from((await call('excel.export', { projectId, register: 'deliverable', profileId })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
    const headRow = sheet.rows.find((r) => r.cells.some((x) => x.v === c.head))!;
    const col = headRow.cells.find((x) => x.v === c.head)!.c;
    expect(sheet.rows.find((r) => r.r === headRow.r + 1 + k)?.cells.find((x) => x.c === col)?.v, c.legend).toBe('○');
  });
});

describe('two words of one column on one item, their order not told', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: each word is asked, none moved unasked', async (seed) => {
    const c = await unorderedCase(seed);
    const { id: projectId } = await call('project.create', { name: `unordered-${seed}` });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'x.xlsx', dataBase64: c.bytes.toString('base64') });
    const asked = p.values.filter((v) => v.field === 'status').map((v) => v.word);
    expect(asked, c.shared.join(' / ')).toEqual(expect.arrayContaining(c.shared));
    const codes = c.shared.map((w) => p.rows[c.words.indexOf(w)]!.values?.status);
    expect(codes[0], c.shared.join(' / ')).toBe(codes[1]);
  });
});
