// A list word read as a person reads it from what the workbook itself says (issue 11; blind set 19, I7), on
// generated registers (invented words no table has, Japanese and English, the column at several places):
// - a legend the sheet writes for a WBS status of marks (`○：未着手　◐：作業中　●：完了　▲：保留`, under or
//   beside the table) is read before any guess from a mark's shape, whichever marks stand for which status;
// - a word between two words of the client's validation list that read as items takes the one free item
//   between them (Draft / Endorsed / Published: approved; 作成前 … 提出済 / 返却 / 承認済: returned), and is
//   left to the user where there are two free items there;
// - a word and its own negation on a pass/fail list (合 / 不合, Fit / Unfit) are the pass and the fail;
// and every word so read is the word an export writes for its code (value-map.ts listWordFor).
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { listWordFor, mappedCode } from '../../electron/core/excel/import/value-map.js';
import { DEFAULT_VOCABULARIES as VOCAB, type VocabListName } from '../../electron/common/registers.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { prng } from '../fixtures/excel/hostile.js';

type Lang = 'ja' | 'en';
const d = (k: number) => new Date(Date.UTC(2026, 3, 1 + k));

// Words no table reads (no stage affix: 未 前 中 済 待ち, -ing, -ed …).
const SYLLABLES: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ', 'ミ', 'ラ', 'セ', 'ケ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu', 'ri', 'sa', 'bo', 'fe'] };
function inventor(r: () => number, lang: Lang) {
  const seen = new Set<string>();
  return (): string => {
    for (;;) {
      const n = 3 + Math.floor(r() * 2);
      let w = Array.from({ length: n }, () => SYLLABLES[lang][Math.floor(r() * SYLLABLES[lang].length)]!).join('');
      if (lang === 'en') w = w[0]!.toUpperCase() + w.slice(1);
      if (!seen.has(w)) {
        seen.add(w);
        return w;
      }
    }
  };
}
const pickOf = (r: () => number) => <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffled<T>(r: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('a WBS status of marks read through the legend the sheet writes', () => {
  // (Marks a status column is known by without its legend: a column of marks only its legend explains is
  // not yet taken as the status — left open, see the report.)
  const MARKS = ['○', '◐', '●', '▲', '△', '◎', '×'];
  const WORDS: Record<Lang, Record<string, string[]>> = {
    ja: { not_started: ['未着手', '着手前', '未実施'], in_progress: ['作業中', '実施中', '進行中'], done: ['完了', '済', '終了'], on_hold: ['保留', '中断', '一時停止'], cancelled: ['中止', '取りやめ'] },
    en: { not_started: ['Not started', 'Not yet started'], in_progress: ['In progress', 'Working', 'Under way'], done: ['Done', 'Complete', 'Finished'], on_hold: ['On hold', 'Paused', 'Suspended'], cancelled: ['Cancelled', 'Dropped'] },
  };
  const SEPARATORS = ['：', ':', '=', '＝', ' '];
  const cases = Array.from({ length: 24 }, (_, k) => {
    const r = prng(k * 4099 + 7);
    const pick = pickOf(r);
    const lang: Lang = r() < 0.5 ? 'ja' : 'en';
    const statuses = shuffled(r, ['not_started', 'in_progress', 'done', 'on_hold', 'cancelled']).slice(0, 3 + Math.floor(r() * 3));
    // Marks given to statuses at random, so a mark's shape says nothing of its status.
    const marks = shuffled(r, MARKS).slice(0, statuses.length);
    const sep = pick(SEPARATORS);
    // A space separates only a mark from its word (a mark is no word).
    const legend = statuses.map((st, i) => `${marks[i]}${sep}${pick(WORDS[lang][st]!)}`).join(r() < 0.5 ? '　' : '、');
    const title = lang === 'ja' ? pick(['進捗', '状況', '凡例']) : pick(['Status', 'Key', 'Legend']);
    const under = r() < 0.6;
    return { k, lang, statuses, marks, line: `${title}${lang === 'ja' ? '　' : ': '}${legend}`, under, statusAt: Math.floor(r() * 2) };
  });
  it.each(cases.map((c) => [`${c.lang} ${c.under ? 'under' : 'beside'}: ${c.line}`, c]))('%s', (_n, c) => {
    const { lang, statuses, marks } = c as (typeof cases)[number];
    const tasks = lang === 'ja' ? ['現地調査', '基本設計', '詳細設計', '製作', '据付', '試運転', '検査', '引渡し'] : ['Site survey', 'Outline design', 'Detail design', 'Fabrication', 'Installation', 'Commissioning', 'Inspection', 'Handover'];
    const head = lang === 'ja' ? ['No.', '作業名', '担当', '開始日', '終了日', c.statusAt ? '状況' : 'ステータス'] : ['No.', 'Task', 'Owner', 'Start', 'Finish', c.statusAt ? 'Status' : 'State'];
    // Every status used by a task, then the rest at random.
    const used = tasks.map((_, i) => (i < statuses.length ? i : (i * 7 + c.k) % statuses.length));
    const rows: ModelCell[][] = [[lang === 'ja' ? '改修工程表' : 'Refit programme'], [], head];
    tasks.forEach((t, i) => {
      const base: ModelCell[] = [i + 1, t, lang === 'ja' ? '佐藤' : 'Kelly', d(i * 5), d(i * 5 + 4), marks[used[i]!]!];
      rows.push(base);
    });
    if (c.under) rows.push([], [c.line]);
    else rows[0] = [rows[0]![0]!, null, null, null, null, null, null, null, c.line];
    const a = analyzeWorkbook(model(sheet('Sheet1', rows)), 'wbs', { today: '2026-06-15' });
    if (!a.ok) throw new Error(a.reason);
    const col = a.table.columns.find((m) => m.label === head[5]);
    expect(col?.field).toBe('status');
    expect(a.table.records.map((x) => x.values.status)).toEqual(used.map((i) => statuses[i]));
    // The mark is the word written back for its status.
    const map = a.table.valueMaps.status!;
    statuses.forEach((st, i) => expect(mappedCode(map, marks[i]!), marks[i]).toBe(st));
  });
});

interface Register {
  target: ImportTarget;
  field: string;
  list: VocabListName;
  name: Record<Lang, string>;
  status: Record<Lang, string>;
  /** The client's list: words reading as items by their own meaning, with one slot (null) between two. */
  lists: { words: Record<Lang, (string | null)[]>; want: string | null }[];
}
const REGISTERS: Register[] = [
  {
    target: 'lesson',
    field: 'status',
    list: 'lesson.status',
    name: { ja: '教訓', en: 'Lesson' },
    status: { ja: '状態', en: 'Status' },
    lists: [
      { words: { ja: ['下書き', null, '展開済'], en: ['Draft', null, 'Shared'] }, want: 'approved' },
      { words: { ja: ['起票', null, '周知済'], en: ['Draft', null, 'Circulated'] }, want: 'approved' },
    ],
  },
  {
    target: 'deliverable',
    field: 'status',
    list: 'deliverable.status',
    name: { ja: '成果物名', en: 'Deliverable' },
    status: { ja: 'ステータス', en: 'Status' },
    lists: [
      { words: { ja: ['未着手', '作成中', '提出済', null, '承認済'], en: ['Not started', 'In progress', 'Submitted for review', null, 'Approved'] }, want: 'returned' },
      { words: { ja: ['未着手', '作成中', 'レビュー中', null, '承認済', '中止'], en: ['Not started', 'Drafting', 'In review', null, 'Approved', 'Withdrawn'] }, want: 'returned' },
      // Two free items (in review and returned) between 作成中 and 承認済: the place alone does not say which.
      { words: { ja: ['未着手', '作成中', null, '承認済'], en: ['Not started', 'In progress', null, 'Approved'] }, want: null },
    ],
  },
  {
    target: 'issue',
    field: 'status',
    list: 'issue.status',
    name: { ja: '件名', en: 'Title' },
    status: { ja: '対応状況', en: 'State' },
    lists: [{ words: { ja: ['未対応', null, '完了', '保留'], en: ['New', null, 'Closed', 'On hold'] }, want: 'in_progress' }],
  },
  {
    target: 'finding',
    field: 'status',
    list: 'finding.status',
    name: { ja: '指摘事項', en: 'Finding' },
    status: { ja: '是正状況', en: 'Finding Status' },
    // Between open and verified stand in progress and corrected: not placed.
    lists: [{ words: { ja: ['未是正', null, '有効性確認済'], en: ['Open', null, 'Verified'] }, want: null }],
  },
];

describe('a list word between two read words of the client’s list', () => {
  const cases = Array.from({ length: 32 }, (_, k) => {
    const r = prng(k * 7919 + 3);
    const reg = REGISTERS[k % REGISTERS.length]!;
    const lang: Lang = r() < 0.5 ? 'ja' : 'en';
    const shape = reg.lists[Math.floor(r() * reg.lists.length)]!;
    const word = inventor(r, lang)();
    const list = shape.words[lang].map((w) => w ?? word);
    return { reg, lang, list, word, want: shape.want, at: Math.floor(r() * 3) };
  });
  it.each(cases.map((c) => [`${c.reg.target} ${c.lang}: ${c.list.join(' / ')}`, c]))('%s', (_n, c) => {
    const { reg, lang, list, word, want, at } = c as (typeof cases)[number];
    const extra: ModelCell[] = at === 2 ? [lang === 'ja' ? '備考' : 'Remarks'] : [];
    const head = [lang === 'ja' ? 'No.' : 'Ref', reg.name[lang], lang === 'ja' ? '担当' : 'Owner', ...(at === 1 ? [lang === 'ja' ? '起票日' : 'Raised'] : []), reg.status[lang], ...extra];
    const statusAt = head.indexOf(reg.status[lang]);
    const used = [...list, word, list[0]!];
    const rows: ModelCell[][] = [head];
    used.forEach((w, i) => {
      const row: ModelCell[] = [i + 1, lang === 'ja' ? `記録その${i + 1}について` : `Record number ${i + 1} of the log`, lang === 'ja' ? '田中' : 'Byrne'];
      if (at === 1) row.push(d(i));
      row.push(w);
      if (at === 2) row.push('x');
      rows.push(row);
    });
    const col = String.fromCharCode(65 + statusAt);
    const s = { ...sheet('Sheet1', rows), lists: [{ sqref: `${col}2:${col}${rows.length + 20}`, formula: `"${list.join(',')}"` }] };
    const a = analyzeWorkbook(model(s), reg.target, { today: '2026-06-15' });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.columns.find((m) => m.label === reg.status[lang])?.field).toBe(reg.field);
    const items = VOCAB[reg.list]!;
    const got = a.table.records.filter((x) => used[a.table.records.indexOf(x)] === word).map((x) => x.values[reg.field]);
    if (want === null) {
      for (const v of got) expect(items.some((i) => i.code === v), `${word} stays the client's own`).toBe(false);
      return;
    }
    expect(got.length).toBeGreaterThan(0);
    for (const v of got) expect(v, word).toBe(want);
    // Asked all the same (a reading by place, for the user to confirm), and written back as the client's word.
    expect(a.table.unknownValues.some((u) => u.word === word && u.code === want)).toBe(true);
    const map = a.table.valueMaps[reg.field]!;
    expect(listWordFor(map, items, want, lang)).toBe(word);
  });
});

