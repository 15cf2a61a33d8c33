// Records of two rows under a header that stacks two words in one column (リスク事象 over 対応策, 課題内容
// over 回答内容, Question over Answer), the record's other cells merged down over both rows: each record is
// one, the top word's field read on its first row and the bottom word's on its second (issue 11; blind
// set 8, B4). Before, a stacked column that was a merged column group (方眼紙: G:T) was read as one field,
// and a top word naming the detail before the title (課題内容) left the split without its key: either
// way each second row was read as a record of its own with the same ID and skipped as a duplicate.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const col = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));

interface Stacked {
  name: string;
  target: ImportTarget;
  /** Each logical column: its width in sheet columns, its header word(s) (two: stacked) and each record's value(s). */
  columns: { width: number; head: [string] | [string, string] }[];
  records: (ModelCell | [ModelCell, ModelCell])[][];
  /** The fields the stacked column gives, first row then second. */
  fields: [string, string];
}

const STACKED: Stacked[] = [
  {
    name: '課題内容 over 回答内容 (a detail word on top), one sheet column each',
    target: 'issue',
    columns: [{ width: 1, head: ['No.'] }, { width: 1, head: ['起票日'] }, { width: 1, head: ['起票者'] }, { width: 1, head: ['課題内容', '回答内容'] }, { width: 1, head: ['回答者'] }, { width: 1, head: ['回答期限'] }, { width: 1, head: ['状況'] }],
    records: [
      [1, d('2026-07-01'), '代理店A 松井', ['既存顧客データの名寄せ基準で問題ないか', '電話番号＋生年月日＋カナ氏名で名寄せする。'], 'ベンダー 神田', d('2026-07-08'), '完了'],
      [2, d('2026-07-03'), 'PMO 星野', ['代理店ごとの閲覧範囲', '原則不可。本部権限のみ全店参照可。'], '本部 内藤', d('2026-07-17'), '完了'],
      [3, d('2026-07-10'), '代理店B 工藤', ['送信元アドレスの設定', null], 'ベンダー 神田', d('2026-07-24'), '対応中'],
    ],
    fields: ['title', 'resolution'],
  },
  {
    name: 'リスク事象 over 対応策 in 方眼紙 (each logical column a merged group of sheet columns)',
    target: 'risk',
    columns: [{ width: 2, head: ['No'] }, { width: 4, head: ['区分'] }, { width: 14, head: ['リスク事象', '対応策'] }, { width: 2, head: ['発生確率'] }, { width: 2, head: ['影響度'] }, { width: 4, head: ['担当'] }, { width: 4, head: ['状態'] }],
    records: [
      [1, '技術', ['勘定系APIの仕様確定が遅れ、接続テストに入れない', '仕様凍結日を合意し、未確定部分はスタブで先行'], '高', '大', '中西', '対応中'],
      [2, '要員', ['セキュリティ診断の有識者が不足', '外部診断会社へ一部委託'], '中', '中', '藤田', '対応中'],
      [3, '外部', ['SMS認証ベンダーの料金改定', '年間契約への切替を交渉'], '低', '中', '佐々木', '完了'],
    ],
    fields: ['title', 'responsePlan'],
  },
  {
    name: 'Question over Answer, one sheet column each',
    target: 'issue',
    columns: [{ width: 1, head: ['#'] }, { width: 1, head: ['Raised'] }, { width: 1, head: ['Question', 'Answer'] }, { width: 1, head: ['Owner'] }, { width: 1, head: ['Status'] }],
    records: [
      [1, d('2026-05-01'), ['Which SSO provider do we support first?', 'Azure AD, then Okta in phase 2.'], 'Sato', 'Closed'],
      [2, d('2026-05-04'), ['Can invoices be reprinted after close?', null], 'Kato', 'Open'],
      [3, d('2026-05-09'), ['Who signs off the data migration?', 'The finance lead, with IT audit.'], 'Mori', 'Closed'],
    ],
    fields: ['title', 'resolution'],
  },
  {
    name: 'Risk over Mitigation, merged column groups',
    target: 'risk',
    columns: [{ width: 2, head: ['ID'] }, { width: 8, head: ['Risk', 'Mitigation'] }, { width: 3, head: ['Owner'] }, { width: 2, head: ['Probability'] }, { width: 2, head: ['Impact'] }, { width: 3, head: ['Status'] }],
    records: [
      ['R1', ['Key supplier fails to deliver the interface', 'Qualify a second source by June'], 'Kim', 3, 4, 'Open'],
      ['R2', ['Scope creep from the regional teams', 'Change board reviews every request'], 'Lee', 4, 3, 'Open'],
      ['R3', ['Budget cut in the second half', null], 'Choi', 2, 5, 'Closed'],
    ],
    fields: ['title', 'responsePlan'],
  },
  {
    name: '質問内容 over 回答 (a word naming the detail well before the title)',
    target: 'issue',
    columns: [{ width: 1, head: ['No'] }, { width: 3, head: ['質問内容', '回答'] }, { width: 1, head: ['回答者'] }, { width: 1, head: ['状態'] }],
    records: [
      [1, ['帳票の出力形式はPDFのみで良いか', 'Excel出力も必要（経理部）'], '経理 石川', '完了'],
      [2, ['旧データの保存年数', '7年分を移行する'], '情シス 森', '完了'],
      [3, ['研修の実施時期', null], 'PMO 星野', '未回答'],
    ],
    fields: ['title', 'resolution'],
  },
];

