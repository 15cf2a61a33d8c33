// One register row into the client's own card form (a 不具合管理票): the picked cells filled — the
// list value as its label, the date as a date — and nothing else of the workbook changed.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { failure } from '../helpers/failure.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function bugCard(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('不具合管理票');
  ws.getCell('A1').value = '不具合管理票';
  ws.getCell('A1').font = { size: 16, bold: true };
  for (const [ref, text] of [['A3', '管理番号'], ['A4', '件名'], ['A5', '優先度'], ['A6', '担当者'], ['A7', '期限'], ['A8', '対応内容'], ['C3', 'プロジェクト']] as const) ws.getCell(ref).value = text;
  ws.getCell('B7').numFmt = 'yyyy/mm/dd';
  ws.mergeCells('B8:D10');
  wb.definedNames.add("'不具合管理票'!$D$3", 'プロジェクト名');
  wb.addWorksheet('記入例').getCell('A1').value = '例: ログイン時にエラー';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function entries(bytes: Buffer): Map<string, Buffer> {
  const zip = new ZipReader(bytes, readZipDirectory(bytes, 'x.xlsx'), 'x.xlsx');
  return new Map([...zip.dir.entries.keys()].map((n) => [n, zip.bytes(n)!]));
}

describe('a register row into a card form', () => {
  it('fills the picked cells and leaves every other part of the workbook as it was', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: '基幹刷新' });
    const issue = await call('issue.create', { projectId, values: { title: 'ログイン時にエラー', priority: 'high', owner: '山田', due: '2025-04-10', resolution: '=原因調査中' } });
    const template = await bugCard();
    const card = {
      register: 'issue' as const,
      sheet: '不具合管理票',
      cells: [
        { field: 'ref', ref: 'B3' },
        { field: 'title', ref: 'B4' },
        { field: 'priority', ref: 'B5' },
        { field: 'owner', ref: 'B6' },
        { field: 'due', ref: 'B7' },
        { field: 'resolution', ref: 'B8' },
        { field: 'projectName', ref: 'プロジェクト名' },
      ],
    };
    const profile = await call('profile.createCard', { name: '不具合票', fileName: '不具合管理票.xlsx', dataBase64: template.toString('base64'), card });
    expect(profile).toMatchObject({ kind: 'card', register: 'issue', sheet: '不具合管理票' });
    expect(await call('profile.list', { register: 'issue' })).toEqual([expect.objectContaining({ kind: 'card' })]);

    const out = await call('excel.export', { projectId, register: 'issue', profileId: profile.id, recordId: issue.id, language: 'ja' });
    expect(out.fileName).toBe('不具合管理票_I-001.xlsx');
    const bytes = Buffer.from(out.dataBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const s = wb.getWorksheet('不具合管理票')!;
    expect(s.getCell('B3').value).toBe('I-001');
    expect(s.getCell('B4').value).toBe('ログイン時にエラー');
    expect(s.getCell('B5').value).toBe('高');
    expect(s.getCell('B7').value).toEqual(new Date('2025-04-10T00:00:00Z'));
    expect(s.getCell('B8').value).toBe('=原因調査中'); // text, not a formula
    expect(s.getCell('D3').value).toBe('基幹刷新');
    expect(s.getCell('A1').value).toBe('不具合管理票');
    // Parts other than the sheet and its strings are the template's own bytes.
    const a = entries(template);
    const b = entries(bytes);
    const changed = [...a.keys()].filter((k) => !b.get(k)!.equals(a.get(k)!));
    expect(changed.sort()).toEqual(['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);

    expect(await failure(call('excel.export', { projectId, register: 'issue', profileId: profile.id }))).toMatchObject({ code: 'VALIDATION', details: [{ field: 'recordId' }] });
    expect(await failure(call('excel.export', { projectId, register: 'risk', profileId: profile.id, recordId: issue.id }))).toMatchObject({ code: 'VALIDATION' });
    expect(
      await failure(call('profile.createCard', { name: 'x', fileName: 'x.xlsx', dataBase64: template.toString('base64'), card: { ...card, cells: [{ field: 'probability', ref: 'B3' }] } })),
    ).toMatchObject({ code: 'VALIDATION' });
    ws.close();
  });
});
