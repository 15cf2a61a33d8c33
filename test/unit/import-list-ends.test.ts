// A status word no table reads, at an end of the client's own list of the column's stages — a validation
// list, or a note under the table giving the stages in order (状態：素案 → 確定 → 周知済) — stands for the
// register's first item (the first word) or its closing item (the last word), not a new item of the list
// (stage-order.ts listEndCode; blind set 17, I6: 素案, 承諾, 計画待ち kept as new items). Generated: each
// register with a lifecycle, Japanese and English, words invented for the ends, the list given either way.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { listEndCode } from '../../electron/core/excel/import/stage-order.js';
import { wordStages } from '../../electron/core/excel/import/status-stages.js';
import { parseVocab } from '../../electron/core/excel/import/value-words.js';
import { ClientValues } from '../../electron/core/excel/import/client-values.js';
import { defaultVocabularies } from '../../electron/core/excel/import/detect.js';
import { fieldSpec } from '../../electron/common/excel/fields.js';
import { DEFAULT_VOCABULARIES as DEFAULT_VOCAB } from '../../electron/common/registers.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { prng } from '../fixtures/excel/hostile.js';

/** Each register with a lifecycle status: its header words, its list, the first item and the closing item. */
const REGISTERS: { target: ImportTarget; ja: string[]; en: string[]; list: keyof typeof DEFAULT_VOCAB; first: string; closing: string }[] = [
  { target: 'issue', ja: ['No.', '件名', '起票日', '状態'], en: ['No.', 'Title', 'Raised', 'Status'], list: 'issue.status', first: 'not_started', closing: 'done' },
  { target: 'risk', ja: ['No.', 'リスク名', '起票日', '状態'], en: ['No.', 'Risk Title', 'Raised', 'Status'], list: 'risk.status', first: 'open', closing: 'closed' },
  { target: 'finding', ja: ['No.', '指摘事項', '指摘日', '状態'], en: ['No.', 'Finding', 'Raised', 'Status'], list: 'finding.status', first: 'open', closing: 'verified' },
  { target: 'deliverable', ja: ['No.', '成果物名', '期限', '状態'], en: ['No.', 'Deliverable', 'Due', 'Status'], list: 'deliverable.status', first: 'not_started', closing: 'approved' },
  { target: 'lesson', ja: ['No.', '教訓', '登録日', '状態'], en: ['No.', 'Lesson', 'Logged', 'Status'], list: 'lesson.status', first: 'draft', closing: 'shared' },
];

/** Words no word table or stage reads: what a client may call its first and last stage. */
const FIRSTS = { ja: ['素描', '種火', '草稿段階', '芽出し'], en: ['Germ', 'Embryo', 'Sketch', 'Nascent'] };
const LASTS = { ja: ['大団円', '結び', '封印', '幕引き'], en: ['Sealed', 'Wrapped', 'Curtain', 'Sunset'] };
/** A middle stage: the list's second item by its own label (so the column is one a person recognises as the status). */
const middleOf = (r: (typeof REGISTERS)[number], lang: 'ja' | 'en') => {
  const item = DEFAULT_VOCAB[r.list]![1]!;
  return { word: lang === 'ja' ? item.labelJa : item.labelEn, code: item.code };
};

type How = 'validation' | 'arrows';

function workbook(r: (typeof REGISTERS)[number], lang: 'ja' | 'en', how: How, words: string[], used: string[]) {
  const head = r[lang];
  const rows: ModelCell[][] = used.map((w, i) => [i + 1, lang === 'ja' ? `案件その${i + 1}の件` : `Item number ${i + 1} of the list`, new Date(Date.UTC(2025, 3, 2 + i)), w]);
  const notes: ModelCell[][] = how === 'arrows' ? [[], [`${head[3]}：${words.join(' → ')}`]] : [];
  const s = sheet('Sheet1', [head, ...rows, ...notes]);
  const lists = how === 'validation' ? [{ sqref: `D2:D${rows.length + 20}`, formula: `"${words.join(',')}"` }] : [];
  return model({ ...s, lists });
}