/** The sheet: title rows, a two-row header (single words merged down over both, stacked words one per row), records of two rows. */
function build(s: Stacked, title = 1): { rows: ModelCell[][]; merges: string[] } {
  const rows: ModelCell[][] = [];
  const merges: string[] = [];
  for (let i = 0; i < title; i++) rows.push(i === 0 ? [s.target === 'risk' ? 'リスク管理票' : '課題管理表'] : ['プロジェクト名：', null, '基幹システム更改']);
  if (title > 0) rows.push([]);
  const width = s.columns.reduce((n, c) => n + c.width, 0);
  const at: number[] = [];
  s.columns.reduce((c, x) => (at.push(c), c + x.width), 0);
  const top = rows.length;
  const head: ModelCell[][] = [Array<ModelCell>(width).fill(null), Array<ModelCell>(width).fill(null)];
  s.columns.forEach((x, k) => {
    const [c1, c2] = [at[k]!, at[k]! + x.width - 1];
    head[0]![c1] = x.head[0];
    if (x.head.length === 2) {
      head[1]![c1] = x.head[1];
      if (x.width > 1) merges.push(`${col(c1)}${top + 1}:${col(c2)}${top + 1}`, `${col(c1)}${top + 2}:${col(c2)}${top + 2}`);
    } else merges.push(`${col(c1)}${top + 1}:${col(c2)}${top + 2}`);
  });
  rows.push(...head);
  for (const rec of s.records) {
    const r = rows.length;
    const two: ModelCell[][] = [Array<ModelCell>(width).fill(null), Array<ModelCell>(width).fill(null)];
    s.columns.forEach((x, k) => {
      const [c1, c2] = [at[k]!, at[k]! + x.width - 1];
      const v = rec[k];
      if (Array.isArray(v)) {
        two[0]![c1] = v[0];
        two[1]![c1] = v[1];
        if (x.width > 1) merges.push(`${col(c1)}${r + 1}:${col(c2)}${r + 1}`, `${col(c1)}${r + 2}:${col(c2)}${r + 2}`);
      } else {
        two[0]![c1] = v as ModelCell;
        merges.push(`${col(c1)}${r + 1}:${col(c2)}${r + 2}`);
      }
    });
    rows.push(...two);
  }
  return { rows, merges };
}

const expected = (s: Stacked) => s.records.map((rec) => {
  const pair = rec.find(Array.isArray) as [ModelCell, ModelCell];
  return [pair[0], pair[1] ?? null];
});

const read = (s: Stacked, title = 1) => {
  const { rows, merges } = build(s, title);
  return readModel(rows, s.target, merges, 'Sheet1');
};

