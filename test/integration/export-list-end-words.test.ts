// The export writes a status in the client's own word and that word imports back as the same status (blind set
// 18, I5: 受理, the closing word of a drawing register's validation list, was read as not begun while the export
// wrote it for approved, and 取下げ, a side state last on a defect list, was written for closed). Generated:
// registers with a validation list whose closing word no table reads (or reads by its meaning), a side state
// after it, and a record moved to the closing item through the API, exported into the client's workbook and
// imported again.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { prng } from '../fixtures/excel/hostile.js';

const { call } = fileWorkspace();

type Lang = 'ja' | 'en';
const CASES: { register: 'deliverable' | 'issue' | 'finding'; head: Record<Lang, string[]>; working: Record<Lang, string>; closing: string; side: Record<Lang, string[]> }[] = [
  { register: 'deliverable', head: { ja: ['No.', '成果物名', '期限', '状態'], en: ['Ref', 'Deliverable', 'Due', 'Status'] }, working: { ja: '作成中', en: 'In progress' }, closing: 'approved', side: { ja: ['保留', '取り止め'], en: ['On hold', 'Withdrawn'] } },
  { register: 'issue', head: { ja: ['No.', '課題', '期限', '状態'], en: ['Ref', 'Issue', 'Due', 'Status'] }, working: { ja: '対応中', en: 'In progress' }, closing: 'done', side: { ja: ['保', '中止'], en: ['Hold', 'Voided'] } },
  { register: 'finding', head: { ja: ['No.', '指摘事項', '期限', '状態'], en: ['Ref', 'Finding', 'Due', 'Status'] }, working: { ja: '是正中', en: 'In progress' }, closing: 'verified', side: { ja: ['保留'], en: ['On hold'] } },
];
const SYL: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu'] };
const MEANING: Record<Lang, string[]> = { ja: ['受領', '検収', '受理済'], en: ['Accepted'] };

async function workbook(seed: number) {
  const r = prng(seed * 31337);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const c = pick(CASES);
  const lang: Lang = r() < 0.5 ? 'ja' : 'en';
  const invent = () => {
    const w = Array.from({ length: 4 }, () => pick(SYL[lang])).join('');
    return lang === 'en' ? w[0]!.toUpperCase() + w.slice(1) : w;
  };
  // The closing word: invented (its place says it closes) or one that closes by its meaning (a deliverable's acceptance).
  const closing = c.register === 'deliverable' && r() < 0.5 ? pick(MEANING[lang]) : invent();
  const first = invent();
  const list = [first, c.working[lang], closing, ...c.side[lang].filter(() => r() < 0.7)];
  const used = [first, c.working[lang], first, c.working[lang]];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(c.head[lang]);
  used.forEach((w, i) => ws.addRow([i + 1, lang === 'ja' ? `件名その${i + 1}の取り扱いについて` : `Item number ${i + 1} of the log`, new Date(Date.UTC(2026, 4, 2 + i)), w]));
  for (let row = 2; row <= used.length + 1; row++) ws.getCell(row, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`] };
  return { c, lang, list, closing, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe('a status set through the API, exported in the client’s word and read back', () => {
  it.each([1, 2, 3, 4, 5, 6].map((s) => [s]))('seed %i', async (seed) => {
    const w = await workbook(seed);
    const at = `${w.c.register} ${w.lang}: ${w.list.join(' / ')}`;
    const { projectId, profileId } = await importWithProfile(call, w.bytes, `close-${seed}`, w.c.register);
    const records = (await call(`${w.c.register}.list` as 'issue.list', { projectId })) as unknown as { id: number }[];
    await call(`${w.c.register}.update` as 'issue.update', { id: records[1]!.id, patch: { status: w.c.closing } } as never);
    const out = Buffer.from((await call('excel.export', { projectId, register: w.c.register, profileId })).dataBase64, 'base64');
    const written = readWorkbookBytes(out, 'x.xlsx').sheets[0]!.rows.find((r) => r.r === 2)?.cells.find((x) => x.c === 3)?.v;
    expect(written, at).toBe(w.closing);
    // Read back: the closing word is the closing item again.
    const { id: again } = await call('project.create', { name: `again-${seed}` });
    const p = await call('excel.previewImport', { projectId: again, register: w.c.register, fileName: 'x.xlsx', dataBase64: out.toString('base64') });
    expect(p.rows[1]!.values?.status, at).toBe(w.c.closing);
  });
});
