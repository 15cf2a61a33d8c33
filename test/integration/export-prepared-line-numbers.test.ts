// A register whose first column numbers its rows (Line, Seq, 行 … over 1, 2, 3 — a column no field takes,
// kept as the client's) beside the records' own IDs (D-1043, RSK-210 …), and whose prepared rows under the
// records carry only the next typed numbers (blind set 20, E2: the number column was not the ID, so such
// rows were not seen as prepared; a new record was inserted above them with its number left empty, and
// after a delete the re-import read the prepared rows as records). The behaviour of every prepared row
// (export-prepared-kinds): a new record fills the first prepared row and keeps its number, no row is added
// while prepared rows remain, and a prepared row is never a record on re-import. The numbers are the
// form's row numbers (import: detect.ts countsIntoPrepared), never a record's value.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { sheetCells as cells } from '../helpers/sheet-cells.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Layout = { register: 'defect' | 'issue'; sheet: string; head: string[]; ids: (i: number) => string; titles: string[]; status: string; title: string; top: number; from: number };
const LAYOUTS: Layout[] = [
  {
    register: 'defect',
    sheet: 'Bugs',
    head: ['Seq', 'Bug Ref', 'Description', 'Reported', 'State'],
    ids: (i) => `BG-${2210 + i * 4}`,
    titles: ['Invoice total rounds the wrong way', 'Login page ignores the locale', 'Export drops the last column', 'Search times out on long names', 'Report footer overlaps the table'],
    status: 'Open',
    title: 'Printing a label freezes the client',
    top: 4,
    from: 1,
  },
  {
    register: 'issue',
    sheet: '課題',
    head: ['行', '課題番号', '課題', '起票日', '状況'],
    ids: (i) => `KD-${String(31 + i).padStart(3, '0')}`,
    titles: ['移行データの件数が合わない', '研修会場が確保できない', '帳票の承認者が未定', '外部接続の試験日程が未定'],
    status: '対応中',
    title: '本番切替の連絡体制が未決定',
    top: 6,
    from: 1,
  },
  {
    register: 'issue',
    sheet: 'Log',
    head: ['Row', 'Issue ID', 'Issue', 'Logged', 'Status'],
    ids: (i) => `ISS/${70 + i * 2}`,
    titles: ['Vendor misses the data centre slot', 'Firewall change not approved', 'Trainer unavailable in week 3', 'Pilot site short of scanners', 'Budget code closed early', 'Contract annex unsigned'],
    status: 'Open',
    title: 'Test licences expire before UAT',
    top: 3,
    from: 101,
  },
];
const PREPARED = 5;

async function template(l: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(l.sheet);
  ws.getCell('A1').value = `${l.sheet} register`;
  l.head.forEach((h, i) => (ws.getCell(l.top, i + 1).value = h));
  const records = l.titles.length;
  for (let i = 0; i < records + PREPARED; i++) {
    const r = l.top + 1 + i;
    ws.getCell(r, 1).value = l.from + i;
    if (i >= records) continue;
    ws.getCell(r, 2).value = l.ids(i);
    ws.getCell(r, 3).value = l.titles[i]!;
    ws.getCell(r, 4).value = d(`2027-04-${String(2 + i * 3).padStart(2, '0')}`);
    ws.getCell(r, 5).value = l.status;
  }
  const end = l.top + records + PREPARED;
  ws.getCell(end + 2, 1).value = 'Rows below the last record are numbered ready for the next ones.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function imported(l: Layout, bytes: Buffer, name: string) {
  const { id: projectId } = await call('project.create', { name });
  const p = await call('excel.previewImport', { projectId, register: l.register, fileName: 'log.xlsx', dataBase64: bytes.toString('base64') });
  expect(p.rows.map((r) => r.row)).toEqual(l.titles.map((_, i) => l.top + 1 + i));
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId! };
}

const exported = async (l: Layout, projectId: number, profileId: number) =>
  Buffer.from((await call('excel.export', { projectId, register: l.register, profileId })).dataBase64, 'base64');

describe('prepared rows numbered in a column beside the IDs', () => {
  it.each(LAYOUTS)('$sheet ($head.0 beside $head.1): a new record fills the first prepared row and keeps its number, no row added', async (l) => {
    const bytes = await template(l);
    const { projectId, profileId } = await imported(l, bytes, `${l.sheet} add`);
    await call(`${l.register}.create` as 'issue.create', { projectId, values: { title: l.title } as never });
    const out = await exported(l, projectId, profileId);
    const before = await cells(bytes, l.sheet);
    const after = await cells(out, l.sheet);
    const filled = l.top + 1 + l.titles.length;
    expect(after.get(filled)).toContain(`C${filled}=${l.title}`);
    expect(after.get(filled)).toContain(`A${filled}=${l.from + l.titles.length}`);
    const others = (m: Map<number, string[]>) => [...m].filter(([r]) => r !== filled);
    expect(others(after)).toEqual(others(before));
    // Read back into the same project, nothing changed: the numbers are the form's, no record's value
    // (kept as one, the new record's empty number read back as a change to 5 or 107).
    const back = await call('excel.previewImport', { projectId, register: l.register, fileName: 'log.xlsx', dataBase64: out.toString('base64') });
    expect(back.rows.map((r) => `${r.key} ${r.status}`)).toEqual([...l.titles.map((_, i) => l.ids(i)), after.get(filled)!.find((c) => c.startsWith('B'))!.split('=')[1]].map((k) => `${k} unchanged`));
  });

  // One record gone from the middle, or the last two side by side: their rows are cleared where they are
  // and keep their numbers, so the column still counts every row down.
  const deletes = LAYOUTS.flatMap((l) => [
    { l, gone: [1], label: `${l.sheet}, one in the middle` },
    { l, gone: [l.titles.length - 2, l.titles.length - 1], label: `${l.sheet}, the last two` },
  ]);
  it.each(deletes)('$label deleted: the numbers stay on every row, and the re-import reads the records only, never a prepared row', async ({ l, gone }) => {
    const bytes = await template(l);
    const { projectId, profileId } = await imported(l, bytes, `${l.sheet} delete ${gone.join()}`);
    const rows = (await call(`${l.register}.list` as 'issue.list', { projectId })) as unknown as { id: number; ref: string }[];
    for (const k of gone) await call(`${l.register}.delete` as 'issue.delete', { id: rows.find((r) => r.ref === l.ids(k))!.id });
    const out = await exported(l, projectId, profileId);
    const after = await cells(out, l.sheet);
    for (let i = 0; i < l.titles.length + PREPARED; i++) expect(after.get(l.top + 1 + i)).toContain(`A${l.top + 1 + i}=${l.from + i}`);
    const { id: again } = await call('project.create', { name: `${l.sheet} again ${gone.join()}` });
    const p = await call('excel.previewImport', { projectId: again, register: l.register, fileName: 'log.xlsx', dataBase64: out.toString('base64') });
    expect(p.rows.map((r) => r.key).sort()).toEqual(l.titles.map((_, i) => l.ids(i)).filter((_, i) => !gone.includes(i)).sort());
  });
});
