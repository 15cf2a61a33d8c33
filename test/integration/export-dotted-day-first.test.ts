// A column of dotted d.m.yy text dates (19.9.27, 10.10.27) that the import left open (each cell could be
// yy.m.d, 令和 y.m.d or d.m.yy: asked, not guessed), then a date set on one record and exported (blind set
// 20, E1): the export wrote 2027/09/22 there, and on re-import that one year-first cell settled the column
// year first, so the untouched 10.10.27 was stored as 2010-10-27, silently. Now a date is written in the
// reading that places the column's own cells near it (d.m.yy here), in the cells' own padding; where two
// readings do (26.3.27 beside 27.1.26: 2026 or 2027 either way), the cell is left unwritten and named
// (noDateForm), never yyyy/mm/dd. Generated workbooks: the header words, the columns' places, the padding and the days vary by seed.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { prng } from '../fixtures/excel/hostile.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';

const { call } = fileWorkspace();

const pad = (n: number) => String(n).padStart(2, '0');
const HEADS = ['Due Date', 'Target Date', 'Deadline'];
const TITLES = ['Water Meter Upgrade issues', 'Library Rebuild issue log', 'Harbour Works open items'];

interface Case { bytes: Buffer; head: string; /** Per row, the text in the dotted column. */ texts: string[]; headerRow: number; dueCol: number; }

/** A generated issue list whose due column holds dotted dates: d.m.yy of one year (`open`: day first in a year near, placed), or mixed years whose readings both fall near (`both`). */
async function dottedCase(seed: number, kind: 'placed' | 'both'): Promise<Case> {
  const rand = prng(seed * 104_729 + kind.length);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const year = 26 + Math.floor(rand() * 3);
  const padded = rand() < 0.5;
  const n = 6 + Math.floor(rand() * 4);
  const texts: string[] = [];
  for (let k = 0; k < n; k++) {
    if (kind === 'both') {
      // 26.3.27 (2026-03-27 or 26 March 2027) and the like: every cell near the year whichever way it is read.
      const [a, b] = [year - 1 + (k % 3), year - 1 + ((k + 1) % 3)];
      // (Never February: 29.2.27 is no day read day first, and would settle the column year first.)
      const m = 1 + ((k * 5) % 12);
      texts.push(`${a}.${m === 2 ? 3 : m}.${b}`);
    } else {
      // Days spread over the month, so that as yy.m.d the cells span two decades.
      const d = 1 + ((k * 7 + Math.floor(rand() * 5)) % 28);
      const m = 1 + ((k * 5 + seed) % 12);
      texts.push(padded ? `${pad(d)}.${pad(m)}.${year}` : `${d}.${m}.${year}`);
    }
  }
  const head = pick(HEADS);
  const dueFirst = rand() < 0.5;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Issues');
  ws.addRow([pick(TITLES)]);
  ws.addRow([]);
  const header = ['Ref', 'Subject', ...(dueFirst ? [head, 'Owner'] : ['Owner', head]), 'State'];
  ws.addRow(header);
  texts.forEach((t, k) => {
    const owner = pick(['Aroha Ngata', 'Ben Clarke', 'Mere Walker']);
    ws.addRow([`IS-${k + 1}`, `Item ${k + 1} to check`, ...(dueFirst ? [t, owner] : [owner, t]), pick(['Open', 'Closed'])]);
  });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), head, texts, headerRow: 3, dueCol: header.indexOf(head) };
}

const cells = (bytes: Buffer) => new Map(readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!.rows.flatMap((r) => r.cells.map((x): [string, unknown] => [`${r.r},${x.c}`, x.v])));
type Issue = { id: number; title: string; due: string | null };

async function setDue(c: Case, label: string, due: string) {
  const { projectId, profileId, preview } = await importWithProfile(call, c.bytes, label, 'issue');
  expect(preview.columns.find((m) => m.label === c.head)?.field, label).toBe('due');
  const issues = (await call('issue.list', { projectId })) as unknown as Issue[];
  const target = issues.find((i) => i.title === 'Item 2 to check')!;
  await call('issue.update', { id: target.id, patch: { due } as never });
  const answer = await call('excel.export', { projectId, register: 'issue', profileId });
  return { answer, out: Buffer.from(answer.dataBase64, 'base64'), key: `${c.headerRow + 1},${c.dueCol}` };
}

describe('dotted d.m.yy dates the import left open, exported', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: a date set is written day first as the column writes it; the other cells read back as they were', async (seed) => {
    const c = await dottedCase(seed, 'placed');
    const year = 2000 + Number(c.texts[0]!.split('.')[2]);
    const due = `${year}-09-22`;
    const label = `placed ${seed} [${c.head}]`;
    const { answer, out, key } = await setDue(c, label, due);
    const padded = c.texts.some((t) => /^0\d|\.0\d/.test(t));
    expect(cells(out).get(key), label).toBe(padded ? `22.09.${year % 100}` : `22.9.${year % 100}`);
    expect(answer.noDateForm, label).toBeUndefined();
    const [before, after] = [cells(c.bytes), cells(out)];
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => k !== key && before.get(k) !== after.get(k));
    expect(changed, label).toEqual([]);
    // Read again: no untouched cell is stored as another day (10.10.27 as 2010-10-27): read day first, or left asked.
    const { id: again } = await call('project.create', { name: `${label} again` });
    const p = await call('excel.previewImport', { projectId: again, register: 'issue', fileName: 'x.xlsx', dataBase64: out.toString('base64') });
    p.rows.forEach((r, k) => {
      const [d, m] = (k === 1 ? `22.9.${year % 100}` : c.texts[k]!).split('.').map(Number) as [number, number];
      const v = r.values?.due ?? null;
      if (v !== null) expect(v, `${label} row ${k + 1}`).toBe(`${year}-${pad(m)}-${pad(d)}`);
    });
  });

  it.each([1, 2, 3, 4])('seed %i: where two readings place the column near the date, the cell is named, not written', async (seed) => {
    const c = await dottedCase(seed, 'both');
    const label = `both ${seed} [${c.head}]`;
    const { answer, out, key } = await setDue(c, label, '2027-09-22');
    const before = cells(c.bytes);
    expect(cells(out).get(key), label).toBe(before.get(key));
    expect(answer.noDateForm?.map((n) => [n.header, n.value]), label).toEqual([[c.head, '2027-09-22']]);
    expect(answer.noDateForm?.[0]?.cell, label).toMatch(new RegExp(`^[A-Z]${c.headerRow + 2}$`));
  });
});

describe('dotted d.m.yy dates beside one day written year first, imported', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: the year-first cell never settles how the dotted cells read (10.10.27 is no 2010-10-27)', async (seed) => {
    const c = await dottedCase(seed, 'placed');
    const year = 2000 + Number(c.texts[0]!.split('.')[2]);
    // The second row's cell as a person (or an older export) typed it: yyyy/mm/dd.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(c.bytes as unknown as ArrayBuffer);
    wb.worksheets[0]!.getCell(c.headerRow + 2, c.dueCol + 1).value = `${year}/09/22`;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const label = `mixed ${seed} [${c.head}]`;
    const { id: projectId } = await call('project.create', { name: label });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.columns.find((m) => m.label === c.head)?.field, label).toBe('due');
    p.rows.forEach((r, k) => {
      if (k === 1) return;
      const [d, m] = c.texts[k]!.split('.').map(Number) as [number, number];
      const v = r.values?.due ?? null;
      if (v !== null) expect(v, `${label} row ${k + 1}: ${c.texts[k]}`).toBe(`${year}-${pad(m)}-${pad(d)}`);
    });
  });
});
