// A register's own ID column read by its cells (issue 11; blind set 18, I1b and I4b): a column near the
// left whose values are distinct and share one prefix+number shape (QA-0107, PRJ-26-004, K-3) is the
// records' ID. It wins over a column that only numbers the rows (=ROW()-k by formula, or 1, 2, 3 … typed
// and running on into the prepared rows), which stays the client's; under a header word naming no noun
// the register knows, the dialog asks (offering ref) rather than keeping it silently. A row holding
// nothing but an ID or a number (pre-issued IDs in prepared rows) is a prepared row, never a record.
// The workbooks are generated: languages, header words, positions, widths and ID shapes vary here, and
// none of them is a word of the blind set.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

type Register = 'issue' | 'risk' | 'defect';

interface Layout {
  register: Register;
  lang: 'ja' | 'en';
  /** 1-based header row (a title and a few lines above it). */
  top: number;
  /** Blank columns left of the table (a 方眼紙-like margin). */
  lead: number;
  /** The row-number column, first in the table: by formula (=IF(title="","",ROW()-k)) or typed 1, 2, 3 …. */
  rowNo?: { header: string; kind: 'formula' | 'typed' };
  /** The ID column's header and its IDs (by the record's index from 0). */
  id: { header: string; value: (i: number) => string };
  records: number;
  /** Rows under the records prepared by the client: the row-number column only, or pre-issued IDs only. */
  prepared?: { n: number; kind: 'numbers' | 'ids' };
  /** Cells each column spans, merged on every row (a 方眼紙's columns); 1 by default. */
  width?: number;
}

const WORDS: Record<'ja' | 'en', Record<Register, string[]>> = {
  ja: { issue: ['件名', '担当者', '状況', '期限'], risk: ['リスク内容', '担当者', '状況', '期限'], defect: ['事象', '担当者', '状況', '期限'] },
  en: { issue: ['Subject', 'Owner', 'Status', 'Due Date'], risk: ['Risk Description', 'Owner', 'Status', 'Due Date'], defect: ['Summary', 'Owner', 'Status', 'Due Date'] },
};
const TITLES = {
  ja: ['受注画面の応答が遅い', '帳票の罫線がずれる', '夜間処理が朝まで終わらない', '権限設定の棚卸し', '移行データの重複', '操作研修の会場確保', '外部接続の証明書更新'],
  en: ['Order screen responds slowly', 'Report borders misaligned', 'Night batch overruns', 'Access rights review', 'Duplicate records after migration', 'Training room booking', 'Certificate renewal for the gateway'],
};
const PEOPLE = { ja: ['岡田', '森', '石井'], en: ['Patel', 'Novak', 'Okafor'] };
const STATES = { ja: ['未着手', '対応中', '完了'], en: ['Open', 'In Progress', 'Closed'] };

/** Where each column of the table stands (1-based). */
function columnsOf(l: Layout) {
  const w = l.width ?? 1;
  let c = l.lead + 1;
  const rowNo = l.rowNo ? ((c += w), c - w) : undefined;
  const id = c;
  c += w;
  return { rowNo, id, title: c, owner: c + w, status: c + 2 * w, due: c + 3 * w };
}

