// An action list (a meeting's アクション / ToDo / 宿題 / Action items) imported as issues: its item
// column is the title, whatever the status words (blind set 6, L3: a list headed アクション with
// クローズ/オープン statuses and ASAP/7月末 due cells imported nothing, "no issue title column").
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { workbook } from '../fixtures/excel/xlsx.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function fieldsOf(rows: unknown[][]): Promise<string> {
  const model = readWorkbookBytes(await workbook([{ name: 'アクション', rows: rows as never }]), 'actions.xlsx');
  const found = detectLayout(model, 'issue', { reference: '2025-07-10' });
  return found.ok ? found.layout.columns.map((c) => `${c.label}=${c.field}`).join(' ') : found.reason;
}

describe('action lists imported as issues', () => {
  // Status words the vocabulary may not know and due cells that are words: the title must come from the header.
  for (const title of ['アクション', 'アクションアイテム', 'アクション項目', 'ToDo', 'TODO内容', '宿題', '宿題事項', 'Action', 'Action Item', 'Action Items', 'To-do', '依頼事項'])
    it(`takes ${title} as the title`, async () => {
      const got = await fieldsOf([
        ['#', '会議日', title, '担当', '期限', '状況'],
        [1, d('2025-07-01'), '議事録の配布', '山田', d('2025-07-03'), 'クローズ'],
        [2, d('2025-07-01'), 'テスト観点表の共有', '佐藤', 'ASAP', 'オープン'],
        [3, d('2025-07-08'), '体制図の更新', '鈴木', '7月末', 'オープン'],
      ]);
      expect(got).toContain(`${title}=title`);
    });

  // Beside an issue column, the action is the response.
  for (const [issue, action] of [['課題', 'アクション'], ['Issue', 'Action'], ['課題', '宿題']])
    it(`takes ${issue} as the title and ${action} not, when both stand`, async () => {
      const got = await fieldsOf([
        ['No', issue, action, '担当', '期限', '状況'],
        [1, 'ログインできない', '再起動して再現確認', '山田', d('2025-07-04'), '対応中'],
        [2, '帳票の罫線が崩れる', 'フォントを変更', '佐藤', d('2025-07-05'), '完了'],
      ]);
      expect(got).toContain(`${issue}=title`);
      expect(got).not.toContain(`${action}=title`);
    });

  // Review U3: a compound with the action word at its head (Next Action, Corrective Action, 次のアクション,
  // 対応アクション) is the issue's response, also where the issue itself is under Description / 内容
  // (no Issue column to win the title): the action word names the title only as the whole label.
  for (const [issue, action] of [['Description', 'Next Action'], ['Description', 'Corrective Action'], ['内容', '次のアクション'], ['概要', '対応アクション'], ['Details', 'Follow-up Action']])
    it(`takes ${issue} as the title and ${action} as the response`, async () => {
      const got = await fieldsOf([
        ['ID', issue, 'Owner', action, 'Due Date', 'Status'],
        [1, 'Login fails for SSO users after the upgrade', 'Ann', 'Escalate to vendor support', d('2025-06-20'), 'Open'],
        [2, 'Report totals differ from the ledger in May', 'Bob', 'Reconcile with finance', d('2025-06-25'), 'In Progress'],
        [3, 'Test environment unavailable on weekends', 'Cho', 'Ask infra for a schedule', d('2025-06-30'), 'Closed'],
      ]);
      expect(got).toContain(`${issue}=title`);
      expect(got).not.toContain(`${action}=title`);
    });
});
