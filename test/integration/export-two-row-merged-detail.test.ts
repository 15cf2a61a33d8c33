// Records of two rows whose second-row word is merged over the columns of several top words (件名 | 担当
// over 詳細 merged D:E, 期限 over 完了日; No. and 状況 merged over both header rows and over each record's
// two rows), with numbered blank two-row blocks prepared under them (blind set 13, I2/E2:
// issues-giga-tanmatsu). Before: each second row was read as a record of its own; the no-edit export
// dropped the No./状況 merges of every record whose second row held text (a merge over a record and a
// row the import left out was laid anew as a label over records); and a new record was written into a
// copied block above the prepared ones (they were not seen as prepared: looked for one row at a time,
// from the last record's second row), moving them and the note under them down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { STACKED_STYLES, stackedRegister } from '../roundtrip/layouts.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { Cell } from '../../electron/common/excel/model.js';

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;
beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
});
afterAll(() => ws.close());

const WIDE = Object.entries(STACKED_STYLES).filter(([, s]) => s.style.wide);
const JA = STACKED_STYLES['課題 (件名|担当 over 詳細 merged, 期限 over 完了日, prepared blocks)']!.style;

async function imported(bytes: Buffer, name: string) {
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, preview };
}
const exported = async (projectId: number, profileId: number) => Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId })).dataBase64, 'base64');
const sheetOf = (bytes: Buffer) => readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!;
const at = (sheet: ReturnType<typeof sheetOf>, ref: string): Cell['v'] | undefined => {
  const c = ref.charCodeAt(0) - 65;
  const r = Number(ref.slice(1)) - 1;
  return sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v;
};
const mergeSet = (sheet: ReturnType<typeof sheetOf>) => sheet.merges.map((m) => `${m.r1}:${m.c1}:${m.r2}:${m.c2}`).sort();

describe('two-row records under a second-row word merged over several top words', () => {
  it.each(WIDE)('%s: one record per two rows; a no-edit export is the client file, byte for byte', async (name, { style }) => {
    const bytes = await stackedRegister(style);
    const { projectId, profileId, preview } = await imported(bytes, name);
    expect(preview.rows.filter((r) => !r.skipped).map((r) => r.name)).toEqual(style.records.map((rec) => (rec.find(Array.isArray) as [string, string])[0]));
    expect(preview.leftOut.filter((x) => x.reason !== 'record continued')).toEqual([]);
    expect((await exported(projectId, profileId)).equals(bytes)).toBe(true);
  });

  it('a new record fills the first prepared two-row block from its first row; the blocks and the note under it stay', async () => {
    const bytes = await stackedRegister(JA);
    const { projectId, profileId } = await imported(bytes, 'ja add');
    await call('issue.create', { projectId, values: { title: '新しい課題', owner: '伊藤', detail: '調査中。' } as never });
    const out = await exported(projectId, profileId);
    const [before, after] = [sheetOf(bytes), sheetOf(out)];
    // Records in rows 5–12; prepared blocks 13–14 (No. 5), 15–16 (6), 17–18 (7); the note in row 20.
    expect([at(after, 'A13'), at(after, 'D13'), at(after, 'E13'), at(after, 'D14')]).toEqual([5, '新しい課題', '伊藤', '調査中。']);
    expect([at(after, 'A15'), at(after, 'A17'), at(after, 'A20')]).toEqual([6, 7, '※ 上段・下段で1件']);
    expect(mergeSet(after)).toEqual(mergeSet(before));
    expect(after.rows.at(-1)!.r).toBe(before.rows.at(-1)!.r);
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'ja.xlsx', dataBase64: out.toString('base64'), profileId });
    expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
  });

  // (Last: the profile it saves matches these files' headers, and an import without one would take it.)
  it.each(WIDE)('%s: a profile that reads each sheet row as a record (saved before) exports the client file unchanged', async (name, { style }) => {
    const bytes = await stackedRegister(style);
    const { profileId } = await imported(bytes, `${name} old`);
    // The layout an older reading saved (no field on the merged second-row columns), and what it imported.
    const row = ws.db.sqlite.prepare('SELECT mapping FROM excel_profiles WHERE id = ?').get(profileId) as { mapping: string };
    const m = JSON.parse(row.mapping);
    m.layout.columns = m.layout.columns.filter((c: { rowOffset?: number; span: number }) => !(c.rowOffset && c.span > 1));
    ws.db.sqlite.prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(JSON.stringify(m), profileId);
    const { id: projectId } = await call('project.create', { name: `${name} read before` });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64'), profileId });
    await call('excel.applyImport', { previewId: preview.previewId, options: { updateProfileId: profileId } });
    const out = await exported(projectId, profileId);
    expect(mergeSet(sheetOf(out))).toEqual(mergeSet(sheetOf(bytes)));
    expect(out.equals(bytes)).toBe(true);
  });
});
