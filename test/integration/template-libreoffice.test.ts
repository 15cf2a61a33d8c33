// Files written into templates, and what the product exports (PMO Desk's layouts, a client profile),
// open in LibreOffice: converted headless to PDF (a fresh profile in a
// temp folder), with exit code 0, a non-empty PDF and no complaint about repairing or loading the
// file; and converted to CSV, the grown table's formulas show computed values (LibreOffice takes
// cached results as they are, so the writer must have dropped the stale ones). Skips when
// LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateSerial, inspectTemplate, writeIntoTemplate, type CellOut } from '../../electron/core/excel/template/index.js';
import { buildTemplate, dataRows, exportOurs } from '../bench/template-export.js';
import { clientTemplate, FIRST, LAST } from '../fixtures/excel/template-client.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { convertWithLibreOffice, LIBREOFFICE } from '../helpers/libreoffice.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const LO = LIBREOFFICE;
const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

let dir = '';

/** Converts files in one LibreOffice start (each start costs seconds; one per file outran the test's time). */
function convertAll(files: string[], to: 'pdf' | 'csv') {
  return convertWithLibreOffice(files, to, dir);
}

function convert(file: string, to: 'pdf' | 'csv') {
  const { outs, ...r } = convertAll([file], to);
  return { out: outs[0]!, ...r };
}

/**
 * What the product itself exports, through the API: a register in PMO Desk's layout, the same register
 * through a client profile after an edit and a new row, and a meeting in the default minutes layout.
 */
async function productExports(): Promise<{ name: string; bytes: Uint8Array }[]> {
  await buildReaderWorker();
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  try {
    const { id: projectId } = await call('project.create', { name: '出力確認' });
    const client = await workbook([
      {
        name: '課題一覧',
        rows: [['課題管理表'], [], ['No', '課題名', '優先度', '状況', '担当者', '期限'], [1, 'ログイン仕様の確認', '高', '未着手', '山田', new Date(Date.UTC(2025, 3, 10))], [2, '帳票の確定', '中', '対応中', '佐藤', null]],
      },
    ]);
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'client.xlsx', dataBase64: client.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'client' } });
    await call('issue.create', { projectId, values: { title: '=1+1 のような件名', priority: 'low', due: '2025-05-01' } });
    const meeting = await call('meeting.create', { projectId, values: { title: '定例', heldOn: '2025-04-08', decisions: [{ text: '決定', agendaIndex: null }] } });
    const bytes = async (args: Parameters<typeof call<'excel.export'>>[1]) => Buffer.from((await call('excel.export', args)).dataBase64, 'base64');
    // The weekly report with its S-curve (a PNG rendered in core) needs a plan with dates.
    await call('wbs.create', { projectId, values: { name: '設計', plannedStart: '2025-04-01', plannedFinish: '2025-04-30', plannedEffort: 10, progress: 40 } });
    const { id: second } = await call('project.create', { name: '出力確認2' });
    await call('wbs.create', { projectId: second, values: { name: '製造', plannedStart: '2025-04-01', plannedFinish: '2025-05-30', plannedEffort: 20, progress: 10 } });
    const report = Buffer.from((await call('report.export', { projectIds: [projectId, second], statusDate: '2025-04-18' })).dataBase64, 'base64');
    return [
      { name: 'export-default-issues.xlsx', bytes: await bytes({ projectId, register: 'issue' }) },
      { name: 'export-profile-issues.xlsx', bytes: await bytes({ projectId, register: 'issue', profileId: profileId! }) },
      { name: 'export-default-wbs.xlsx', bytes: await bytes({ projectId, register: 'wbs' }) },
      { name: 'export-minutes.xlsx', bytes: await bytes({ projectId, register: 'minutes', meetingId: meeting.id }) },
      { name: 'export-status-report.xlsx', bytes: report },
    ];
  } finally {
    ws.close();
  }
}

const s = (v: string): CellOut => ({ value: { t: 's', v } });
const n = (v: number): CellOut => ({ value: { t: 'n', v } });

