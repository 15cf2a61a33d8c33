// The weekly report written into a client's own report form (a report profile) made from a real
// 進捗報告書 (../shared/corpus/status-jp-takuito.xlsx; skipped without the corpus): the week in A2, the
// lists in the form's blocks (one growing past its rows), the S-curve as a picture at L4 of the sheet's
// drawing, and nothing else of the workbook changed: read back here part by part; LibreOffice opens it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateSerial } from '../../electron/core/excel/template/index.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { TAKUITO_REPORT, TAKUITO_SHEET as SHEET } from '../fixtures/excel/report-form-takuito.js';
import { failure } from '../helpers/failure.js';
import { convertWithLibreOffice, LIBREOFFICE } from '../helpers/libreoffice.js';
import { seed, wbsWorkspace } from './wbs-support.js';

const FILE = path.resolve(import.meta.dirname, '../../../shared/corpus/status-jp-takuito.xlsx');
const HAS = fs.existsSync(FILE);

beforeAll(async () => {
  await buildReaderWorker();
});

describe.skipIf(!HAS)('weekly report into the client’s own form (status-jp-takuito.xlsx)', () => {
  it('fills the picked cells and blocks, places the S-curve, and keeps every other part', async () => {
    const w = wbsWorkspace();
    const projectId = (await w.call('project.create', { name: '指紋認証アプリ' })).id;
    await seed(w.call, projectId, [
      { name: 'レビュー', values: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06', plannedEffort: 5, progress: 100, actualFinish: '2025-06-10', actualEffort: 5 } },
      { name: 'テスト', values: { plannedStart: '2025-06-09', plannedFinish: '2025-06-13', plannedEffort: 5, progress: 60, actualEffort: 3 } },
      { name: '資料作成', values: { plannedStart: '2025-06-09', plannedFinish: '2025-06-20', plannedEffort: 5, progress: 20, actualEffort: 1 } },
      { name: '発表練習', values: { plannedStart: '2025-06-16', plannedFinish: '2025-06-18', plannedEffort: 2 } },
      { name: 'プレゼン', values: { plannedStart: '2025-06-20', plannedFinish: '2025-06-20', milestone: true } },
      { name: '最終報告', values: { plannedStart: '2025-06-27', plannedFinish: '2025-06-27', milestone: true } },
    ]);
    await w.call('issue.create', { projectId, values: { title: 'Nexus7で認証機器の認証がしづらい', due: '2025-06-20' } });
    await w.call('weekly.close', { projectId, statusDate: '2025-06-06' });

    const template = fs.readFileSync(FILE);
    // A form naming a list column its list does not have is refused before anything is kept.
    const bad = { ...TAKUITO_REPORT, blocks: [{ list: 'risks' as const, firstRow: 40, lastRow: 41, columns: [{ field: 'name', column: 'B' }] }] };
    expect(await failure(w.call('profile.createReport', { name: 'x', fileName: 'status-jp-takuito.xlsx', dataBase64: template.toString('base64'), report: bad }))).toMatchObject({ code: 'VALIDATION' });
    const profile = await w.call('profile.createReport', { name: '拓伊 進捗報告書', fileName: 'status-jp-takuito.xlsx', dataBase64: template.toString('base64'), report: TAKUITO_REPORT });
    expect(profile).toMatchObject({ kind: 'report', register: 'report', sheet: SHEET });

    const out = await w.call('report.export', { projectIds: [projectId], statusDate: '2025-06-13', profileId: profile.id });
    expect(out.fileName).toBe('週次状況報告_指紋認証アプリ_20250613.xlsx');
    const bytes = Buffer.from(out.dataBase64, 'base64');

    const before0 = new ExcelJS.Workbook();
    await before0.xlsx.load(template as unknown as ArrayBuffer);
    // Values, read back by ExcelJS.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET)!;
    const v = (ref: string) => {
      const x = ws.getCell(ref).value;
      return x instanceof Date ? x.toISOString().slice(0, 10) : x;
    };
    // Progress weighted by planned effort: (5 × 100 + 5 × 60 + 5 × 20 + 2 × 0) ÷ 17 = 52.9 %, as a fraction.
    expect([v('A1'), v('A2'), v('D1'), v('F1')]).toEqual(['進捗報告書', '2025/06/07～2025/06/13', '要対応', 0.529]);
    // 4.: the form's own section titles stay; the blocks hold the week's lists, their other rows emptied.
    expect([v('A4'), v('B5'), v('B6')]).toEqual(['1.実施したこと', 'レビュー', null]);
    expect([v('A8'), v('B9'), v('B10'), v('B11')]).toEqual(['2.作業進捗状況', 'テスト', '資料作成', null]);
    expect([v('A20'), v('B21')]).toEqual(['3.問題・課題', 'Nexus7で認証機器の認証がしづらい']);
    expect([v('A23'), v('B24')]).toEqual(['4.今後の予定', '発表練習']);
    // Two milestones for a one-row block: it took the blank row under it (a row the form leaves empty is
    // filled before any is inserted), so 編集処理 below stays on row 32. The dates are serials in the form's own date format (one ExcelJS does not read as a date).
    expect([v('B30'), v('C30'), v('E30'), v('B31'), v('C31'), v('E31')]).toEqual(['プレゼン', '予定', dateSerial('2025-06-20'), '最終報告', '予定', dateSerial('2025-06-27')]);
    expect(ws.getCell('E30').numFmt).toBe(before0.getWorksheet(SHEET)!.getCell('E30').numFmt);
    const before = before0;
    expect([before.getWorksheet(SHEET)!.getCell('B31').value, v('B32')]).toEqual([null, '編集処理']);
    expect(wb.worksheets.map((s) => s.name)).toEqual(before.worksheets.map((s) => s.name));

    // The S-curve: a PNG in the sheet's drawing, anchored at L4 (0-based col 11, row 3) at 560 × 240 px.
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    expect([images[0]!.range.tl.nativeCol, images[0]!.range.tl.nativeRow]).toEqual([11, 3]);
    const png = Buffer.from(wb.getImage(Number(images[0]!.imageId)).buffer as unknown as Uint8Array);
    expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1120, 480]);

    // Every part of the package but the sheet, its rels, the strings and content types and the new drawing and
    // picture is the template's, byte for byte.
    const zipOf = (b: Buffer, name: string) => new ZipReader(b, readZipDirectory(b, name), name);
    const a = zipOf(template, 'template.xlsx');
    const b = zipOf(bytes, out.fileName);
    const added = [...b.dir.entries.keys()].filter((n) => !a.dir.entries.has(n));
    expect(added.sort()).toEqual(['xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml', 'xl/media/image1.png'].sort());
    const changed = [...a.dir.entries.keys()].filter((n) => !a.bytes(n)!.equals(b.bytes(n) ?? Buffer.alloc(0)));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/sharedStrings.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml'].sort());

    // LibreOffice opens it and prints the picture.
    if (LIBREOFFICE) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-report-form-'));
      try {
        fs.writeFileSync(path.join(dir, 'report-form.xlsx'), bytes);
        const r = convertWithLibreOffice([path.join(dir, 'report-form.xlsx')], 'pdf', dir);
        expect(r.status, r.output).toBe(0);
        expect(r.output).not.toMatch(/repair|corrupt|error|could not be loaded|general input\/output/i);
        expect(fs.readFileSync(r.outs[0]!, 'latin1')).toMatch(/\/Subtype\s*\/Image/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    w.close();
  }, 120_000);
});
