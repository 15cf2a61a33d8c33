// A plan's status words that neither our statuses nor the stages of a record's life read (blind set 17,
// I4: 予定 / 進行 / 完了 / 延期 under 状態 was dropped silently; 完工 left the task not started). They are
// read as a register's statuses are: the client's list (its validation, else a note listing the words)
// runs along a task's life, its first word not started, the words before its first done word under way;
// a word with 完 is done; held words by their stage. The export writes the client's word back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { importedPlan } from '../helpers/coded-plan.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Case {
  label: string;
  head: string;
  words: string[];
  /** How the client closes its list: a validation on the cells, a note under the table, or nothing. */
  list: 'validation' | 'note' | 'none';
  /** Our status of each word, in order (null: not read, asked). */
  want: (string | null)[];
  lang: 'ja' | 'en';
}

const CASES: Case[] = [
  { label: 'JA, validation', head: '状況', words: ['計画', '実施', '完了', '中断'], list: 'validation', want: ['not_started', 'in_progress', 'done', 'on_hold'], lang: 'ja' },
  { label: 'JA, validation, a 完 word', head: 'ステータス', words: ['手配前', '据付', '完成', '保留'], list: 'validation', want: ['not_started', 'in_progress', 'done', 'on_hold'], lang: 'ja' },
  { label: 'JA, note under the table', head: '状態', words: ['起案', '推進', '仕上', '完納'], list: 'note', want: ['not_started', 'in_progress', 'in_progress', 'done'], lang: 'ja' },
  { label: 'EN, validation', head: 'Status', words: ['Queued', 'Rolling', 'Done', 'Parked'], list: 'validation', want: ['not_started', 'in_progress', 'done', 'on_hold'], lang: 'en' },
  { label: 'EN, validation, three steps', head: 'State', words: ['Pipeline', 'Live work', 'Finished'], list: 'validation', want: ['not_started', 'in_progress', 'done'], lang: 'en' },
  // (Without a list a lone word left is no longer placed by the stage the others leave free: read by the
  // words present, it changed its reading when a re-import saw fewer of them: import-unread-values.)
  { label: 'JA, no list: a lone word left stays unread, a 完 word is done', head: '状態', words: ['計画', '作業中', '完工', '保留'], list: 'none', want: [null, 'in_progress', 'done', 'on_hold'], lang: 'ja' },
  { label: 'JA, validation: a word after done stays unread', head: '状況', words: ['計画', '実施', '完了', '見合せ'], list: 'validation', want: ['not_started', 'in_progress', 'done', null], lang: 'ja' },
];

async function imported(c: Case) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  const heads = c.lang === 'en' ? ['Activity', 'Lead', 'Begin', 'End'] : ['作業', '担当', '開始日', '終了日'];
  ws.addRow([c.lang === 'en' ? 'Rollout plan' : '展開計画']);
  ws.addRow([]);
  ws.addRow([...heads, c.head]);
  const n = 8;
  for (let i = 0; i < n; i++) ws.addRow([`T${i}`, 'Kim', d(`2025-06-0${i + 1}`), d(`2025-06-1${i + 1}`), c.words[i % c.words.length]]);
  if (c.list === 'validation') for (let r = 4; r < 4 + n + 3; r++) ws.getCell(r, 5).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.words.join(',')}"`] };
  if (c.list === 'note') {
    ws.addRow([]);
    ws.addRow([`※ ${c.head}：${c.words.join('／')}`]);
  }
  return importedPlan(call, c.label, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.each(CASES)('status words $label', (c) => {
  it('are read at their place in the list and by their stage', async () => {
    const { preview, tasks } = await imported(c);
    expect(preview.columns.find((m) => m.column === 'E')?.field).toBe('status');
    expect(tasks.map((t) => t.status)).toEqual(tasks.map((_, i) => c.want[i % c.words.length] ?? 'not_started'));
    // A word still unread is named, not silently stored as not started.
    const unread = c.words.filter((_, k) => c.want[k] === null);
    expect(preview.problems.filter((p) => p.field === 'status').map((p) => p.params?.value)).toEqual(expect.arrayContaining(unread));
  });

  it.skipIf(!c.want.includes('not_started'))('export the client\'s word for a status changed, and leave the others as they were', async () => {
    const { projectId, profileId, tasks } = await imported(c);
    const target = c.want.findIndex((w) => w === 'not_started');
    const from = tasks.find((t, i) => c.want[i % c.words.length] === 'done')!;
    await call('wbs.update', { id: from.id, patch: { status: 'not_started' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const rows = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r >= 3 && r.r < 11);
    const statuses = rows.map((r) => String(r.cells.find((x) => x.c === 4)?.v ?? ''));
    expect(statuses).toEqual(tasks.map((t, i) => (t.id === from.id ? c.words[target] : c.words[i % c.words.length])));
  });
});