describe.skipIf(!LO)('written templates open in LibreOffice', () => {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const timings: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-lo-'));
    const tpl = await clientTemplate();
    const grown = Array.from({ length: 8 }, (_, i) => [s(`1.${i + 1}`), s(`タスク${i + 1}`), { value: { t: 'd' as const, v: dateSerial('2025-05-01') } }, n(i + 1), s('完了')]);
    files.push({ name: 'grown.xlsx', bytes: await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: FIRST, lastRow: LAST, columns: [0, 1, 2, 3, 5], rows: grown }]) });
    files.push({ name: 'shrunk.xlsx', bytes: await writeIntoTemplate(tpl, [{ sheet: 'WBS', firstRow: FIRST, lastRow: LAST, columns: [0, 1, 2, 3, 5], rows: grown.slice(0, 1) }]) });
    files.push({ name: 'wbs-2000.xlsx', bytes: await exportOurs(await buildTemplate(), dataRows(2000)) });
    for (const f of ['wbs-jp-neos.xlsx', 'issues-jp-kondo.xlsx', 'gantt-jp-ohtake.xlsx']) {
      const p = path.join(CORPUS, f);
      if (!fs.existsSync(p)) continue;
      // Not knowing the sheet's layout here, write a row into the first sheet below its content.
      const bytes = fs.readFileSync(p);
      const sheet = inspectTemplate(bytes).sheets.find((x) => x.kind === 'worksheet')!.name;
      files.push({ name: `corpus-${f}`, bytes: await writeIntoTemplate(bytes, [], { cells: [{ sheet, ref: 'A200', value: s('PMO Desk') }] }) });
    }
    files.push(...(await productExports()));
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  }, 60_000);

  afterAll(() => {
    if (timings.length) console.log(`LibreOffice conversions: ${timings.join(', ')}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts each written file to a PDF without complaint', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    const r = convertAll(files.map((f) => path.join(dir, f.name)), 'pdf');
    timings.push(`${files.length} files ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/repair|corrupt|error|could not be loaded|general input\/output/i);
    files.forEach((f, i) => {
      const out = r.outs[i]!;
      expect(fs.existsSync(out), f.name).toBe(true);
      expect(fs.statSync(out).size, f.name).toBeGreaterThan(1000);
      expect(fs.readFileSync(out).subarray(0, 5).toString('latin1'), f.name).toBe('%PDF-');
    });
    // The report's charts (the summary's SPI/CPI and each project's S-curve) are printed as images.
    const report = fs.readFileSync(r.outs[files.findIndex((f) => f.name === 'export-status-report.xlsx')]!, 'latin1');
    expect(report.match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('computes the grown table: copied formulas, the moved total', () => {
    const r = convert(path.join(dir, 'grown.xlsx'), 'csv');
    expect(r.status).toBe(0);
    const lines = fs.readFileSync(r.out, 'utf8').split(/\r?\n/);
    // Rows 5–12: E = D * 2, computed by LibreOffice (E5–E7 had cached results for the old D values).
    for (let i = 0; i < 8; i++) expect(lines[FIRST - 1 + i]!.split(',')[4], `E${FIRST + i}`).toBe(String((i + 1) * 2));
    // The total moved from row 9 to row 14 and sums 1..8.
    expect(lines[13]!.split(',')[3]).toBe('36');
  });
});

// The CSV escape decided for issue 20, against LibreOffice's own CSV import with "Evaluate formulas"
// and "Trim spaces" both on (the most formula-happy settings): nothing PMO Desk writes becomes a
// formula, and full-width ＝ stays text. The control row (unquoted, unescaped " =1+1") shows the
// settings do evaluate.
describe.skipIf(!LO)('CSV export opened in LibreOffice', () => {
  it('runs no formula from any escaped cell, with trimming and formula evaluation on', async () => {
    const { csvText } = await import('../../electron/core/excel/csv-writer.js');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-csv-lo-'));
    try {
      const cells = ['=1+1', ' =1+1', '\u3000=1+1', '+1+1', '-1+1', '@SUM(1)', '＝1+1', '＋1+1'];
      const ours = csvText([cells]).toString('utf8');
      fs.writeFileSync(path.join(tmp, 't.csv'), `${ours.replace(/\r\n$/, '')}, =1+1\r\n`);
      // Tokens: comma, ", UTF-8, line 1, -, -, quoted as text off, special numbers on, -, -, trim spaces on, -, evaluate formulas on.
      const r = spawnSync(LO!, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--norestore', '--infilter=CSV:44,34,76,1,,0,false,true,false,false,true,-1,true', '--convert-to', 'xlsx', '--outdir', tmp, path.join(tmp, 't.csv')], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(0);
      const { readXlsx } = await import('../../electron/core/excel/parse-xlsx.js');
      const row = readXlsx(fs.readFileSync(path.join(tmp, 't.xlsx')), 't.xlsx').sheets[0]!.rows[0]!.cells;
      // Our cells: text (the quote LibreOffice shows is the escape), none a formula result.
      expect(row.slice(0, cells.length).map((c) => c.f ?? false)).toEqual(cells.map(() => false));
      expect(row[6]!.v).toBe('＝1+1');
      // The control: an unquoted " =1+1" is trimmed and run.
      expect(row[cells.length]).toMatchObject({ f: true, v: 2 });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
