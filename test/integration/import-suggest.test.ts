// The import proposes the register a file's table fits clearly better than the one it was opened from:
// a review record sheet (指摘内容, 原因工程, 再発 …) imported from 課題管理表 is 品質不具合's, and the user
// switches the preview to it; a plain issue log opened from 課題管理表 gets no proposal. The corpus's
// review records are checked too when ../shared/corpus is there.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../electron/common/excel/fields.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { detectLayout, rankTargets } from '../../electron/core/excel/import/detect.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

beforeAll(async () => {
  await buildReaderWorker();
});

async function xlsxBytes(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('一覧');
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xlsx = async (rows: unknown[][]) => (await xlsxBytes(rows)).toString('base64');

const REVIEW_ROWS = [
  ['No.', '指摘内容', '指摘分類', '原因工程', '原因分類', '再発', '指摘者', '修正担当', '対応内容', 'ステータス'],
  [1, '画面項目の桁数が設計書と違う', '記述誤り', '基本設計', '作業ミス', 'なし', '青井', '佐々木', '設計書を修正', '完了'],
  [2, 'エラーメッセージが未定義', '仕様漏れ', '要件定義', '検討不足', 'あり', '高橋', '菊地', '', '対応中'],
];

async function suggestion(register: ImportTarget, fileName: string, dataBase64: string) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register, fileName, dataBase64 });
  const { register: suggested } = await call('excel.suggestRegister', { previewId: p.previewId });
  return { ws, call, projectId, suggested };
}

const CORPUS_CASES: [string, ImportTarget, ImportTarget | null][] = [
  ['review-jp-waintraining.xlsx', 'issue', 'defect'],
  ['review-jp-fintan.xlsx', 'issue', 'defect'],
  ['review-jp-kondo.xlsx', 'issue', 'defect'],
  ['issues-jp-kondo.xlsx', 'issue', null],
  ['issues-jp-officetemplate.xlsx', 'issue', null],
  ['testcheck-jp-yabuki.xlsx', 'checklist', null],
];

describe('the import proposes the register a file fits better', () => {
  it('a review record sheet opened from 課題管理表 is proposed as 品質不具合, and imports there', async () => {
    const file = await xlsx(REVIEW_ROWS);
    const { ws, call, projectId, suggested } = await suggestion('issue', 'レビュー記録票.xlsx', file);
    expect(suggested).toBe('defect');
    const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'レビュー記録票.xlsx', dataBase64: file });
    expect(p.counts).toMatchObject({ new: 2, problems: 0 });
    await call('excel.applyImport', { previewId: p.previewId });
    expect((await call('defect.list', { projectId })).map((r) => [r.title, r.causePhase, r.recurrence, r.status])).toEqual([
      ['画面項目の桁数が設計書と違う', '基本設計', 'no', 'closed'],
      ['エラーメッセージが未定義', '要件定義', 'yes', 'in_progress'],
    ]);
    expect(await call('issue.list', { projectId })).toEqual([]);
    ws.close();
  });

  it('an issue log opened from 課題管理表 gets no proposal', async () => {
    const file = await xlsx([
      ['No.', '課題', '優先度', '担当者', '期限', 'ステータス', '対応内容'],
      [1, '本番環境の手配', '高', '山田', '2025/6/30', '対応中', ''],
    ]);
    const { ws, suggested } = await suggestion('issue', '課題管理表.xlsx', file);
    expect(suggested).toBeNull();
    ws.close();
  });

  // Blind check F10: opened from リスク, a 課題管理表 got no proposal and an action log was proposed as
  // 品質不具合. The workbook's own words (the sheet's name, the title over the table) name its register.
  it('a 課題管理表 opened from リスク is proposed as 課題, and an action log as 課題 (not 品質不具合)', async () => {
    const titled = async (sheet: string, title: string | null, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const s = wb.addWorksheet(sheet);
      if (title !== null) s.addRows([[title], []]);
      s.addRows(rows);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const kadai = await titled('課題一覧', '課題管理表', [
      ['No.', '件名', '内容', '担当者', '期限', '状況', '対応'],
      [1, '本番環境の手配', 'サーバ2台の発注が必要', '山田', '2025/6/30', '対応中', '見積依頼済'],
      [2, '移行データの範囲', '何年分を移行するか未定', '佐藤', '2025/7/15', '未着手', ''],
      [3, 'テスト環境の共有', '他案件と共用になる', '鈴木', '2025/7/01', '完了', '日程調整済'],
    ]);
    const fromRisk = await suggestion('risk', 'kanri.xlsx', kadai);
    expect(fromRisk.suggested).toBe('issue');
    fromRisk.ws.close();
    const actions = await titled('Action Log', 'Project Action Log', [
      ['#', 'Action Item', 'Description', 'Owner', 'Priority', 'Date Opened', 'Due Date', 'Status', 'Comments'],
      [1, 'Send the test plan', 'The vendor needs it before the kickoff', 'Ann', 'High', '2025-04-01', '2025-05-01', 'Open', ''],
      [2, 'Book the lab', 'Two weeks in June, both rooms', 'Bob', 'Medium', '2025-04-02', '2025-05-08', 'Closed', 'Done early'],
      [3, 'Confirm the budget', 'Finance sign-off for phase 2', 'Cy', 'Low', '2025-04-03', '2025-05-15', 'In Progress', ''],
    ]);
    const log = await suggestion('risk', 'log.xlsx', actions);
    expect(log.suggested).toBe('issue');
    log.ws.close();
  });

  it.runIf(fs.existsSync(path.join(CORPUS, 'review-jp-waintraining.xlsx')))('the corpus: review records from 課題管理表 → 品質不具合; issue logs stay', async () => {
    for (const [file, from, to] of CORPUS_CASES) {
      if (!fs.existsSync(path.join(CORPUS, file))) continue;
      const { ws, suggested } = await suggestion(from, file, fs.readFileSync(path.join(CORPUS, file)).toString('base64'));
      expect(suggested, file).toBe(to);
      ws.close();
    }
  });

  // The proposal reuses what the preview's detection read of the workbook (each sheet's index and header
  // columns, kept with the model): every register's score must be the one a detection on a copy of the
  // workbook that nothing has read yet gives.
  it('scores every register as a detection on an unread copy does, after the preview read the workbook', async () => {
    const files: [string, Buffer, ImportTarget][] = [
      ['review.xlsx', await xlsxBytes(REVIEW_ROWS), 'issue'],
      ...CORPUS_CASES.filter(([f]) => fs.existsSync(path.join(CORPUS, f))).map(([f, from]): [string, Buffer, ImportTarget] => [f, fs.readFileSync(path.join(CORPUS, f)), from]),
    ];
    const opts = { reference: '2025-06-15' };
    for (const [name, bytes, from] of files) {
      const model = readWorkbookBytes(bytes, name);
      detectLayout(model, from, opts);
      const shared = Object.fromEntries(rankTargets(model, opts).map((r) => [r.target, r.score]));
      const fresh = Object.fromEntries(IMPORT_TARGETS.map((t) => [t, ((d) => (d.ok ? d.layout.score : 0))(detectLayout(structuredClone(model), t, opts))]));
      expect(shared, name).toEqual(fresh);
    }
  });
});