async function book(l: Layout): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(l.lang === 'ja' ? '一覧' : 'Log');
  ws.getCell(1, l.lead + 1).value = l.lang === 'ja' ? '基幹刷新 管理表' : 'Platform renewal log';
  for (let r = 2; r < l.top - 1; r++) ws.getCell(r, l.lead + 1).value = l.lang === 'ja' ? `記入者：PMO${r}` : `Prepared by: PMO ${r}`;
  const at = columnsOf(l);
  const [title, owner, status, due] = WORDS[l.lang][l.register];
  if (at.rowNo) ws.getCell(l.top, at.rowNo).value = l.rowNo!.header;
  ws.getCell(l.top, at.id).value = l.id.header;
  ws.getCell(l.top, at.title).value = title!;
  ws.getCell(l.top, at.owner).value = owner!;
  ws.getCell(l.top, at.status).value = status!;
  ws.getCell(l.top, at.due).value = due!;
  const letter = (c: number) => ws.getColumn(c).letter;
  const number = (r: number, n: number) => {
    if (!at.rowNo) return;
    ws.getCell(r, at.rowNo).value = l.rowNo!.kind === 'formula' ? { formula: `IF(${letter(at.title)}${r}="","",ROW()-${l.top})`, result: r - l.top <= l.records ? n : '' } : n;
  };
  for (let i = 0; i < l.records; i++) {
    const r = l.top + 1 + i;
    number(r, i + 1);
    ws.getCell(r, at.id).value = l.id.value(i);
    ws.getCell(r, at.title).value = TITLES[l.lang][i % TITLES[l.lang].length]!;
    ws.getCell(r, at.owner).value = PEOPLE[l.lang][i % 3]!;
    ws.getCell(r, at.status).value = STATES[l.lang][i % 3]!;
    ws.getCell(r, at.due).value = new Date(Date.UTC(2026, 3, 6 + 3 * i));
    ws.getCell(r, at.due).numFmt = 'yyyy/mm/dd';
  }
  const prepared = l.prepared?.n ?? 0;
  for (let k = 0; k < prepared; k++) {
    const r = l.top + 1 + l.records + k;
    if (l.prepared!.kind === 'numbers') number(r, l.records + k + 1);
    else ws.getCell(r, at.id).value = l.id.value(l.records + k);
  }
  const w = l.width ?? 1;
  if (w > 1)
    for (let r = l.top; r <= l.top + l.records + prepared; r++)
      for (const c of Object.values(at)) if (c !== undefined) ws.mergeCells(r, c, r, c + w - 1);
  ws.getCell(l.top + 2 + l.records + prepared, l.lead + 1).value = l.lang === 'ja' ? '※ 状況は 未着手／対応中／完了 から選ぶ' : 'Note: Status is Open, In Progress or Closed.';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function preview(l: Layout) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = (await call('excel.previewImport', { projectId, register: l.register, fileName: 'log.xlsx', dataBase64: await book(l) })) as ImportPreview;
  const letter = (c: number) => new ExcelJS.Workbook().addWorksheet('x').getColumn(c).letter;
  const at = columnsOf(l);
  const field = (c: number | undefined) => (c === undefined ? undefined : (p.columns.find((m) => m.column === letter(c) || m.column.startsWith(`${letter(c)}:`))?.field ?? null));
  const asked = (p.detection?.why ?? []).flatMap((w) => (w.code === 'columnFits' ? [{ column: w.column, fields: w.fields }] : []));
  return { p, projectId, at, idField: field(at.id), rowNoField: field(at.rowNo), idAsked: asked.find((a) => a.column === letter(at.id)), idColumn: letter(at.id) };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('an ID column of one prefix+number shape beside a column numbering the rows', () => {
  const cases: [string, Layout][] = [
    ['formula row numbers, Japanese, IDs in B, prepared formula rows', { register: 'issue', lang: 'ja', top: 4, lead: 0, rowNo: { header: 'No.', kind: 'formula' }, id: { header: '問合せNo', value: (i) => `QA-${pad(107 + i, 4)}` }, records: 6, prepared: { n: 5, kind: 'numbers' } }],
    ['typed row numbers running on into the prepared rows, a margin column, two-part prefix', { register: 'issue', lang: 'ja', top: 3, lead: 1, rowNo: { header: '連番', kind: 'typed' }, id: { header: '申請番号', value: (i) => `APP-26-${pad(41 + i, 3)}` }, records: 5, prepared: { n: 4, kind: 'numbers' } }],
    ['English, typed row numbers, one-letter prefix, no prepared rows', { register: 'risk', lang: 'en', top: 5, lead: 0, rowNo: { header: 'S/N', kind: 'typed' }, id: { header: 'Log Ref.', value: (i) => `K-${i + 3}` }, records: 7 }],
    ['a 方眼紙 of merged cells, typed row numbers running on into the prepared rows', { register: 'issue', lang: 'ja', top: 4, lead: 1, width: 3, rowNo: { header: '行番号', kind: 'typed' }, id: { header: '管理番号', value: (i) => `SR-26-${pad(i + 5, 3)}` }, records: 5, prepared: { n: 4, kind: 'numbers' } }],
    ['English, formula row numbers, no separator in the IDs', { register: 'defect', lang: 'en', top: 2, lead: 0, rowNo: { header: 'Line', kind: 'formula' }, id: { header: 'Query No.', value: (i) => `TQ${pad(880 + i, 4)}` }, records: 6, prepared: { n: 3, kind: 'numbers' } }],
  ];
  for (const [name, l] of cases) {
    it(`${name}: the IDs are the records' (ref), the row numbers stay the client's`, async () => {
      const { p, idField, rowNoField } = await preview(l);
      expect(idField).toBe('ref');
      expect(rowNoField).not.toBe('ref');
      expect(p.data.last).toBe(l.top + l.records);
      expect(p.rows.map((r) => r.key)).toEqual(Array.from({ length: l.records }, (_, i) => l.id.value(i)));
    });
  }

  it('under a number word of a noun the register does not know (Ticket Key): read as ref, or asked with ref offered; the row numbers are no ID', async () => {
    const { rowNoField, idField, idAsked } = await preview({ register: 'issue', lang: 'en', top: 4, lead: 0, rowNo: { header: '#', kind: 'formula' }, id: { header: 'Ticket Key', value: (i) => `HD-${pad(2200 + i, 5)}` }, records: 5, prepared: { n: 3, kind: 'numbers' } });
    expect(rowNoField).not.toBe('ref');
    if (idField !== 'ref') expect(idAsked?.fields).toContain('ref');
  });

  it('under a header naming something else (a team over TM-201 …): the codes stay the client’s, unasked, and the row numbers keep the ref', async () => {
    const { rowNoField, idField, idAsked } = await preview({ register: 'issue', lang: 'en', top: 4, lead: 0, rowNo: { header: 'No.', kind: 'typed' }, id: { header: 'Department', value: (i) => `TM-${201 + i}` }, records: 6 });
    expect(rowNoField).toBe('ref');
    expect(idField).toBeNull();
    expect(idAsked).toBeUndefined();
  });
});

