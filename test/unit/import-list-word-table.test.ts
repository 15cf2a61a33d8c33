// A status column's words and our codes, both ways, from one table (value-map.ts: import writes it, export reads
// it through listWordFor): every word of the client's list is read as the item a person reads — a word's own
// meaning first (受領, 検収, Accepted close a record; 保, Hold hold it; Voided, 取り止め drop it; Unresolved is
// open), then its place in the client's list along the record's way (the first word opens, the last word that
// is no side state closes, work under way after a check is the work sent back) — and the word an export writes
// for that item is the same word (blind set 18, I5: 受理, the last word of a drawing register's list, was read as
// not begun while the export wrote it for approved; 取下げ, a list's last word, was written for closed).
// Generated registers: invented words (no table has them) and meaning words, Japanese and English, lists of 3 to
// 7 words with side states at either end or inside, the status column at several places, with and without a
// validation list.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { listWordFor, mappedCode } from '../../electron/core/excel/import/value-map.js';
import { DEFAULT_VOCABULARIES as VOCAB, type VocabListName } from '../../electron/common/registers.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { prng } from '../fixtures/excel/hostile.js';
import { ClientValues } from '../../electron/core/excel/import/client-values.js';
import { defaultVocabularies } from '../../electron/core/excel/import/detect.js';
import { fieldSpec } from '../../electron/common/excel/fields.js';

type Lang = 'ja' | 'en';
interface Register {
  target: ImportTarget;
  field: string;
  list: VocabListName;
  name: Record<Lang, string>;
  status: Record<Lang, string[]>;
  /** Items along the record's way, first to closing (their labels are the middle words). */
  way: string[];
  /** The item a word that closes by its meaning stands for (the record's done stage: a lesson's approved, before it is shared). */
  accepted: string;
  held: string | null;
  dropped: string | null;
  back: string | null;
}
const REGISTERS: Register[] = [
  { target: 'issue', field: 'status', list: 'issue.status', name: { ja: '件名', en: 'Title' }, status: { ja: ['状態', '対応状況'], en: ['Status', 'State'] }, way: ['not_started', 'in_progress', 'done'], accepted: 'done', held: 'on_hold', dropped: 'cancelled', back: null },
  { target: 'risk', field: 'status', list: 'risk.status', name: { ja: 'リスク名', en: 'Risk Title' }, status: { ja: ['状態', 'ステータス'], en: ['Status', 'Risk Status'] }, way: ['open', 'in_progress', 'closed'], accepted: 'closed', held: null, dropped: null, back: null },
  { target: 'finding', field: 'status', list: 'finding.status', name: { ja: '指摘事項', en: 'Finding' }, status: { ja: ['状態', '是正状況'], en: ['Status', 'Finding Status'] }, way: ['open', 'in_progress', 'corrected', 'verified'], accepted: 'verified', held: null, dropped: null, back: null },
  { target: 'deliverable', field: 'status', list: 'deliverable.status', name: { ja: '成果物名', en: 'Deliverable' }, status: { ja: ['状態', 'ステータス'], en: ['Status', 'State'] }, way: ['not_started', 'in_progress', 'in_review', 'approved'], accepted: 'approved', held: null, dropped: null, back: 'returned' },
  { target: 'lesson', field: 'status', list: 'lesson.status', name: { ja: '教訓', en: 'Lesson' }, status: { ja: ['状態', 'ステータス'], en: ['Status', 'State'] }, way: ['draft', 'approved', 'shared'], accepted: 'approved', held: null, dropped: null, back: null },
];

// Words no table reads, made of syllables that carry no stage affix (未 前 中 済 待ち, -ing, -ed, in/for …).
const SYLLABLES: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ', 'ミ', 'ラ', 'セ', 'ケ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu', 'ri', 'sa', 'bo', 'fe'] };
// Words whose own meaning says their stage, whatever their place.
const CLOSING: Record<Lang, string[]> = { ja: ['受領', '検収', '受理済', '受領済', '検収完了'], en: ['Accepted', 'Accepted by owner'] };
const OPENING: Record<Lang, string[]> = { ja: ['新規', '未対応', '起票'], en: ['Unresolved', 'Not begun', 'Not commenced', 'Outstanding'] };
const HELD: Record<Lang, string[]> = { ja: ['保', '保留', '一時停止', '保留中'], en: ['Hold', 'On hold', 'Paused'] };
const DROPPED: Record<Lang, string[]> = { ja: ['取り止め', '取下げ', '中止'], en: ['Voided', 'Withdrawn', 'Called off'] };
// Work under way and its check, as a document's life names them after the first draft.
const CHECK: Record<Lang, string[]> = { ja: ['照査中', '検図中', '確認中'], en: ['In Review', 'Under Review', 'In Checking'] };
const REWORK: Record<Lang, string[]> = { ja: ['修正中', '手直し中'], en: ['Revising', 'Reworking'] };