describe('a word and its own negation on a pass / fail list', () => {
  // Pairs no word table has; the fail word is the pass word with a negation before it.
  const PAIRS: Record<Lang, [string, string][]> = {
    ja: [['合', '不合'], ['整', '不整'], ['順', '不順'], ['備', '未備'], ['整合', '非整合'], ['全', '不全'], ['具', '不具']],
    en: [['Fit', 'Unfit'], ['Sound', 'Unsound'], ['Ready', 'Not ready'], ['Acceptable', 'Unacceptable'], ['Adequate', 'Inadequate'], ['Conformant', 'Non-conformant'], ['Safe', 'Unsafe']],
  };
  const NA: Record<Lang, string[]> = { ja: ['非該当', '対象外', '該当なし', '－'], en: ['N/A', 'Not applicable', '-'] };
  const cases = Array.from({ length: 20 }, (_, k) => {
    const r = prng(k * 6151 + 11);
    const pick = pickOf(r);
    const lang: Lang = r() < 0.5 ? 'ja' : 'en';
    const [pass, fail] = pick(PAIRS[lang]);
    const na = r() < 0.6 ? pick(NA[lang]) : null;
    const validation = r() < 0.6;
    const order = r() < 0.5 ? [pass, fail] : [fail, pass];
    return { lang, pass, fail, na, validation, list: [...order, ...(na ? [na] : [])] };
  });
  it.each(cases.map((c) => [`${c.lang} ${c.validation ? 'validation' : 'cells only'}: ${c.list.join(' / ')}`, c]))('%s', (_n, c) => {
    const { lang, pass, fail, na, validation, list } = c as (typeof cases)[number];
    const head = lang === 'ja' ? ['No.', '点検項目', '確認方法', '判定', '確認者'] : ['Ref', 'Check item', 'Method', 'Result', 'Checked by'];
    const items = lang === 'ja' ? ['受付端末の起動', '帳票の印字', '電源二重化', '回線切替', '権限設定', '操作手順書', '問合せ窓口'] : ['Terminal boots', 'Forms print', 'Dual power', 'Line failover', 'Access rights', 'Runbook', 'Help desk'];
    const results = items.map((_, i) => (i % 3 === 1 ? fail : i === 5 && na ? na : pass));
    const rows: ModelCell[][] = [head, ...items.map((t, i): ModelCell[] => [i + 1, t, lang === 'ja' ? '目視' : 'Visual', results[i]!, lang === 'ja' ? '中村' : 'Walsh'])];
    const lists = validation ? [{ sqref: 'D2:D30', formula: `"${list.join(',')}"` }] : [];
    const a = analyzeWorkbook(model({ ...sheet('Sheet1', rows), lists }), 'checklist', { today: '2026-06-15' });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.columns.find((m) => m.label === head[3])?.field).toBe('result');
    // (A lone dash no list of the column's explains says "none", as an empty cell does.)
    const want = results.map((w) => (w === pass ? 'ok' : w === fail ? 'ng' : w === '-' || w === '－' ? (validation ? 'na' : undefined) : 'na'));
    expect(a.table.records.map((x) => x.values.result)).toEqual(want);
    const map = a.table.valueMaps.result!;
    expect(listWordFor(map, VOCAB['checklist.result']!, 'ok', lang)).toBe(pass);
    expect(listWordFor(map, VOCAB['checklist.result']!, 'ng', lang)).toBe(fail);
  });
});
