// The corpus's checklists go into 品質チェックリスト as they are (no mapping to fix): a test-run checklist
// (testcheck-jp-yabuki: four blocks, each a title over No / 内容 / 効果 / 備考 / 成否) and a programmer's self-check list
// (checklist-jp-fintan: No / 大分類 / 小分類 / チェック項目 / チェック内容 / … / 確認者 / 確認日 / コメント),
// each one undo step. Skipped without ../shared/corpus.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const has = (file: string) => fs.existsSync(path.join(CORPUS, file));

beforeAll(async () => {
  await buildReaderWorker();
});

async function importFile(file: string) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const data = fs.readFileSync(path.join(CORPUS, file)).toString('base64');
  const p = await call('excel.previewImport', { projectId, register: 'checklist', fileName: file, dataBase64: data });
  const mapped = Object.fromEntries(p.columns.filter((c) => c.field).map((c) => [c.label, c.field]));
  return { ws, call, projectId, p, mapped };
}

describe('corpus checklists into 品質チェックリスト', () => {
  it.runIf(has('testcheck-jp-yabuki.xlsx'))('testcheck-jp-yabuki: all four blocks (each under its title and its own header, numbered anew) as one list of 23 items, and back into the file', async () => {
    const { ws, call, projectId, p, mapped } = await importFile('testcheck-jp-yabuki.xlsx');
    // The No column numbers each block from 1: row numbers left where they are, not IDs that would clash.
    expect(mapped).toEqual({ 内容: 'title', 効果: 'detail', 備考: 'evidence', 成否: 'result' });
    expect(p.header).toEqual({ top: 4, bottom: 4 });
    expect(p.problems).toEqual([]);
    // Each next block's title (a row above its header again) is listed too, since 73dbf31: rows left out are always listed.
    expect(p.leftOut).toEqual([
      { row: 13, reason: 'section title' },
      { row: 14, reason: 'header again' },
      { row: 21, reason: 'section title' },
      { row: 22, reason: 'header again' },
      { row: 32, reason: 'section title' },
      { row: 33, reason: 'header again' },
    ]);
    expect(p.counts.new).toBe(23);
    const applied = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'テスト実施チェックリスト' } });
    const rows = await call('checklist.list', { projectId });
    expect(rows).toHaveLength(23);
    expect(rows.map((r) => r.title).slice(6, 9)).toEqual(['[初めての方はこちら]を押す', 'メインメニューが表示される', '複数の研究室が表示される']);
    expect(rows[22]).toMatchObject({ ref: 'Q-023', title: '初回登録の際，同一IDが存在する', detail: expect.stringMatching(/^データベースを検索し/), result: '' });

    // Back into the client's own file: unchanged, then a result set here lands in its block's row.
    const same = await call('excel.export', { projectId, register: 'checklist', profileId: applied.profileId!, language: 'ja' });
    const again = await call('excel.previewImport', { projectId, register: 'checklist', fileName: same.fileName, dataBase64: same.dataBase64, profileId: applied.profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 23 });
    await call('checklist.update', { id: rows[7]!.id, patch: { result: 'ok' } });
    const edited = await call('excel.export', { projectId, register: 'checklist', profileId: applied.profileId!, language: 'ja' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(edited.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Sheet1')!;
    expect([sheet.getCell('B15').value, sheet.getCell('E15').value, sheet.getCell('A14').value, sheet.getCell('A13').value]).toEqual(['メインメニューが表示される', 'OK', 'No', 'メインメニューテスト計画']);
    ws.close();
  });

  it.runIf(has('checklist-jp-fintan.xlsx'))('checklist-jp-fintan: category, item, what to check, checked by/on, comment; one undo step', async () => {
    const { ws, call, projectId, p, mapped } = await importFile('checklist-jp-fintan.xlsx');
    expect(mapped).toMatchObject({ 大分類: 'category', チェック項目: 'title', チェック内容: 'detail', 確認者: 'checkedBy', 確認日: 'checkedOn', コメント: 'evidence' });
    expect(p.problems).toEqual([]);
    await call('excel.applyImport', { previewId: p.previewId });
    const rows = await call('checklist.list', { projectId });
    const items = rows.filter((r) => r.title !== '');
    expect(items.length).toBeGreaterThanOrEqual(34);
    expect(items[0]).toMatchObject({ ref: 'Q-001', category: '共通', title: 'ファイルの改行コード', extra: expect.objectContaining({ 小分類: '全般' }) });
    expect(items.find((r) => r.title === 'マジックナンバー')).toMatchObject({ category: 'Java' });
    // What the file brought is one step back.
    await call('history.undo', { projectId });
    expect(await call('checklist.list', { projectId })).toEqual([]);
    ws.close();
  });
});
