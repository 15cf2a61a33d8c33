// Review T4 (35f95b8): a Redmine export listed newest first (Redmine's default sort, # descending: children
// above their parents), imported with a profile and exported with no edit, comes back as it was (every
// parent was moved above its subtree); and after random edit scripts it comes back as stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PLAN: [number, number | null, string][] = [
  [101, null, '基盤構築'], [104, 101, 'サーバ調達'], [108, 101, 'OS導入'], [115, null, '機能開発'],
  [117, 115, 'ログイン機能'], [121, 117, '認証API実装'], [122, 117, 'ログイン画面実装'], [125, 115, '検索機能'],
];
const day = (k: number) => d(`2025-06-${String(9 + k).padStart(2, '0')}`);
async function book(order: (p: typeof PLAN) => typeof PLAN): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('issues');
  ws.addRow(['#', 'プロジェクト', 'トラッカー', '親チケット', 'ステータス', '題名', '担当者', '開始日', '期日', '進捗率']);
  order(PLAN).forEach(([id, parent, name], k) => ws.addRow([id, '会員ポータル', '機能', parent, '新規', name, '吉田', day(k), day(k + 1), 0]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const cells = (b64: string) => readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.map((r) => r.cells.map((c) => String(c.v)).join('|'));

describe('no-edit export of a parent-column plan in the file’s own order', () => {
  for (const [what, order] of [
    ['# descending (Redmine default)', (p: typeof PLAN) => [...p].reverse()],
    ['sorted by 題名', (p: typeof PLAN) => [...p].sort((a, b) => a[2].localeCompare(b[2], 'ja'))],
  ] as const)
    it(what, async () => {
      const dataBase64 = await book(order);
      const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'issues.xlsx', dataBase64 });
      expect(p.hierarchy).toBe('parent');
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `T4 ${Math.random()}` } });
      const out = (await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64;
      expect(cells(out)).toEqual(cells(dataBase64));
    });

  it('comes back as stored after random edit scripts, newest first', async () => {
    const bytes = Buffer.from(await book((p) => [...p].reverse()), 'base64');
    const outcome = await roundTrip(call, 'wbs-redmine-desc.xlsx', bytes, 'wbs', { scripts: 10, seed: 4 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});