describe('an ID column of one shape whose header word the register does not know, no row numbers beside it', () => {
  const cases: [string, Layout][] = [
    ['Japanese, first column', { register: 'risk', lang: 'ja', top: 4, lead: 0, id: { header: '管理票No', value: (i) => `RK-${pad(i + 11, 3)}` }, records: 6 }],
    ['English, after a margin, two-part prefix', { register: 'issue', lang: 'en', top: 3, lead: 1, id: { header: 'Item Key', value: (i) => `OPS-7-${pad(i + 2, 2)}` }, records: 5 }],
  ];
  for (const [name, l] of cases) {
    it(`${name}: read as ref, or asked with ref offered — never kept silently`, async () => {
      const { idField, idAsked } = await preview(l);
      if (idField !== 'ref') {
        expect(idField).toBeNull();
        expect(idAsked?.fields).toContain('ref');
      }
    });
  }

  it('a column of words or of codes with no shared shape is not asked as the ID', async () => {
    const { idAsked, idField } = await preview({ register: 'issue', lang: 'en', top: 3, lead: 0, id: { header: 'Area Code', value: (i) => ['A1', 'Berth-7', 'G2B', 'Q-19-X', 'Z', 'R5'][i]! }, records: 6 });
    expect(idField).not.toBe('ref');
    expect(idAsked?.fields ?? []).not.toContain('ref');
  });
});

describe('prepared rows holding nothing but an ID or a number, the ID column read as the ref', () => {
  // (Read by its words, by the IDs over row numbers, or by the answer to the question: a column kept as
  // the client's own, unanswered, keeps such rows as the records they were read as before — see the report.)
  const cases: [string, Layout, string | null][] = [
    ['pre-issued IDs under an ID column the register knows', { register: 'defect', lang: 'ja', top: 4, lead: 0, id: { header: '不具合ID', value: (i) => `DF-${pad(301 + i, 4)}` }, records: 5, prepared: { n: 4, kind: 'ids' } }, null],
    ['pre-issued IDs under a header the register does not know, answered as ref', { register: 'issue', lang: 'en', top: 3, lead: 1, id: { header: 'Form No.', value: (i) => `FM-26-${pad(17 + i, 3)}` }, records: 4, prepared: { n: 6, kind: 'ids' } }, 'B'],
    ['pre-issued IDs beside row numbers', { register: 'risk', lang: 'en', top: 5, lead: 0, rowNo: { header: 'No', kind: 'typed' }, id: { header: 'Entry Code', value: (i) => `EC${pad(i + 40, 3)}` }, records: 6, prepared: { n: 3, kind: 'ids' } }, null],
  ];
  for (const [name, l, answer] of cases) {
    it(`${name}: no record, the data ends at the last record`, async () => {
      const first = await preview(l);
      const p = answer ? ((await call('excel.previewImport', { projectId: first.projectId, register: l.register, previewId: first.p.previewId, mapping: { columns: [{ column: answer, field: 'ref' }] } })) as ImportPreview) : first.p;
      expect(p.data.last).toBe(l.top + l.records);
      expect(p.rows).toHaveLength(l.records);
      expect(p.rows.every((r) => r.name !== '')).toBe(true);
    });
  }
});

