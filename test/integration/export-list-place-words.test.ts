// A list value set through the API is exported as the client's own word that import read for it from its place
// or its pair (blind set 19, I7: setting approved or ng found no client word — noClientWord — where the list's
// Endorsed and 不適 had been kept as new items): the word between two read words of the validation list (an
// invented word no table has, used by no record) is written for the one item between them, and the negation
// of a pass word is written for the fail; both import back as the same item. Generated: registers, languages,
// invented words, real import → update → excel.export → import again.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { prng } from '../fixtures/excel/hostile.js';

const { call } = fileWorkspace();

type Lang = 'ja' | 'en';
const SYL: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu'] };
const invented = (r: () => number, lang: Lang) => {
  const w = Array.from({ length: 4 }, () => SYL[lang][Math.floor(r() * SYL[lang].length)]!).join('');
  return lang === 'en' ? w[0]!.toUpperCase() + w.slice(1) : w;
};

/** Registers whose list has one item between two words of the client's list, and those words. */
const BETWEEN: { register: 'lesson' | 'issue' | 'deliverable'; head: Record<Lang, string[]>; ends: Record<Lang, [string[], string[]]>; item: string }[] = [
  { register: 'lesson', head: { ja: ['No.', '教訓', '登録日', '状態'], en: ['Ref', 'Lesson', 'Logged', 'Status'] }, ends: { ja: [['起票'], ['展開済']], en: [['Draft'], ['Shared']] }, item: 'approved' },
  { register: 'issue', head: { ja: ['No.', '課題', '期限', '対応状況'], en: ['Ref', 'Issue', 'Due', 'State'] }, ends: { ja: [['未対応'], ['完了', '保留']], en: [['New'], ['Closed', 'On hold']] }, item: 'in_progress' },
  { register: 'deliverable', head: { ja: ['No.', '成果物名', '期限', 'ステータス'], en: ['Ref', 'Deliverable', 'Due', 'Status'] }, ends: { ja: [['未着手', '作成中', '提出済'], ['承認済']], en: [['Not started', 'In progress', 'In review'], ['Approved']] }, item: 'returned' },
];

async function listWorkbook(head: string[], rows: (string | number | Date)[][], col: number, list: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(head);
  rows.forEach((row) => ws.addRow(row));
  for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cell of record `k` (0-based, under the header row) in column `col` (1-based), as exported. */
const cellAt = (bytes: Buffer, k: number, col: number) => readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!.rows.find((r) => r.r === k + 1)?.cells.find((x) => x.c === col - 1)?.v;

describe('the word between two read words of the client’s list, written for the item between them', () => {
  it.each([1, 2, 3, 4, 5, 6].map((s) => [s]))('seed %i', async (seed) => {
    const r = prng(seed * 7001 + 3);
    const c = BETWEEN[seed % BETWEEN.length]!;
    const lang: Lang = r() < 0.5 ? 'ja' : 'en';
    const word = invented(r, lang);
    const [before, after] = c.ends[lang];
    const list = [...before, word, ...after];
    // Records use the ends only: the middle word is the list's alone.
    const used = [before[0]!, after[0]!, before[0]!, after[0]!];
    const bytes = await listWorkbook(c.head[lang], used.map((w, i) => [i + 1, lang === 'ja' ? `件名その${i + 1}の取り扱いについて` : `Item number ${i + 1} of the log`, new Date(Date.UTC(2026, 4, 2 + i)), w]), 4, list);
    const at = `${c.register} ${lang}: ${list.join(' / ')}`;
    const { projectId, profileId } = await importWithProfile(call, bytes, `between-${seed}`, c.register);
    const records = (await call(`${c.register}.list` as 'issue.list', { projectId })) as unknown as { id: number }[];
    await call(`${c.register}.update` as 'issue.update', { id: records[0]!.id, patch: { status: c.item } } as never);
    const out = Buffer.from((await call('excel.export', { projectId, register: c.register, profileId })).dataBase64, 'base64');
    expect(cellAt(out, 0, 4), at).toBe(word);
    const { id: again } = await call('project.create', { name: `between-again-${seed}` });
    const p = await call('excel.previewImport', { projectId: again, register: c.register, fileName: 'x.xlsx', dataBase64: out.toString('base64') });
    expect(p.rows[0]!.values?.status, at).toBe(c.item);
  });
});

describe('a pass word’s negation, written for the fail', () => {
  const PAIRS: Record<Lang, [string, string][]> = { ja: [['合', '不合'], ['整', '不整'], ['備', '未備']], en: [['Fit', 'Unfit'], ['Sound', 'Unsound'], ['Ready', 'Not ready']] };
  it.each([1, 2, 3, 4].map((s) => [s]))('seed %i', async (seed) => {
    const r = prng(seed * 3301 + 7);
    const lang: Lang = r() < 0.5 ? 'ja' : 'en';
    const [pass, fail] = PAIRS[lang][Math.floor(r() * PAIRS[lang].length)]!;
    const na = lang === 'ja' ? '非該当' : 'N/A';
    const head = lang === 'ja' ? ['No.', '点検項目', '確認方法', '判定'] : ['Ref', 'Check item', 'Method', 'Result'];
    const items = lang === 'ja' ? ['端末の起動', '帳票の印字', '電源二重化', '回線切替', '権限設定'] : ['Terminal boots', 'Forms print', 'Dual power', 'Line failover', 'Access rights'];
    const results = [pass, fail, pass, pass, na];
    const bytes = await listWorkbook(head, items.map((t, i) => [i + 1, t, lang === 'ja' ? '目視' : 'Visual', results[i]!]), 4, [pass, fail, na]);
    const at = `${lang}: ${pass} / ${fail}`;
    const { projectId, profileId } = await importWithProfile(call, bytes, `pair-${seed}`, 'checklist');
    const rows = await call('checklist.list', { projectId });
    expect(rows.map((x) => x.result), at).toEqual(['ok', 'ng', 'ok', 'ok', 'na']);
    await call('checklist.update', { id: rows[0]!.id, patch: { result: 'ng' } });
    await call('checklist.update', { id: rows[1]!.id, patch: { result: 'ok' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'checklist', profileId })).dataBase64, 'base64');
    expect([cellAt(out, 0, 4), cellAt(out, 1, 4)], at).toEqual([fail, pass]);
  });
});