describe('records of two rows under a stacked header word', () => {
  it.each(STACKED)('$name: one record each, its second field from its second row', (s) => {
    const t = read(s);
    expect(t.records.map((r) => [r.values[s.fields[0]], r.values[s.fields[1]] || null])).toEqual(expected(s));
    expect(t.columns.filter((m) => m.field === s.fields[0] || m.field === s.fields[1]).map((m) => [m.field, m.rowOffset ?? 0])).toEqual([[s.fields[0], 0], [s.fields[1], 1]]);
  });

  it('a group word merged over several header columns is no stacked word (予定 over 開始 | 終了)', () => {
    const rows: ModelCell[][] = [
      ['No', '作業名', '予定', null, '担当'],
      [null, null, '開始', '終了', null],
      [1, '要件定義', d('2026-04-01'), d('2026-04-30'), '高橋'],
      [2, '基本設計', d('2026-05-07'), d('2026-06-05'), '佐藤'],
      [3, '詳細設計', d('2026-06-08'), d('2026-07-10'), '伊藤'],
    ];
    const t = readModel(rows, 'wbs', ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2']);
    expect(t.records.map((r) => r.values.name)).toEqual(['要件定義', '基本設計', '詳細設計']);
    expect(t.columns.every((m) => !m.rowOffset)).toBe(true);
  });

  it('a group word over one word per sub-column on the next row (担当者 over each person) is no stacked word', () => {
    const rows: ModelCell[][] = [
      ['No', '作業名', '担当者', null, null, '状態'],
      [null, null, '若月', '森谷', '斎藤', null],
      [1, '要件定義', '○', null, '○', '完了'],
      [null, '要件定義書レビュー', null, null, null, null],
      [2, '基本設計', null, '○', null, '対応中'],
      [null, '基本設計書レビュー', null, null, null, null],
    ];
    const t = readModel(rows, 'wbs', ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2', 'A3:A4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'A5:A6', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:F6']);
    expect(t.columns.filter((m) => m.c >= 2 && m.c <= 4 && m.rowOffset)).toEqual([]);
  });

  it('property: title rows above never change the records', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STACKED), fc.integer({ min: 0, max: 2 }), (s, title) => {
        const t = read(s, title);
        expect(t.records.map((r) => [r.values[s.fields[0]], r.values[s.fields[1]] || null])).toEqual(expected(s));
      }),
      { numRuns: 30 },
    );
  });
});

