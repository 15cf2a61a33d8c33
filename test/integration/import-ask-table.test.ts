// When the import preview asks which table: only where another table of the workbook could be the one
// meant. A second section of the same table (■完了 under ■未完了, the header repeated, two blank rows
// between) that the read goes on into is this table, not a choice (blind G7: both sections imported,
// yet the dialog asked). A second table under a title that starts a table of its own still asks.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const HEADER = ['No', '課題', '担当', 'ステータス'];

async function twoBlocks(secondTitle: string): Promise<string> {
  const bytes = await workbook([
    {
      name: '課題一覧',
      rows: [
        ['■未完了'],
        HEADER,
        [1, 'ログイン仕様の確認', '山田', '対応中'],
        [2, '帳票レイアウト確定', '佐藤', '未着手'],
        [],
        [],
        [secondTitle],
        HEADER,
        [3, '移行範囲の合意', '鈴木', '完了'],
        [4, '性能要件の確認', '田中', '完了'],
      ],
    },
  ]);
  return bytes.toString('base64');
}

describe('which table the preview asks for', () => {
  it('does not ask when the second ■ section is read as part of the table', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kadai.xlsx', dataBase64: await twoBlocks('■完了') });
      expect(p.rows.filter((r) => !r.skipped).map((r) => r.values?.title)).toEqual(['ログイン仕様の確認', '帳票レイアウト確定', '移行範囲の合意', '性能要件の確認']);
      expect(p.detection?.ask ?? null).toBeNull();
    } finally {
      ws.close();
    }
  });

  it('still asks when the table ends at the blank rows and another one starts under its own title', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'kadai.xlsx', dataBase64: await twoBlocks('参考：前フェーズの課題') });
      expect(p.rows.filter((r) => !r.skipped)).toHaveLength(2);
      expect(p.detection?.ask).toBe('table');
    } finally {
      ws.close();
    }
  });
});
