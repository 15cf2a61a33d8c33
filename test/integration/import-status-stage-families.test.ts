// Client status words no list has, read at their stage by meaning (issue 11, unseen sets 12–14): a
// register's preview suggests the project's item at that stage (Delivered → the done item, 下書き → not
// started, Pending <something> Check / Awaiting <someone> Review → the check stage); a plan's status (施工中,
// 未施工, 施工済, 着工前; Mobilising, Delivered) is read at its stage instead of refused, and the export
// writes the client's own word back for a status changed here. Generated: phrases built from a few heads
// and objects, construction and English plan words.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (k: number) => new Date(Date.UTC(2025, 4, 1 + 2 * k));

async function book(head: string[], rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r).eachCell((c) => c.value instanceof Date && (c.numFmt = 'yyyy/m/d'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Register = 'deliverable' | 'finding' | 'issue';
const HEADS: Record<Register, string[]> = {
  deliverable: ['Deliverable', 'Owner', 'Due', 'Status'],
  finding: ['Finding', 'Owner', 'Due date', 'Status'],
  issue: ['Issue', 'Owner', 'Due', 'Status'],
};

/** Check phrases: a head (Pending, Awaiting, In) and an object whose last word is a check. */
const CHECK_PHRASES = ['Pending Effectiveness Check', 'Awaiting Client Review', 'In Final Inspection', 'Pending QA Sign-off', 'Awaiting Customer Approval'];

describe('a register’s status word suggested at its stage', () => {
  it.each<[Register, string[], Record<string, string>]>([
    // The list's own words beside them: 作成中 / レビュー中 / 承認済 (deliverable), Open / Corrected / Verified (finding).
    ['deliverable', ['Delivered', 'Handed over', 'Draft', '下書き', 'In progress', ...CHECK_PHRASES.slice(1, 3)], { Delivered: 'approved', 'Handed over': 'approved', 下書き: 'not_started', 'Awaiting Client Review': 'in_review', 'In Final Inspection': 'in_review' }],
    ['finding', ['Open', ...CHECK_PHRASES, 'Closed'], Object.fromEntries(CHECK_PHRASES.map((w) => [w, 'corrected']))],
    ['issue', ['Open', 'ドラフト', 'Pending Effectiveness Check', 'Mobilising', 'Closed'], { ドラフト: 'not_started', 'Pending Effectiveness Check': 'in_progress', Mobilising: 'in_progress' }],
  ])('%s', async (register, words, want) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const bytes = await book(HEADS[register], words.map((w, k) => [`${register} ${k + 1}`, 'Kim', d(k), w]));
    const p = await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
    const suggested = Object.fromEntries(p.values.filter((v) => v.field === 'status').map((v) => [v.word, v.suggestion.code]));
    for (const [w, code] of Object.entries(want)) expect(suggested[w] ?? p.rows[words.indexOf(w)]?.values?.status, w).toBe(code);
    // Every row is read, none dropped for its word.
    expect(p.rows).toHaveLength(words.length);
  });
});

describe('a plan’s status words read at their stage and written back', () => {
  it.each<[string, string[], string[], string]>([
    ['construction, Japanese', ['作業', '担当', '開始', '終了', '状況'], ['施工中', '未施工', '施工済', '着工前', '施工中'], '施工済'],
    ['English plan words', ['Activity', 'Owner', 'Start', 'Finish', 'Status'], ['Mobilising', 'Scheduled', 'Delivered', 'Fabricating', 'Scheduled'], 'Delivered'],
  ])('%s', async (_, head, words, doneWord) => {
    const bytes = await book(head, words.map((w, k) => [`task ${k + 1}`, 'Kim', d(k), d(k + 1), w]));
    const { projectId, profileId, preview } = await importWithProfile(call, bytes, `st ${head[0]}`);
    const want = { 施工中: 'in_progress', 未施工: 'not_started', 施工済: 'done', 着工前: 'not_started', Mobilising: 'in_progress', Scheduled: 'not_started', Delivered: 'done', Fabricating: 'in_progress' } as Record<string, string>;
    expect(preview.problems.filter((x) => x.field === 'status')).toEqual([]);
    const tasks = tasksOfTable(await call('wbs.rows', { projectId })) as unknown as { id: number; name: string; status: string }[];
    expect(tasks.map((t) => t.status)).toEqual(words.map((w) => want[w]));
    // The first task (under way) is finished here: the export writes the client's word for done.
    await call('wbs.update', { id: tasks[0]!.id, patch: { status: 'done' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const sheet = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!;
    const status = (r: number) => String(sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === 4)?.v ?? '');
    expect([1, 2, 3, 4, 5].map(status)).toEqual([doneWord, ...words.slice(1)]);
  });
});