describe('what stays as it was', () => {
  it('a plain-number ID column with no shaped column beside it stays the ID', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Log');
    ws.addRow(['No.', 'Subject', 'Owner', 'Status']);
    TITLES.en.slice(0, 5).forEach((t, i) => ws.addRow([[4, 9, 12, 15, 21][i], t, PEOPLE.en[i % 3], STATES.en[i % 3]]));
    const { id: projectId } = await call('project.create', { name: 'plain' });
    const p = (await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') })) as ImportPreview;
    expect(p.columns.find((m) => m.column === 'A')?.field).toBe('ref');
  });

  it('a ROW() column with no real ID beside it numbers the rows; the prepared formula rows are no records', async () => {
    const { p } = await preview({ register: 'issue', lang: 'ja', top: 3, lead: 0, rowNo: { header: 'No.', kind: 'formula' }, id: { header: '区分', value: (i) => ['営業', '経理', '物流'][i % 3]! }, records: 5, prepared: { n: 4, kind: 'numbers' } });
    // (Read as positional refs, as before: the export writes the formula back.)
    expect(p.rows).toHaveLength(5);
    expect(p.data.last).toBe(8);
  });
});

/** Imports `l` (the dialog's questions answered as given), adds one record through the API, exports with the saved profile. */
async function addedAndExported(l: Layout, answers: { column: string; field: string }[] = []) {
  const { p, projectId, at } = await preview(l);
  let previewId = p.previewId;
  if (answers.length > 0) previewId = ((await call('excel.previewImport', { projectId, register: l.register, previewId, mapping: { columns: answers } })) as ImportPreview).previewId;
  const { profileId } = await call('excel.applyImport', { previewId, options: { saveProfileAs: `ids ${Math.random()}` } });
  const title = l.lang === 'ja' ? '追加の問合せ' : 'Added after import';
  const created = (await call(`${l.register}.create` as 'issue.create', { projectId, values: { title } as never })) as unknown as { ref: string };
  const out = await call('excel.export', { projectId, register: l.register, profileId: profileId! });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const ws = wb.worksheets[0]!;
  const cell = (r: number, c: number | undefined) => (c === undefined ? undefined : ws.getCell(r, c));
  return { created, ws, at, title, cell, stored: (await call(`${l.register}.list` as 'issue.list', { projectId })) as unknown as { ref: string; title: string }[] };
}

describe('a new record exported into the client’s ID column', () => {
  it('beside formula row numbers and prepared formula rows: the first prepared row takes it, with the next ID of the client’s scheme; the formula stays', async () => {
    const l: Layout = { register: 'issue', lang: 'en', top: 4, lead: 0, rowNo: { header: '#', kind: 'formula' }, id: { header: 'Query No.', value: (i) => `QY-${pad(57 + i, 4)}` }, records: 5, prepared: { n: 4, kind: 'numbers' } };
    const { created, at, title, cell, stored } = await addedAndExported(l);
    expect(stored.filter((r) => r.title !== title).map((r) => r.ref).sort()).toEqual(Array.from({ length: 5 }, (_, i) => l.id.value(i)));
    expect(created.ref).toBe('QY-0062');
    const r = l.top + l.records + 1;
    expect([cell(r, at.id)!.text, cell(r, at.title)!.text]).toEqual(['QY-0062', title]);
    expect(cell(r, at.rowNo)!.formula).toBe(`IF(C${r}="","",ROW()-4)`);
    // (Whether the export then tops the formula rows up again, moving the note, is the export's E2: not pinned here.)
    expect([0, 1, 2, 3].map((k) => cell(r + 1 + k, at.id)!.text)).toEqual(['', '', '', '']);
  });

  it('beside typed row numbers in a 方眼紙: the prepared row keeps its number, the ID column gets the next ID', async () => {
    const l: Layout = { register: 'issue', lang: 'ja', top: 3, lead: 1, width: 2, rowNo: { header: '連番', kind: 'typed' }, id: { header: '受付番号', value: (i) => `UK-27-${pad(i + 12, 3)}` }, records: 4, prepared: { n: 3, kind: 'numbers' } };
    const { created, at, title, cell } = await addedAndExported(l);
    expect(created.ref).toBe('UK-27-016');
    const r = l.top + l.records + 1;
    expect([cell(r, at.rowNo)!.value, cell(r, at.id)!.text, cell(r, at.title)!.text]).toEqual([l.records + 1, 'UK-27-016', title]);
  });

  // A pre-issued ID is the client's promise of the next number. Where the ID column is the records' ID,
  // the new record's own ID is written (it continues the same scheme, so it is the pre-issued one; writing
  // any other value would leave the stored record and the sheet disagreeing on its ID).
  it('into prepared rows of pre-issued IDs read as ref: the first one takes the record, its ID being the pre-issued one', async () => {
    const l: Layout = { register: 'defect', lang: 'ja', top: 4, lead: 0, id: { header: '不具合ID', value: (i) => `DF-${pad(301 + i, 4)}` }, records: 5, prepared: { n: 4, kind: 'ids' } };
    const { created, ws, at, title, cell } = await addedAndExported(l);
    expect(created.ref).toBe('DF-0306');
    const r = l.top + l.records + 1;
    expect([cell(r, at.id)!.text, cell(r, at.title)!.text]).toEqual(['DF-0306', title]);
    expect([1, 2, 3].map((k) => cell(r + k, at.id)!.text)).toEqual(['DF-0307', 'DF-0308', 'DF-0309']);
    expect(ws.getCell(l.top + 2 + l.records + 4, 1).text).toMatch(/^※/);
  });

  it('into prepared rows of pre-issued IDs under a header the register does not know, answered as ref', async () => {
    // (Its own header words: a profile saved by another case of this file would be reused.)
    const l: Layout = { register: 'issue', lang: 'en', top: 3, lead: 0, id: { header: 'Slip Key', value: (i) => `SL-26-${pad(17 + i, 3)}` }, records: 4, prepared: { n: 3, kind: 'ids' } };
    const { created, at, title, cell } = await addedAndExported(l, [{ column: 'A', field: 'ref' }]);
    expect(created.ref).toBe('SL-26-021');
    const r = l.top + l.records + 1;
    expect([cell(r, at.id)!.text, cell(r, at.title)!.text]).toEqual(['SL-26-021', title]);
  });

});