function read(r: (typeof REGISTERS)[number], lang: 'ja' | 'en', how: How, words: string[], used: string[]) {
  const a = analyzeWorkbook(workbook(r, lang, how, words, used), r.target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const status = a.table.columns.find((m) => m.field === 'status');
  return { status: status?.column, values: a.table.records.map((x) => x.values.status), added: a.table.newItems.map((i) => i.label) };
}

const rand = prng(1724);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

describe('the ends of a client’s list of stages', () => {
  const cases = REGISTERS.flatMap((r) => (['ja', 'en'] as const).flatMap((lang) => (['validation', 'arrows'] as const).map((how) => ({ r, lang, how, first: pick(FIRSTS[lang]), last: pick(LASTS[lang]) }))));
  it.each(cases.map((c) => [c.r.target, c.lang, c.how, c.first, c.last, c]))('%s %s (%s): %s first and %s last are the first and the closing item', (_t, _l, _h, _f, _e, c) => {
    const { r, lang, how, first, last } = c as (typeof cases)[number];
    const middle = middleOf(r, lang);
    const got = read(r, lang, how, [first, middle.word, last], [first, middle.word, last, first, last]);
    expect(got.status).toBe('D');
    expect(got.values).toEqual([r.first, middle.code, r.closing, r.first, r.closing]);
    expect(got.added).toEqual([]);
  });

  // A word between the ends is the one item the register has between its first and closing items (an issue's
  // in progress, a lesson's approved: stage-order.ts betweenCode, blind set 19 I7), and the client's own where
  // the register has more than one there (its place says no stage).
  it.each(REGISTERS.map((r) => [r.target, r]))('%s: a word between the ends is the one item between them, else still the client’s own', (_t, r) => {
    const reg = r as (typeof REGISTERS)[number];
    const middle = pick(FIRSTS.ja.slice(2));
    const got = read(reg, 'ja', 'validation', [pick(FIRSTS.ja.slice(0, 2)), middle, pick(LASTS.ja)], [middle, middle, middle]);
    const items = DEFAULT_VOCAB[reg.list]!;
    const between = items.slice(items.findIndex((i) => i.code === reg.first) + 1, items.findIndex((i) => i.code === reg.closing));
    if (between.length === 1) {
      expect(got.values).toEqual([between[0]!.code, between[0]!.code, between[0]!.code]);
      expect(got.added).toEqual([]);
    } else expect(got.added).toEqual([middle]);
  });

  it('with no list of the client’s, or a list of two words, an unknown word stays its own', () => {
    const r = REGISTERS[0]!;
    expect(read(r, 'en', 'validation', ['Germ', 'Sealed'], ['Germ', 'Sealed', 'Germ']).added.sort()).toEqual(['Germ', 'Sealed']);
    const none = analyzeWorkbook(model(sheet('Sheet1', [r.en, [1, 'Item one of them', new Date(Date.UTC(2025, 3, 2)), 'Germ'], [2, 'Item two of them', new Date(Date.UTC(2025, 3, 3)), 'Sealed']])), r.target, { today: '2025-06-15' });
    if (!none.ok) throw new Error(none.reason);
    expect(none.table.newItems.map((i) => i.label).sort()).toEqual(['Germ', 'Sealed']);
  });

  it('a list that is no record’s life (a change’s decision) is not read by its ends', () => {
    expect(listEndCode(DEFAULT_VOCAB['change.decision']!, ['Germ', 'Maybe', 'Sealed'], 'Germ')).toBeNull();
  });
});

describe('common stage words', () => {
  it.each([
    ['終結', 'done'],
    ['承諾', 'done'],
    ['確定', 'done'],
    ['計画待ち', 'raised'],
    ['是正計画待ち', 'raised'],
    ['対策立案待ち', 'raised'],
    ['Awaiting action plan', 'raised'],
    ['Waiting for plan', 'raised'],
    ['効果確認待ち', 'checking'],
    ['最終確認待ち', 'checking'],
    ['動作検証中', 'checking'],
  ])('%s is read at %s', (w, stage) => {
    expect(wordStages(w)?.[0]).toBe(stage);
  });
});

describe('common list words', () => {
  it.each(['システム', 'System', 'IT'])('a risk category of %s is technical', (w) => {
    expect(parseVocab(DEFAULT_VOCAB['risk.category']!, 'risk.category', w)).toEqual({ ok: true, value: 'technical' });
  });
  it.each(['終結', '終結済'])('a risk status of %s is closed', (w) => {
    expect(parseVocab(DEFAULT_VOCAB['risk.status']!, 'risk.status', w)).toEqual({ ok: true, value: 'closed' });
  });
});

describe('a word only the client’s list has, at an end', () => {
  it('is the export’s word for that item (素描 for the first, though no record uses it yet)', () => {
    const values = new ClientValues(defaultVocabularies(), undefined);
    values.clientList('status', fieldSpec('lesson', 'status')!, ['素描', '承認済', '結び']);
    const map = values.valueMaps().status!;
    expect(map.exportAs.draft).toBe('素描');
    expect(map.exportAs.shared).toBe('結び');
    expect(map.words['素描']).toBe('draft');
  });
});
