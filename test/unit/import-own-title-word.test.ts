// A register whose title column is headed by the client's own word (気がかりな事柄, What might go wrong,
// 所見の骨子) — named loosely or not at all — beside header words that name two or more other fields of
// the register (処理期限, 担当部署, Owner team, Act by) over a block of records, is found at its header, its
// title read from the column of distinct texts, and asked (byShape), never refused (issue 11, "When no
// title column exists, the longest free-text column becomes the title"; blind set 20, I1: "No table with a
// risk title column was found", nothing asked). Generated: Japanese and English, one- and two-row headers,
// the title column at several places, several title words. A table of the same shape whose words name no
// such fields (a price list) is still refused.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { ASK_BELOW } from '../../electron/core/excel/import/detect.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const col = (i: number) => String.fromCharCode(65 + i);

interface Lang {
  sheet: string;
  banner: string;
  id: string;
  /** The other columns: header word, the same word's group for a two-row header, and the records' values. */
  others: { word: string; values: ModelCell[] }[];
  group: string;
  titles: string[];
  ids: string[];
}

const JA: Lang = {
  sheet: '管理台帳',
  banner: '〇〇センター 改修工事 管理台帳',
  id: '管理No',
  group: '対応',
  others: [
    { word: '影響の範囲', values: ['工期が2週間延びる', '追加費用の発生', '利用者への案内が必要', '夜間作業の増加', '検査のやり直し', '近隣からの苦情'] },
    { word: '処理期限', values: [d('2026-05-10'), d('2026-05-20'), d('2026-06-01'), d('2026-06-15'), d('2026-07-01'), d('2026-07-20')] },
    { word: '担当部署', values: ['施設課', '総務課', '設計課', '施設課', '工務課', '総務課'] },
  ],
  titles: ['資材の納入が遅れる', '既設配管の位置が図面と違う', '仮設通路の幅が足りない', '停電作業の日程が決まらない', '耐震補強の範囲が広がる', '騒音で近隣から苦情が出る'],
  ids: ['K-01', 'K-02', 'K-03', 'K-04', 'K-05', 'K-06'],
};
const EN: Lang = {
  sheet: 'Log',
  banner: 'Depot refit – tracking log',
  id: 'No.',
  group: 'Response',
  others: [
    { word: 'Owner team', values: ['Facilities', 'Finance', 'Design', 'Facilities', 'Works', 'Finance'] },
    { word: 'Act by', values: [d('2026-05-10'), d('2026-05-20'), d('2026-06-01'), d('2026-06-15'), d('2026-07-01'), d('2026-07-20')] },
    { word: 'Where things stand', values: ['Open', 'Open', 'Closed', 'Open', 'Closed', 'Open'] },
  ],
  titles: ['Steel delivery slips past the crane booking', 'Existing ducts differ from the drawings', 'Temporary walkway too narrow for trolleys', 'Power shutdown date not agreed', 'Seismic bracing scope grows', 'Neighbours complain about night noise'],
  ids: ['D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6'],
};

interface Variant {
  lang: Lang;
  target: ImportTarget;
  title: string;
  /** Where the title column stands among the others (1 = right after the ID). */
  at: number;
  twoRows: boolean;
  /** Blank rows between the banner and the header. */
  gap: number;
}

/** The workbook of a variant, and where its header and title column are (0-based rows, letters). */
function build(v: Variant) {
  const { lang } = v;
  const columns = [{ word: lang.id, values: lang.ids as ModelCell[] }, ...lang.others];
  columns.splice(v.at, 0, { word: v.title, values: lang.titles });
  const rows: ModelCell[][] = [[lang.banner]];
  for (let i = 0; i < v.gap; i++) rows.push([]);
  const top = rows.length;
  const merges: string[] = [];
  // Two rows: the last two other columns grouped under one word, every other column merged down.
  const grouped = new Set([columns.length - 2, columns.length - 1]);
  if (v.twoRows) {
    rows.push(columns.map((c, i) => (grouped.has(i) ? (i === columns.length - 2 ? lang.group : null) : c.word)));
    rows.push(columns.map((c, i) => (grouped.has(i) ? c.word : null)));
    columns.forEach((_, i) => {
      if (!grouped.has(i)) merges.push(`${col(i)}${top + 1}:${col(i)}${top + 2}`);
    });
    merges.push(`${col(columns.length - 2)}${top + 1}:${col(columns.length - 1)}${top + 1}`);
  } else rows.push(columns.map((c) => c.word));
  const bottom = rows.length - 1;
  for (let r = 0; r < lang.titles.length; r++) rows.push(columns.map((c) => c.values[r]));
  return { wb: model(sheet(lang.sheet, rows, merges)), top, bottom, titleAt: col(v.at) };
}

const TITLES: Record<string, { lang: Lang; target: ImportTarget; words: string[] }> = {
  jaRisk: { lang: JA, target: 'risk', words: ['気がかりな事柄', '起こりうる出来事', '心配ごと'] },
  enRisk: { lang: EN, target: 'risk', words: ['What might go wrong', 'Worry', 'Concern'] },
  jaFinding: { lang: JA, target: 'finding', words: ['所見の骨子', '気付いた点'] },
  enFinding: { lang: EN, target: 'finding', words: ['What we saw', 'What fell short'] },
};

const variants: Variant[] = Object.values(TITLES).flatMap(({ lang, target, words }) =>
  words.flatMap((title, w) => [1, 2].flatMap((at) => [false, true].map((twoRows) => ({ lang, target, title, at, twoRows, gap: (w + at) % 2 })))),
);

describe('a register whose title word is its own', () => {
  it.each(variants.map((v) => [`${v.target} ${v.lang.sheet} "${v.title}" at ${v.at}${v.twoRows ? ' two rows' : ''}`, v] as const))('%s: found at its header, titled by its own texts, asked', (_, v) => {
    const { wb, top, bottom, titleAt } = build(v);
    const a = analyzeWorkbook(wb, v.target, { today: '2026-04-01' });
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.header).toEqual({ top: top + 1, bottom: bottom + 1 }); // (1-based rows)
    expect(a.table.columns.find((m) => m.field === 'title')?.column).toBe(titleAt);
    expect(a.table.records.map((r) => r.values.title)).toEqual(v.lang.titles);
    // Found by its shape, not its words: asked.
    expect(a.layout.confidence!.header).toBeLessThan(ASK_BELOW);
  });

  it('a table of the same shape whose words name no field of the register is still refused', () => {
    for (const twoRows of [false, true]) {
      const lang: Lang = {
        ...EN,
        id: 'Code',
        group: 'Pricing',
        others: [
          { word: 'Pack size', values: ['10', '25', '5', '10', '50', '20'] },
          { word: 'Unit cost', values: [12.5, 4.2, 88, 15, 2.75, 9.9] },
          { word: 'Supplier', values: ['Acme Ltd', 'Borealis', 'Acme Ltd', 'Cobalt plc', 'Borealis', 'Acme Ltd'] },
        ],
        titles: ['Galvanised bolts M12 x 80', 'Nylon wall plugs 8 mm', 'Stainless hinge 100 mm', 'Fire-rated sealant 310 ml', 'Cable ties 300 mm', 'Anchor sleeves M10'],
      };
      const { wb } = build({ lang, target: 'risk', title: 'Item', at: 1, twoRows, gap: 1 });
      expect(analyzeWorkbook(wb, 'risk', { today: '2026-04-01' }).ok).toBe(false);
    }
  });
});
