// Review T3 (969f66b): a column of 予定 / 実績 (or 計画 / 実施, Plan / Actual) words on ONE-row records —
// each row its own task with its own name (a milestone list whose 種別 says whether the date is planned or
// already reached; tasks of a planning and a doing kind) — is not the label column of two-row records:
// a row with a name of its own under a 予定 row is its own task, never swallowed as that task's actuals.
// A two-row plan that types the name on both rows is still read as one record per task, the name once.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function sheet(header: string[], rows: (string | Date | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function names(dataBase64: string): Promise<string[]> {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'x.xlsx', dataBase64 });
  await call('excel.applyImport', { previewId: preview.previewId });
  return (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.name);
}

describe('a plan/actual word column on one-row records', () => {
  it('milestones whose 種別 says planned (予定) or reached (実績): every milestone is imported', async () => {
    const rows = [
      ['キックオフ', '実績', d('2025-04-07'), d('2025-04-07')],
      ['要件定義完了', '実績', d('2025-05-30'), d('2025-05-30')],
      ['基本設計完了', '予定', d('2025-06-27'), d('2025-06-27')],
      ['詳細設計完了', '実績', d('2025-07-25'), d('2025-07-25')],
      ['結合テスト完了', '予定', d('2025-09-26'), d('2025-09-26')],
      ['リリース', '実績', d('2025-10-31'), d('2025-10-31')],
    ];
    expect(await names(await sheet(['マイルストーン', '種別', '開始日', '終了日'], rows))).toEqual(rows.map((r) => r[0]));
  });
  it('tasks of a planning (計画) and a doing (実施) kind: every task is imported', async () => {
    const rows = [
      ['テスト計画書作成', '計画', '山田', d('2025-06-02'), d('2025-06-06')],
      ['単体テスト', '実施', '佐藤', d('2025-06-09'), d('2025-06-20')],
      ['結合テスト計画書作成', '計画', '山田', d('2025-06-16'), d('2025-06-20')],
      ['結合テスト', '実施', '鈴木', d('2025-06-23'), d('2025-07-11')],
      ['総合テスト', '実施', '鈴木', d('2025-07-14'), d('2025-07-25')],
    ];
    expect(await names(await sheet(['作業名', '区分', '担当', '開始日', '終了日'], rows))).toEqual(rows.map((r) => r[0]));
  });
  it('two-row records whose actual row repeats the task name are still one record each', async () => {
    const rows = [
      ['移行計画', '予定', d('2025-06-02'), d('2025-06-06')],
      ['移行計画', '実績', d('2025-06-03'), d('2025-06-09')],
      ['移行リハーサル', '予定', d('2025-06-09'), d('2025-06-13')],
      ['移行リハーサル', '実績', d('2025-06-10'), null],
    ];
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'x.xlsx', dataBase64: await sheet(['作業名', '区分', '開始日', '終了日'], rows) });
    await call('excel.applyImport', { previewId: preview.previewId });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.name, t.plannedStart, t.actualStart, t.actualFinish])).toEqual([
      ['移行計画', '2025-06-02', '2025-06-03', '2025-06-09'],
      ['移行リハーサル', '2025-06-09', '2025-06-10', null],
    ]);
  });
  it('English: a Plan / Actual type on one-row records', async () => {
    const rows = [
      ['Design review', 'Plan', d('2025-06-02'), d('2025-06-06')],
      ['Code freeze', 'Actual', d('2025-06-09'), d('2025-06-09')],
      ['UAT sign-off', 'Plan', d('2025-06-16'), d('2025-06-20')],
      ['Go-live', 'Actual', d('2025-06-23'), d('2025-06-23')],
    ];
    expect(await names(await sheet(['Task', 'Type', 'Start', 'Finish'], rows))).toEqual(rows.map((r) => r[0]));
  });
});