interface Case {
  reg: Register;
  lang: Lang;
  validation: boolean;
  list: string[];
  /** Word → the code a person reads (null: the client's own new item). */
  expect: Map<string, string | null>;
  used: string[];
  at: number;
  extra: number;
}

function makeCase(seed: number): Case {
  const r = prng(seed * 7919 + 13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const reg = pick(REGISTERS);
  const lang: Lang = r() < 0.5 ? 'ja' : 'en';
  const validation = r() < 0.7;
  const invent = () => {
    const n = 3 + Math.floor(r() * 2);
    const w = Array.from({ length: n }, () => pick(SYLLABLES[lang])).join('');
    return lang === 'en' ? w[0]!.toUpperCase() + w.slice(1) : w;
  };
  const items = VOCAB[reg.list]!;
  const label = (code: string) => {
    const i = items.find((x) => x.code === code)!;
    return lang === 'ja' ? i.labelJa : i.labelEn;
  };
  const expect = new Map<string, string | null>();
  // Opening: invented (its place says it opens, only with a list) or a word that opens by meaning.
  // (Without a list, one invented word at most: a column of words no one can read is not known as the status.)
  const first = r() < 0.5 ? invent() : pick(OPENING[lang]);
  expect.set(first, validation || OPENING[lang].includes(first) ? reg.way[0]! : null);
  const middle = reg.way.slice(1, -1).filter((c) => r() < 0.8 && (validation || expect.get(first) !== null || c !== reg.accepted));
  for (const c of middle) expect.set(label(c), c);
  const way = [first, ...middle.map(label)];
  // A document's check and rework (deliverable): a check word after the work, then the work again.
  if (reg.back && r() < 0.6) {
    const check = pick(CHECK[lang]);
    const rework = pick(REWORK[lang]);
    way.push(check, rework);
    expect.set(check, 'in_review');
    // (Without the client's order, work under way after a check cannot be told from the first work.)
    expect.set(rework, validation ? reg.back : undefined as never);
  }
  // (A word closing by its meaning only where no middle word is already that item: two words of one item are
  // spread over the list's items in the client's order, stage-order.ts.)
  const closingWord = (r() < 0.5 && (validation || expect.get(first) !== null)) || middle.includes(reg.accepted) ? invent() : pick(CLOSING[lang]);
  expect.set(closingWord, CLOSING[lang].includes(closingWord) ? reg.accepted : validation ? reg.way[reg.way.length - 1]! : null);
  way.push(closingWord);
  // Side states, anywhere after the opening word, most often last (one at most where the register has no item
  // for either, so that most of the column's words are still the register's).
  const list = [...way];
  let others = 0;
  for (const [pool, code] of [[HELD, reg.held], [DROPPED, reg.dropped]] as const) {
    if (r() < 0.4 || (code === null && others++ > 0)) continue;
    const w = pick(pool[lang]);
    const at = r() < 0.7 ? list.length : 1 + Math.floor(r() * (list.length - 1));
    list.splice(at, 0, w);
    expect.set(w, code);
  }
  // Every word used by a record, one of the middle ones left to the list alone now and then (it still reads both ways).
  const unused = validation && middle.length > 0 && r() < 0.3 ? label(middle[0]!) : null;
  const used = list.filter((w) => w !== unused).flatMap((w) => (r() < 0.4 ? [w, w] : [w]));
  return { reg, lang, validation, list, expect, used, at: Math.floor(r() * 3), extra: Math.floor(r() * 2) };
}

function read(c: Case) {
  const head = [c.lang === 'ja' ? 'No.' : 'Ref', c.reg.name[c.lang], c.lang === 'ja' ? '起票日' : 'Raised'];
  const statusHead = c.reg.status[c.lang][c.at % c.reg.status[c.lang].length]!;
  // The status column at the end or before a notes column, after 0–2 more columns.
  const cols = [...head];
  const extra = c.extra ? [c.lang === 'ja' ? '備考' : 'Remarks'] : [];
  const statusAt = cols.length;
  const rows: ModelCell[][] = c.used.map((w, i) => [i + 1, c.lang === 'ja' ? `案件その${i + 1}の件について` : `Item number ${i + 1} of the log`, new Date(Date.UTC(2025, 3, 2 + i)), w, ...extra.map(() => 'x')]);
  const s = sheet('Sheet1', [[...cols, statusHead, ...extra], ...rows]);
  const col = String.fromCharCode(65 + statusAt);
  const lists = c.validation ? [{ sqref: `${col}2:${col}${rows.length + 20}`, formula: `"${c.list.join(',')}"` }] : [];
  const a = analyzeWorkbook(model({ ...s, lists }), c.reg.target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const m = a.table.columns.find((x) => x.label === statusHead);
  return { field: m?.field ?? null, values: a.table.records.map((x) => x.values[c.reg.field] as string | null), map: a.table.valueMaps[c.reg.field] };
}

const CASES = Array.from({ length: 60 }, (_, k) => makeCase(k + 1));
const describeCase = (c: Case) => `${c.reg.target} ${c.lang} ${c.validation ? 'validation' : 'no list'}: ${c.list.join(' / ')}`;

describe('a status column’s words, read and written back through one table', () => {
  it.each(CASES.map((c) => [describeCase(c), c]))('%s', (_d, c) => {
    const { reg, lang } = c as Case;
    const got = read(c as Case);
    expect(got.field).toBe(reg.field);
    const items = VOCAB[reg.list]!;
    const closing = reg.way[reg.way.length - 1]!;
    // Each word read as a person reads it.
    (c as Case).used.forEach((w, i) => {
      const want = (c as Case).expect.get(w);
      if (want === undefined) return;
      if (want === null) expect(items.some((x) => x.code === got.values[i]), `${w} is the client's own`).toBe(false);
      else expect(got.values[i], w).toBe(want);
      // A side state is never the closing item, wherever the list puts it.
      if ([...HELD[lang], ...DROPPED[lang]].includes(w)) expect(got.values[i], w).not.toBe(closing);
    });
    // Every word the table reads is the word written back for its code (or, where two words share a code,
    // a word that reads back as that code).
    const map = got.map!;
    for (const w of (c as Case).list) {
      const code = mappedCode(map, w);
      if (code === null) continue;
      const written = listWordFor(map, items, code, lang);
      expect(written, `${w} → ${code} → ${written}`).not.toBeNull();
      expect(mappedCode(map, written!), `${w} → ${code} → ${written}`).toBe(code);
      const sharing = (c as Case).list.filter((x) => mappedCode(map, x) === code);
      if (sharing.length === 1) expect(written, `${w} → ${code}`).toBe(w);
    }
    // Every word a record used is in the table.
    for (const w of (c as Case).used) expect(mappedCode(map, w), w).not.toBeNull();
  });
});

describe('a word whose reading changes after its list placed it', () => {
  // The user reads the list's last word as another item than its place gave (the dialog's choice): the word is
  // then written for that item only, never for the closing item it no longer reads as.
  it.each([1, 2, 3, 4, 5, 6].map((seed) => [seed]))('seed %i', (seed) => {
    const c = makeCase(seed + 100);
    const items = VOCAB[c.reg.list]!;
    const list = [...c.list.filter((w) => c.expect.get(w) !== c.reg.way[c.reg.way.length - 1])];
    const last = c.lang === 'ja' ? 'ナホミラ' : 'Nahomira';
    list.push(last);
    const spec = fieldSpec(c.reg.target, c.reg.field)!;
    const other = c.reg.way[1]!;
    const values = new ClientValues(defaultVocabularies(), undefined, { [c.reg.field]: { [last]: other } });
    values.clientList(c.reg.field, spec, list);
    expect(values.valueMaps()[c.reg.field]!.words[last]).toBe(c.reg.way[c.reg.way.length - 1]);
    values.readList(c.reg.field, spec, last, 5);
    const map = values.valueMaps()[c.reg.field]!;
    const closing = listWordFor(map, items, c.reg.way[c.reg.way.length - 1]!, c.lang);
    expect(closing).not.toBe(last);
    if (closing !== null) expect(mappedCode(map, closing)).toBe(c.reg.way[c.reg.way.length - 1]);
    expect(mappedCode(map, listWordFor(map, items, other, c.lang)!)).toBe(other);
  });
});
