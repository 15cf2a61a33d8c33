// The client's words for the project's list items, on generated registers (test/helpers/client-word-tables.ts):
// yes/no words, not-started words and category words are synonyms of items the project has (blind set 15,
// F3: 有/無, Not yet, Programme became new items), and a word that ends with one item's label is that item
// before any reading by stage (F4: 全社展開済 was read as 承認済 by its 済). Each word is read as the item a
// person reads, none is added to the list, and an export writes the client's word for the item back.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { wordCase, type WordFamily } from '../helpers/client-word-tables.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const FAMILIES: WordFamily[] = ['yesNo', 'notStarted', 'category', 'qualified', 'cancel', 'strategy', 'sharedItem'];
const SEEDS = [1, 2, 3, 4, 5, 6];

describe('client words for the project’s items, generated registers', () => {
  it.each(FAMILIES.flatMap((f) => SEEDS.map((s) => [f, s] as const)))('%s, seed %i: every word read as the item a person reads, none added', async (family, seed) => {
    const c = await wordCase(family, seed);
    const { id: projectId } = await call('project.create', { name: `${family}-${seed}` });
    const p = await call('excel.previewImport', { projectId, register: c.register, fileName: 'x.xlsx', dataBase64: c.bytes.toString('base64') });
    const at = `${c.lang} ${c.layout} ${c.register} "${c.head}"`;
    expect(p.columns.find((m) => m.label === c.head)?.field, at).toBe(c.field);
    expect(p.rows.map((r) => r.values?.[c.field] ?? null), at).toEqual(c.words.map(([, code]) => code));
    expect(p.values.filter((v) => v.field === c.field && v.suggestion.by === 'new'), at).toEqual([]);
  });

  it.each(FAMILIES.flatMap((f) => [1, 2].map((s) => [f, s] as const)))('%s, seed %i: an export writes the client’s word for an item set after import', async (family, seed) => {
    const c = await wordCase(family, seed);
    const { projectId, profileId } = await importWithProfile(call, c.bytes, `${family}-${seed}`, c.register);
    const list = (await call(`${c.register}.list` as 'risk.list', { projectId })) as unknown as ({ id: number } & Record<string, unknown>)[];
    // The first record whose item differs from the last record's: set to the last record's item, it is written in the last record's word.
    const [lastWord, lastCode] = c.words[c.words.length - 1]!;
    const k = c.words.findIndex(([, code]) => code !== lastCode);
    await call(`${c.register}.update` as 'risk.update', { id: list[k]!.id, patch: { [c.field]: lastCode } } as never);
    const out = Buffer.from((await call('excel.export', { projectId, register: c.register, profileId })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
    const headRow = sheet.rows.find((r) => r.cells.some((x) => x.v === c.head))!;
    const col = headRow.cells.find((x) => x.v === c.head)!.c;
    const written = sheet.rows.find((r) => r.r === headRow.r + 1 + k)?.cells.find((x) => x.c === col)?.v;
    expect(written, `${c.lang} ${c.layout} ${c.register}`).toBe(lastWord);
  });
});