// The second header row's word merged over the columns of two or three top words (件名 | 担当 over 詳細,
// D:E merged), each record's second row merged over the same columns, the other columns merged down over
// both header rows and over each record's two rows (blind set 13, I2: issues-giga-tanmatsu). The merged
// bottom word is one field on the record's second row: before, only a stacked word inside one column was
// split, so each second row was read as a record of its own (its detail as the title) and skipped as a
// duplicate ID.
describe('records of two rows whose second-row word is merged over several top words', () => {
  interface Wide {
    lang: 'ja' | 'en';
    /** Top words under which the bottom word is merged (2 or 3), from the first of the middle columns. */
    span: 2 | 3;
    /** Columns merged down (No., a date …) before the middle ones. */
    before: 1 | 2;
    title: number;
    records: number;
    /** Numbered blank two-row blocks after the records. */
    prepared: number;
  }
  const WORDS = {
    ja: { no: 'No.', raised: '受付日', tops: ['件名', '担当', '期限'], detail: '詳細', closed: '完了日', status: '状況', title: (i: number) => `課題${i}の件名`, text: (i: number) => `課題${i}の詳細。対応を検討中。`, owner: ['松田', '岡', '堀'], st: ['未対応', '対応中', '完了'] },
    en: { no: '#', raised: 'Raised', tops: ['Issue', 'Owner', 'Due'], detail: 'Details', closed: 'Closed', status: 'Status', title: (i: number) => `Issue ${i} title`, text: (i: number) => `Details of issue ${i}, under review.`, owner: ['Ito', 'Kato', 'Mori'], st: ['Open', 'Open', 'Closed'] },
  } as const;
  function build(w: Wide): { rows: ModelCell[][]; merges: string[]; details: (string | null)[]; titles: string[] } {
    const x = WORDS[w.lang];
    const rows: ModelCell[][] = [];
    const merges: string[] = [];
    for (let i = 0; i < w.title; i++) rows.push(i === 0 ? [w.lang === 'ja' ? '課題一覧' : 'Issue log'] : []);
    // Columns: No. [Raised] | the three top words (the first `span` over the merged detail; a last one
    // left over stacks 期限 over 完了日) | Status.
    const mid = w.before;
    const statusCol = mid + 3;
    const top = rows.length;
    const head: ModelCell[][] = [[], []];
    const downs = [0, ...(w.before === 2 ? [1] : []), statusCol];
    head[0]![0] = x.no;
    if (w.before === 2) head[0]![1] = x.raised;
    head[0]![statusCol] = x.status;
    x.tops.forEach((t, k) => (head[0]![mid + k] = t));
    head[1]![mid] = x.detail;
    if (w.span === 2) head[1]![mid + 2] = x.closed;
    const merge = (r: number, c1: number, c2: number, r2 = r) => merges.push(`${col(c1)}${r + 1}:${col(c2)}${r2 + 1}`);
    for (const c of downs) merge(top, c, c, top + 1);
    merge(top + 1, mid, mid + w.span - 1);
    rows.push(...head);
    const details: (string | null)[] = [];
    const titles: string[] = [];
    for (let i = 1; i <= w.records + w.prepared; i++) {
      const r = rows.length;
      const two: ModelCell[][] = [[], []];
      two[0]![0] = i;
      if (i <= w.records) {
        if (w.before === 2) two[0]![1] = d(`2025-05-${String(i + 1).padStart(2, '0')}`);
        two[0]![mid] = x.title(i);
        two[0]![mid + 1] = x.owner[i % 3]!;
        two[0]![mid + 2] = d(`2025-06-${String(i + 10).padStart(2, '0')}`);
        two[0]![statusCol] = x.st[i % 3]!;
        // (Every third record's detail left empty, as a person leaves one.)
        const detail = i % 3 === 0 ? null : x.text(i);
        two[1]![mid] = detail;
        titles.push(x.title(i));
        details.push(detail);
      }
      for (const c of downs) merge(r, c, c, r + 1);
      merge(r + 1, mid, mid + w.span - 1);
      rows.push(...two);
    }
    return { rows, merges, details, titles };
  }
  const wides = fc.record({
    lang: fc.constantFrom('ja' as const, 'en' as const),
    span: fc.constantFrom(2 as const, 3 as const),
    before: fc.constantFrom(1 as const, 2 as const),
    title: fc.integer({ min: 0, max: 2 }),
    records: fc.integer({ min: 2, max: 6 }),
    prepared: fc.integer({ min: 0, max: 3 }),
  });

  it('one record per two rows, the merged word read from the second row over its columns', () => {
    const b = build({ lang: 'ja', span: 2, before: 2, title: 2, records: 4, prepared: 3 });
    const t = readModel(b.rows, 'issue', b.merges, '課題一覧');
    expect(t.records.map((r) => [r.values.title, r.values.detail || null])).toEqual(b.titles.map((title, i) => [title, b.details[i]]));
    expect(t.columns.filter((m) => m.rowOffset).map((m) => [m.column, m.field])).toEqual([['C:D', 'detail'], ['E', 'closedOn']]);
    expect(t.records.map((r) => r.values.owner)).toEqual(['岡', '堀', '松田', '岡']);
  });

  it('property: any such layout reads one record per two rows with each detail', () => {
    fc.assert(
      fc.property(wides, (w) => {
        const b = build(w);
        const t = readModel(b.rows, 'issue', b.merges, 'Sheet1');
        expect(t.records.map((r) => [r.values.title, r.values.detail || null])).toEqual(b.titles.map((title, i) => [title, b.details[i]]));
      }),
      { numRuns: 40 },
    );
  });

  it('a word merged under two heads that the records do not mirror (one-row records) splits nothing', () => {
    const rows: ModelCell[][] = [
      ['No', '件名', '担当', '期限', '状況'],
      [null, '（内容）', null, null, null],
      [1, '仕様の確認', '山田', d('2025-04-10'), '未対応'],
      [2, '帳票の確定', '佐藤', d('2025-04-20'), '対応中'],
      [3, '環境の手配', '鈴木', d('2025-04-25'), '完了'],
    ];
    const t = readModel(rows, 'issue', ['A1:A2', 'B2:C2', 'D1:D2', 'E1:E2']);
    expect(t.records.map((r) => r.values.title)).toEqual(['仕様の確認', '帳票の確定', '環境の手配']);
    expect(t.columns.filter((m) => m.rowOffset)).toEqual([]);
  });
});
