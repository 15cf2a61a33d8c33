// A column whose header the product does not know, holding a small closed set of a list field's words
// (blind set 16, I1: a change log's 審議結果 of 可決 / 否決 / 継続審議 — exactly its validation list's words —
// kept silently while the decision stayed empty on every change): offered the free list field its words
// are read by, and asked about. Generated variants: registers, list fields, word sets in Japanese and
// English, header words no register knows, with and without a validation list; a validation list alone
// (a blank template's or a column the records use one word of) closes the set too.
import { describe, expect, it } from 'vitest';
import { columnChoices, columnDoubts, columnFits } from '../../electron/core/excel/import/doubts.js';
import { defaultVocabularies, detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { columnLabel } from '../../electron/core/excel/import/header-rows.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { rng } from '../helpers/synthetic-tables.js';

const TODAY = '2025-06-15';
type Lang = 'ja' | 'en';
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Each register's columns a person reads at once, by language. */
const KNOWN: Partial<Record<ImportTarget, Record<Lang, [string, (i: number) => ModelCell][]>>> = {
  change: {
    ja: [['変更番号', (i) => `CR-${i + 1}`], ['件名', (i) => `画面${i + 1}の項目追加`], ['依頼日', (i) => new Date(Date.UTC(2025, 3, 1 + i))], ['依頼者', (i) => ['佐藤 一郎', '鈴木 花子'][i % 2]!]],
    en: [['CR #', (i) => `CR-${i + 1}`], ['Title', (i) => `Add field ${i + 1} to the order screen`], ['Requested On', (i) => new Date(Date.UTC(2025, 3, 1 + i))], ['Requested By', (i) => ['Priya Shah', 'Tom Hughes'][i % 2]!]],
  },
  risk: {
    ja: [['No.', (i) => i + 1], ['リスク', (i) => `外部APIの仕様変更（${i + 1}）`], ['発生確率', (i) => 1 + (i % 5)], ['影響度', (i) => 1 + ((i + 2) % 5)]],
    en: [['No.', (i) => i + 1], ['Risk', (i) => `Vendor may be late (${i + 1})`], ['Probability', (i) => 1 + (i % 5)], ['Impact', (i) => 1 + ((i + 2) % 5)]],
  },
  issue: {
    ja: [['管理番号', (i) => `I-${i + 1}`], ['課題', (i) => `帳票${i + 1}の出力が遅い`], ['起票日', (i) => new Date(Date.UTC(2025, 3, 1 + i))], ['期限', (i) => new Date(Date.UTC(2025, 6, 1 + i))]],
    en: [['Ref', (i) => `I-${i + 1}`], ['Issue', (i) => `Report ${i + 1} runs slowly`], ['Date Raised', (i) => new Date(Date.UTC(2025, 3, 1 + i))], ['Due Date', (i) => new Date(Date.UTC(2025, 6, 1 + i))]],
  },
};

/**
 * A list column the register has no header word for: the field, and the client's word sets for it — each
 * with one word of the client's own that no list reads (可決, Tabled, 静観, Parked) beside words the list
 * reads, as a real client's list mixes them (the words a list reads are ours; which words a client adds is not).
 */
const LISTS: { target: ImportTarget; field: string; words: Record<Lang, string[][]> }[] = [
  { target: 'change', field: 'decision', words: { ja: [['可決', '否決', '継続審議'], ['承認', '差戻し', '再審議'], ['決裁済', '却下', '保留']], en: [['Approved', 'Denied', 'Tabled'], ['Go', 'No go', 'Revisit'], ['Approved with changes', 'Approved', 'Declined', 'Deferred']] } },
  { target: 'change', field: 'implStatus', words: { ja: [['未実施', '実施中', '実施済', '凍結'], ['未着手', '実施中', '完了', '凍結']], en: [['Not started', 'In progress', 'Done', 'Parked'], ['To do', 'Doing', 'Done', 'Shelved']] } },
  { target: 'risk', field: 'strategy', words: { ja: [['回避', '軽減', '受容', '静観'], ['回避', '低減', '保有', '様子見']], en: [['Avoid', 'Mitigate', 'Accept', 'Escalate'], ['Avoid', 'Transfer', 'Reduce', 'Exploit']] } },
  { target: 'risk', field: 'status', words: { ja: [['起票', '対策中', '要観察', 'クローズ'], ['監視中', '対応中', '休眠', 'クローズ']], en: [['New', 'Active', 'Dormant', 'Closed'], ['Open', 'Monitoring', 'Parked', 'Closed']] } },
  { target: 'issue', field: 'priority', words: { ja: [['至急', '高', '中', '様子見'], ['高', '中', '低', '後回し']], en: [['Urgent', 'High', 'Normal', 'Someday'], ['High', 'Medium', 'Low', 'Someday']] } },
];

/** Header words no register names (each a real client's kind of word, none the synonyms hold). */
const HEADS: Record<Lang, string[]> = { ja: ['扱い', '取扱い', '結末', '仕分け', '見立て'], en: ['Board Outcome', 'Verdict', 'Ruling', 'Disposition Code', 'Handling'] };

interface Variant {
  seed: number;
  target: ImportTarget;
  field: string;
  lang: Lang;
  head: string;
  words: string[];
  /** The column carries its words as a list validation. */
  validated: boolean;
  /** How many records: few, where a validation list alone closes the set. */
  records: number;
}

function variant(seed: number): Variant {
  const r = rng(seed * 7919 + 13);
  const list = LISTS[seed % LISTS.length]!;
  const lang: Lang = Math.floor(seed / LISTS.length) % 2 === 0 ? 'ja' : 'en';
  const validated = r() < 0.5;
  return { seed, target: list.target, field: list.field, lang, head: pick(r, HEADS[lang]), words: pick(r, list.words[lang]), validated, records: 6 + Math.floor(r() * 4) };
}

/** The register with the column under `head` at a place drawn from the seed; what the import offers and asks for it. */
function read(v: Variant, cells: (i: number) => ModelCell = (i) => v.words[i % v.words.length]!, list: string[] | null = v.validated ? v.words : null) {
  const r = rng(v.seed);
  const cols = [...KNOWN[v.target]![v.lang]];
  const at = 1 + Math.floor(r() * cols.length);
  cols.splice(at, 0, [v.head, cells]);
  const top = r() < 0.5 ? 0 : 2;
  const rows: ModelCell[][] = [...(top ? [[v.lang === 'ja' ? '管理表' : 'Register'], []] : []), cols.map(([h]) => h), ...Array.from({ length: v.records }, (_, i) => cols.map(([, f]) => f(i)))];
  const m = model(sheet('Sheet1', rows));
  const column = columnLabel(at, 1);
  if (list) m.sheets[0]!.lists = [{ sqref: `${column}${top + 2}:${column}200`, formula: `"${list.join(',')}"` }];
  const d = detectLayout(m, v.target, { reference: TODAY });
  if (!d.ok) throw new Error(d.reason);
  const t = readTable(m, d.layout, { today: TODAY });
  const mapped = t.columns.find((c) => c.column === column);
  const fits = columnFits(v.target, m, t, { vocab: defaultVocabularies(), today: TODAY });
  return { field: mapped?.field ?? null, offered: columnChoices(fits).get(column) ?? [], asked: columnDoubts(fits).some((w) => w.code === 'columnFits' && w.column === column) };
}

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('a closed set of a list field’s words under a header no register knows', () => {
  it.each(SEEDS)('seed %i: offered the free list field its words are, first, and asked', (seed) => {
    const v = variant(seed);
    const got = read(v);
    const at = `${v.target}.${v.field} ${v.lang} "${v.head}" ${v.words.join('/')}${v.validated ? ' (validated)' : ''}`;
    if (got.field === v.field) return;
    expect(got.field, at).toBeNull();
    expect(got.offered[0], at).toBe(v.field);
    expect(got.asked, at).toBe(true);
  });

  it.each(SEEDS.filter((s) => variant(s).validated))('seed %i: a validation list gives the set where the records use one word of it', (seed) => {
    const v = variant(seed);
    const got = read(v, () => v.words[0]!);
    const at = `${v.target}.${v.field} ${v.lang} "${v.head}" ${v.words.join('/')}`;
    // (Read as the field by its list's words — mapping.ts — is as good: the set said the field.)
    if (got.field === v.field) return;
    expect(got.field, at).toBeNull();
    expect(got.offered[0], at).toBe(v.field);
    expect(got.asked, at).toBe(true);
  });

  it.each(SEEDS.filter((s) => variant(s).validated))('seed %i: a blank template’s column: its validation list alone says the field', (seed) => {
    const v = { ...variant(seed), records: 0 };
    const got = read(v);
    const at = `${v.target}.${v.field} ${v.lang} "${v.head}" ${v.words.join('/')}`;
    if (got.field === v.field) return;
    expect(got.field, at).toBeNull();
    expect(got.offered[0], at).toBe(v.field);
    expect(got.asked, at).toBe(true);
  });

  it('a field another column fills is not offered (the decision named, another column of decision words)', () => {
    const v = { ...variant(1), target: 'change' as const, field: 'decision', lang: 'en' as const, head: 'Verdict', words: ['Approved', 'Denied', 'Deferred'] };
    const base = KNOWN.change!.en;
    KNOWN.change!.en = [...base, ['Decision', (i) => ['Approved', 'Rejected'][i % 2]!]];
    try {
      expect(read(v).offered).not.toContain('decision');
    } finally {
      KNOWN.change!.en = base;
    }
  });

  it.each<[string, string[]]>([
    ['ECUs of a validation list', ['BCM', 'ECM', 'TCU', 'ADAS']],
    ['places', ['東京', '大阪', '名古屋']],
    ['teams', ['Platform', 'Payments', 'Mobile']],
  ])('words of no list (%s) are offered no list field, validated or not', (_, words) => {
    for (const validated of [true, false]) {
      const v = { ...variant(1), head: 'Handling', words, validated };
      const got = read(v);
      expect(got.offered.filter((f) => ['decision', 'implStatus'].includes(f))).toEqual([]);
      expect(got.asked).toBe(false);
    }
  });
});
