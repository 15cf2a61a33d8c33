// Risk registers whose ratings stand in two groups of one header, the assessment before the response and
// the one after it (Inherent | Residual, 処置前 | 処置後 over Likelihood | Consequence | Rating), generated in
// both languages, with the header two rows high (the stage words on top) or three (an umbrella word over
// both stages), either stage first, and other columns between the groups or none (blind set 19, I6).
// The words here are none of set 19's: its 対策前 / 対策後 › 頻度 / 重大度 / 点 is held out.
import type { ModelCell } from '../fixtures/excel/model.js';

export interface RatingGroupCase {
  name: string;
  rows: ModelCell[][];
  merges: string[];
  /** 0-based header rows, as the preview's header is 1-based. */
  headerTop: number;
  headerBottom: number;
  /** The columns of the stage before the response: probability, impact, score (letters). */
  before: [string, string, string];
  /** The columns of the stage after it. */
  after: [string, string, string];
  /** The before stage's ratings of the first record. */
  firstBefore: [number, number];
}

const L = (c: number) => String.fromCharCode(65 + c);

interface Words {
  lang: 'ja' | 'en';
  umbrella: string;
  stages: [string, string];
  ratings: [string, string, string];
  lead: [string, string, string];
  between: string;
  tail: [string, string, string];
}

const WORDS: Words[] = [
  { lang: 'ja', umbrella: 'リスク査定', stages: ['処置前', '処置後'], ratings: ['発生度', '影響度', '評点'], lead: ['管理No', 'リスク事象', '分類'], between: '処置内容', tail: ['担当', '期日', '状況'] },
  { lang: 'ja', umbrella: '評価', stages: ['固有リスク', '残存リスク'], ratings: ['可能性', '影響度', 'リスク値'], lead: ['番号', 'リスク', '区分'], between: '低減策', tail: ['責任者', '期限', '状態'] },
  { lang: 'ja', umbrella: 'リスクの大きさ', stages: ['低減前', '低減後'], ratings: ['発生確率', '影響', 'スコア'], lead: ['No.', 'リスク内容', '種別'], between: '対応方針', tail: ['担当者', '対応期限', 'ステータス'] },
  { lang: 'en', umbrella: 'Assessment', stages: ['Inherent', 'Residual'], ratings: ['Likelihood', 'Consequence', 'Rating'], lead: ['Ref', 'Risk Description', 'Type'], between: 'Controls', tail: ['Owner', 'Due Date', 'Status'] },
  { lang: 'en', umbrella: 'Risk Rating', stages: ['Pre-treatment', 'Post-treatment'], ratings: ['Probability', 'Impact', 'Score'], lead: ['ID', 'Risk', 'Category'], between: 'Treatment', tail: ['Risk Owner', 'Target Date', 'Status'] },
  { lang: 'en', umbrella: 'Evaluation', stages: ['Gross', 'Net'], ratings: ['L', 'I', 'Score'], lead: ['Risk No', 'Risk Title', 'Area'], between: 'Mitigation', tail: ['Owner', 'Review By', 'State'] },
];

const RISKS = {
  ja: ['協力会社の要員不足', '資材の納期遅延', '仕様変更の多発', '試験環境の不具合', '既存データの品質不良', '近隣からの苦情'],
  en: ['Supplier capacity shortfall', 'Late delivery of switchgear', 'Scope creep from users', 'Test rig failure', 'Poor legacy data quality', 'Neighbour complaints'],
};
const KINDS = { ja: ['技術', '工程', '外部'], en: ['Technical', 'Schedule', 'External'] };
const ACTS = { ja: ['要員の前倒し確保', '代替品の見積取得', '変更管理の徹底'], en: ['Secure named resources early', 'Second supplier quote', 'Change control board'] };
const PEOPLE = { ja: ['佐藤', '鈴木', '高橋'], en: ['A. Byrne', 'C. Walsh', 'M. Doyle'] };
const STATES = { ja: ['未着手', '対応中', '完了'], en: ['Open', 'In Progress', 'Closed'] };

/**
 * One register: title, a blank row, the header (2 or 3 rows) and six risks. The stage columns hold 1–5
 * ratings and a score formula (cached product); the after stage's are the before's lowered.
 */