describe('IDs of one scheme over section rows, beside a long description', () => {
  // (Blind set 18, I4a: the ID column took the title, because the section rows' titles in it were no IDs,
  // and the section rows became records.) Generated: stages merged across the table, the first right under
  // the header, IDs under a number word of a noun the register does not know.
  for (const [lang, head, stages, ids] of [
    ['en', ['VO No.', 'Variation Description', 'Raised By', 'Status'], ['STAGE A — North corridor', 'STAGE B — Depot'], (i: number) => `VO-${pad(i + 31, 3)}`],
    ['ja', ['指示番号', '変更内容の説明', '起票者', '状況'], ['【第1工区】 北側', '【第2工区】 車両基地'], (i: number) => `SI-27-${pad(i + 4, 2)}`],
  ] as const)
    it(`${lang}: the IDs are no title, the description is, and the section rows are no records`, async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Log');
      ws.getCell('A1').value = lang === 'en' ? 'Variation log' : '変更指示台帳';
      ws.getRow(3).values = [...head];
      const texts = lang === 'en'
        ? ['Move the drainage culvert 12 m east of the survey line', 'Add two lighting columns at the depot gate', 'Replace the retaining wall design with gabions', 'Extend the access road to the new substation', 'Delete the temporary footbridge from scope']
        : ['排水カルバートを測量線から東へ12m移設する', '車両基地ゲートに照明柱を2基追加する', '擁壁の設計をかご枠工に変更する', '新設変電所までの進入路を延伸する', '仮設歩道橋を範囲から削除する'];
      const rows: (string | null)[][] = [];
      rows.push([stages[0], null, null, null]);
      texts.forEach((t, i) => {
        if (i === 3) rows.push([stages[1], null, null, null]);
        rows.push([ids(i), t, lang === 'en' ? 'Site Engineer' : '工事監理者', lang === 'en' ? 'Open' : '未着手']);
      });
      rows.forEach((r, k) => {
        ws.getRow(4 + k).values = r;
        if (r[1] === null) ws.mergeCells(4 + k, 1, 4 + k, 4);
      });
      const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
      const p = (await call('excel.previewImport', { projectId, register: 'change', fileName: 'log.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') })) as ImportPreview;
      const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
      expect(field('A')).not.toBe('title');
      expect(field('B')).toBe('title');
      expect(p.rows.map((r) => r.name)).toEqual(texts);
      if (field('A') !== 'ref') expect((p.detection?.why ?? []).some((w) => w.code === 'columnFits' && w.column === 'A' && w.fields.includes('ref'))).toBe(true);
    });
});
