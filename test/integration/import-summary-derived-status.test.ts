// A summary made by an import rolls up its subtasks' statuses as they are stored: a subtask whose file
// gives an actual start or finish but no status and no progress is stored 対応中 / 完了 (the status its
// data implies, rollup.ts withDerivedStatus), and its new parent, rolled up before anything is inserted
// (apply.ts newSummaries), must see that status, not the default 未着手 — as a roll-up from the stored
// rows gives (rollUpAll, the reference).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { rollUpAll } from '../../electron/core/services/rollup.js';
import { WBS_ROLLED_UP_FIELDS } from '../../electron/common/dto.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('an imported summary over subtasks with actual dates and no status column', () => {
  it('rolls up the statuses the subtasks are stored with', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('WBS');
    sheet.addRow(['WBS', '作業名', '予定開始日', '予定終了日', '実績開始日', '実績終了日']);
    sheet.addRow(['1', '設計', null, null, null, null]);
    sheet.addRow(['1.1', '基本設計', d('2025-04-01'), d('2025-04-03'), d('2025-04-01'), d('2025-04-03')]);
    sheet.addRow(['1.2', '詳細設計', d('2025-04-04'), d('2025-04-08'), d('2025-04-04'), d('2025-04-08')]);
    sheet.addRow(['2', '製造', null, null, null, null]);
    sheet.addRow(['2.1', '画面', d('2025-04-09'), d('2025-04-15'), d('2025-04-09'), null]);
    sheet.addRow(['2.2', '帳票', d('2025-04-09'), d('2025-04-15'), null, null]);
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
      await call('excel.applyImport', { previewId: preview.previewId });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const byName = new Map(tasks.map((t) => [t.name, t]));
      expect(byName.get('基本設計')!.status).toBe('done');
      expect(byName.get('画面')!.status).toBe('in_progress');
      expect(byName.get('設計')!.status).toBe('done');
      expect(byName.get('製造')!.status).toBe('in_progress');
      // Every summary as a roll-up of the stored rows gives it.
      const reference = rollUpAll(tasks);
      for (const t of tasks.filter((x) => x.summary)) {
        const want = reference.get(t.id)!;
        for (const f of WBS_ROLLED_UP_FIELDS) expect(t[f], `${t.name} ${f}`).toEqual(want[f]);
      }
    } finally {
      ws.close();
    }
  }, 60_000);
});