export function ratingGroupTable(w: Words, opts: { rows: 2 | 3; afterFirst: boolean; between: boolean; typedLow?: boolean }): RatingGroupCase {
  const top = 2;
  const bottom = top + opts.rows - 1;
  const header: ModelCell[][] = Array.from({ length: opts.rows }, () => []);
  const merges: string[] = [];
  let c = 0;
  // A column named once: merged down over the header rows, or (typedLow) typed on its last row under blanks.
  const single = (word: string) => {
    if (opts.typedLow) header[opts.rows - 1]![c] = word;
    else {
      header[0]![c] = word;
      merges.push(`${L(c)}${top + 1}:${L(c)}${bottom + 1}`);
    }
    c++;
  };
  for (const word of w.lead) single(word);
  const stageCols: Record<'before' | 'after', number> = { before: 0, after: 0 };
  const umbrellaAt = c;
  const stageOrder: ('before' | 'after')[] = opts.afterFirst ? ['after', 'before'] : ['before', 'after'];
  const stageRow = opts.rows === 3 ? 1 : 0;
  stageOrder.forEach((stage, k) => {
    if (k === 1 && opts.between) {
      // (A column between the two groups: merged down over the header rows under the umbrella, if any.)
      header[stageRow]![c] = w.between;
      merges.push(`${L(c)}${top + stageRow + 1}:${L(c)}${bottom + 1}`);
      c++;
    }
    stageCols[stage] = c;
    header[stageRow]![c] = w.stages[stage === 'before' ? 0 : 1];
    merges.push(`${L(c)}${top + stageRow + 1}:${L(c + 2)}${top + stageRow + 1}`);
    w.ratings.forEach((r, i) => (header[opts.rows - 1]![c + i] = r));
    c += 3;
  });
  if (opts.rows === 3) {
    header[0]![umbrellaAt] = w.umbrella;
    merges.push(`${L(umbrellaAt)}${top + 1}:${L(c - 1)}${top + 1}`);
  }
  for (const word of w.tail) single(word);
  const width = c;
  const rows: ModelCell[][] = [[w.lang === 'ja' ? 'リスク管理台帳' : 'Risk Register'], [], ...header.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null))];
  let firstBefore: [number, number] = [0, 0];
  RISKS[w.lang].forEach((risk, n) => {
    const p = 2 + ((n * 3) % 4);
    const i = 2 + ((n * 2 + 1) % 4);
    const p2 = Math.max(1, p - 1 - (n % 2));
    const i2 = Math.max(1, i - (n % 3 === 0 ? 1 : 0));
    if (n === 0) firstBefore = [p, i];
    const row: ModelCell[] = Array.from({ length: width }, () => null);
    row[0] = w.lang === 'ja' ? `RK-${String(n + 1).padStart(2, '0')}` : `R${String(n + 11)}`;
    row[1] = risk;
    row[2] = KINDS[w.lang][n % 3]!;
    const put = (at: number, a: number, b: number) => {
      row[at] = a;
      row[at + 1] = b;
      row[at + 2] = { f: a * b };
    };
    put(stageCols.before, p, i);
    put(stageCols.after, p2, i2);
    if (opts.between) row[Math.max(stageCols.before, stageCols.after) - 1] = ACTS[w.lang][n % 3]!;
    row[width - 3] = PEOPLE[w.lang][n % 3]!;
    row[width - 2] = new Date(Date.UTC(2027, 3 + n, 10 + n));
    row[width - 1] = STATES[w.lang][n % 3]!;
    rows.push(row);
  });
  const three = (at: number) => [L(at), L(at + 1), L(at + 2)] as [string, string, string];
  return {
    name: `${w.lang} ${w.stages.join('/')} over ${w.ratings.join('|')}, ${opts.rows} rows, ${opts.afterFirst ? 'after first' : 'before first'}${opts.between ? ', a column between' : ''}${opts.typedLow ? ', other words on the last row' : ''}`,
    rows,
    merges,
    headerTop: top,
    headerBottom: bottom,
    before: three(stageCols.before),
    after: three(stageCols.after),
    firstBefore,
  };
}

/**
 * Every generated case: each wording, 2 and 3 rows, either stage first, with and without a column between,
 * the other columns merged down over the header or typed on its last row.
 */
export function ratingGroupCases(): RatingGroupCase[] {
  return WORDS.flatMap((w) => ([2, 3] as const).flatMap((rows) => [false, true].flatMap((afterFirst) => [false, true].flatMap((between) => [false, true].map((typedLow) => ratingGroupTable(w, { rows, afterFirst, between, typedLow }))))));
}
