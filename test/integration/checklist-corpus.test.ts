// The corpus's checklists go into 品質チェックリスト as they are (no mapping to fix): a test-run checklist
// (testcheck-jp-yabuki: No / 内容 / 効果 / 備考 / 成否) and a programmer's self-check list
// (checklist-jp-fintan: No / 大分類 / 小分類 / チェック項目 / チェック内容 / … / 確認者 / 確認日 / コメント),
// each one undo step. Skipped without ../shared/corpus.
import fs from 'node:fs';
import path from 'node:path';
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
  it.runIf(has('testcheck-jp-yabuki.xlsx'))('testcheck-jp-yabuki: item, expected effect, remarks and result', async () => {
    const { ws, call, projectId, p, mapped } = await importFile('testcheck-jp-yabuki.xlsx');
    expect(mapped).toEqual({ No: 'ref', 内容: 'title', 効果: 'detail', 備考: 'evidence', 成否: 'result' });
    expect(p.problems).toEqual([]);
    expect(p.counts.new).toBeGreaterThanOrEqual(3);
    await call('excel.applyImport', { previewId: p.previewId });
    const rows = await call('checklist.list', { projectId });
    expect(rows).toHaveLength(p.counts.new);
    expect(rows[0]).toMatchObject({ ref: 'Q-001', title: expect.stringMatching(/\S/), detail: expect.stringMatching(/\S/), result: '' });
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
