// The corpus's review records go into 品質不具合 (each 指摘 a defect found in a review: what, where, its
// category, cause and the phase that made it, who found and who fixed it, when, and its status) with no
// mapping to fix, one undo step, and back out into the client's own sheet through the profile the import
// saved; the 不具合管理票 card (bugcard-jp-neos) is a card form one defect is written into. Skipped
// without ../shared/corpus.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const has = (file: string) => fs.existsSync(path.join(CORPUS, file));
const bytes = (file: string) => fs.readFileSync(path.join(CORPUS, file)).toString('base64');

beforeAll(async () => {
  await buildReaderWorker();
});

async function preview(file: string) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: file, dataBase64: bytes(file) });
  const mapped = Object.fromEntries(p.columns.filter((c) => c.field).map((c) => [c.label, c.field]));
  return { ws, call, projectId, p, mapped };
}

describe('corpus review records into 品質不具合', () => {
  it.runIf(has('review-jp-waintraining.xlsx'))('review-jp-waintraining: 22 指摘 with place, category, cause and its phase; undone in one step; written back into the client’s sheet', async () => {
    const { ws, call, projectId, p, mapped } = await preview('review-jp-waintraining.xlsx');
    expect(mapped).toMatchObject({
      'No.': 'ref',
      '指摘内容 / 指摘箇所': 'target',
      '指摘内容 / 指摘区分': 'category',
      '指摘内容 / 指摘日': 'foundOn',
      '指摘内容 / 指摘者': 'foundBy',
      指摘内容: 'title',
      '発生原因 / 原因工程': 'causePhase',
      '発生原因 / 原因分類': 'cause',
      '対応状況 / 対応予定日': 'due',
      '対応状況 / 対応完了日': 'resolvedOn',
      対応状況: 'status',
    });
    expect(p.problems).toEqual([]);
    expect(p.counts).toMatchObject({ new: 22, problems: 0 });
    const applied = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'レビュー指摘票' } });
    const rows = await call('defect.list', { projectId });
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatchObject({ ref: 'DF-001', target: '表紙', category: '記述不明瞭', foundOn: '2026-04-22', foundBy: '青井さん', causePhase: '基本設計', cause: '作業ミス' });

    // Back into the client's own sheet, unchanged, and an edit made here read back from it.
    const out = await call('excel.export', { projectId, register: 'defect', profileId: applied.profileId!, language: 'ja' });
    const same = await call('excel.previewImport', { projectId, register: 'defect', fileName: out.fileName, dataBase64: out.dataBase64, profileId: applied.profileId! });
    expect(same.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 22 });
    await call('defect.update', { id: rows[1]!.id, patch: { cause: '検討不足' } });
    const edited = await call('excel.export', { projectId, register: 'defect', profileId: applied.profileId!, language: 'ja' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(edited.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('レビュー指摘票')!.getCell('N20').value).toBe('検討不足');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['レビュー指摘票', 'サマリー', '選択リスト']);

    // The import, as the edit, is one step back each.
    await call('history.undo', { projectId });
    await call('history.undo', { projectId });
    expect(await call('defect.list', { projectId })).toEqual([]);
    ws.close();
  });

  it.runIf(has('reviewcard-jp-neos.xlsx'))('reviewcard-jp-neos: file reviewed, reviewer and reviewee, what was fixed and when', async () => {
    const { ws, call, projectId, p, mapped } = await preview('reviewcard-jp-neos.xlsx');
    expect(mapped).toMatchObject({
      'レビューア記載 / レビュー対象ファイル名': 'target',
      'レビューア記載 / レビューア': 'foundBy',
      'レビューア記載 / 指摘内容': 'title',
      'レビューイ記載 / レビューイ': 'owner',
      'レビューイ記載 / 対応内容': 'resolution',
      'レビューイ記載 / 指摘分類': 'category',
      'レビューア記載 / 完了日': 'resolvedOn',
    });
    expect(p.problems).toEqual([]);
    const applied = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'レビュー管理票' } });
    expect(await call('defect.list', { projectId })).toEqual([
      expect.objectContaining({ target: '「○○」画面仕様書.xlsx', foundBy: '○○', owner: '◇◇', category: '単純ミス', resolvedOn: '2000-02-01' }),
    ]);
    const out = await call('excel.export', { projectId, register: 'defect', profileId: applied.profileId!, language: 'ja' });
    const again = await call('excel.previewImport', { projectId, register: 'defect', fileName: out.fileName, dataBase64: out.dataBase64, profileId: applied.profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 1 });
    ws.close();
  });

  it.runIf(has('review-jp-kondo.xlsx'))('review-jp-kondo: a blank template whose columns are all found (分類1 the category, 分類2–3 kept as the client’s); its sample row is an example, no 指摘', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'review-jp-kondo.xlsx', dataBase64: bytes('review-jp-kondo.xlsx'), mapping: { sheet: 'サンプル' } });
    const mapped = Object.fromEntries(p.columns.filter((c) => c.field).map((c) => [c.label, c.field]));
    expect(mapped).toEqual({ 'No.': 'ref', 分類1: 'category', 指摘内容: 'title', 起票日: 'foundOn', 起票者: 'foundBy', 対応内容: 'resolution', 対応日: 'resolvedOn', 対応者: 'owner', ステータス: 'status' });
    expect(p.leftOut).toContainEqual({ row: 4, reason: 'example' });
    expect(p.problems.map((x) => x.code)).toEqual(['noRows']);
    ws.close();
  });

  it.runIf(has('review-jp-fintan.xlsx'))('review-jp-fintan: its blank 指摘一覧 is found (every column named), and says it has no rows', async () => {
    const { ws, p, mapped } = await preview('review-jp-fintan.xlsx');
    expect(p.sheet).toBe('レビュー指摘一覧');
    expect(mapped).toMatchObject({ 指摘分類: 'category', 原因分類: 'cause', 原因工程: 'causePhase', 影響度: 'severity', '指摘項目・問題点': 'title', '処置・対策': 'resolution' });
    expect(p.problems.map((x) => x.code)).toEqual(['noRows']);
    ws.close();
  });

  it.runIf(has('bugcard-jp-neos.xlsx'))('bugcard-jp-neos: one defect written into the 不具合管理票 card', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const d = await call('defect.create', {
      projectId,
      values: { title: '登録ボタンで保存されない', target: '「顧客登録」画面', foundOn: '2025-06-02', foundBy: '佐藤', owner: '鈴木', cause: 'onclick ではなく onkeydown で実装していた' },
    });
    const card = await call('profile.createCard', {
      name: '不具合管理票',
      fileName: 'bugcard-jp-neos.xlsx',
      dataBase64: bytes('bugcard-jp-neos.xlsx'),
      card: {
        register: 'defect',
        sheet: '不具合管理票',
        cells: [
          { field: 'ref', ref: 'B4' },
          { field: 'target', ref: 'B5' },
          { field: 'foundOn', ref: 'B6' },
          { field: 'foundBy', ref: 'B7' },
          { field: 'title', ref: 'B8' },
          { field: 'owner', ref: 'B15' },
          { field: 'cause', ref: 'B16' },
        ],
      },
    });
    const out = await call('excel.export', { projectId, register: 'defect', profileId: card.id, recordId: d.id, language: 'ja' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    const s = wb.getWorksheet('不具合管理票')!;
    expect([s.getCell('B4').value, s.getCell('B5').value, s.getCell('B7').value, s.getCell('B8').value, s.getCell('B15').value]).toEqual(['DF-001', '「顧客登録」画面', '佐藤', '登録ボタンで保存されない', '鈴木']);
    expect(s.getCell('A8').value).toBe('発生事象');
    ws.close();
  });
});
