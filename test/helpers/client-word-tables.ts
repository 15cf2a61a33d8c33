// A seeded generator of small client registers whose list columns are written in the client's own words
// for the project's items (issue 11, "Value mapping, both ways"; blind set 15, F3 and F4): yes/no words
// (有/無, ○/×, Y/N), not-started words (未, Not yet, To do), category words (工程, Programme, Commercial,
// Design, Environmental) and a label with a qualifier before it (全社展開済, 作業完了, Formally approved).
// Each case is one workbook in one of several layouts (header on row 1; a title block above; an ID column
// and a notes column, the columns in another order), Japanese or English, with the code a person reads
// for every word. The word sets are families, not one file's words: the test reads every case.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { rng } from './synthetic-tables.js';

// (cancel, strategy: synonyms of an item in other standards' and trackers' words — 取止め, Void, On-going, JIS Q
// 31000's 除去 / 共有; sharedItem: two words of a column a person reads as two items in the client's order — 検討中
// before 対策中, 修正完了 before 確認完了, Done before Effective: blind set 16, I3 and I4.)
export type WordFamily = 'yesNo' | 'notStarted' | 'category' | 'qualified' | 'cancel' | 'strategy' | 'sharedItem';
type Lang = 'ja' | 'en';
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A list column: its register, field, header word and the word sets a client writes it in, each word with our code. */
interface ListColumn {
  register: ImportTarget;
  field: string;
  head: Record<Lang, string[]>;
  sets: Record<Lang, [string, string][][]>;
  /** The column carries the set's words as its list validation, in the set's order. */
  validation?: boolean;
}

const COLUMNS: Record<WordFamily, ListColumn[]> = {
  yesNo: [
    {
      register: 'defect',
      field: 'recurrence',
      head: { ja: ['再発', '再発有無', '再発区分'], en: ['Recurrence', 'Recurring', 'Repeat'] },
      sets: {
        ja: [[['有', 'yes'], ['無', 'no']], [['○', 'yes'], ['×', 'no']], [['有り', 'yes'], ['無し', 'no']]],
        en: [[['Y', 'yes'], ['N', 'no']], [['Yes', 'yes'], ['No', 'no']], [['TRUE', 'yes'], ['FALSE', 'no']]],
      },
    },
  ],
  notStarted: [
    {
      register: 'change',
      field: 'implStatus',
      head: { ja: ['実施状況', '対応状況'], en: ['Implementation status', 'Implementation'] },
      sets: {
        ja: [[['未', 'not_started'], ['実施中', 'in_progress'], ['完了', 'done']], [['未着工', 'not_started'], ['作業中', 'in_progress'], ['完了', 'done']]],
        en: [[['Not yet', 'not_started'], ['In progress', 'in_progress'], ['Done', 'done']], [['Yet to start', 'not_started'], ['Ongoing', 'in_progress'], ['Completed', 'done']], [['To do', 'not_started'], ['Doing', 'in_progress'], ['Done', 'done']]],
      },
    },
    {
      register: 'issue',
      field: 'status',
      head: { ja: ['状況', 'ステータス'], en: ['Status', 'State'] },
      sets: {
        ja: [[['未', 'not_started'], ['対応中', 'in_progress'], ['済', 'done']], [['着手待ち', 'not_started'], ['対応中', 'in_progress'], ['完了', 'done']]],
        en: [[['Not yet', 'not_started'], ['WIP', 'in_progress'], ['Closed', 'done']], [['Not commenced', 'not_started'], ['Ongoing', 'in_progress'], ['Done', 'done']]],
      },
    },
    {
      register: 'deliverable',
      field: 'status',
      head: { ja: ['状態', 'ステータス'], en: ['Status'] },
      sets: {
        ja: [[['未', 'not_started'], ['作成中', 'in_progress'], ['承認済', 'approved']]],
        en: [[['Not yet', 'not_started'], ['In progress', 'in_progress'], ['Approved', 'approved']], [['Yet to start', 'not_started'], ['In review', 'in_review'], ['Approved', 'approved']]],
      },
    },
  ],
  category: [
    {
      register: 'risk',
      field: 'category',
      head: { ja: ['分類', 'リスク分類', 'カテゴリ'], en: ['Category', 'Risk category', 'Risk type'] },
      sets: {
        ja: [[['工程', 'schedule'], ['設計', 'technical'], ['商務', 'cost'], ['環境', 'external']], [['工程', 'schedule'], ['法規制', 'external'], ['品質', 'quality'], ['天候', 'external']]],
        en: [
          [['Programme', 'schedule'], ['Commercial', 'cost'], ['Design', 'technical'], ['Environmental', 'external']],
          [['Program', 'schedule'], ['Engineering', 'technical'], ['Regulatory', 'external'], ['Commercial', 'cost']],
          [['Weather', 'external'], ['Programme', 'schedule'], ['Design', 'technical'], ['Legal', 'external']],
        ],
      },
    },
  ],
  cancel: [
    {
      register: 'change',
      field: 'implStatus',
      head: { ja: ['実施状況', '対応状況'], en: ['Implementation status', 'Implementation'] },
      sets: {
        ja: [[['未実施', 'not_started'], ['実施中', 'in_progress'], ['実施済', 'done'], ['取止め', 'cancelled']], [['未着手', 'not_started'], ['作業中', 'in_progress'], ['完了', 'done'], ['取り止め', 'cancelled']]],
        en: [[['Not started', 'not_started'], ['In Work', 'in_progress'], ['Complete', 'done'], ['Void', 'cancelled']], [['To do', 'not_started'], ['On-going', 'in_progress'], ['Done', 'done'], ['Voided', 'cancelled']]],
      },
    },
    {
      register: 'issue',
      field: 'status',
      head: { ja: ['状況', 'ステータス'], en: ['Status', 'State'] },
      sets: {
        ja: [[['未着手', 'not_started'], ['対応中', 'in_progress'], ['完了', 'done'], ['取りやめ', 'cancelled']], [['未対応', 'not_started'], ['作業中', 'in_progress'], ['済', 'done'], ['取り下げ', 'cancelled']]],
        en: [[['New', 'not_started'], ['On-going', 'in_progress'], ['Closed', 'done'], ['Drop', 'cancelled']], [['Not started', 'not_started'], ['Ongoing', 'in_progress'], ['Closed', 'done'], ['Withdrawn', 'cancelled']], [['To do', 'not_started'], ['In work', 'in_progress'], ['Done', 'done'], ['Dropped', 'cancelled']]],
      },
    },
  ],
  strategy: [
    {
      register: 'risk',
      field: 'strategy',
      head: { ja: ['対応方針', '対応策区分'], en: ['Strategy', 'Response strategy'] },
      sets: {
        ja: [[['除去', 'avoid'], ['低減', 'mitigate'], ['共有', 'transfer'], ['保有', 'accept']], [['リスク源の除去', 'avoid'], ['リスク低減', 'mitigate'], ['リスク共有', 'transfer'], ['リスク保有', 'accept']]],
        en: [[['Terminate', 'avoid'], ['Treat', 'mitigate'], ['Transfer', 'transfer'], ['Tolerate', 'accept']], [['Eliminate', 'avoid'], ['Reduce', 'mitigate'], ['Share', 'transfer'], ['Retain', 'accept']]],
      },
    },
  ],
  sharedItem: [
    {
      register: 'risk',
      field: 'status',
      validation: true,
      head: { ja: ['状況', 'ステータス'], en: ['Status'] },
      sets: {
        ja: [[['検討中', 'open'], ['対策中', 'in_progress'], ['経過観察', 'monitoring'], ['解消', 'closed']], [['調査中', 'open'], ['対応中', 'in_progress'], ['監視中', 'monitoring'], ['クローズ', 'closed']]],
        en: [[['Assessing', 'open'], ['Treating', 'in_progress'], ['Watch', 'monitoring'], ['Closed', 'closed']]],
      },
    },
    {
      register: 'defect',
      field: 'status',
      validation: true,
      head: { ja: ['ステータス', '状態'], en: ['Status'] },
      sets: {
        ja: [[['起票', 'open'], ['対応中', 'in_progress'], ['修正完了', 'fixed'], ['確認完了', 'closed'], ['対象外', 'rejected']], [['登録', 'open'], ['作業中', 'in_progress'], ['対策完了', 'fixed'], ['検証完了', 'closed']]],
        en: [[['Assessing', 'open'], ['Fixing', 'in_progress'], ['Fixed', 'fixed'], ['Closed', 'closed']]],
      },
    },
    {
      // No list: the words' own stages give the order (done before its effect is checked).
      register: 'finding',
      field: 'status',
      head: { ja: ['状態', 'ステータス'], en: ['Status'] },
      sets: {
        ja: [[['未対応', 'open'], ['是正中', 'in_progress'], ['完了', 'corrected'], ['有効性確認済', 'verified']]],
        en: [[['Open', 'open'], ['In progress', 'in_progress'], ['Done', 'corrected'], ['Effective', 'verified']], [['Open', 'open'], ['In progress', 'in_progress'], ['Completed', 'corrected'], ['Effectiveness verified', 'verified']]],
      },
    },
  ],
  qualified: [
    {
      register: 'lesson',
      field: 'status',
      head: { ja: ['状態', 'ステータス'], en: ['Status'] },
      sets: {
        ja: [[['起票', 'draft'], ['承認済', 'approved'], ['全社展開済', 'shared']], [['起票', 'draft'], ['部内承認済', 'approved'], ['社内展開済', 'shared']]],
        en: [[['Draft', 'draft'], ['Approved', 'approved'], ['Widely shared', 'shared']], [['Draft', 'draft'], ['Formally approved', 'approved'], ['Company-wide shared', 'shared']]],
      },
    },
    {
      register: 'issue',
      field: 'status',
      head: { ja: ['状況'], en: ['Status'] },
      sets: {
        ja: [[['未着手', 'not_started'], ['一次対応中', 'in_progress'], ['恒久対応完了', 'done']]],
        en: [[['Not started', 'not_started'], ['Work in progress', 'in_progress'], ['Done', 'done']]],
      },
    },
    {
      register: 'deliverable',
      field: 'status',
      head: { ja: ['状態'], en: ['Status'] },
      sets: {
        ja: [[['未着手', 'not_started'], ['初版作成中', 'in_progress'], ['顧客承認済', 'approved']]],
        en: [[['Not started', 'not_started'], ['Draft in progress', 'in_progress'], ['Client approved', 'approved']]],
      },
    },
  ],
};

/** The other columns of each register, by language: the key first. */
const OTHERS: Record<string, Record<Lang, { head: string; value: (k: number) => ExcelJS.CellValue }[]>> = {
  defect: {
    ja: [{ head: '不具合内容', value: (k) => `画面${k + 1}の表示が崩れる` }, { head: '発見日', value: (k) => day(k) }, { head: '重要度', value: (k) => ['高', '中', '低'][k % 3]! }],
    en: [{ head: 'Summary', value: (k) => `Screen ${k + 1} layout broken` }, { head: 'Date found', value: (k) => day(k) }, { head: 'Severity', value: (k) => ['High', 'Medium', 'Low'][k % 3]! }],
  },
  change: {
    ja: [{ head: '変更件名', value: (k) => `帳票${k + 1}の項目追加` }, { head: '起票日', value: (k) => day(k) }, { head: '判定', value: (k) => ['承認', '却下', '保留'][k % 3]! }],
    en: [{ head: 'Change title', value: (k) => `Add field ${k + 1} to report` }, { head: 'Date raised', value: (k) => day(k) }, { head: 'Decision', value: (k) => ['Approved', 'Rejected', 'On hold'][k % 3]! }],
  },
  issue: {
    ja: [{ head: '課題', value: (k) => `仕様${k + 1}の確認が必要` }, { head: '起票日', value: (k) => day(k) }, { head: '担当', value: (k) => ['佐藤', '鈴木', '高橋'][k % 3]! }],
    en: [{ head: 'Issue', value: (k) => `Spec ${k + 1} needs a decision` }, { head: 'Date raised', value: (k) => day(k) }, { head: 'Owner', value: (k) => ['Smith', 'Jones', 'Brown'][k % 3]! }],
  },
  deliverable: {
    ja: [{ head: '成果物名', value: (k) => `設計書${k + 1}` }, { head: '提出予定日', value: (k) => day(k) }, { head: '作成担当', value: (k) => ['佐藤', '鈴木', '高橋'][k % 3]! }],
    en: [{ head: 'Deliverable', value: (k) => `Design document ${k + 1}` }, { head: 'Due date', value: (k) => day(k) }, { head: 'Author', value: (k) => ['Smith', 'Jones', 'Brown'][k % 3]! }],
  },
  risk: {
    ja: [{ head: 'リスク内容', value: (k) => `資材${k + 1}の納入が遅れる` }, { head: '識別日', value: (k) => day(k) }, { head: '担当', value: (k) => ['佐藤', '鈴木', '高橋'][k % 3]! }],
    en: [{ head: 'Risk description', value: (k) => `Material ${k + 1} delivered late` }, { head: 'Date raised', value: (k) => day(k) }, { head: 'Owner', value: (k) => ['Smith', 'Jones', 'Brown'][k % 3]! }],
  },
  finding: {
    ja: [{ head: '指摘内容', value: (k) => `手順書${k + 1}の改訂漏れ` }, { head: '指摘日', value: (k) => day(k) }, { head: '是正担当者', value: (k) => ['佐藤', '鈴木', '高橋'][k % 3]! }],
    en: [{ head: 'Finding', value: (k) => `Procedure ${k + 1} not updated` }, { head: 'Raised', value: (k) => day(k) }, { head: 'Owner', value: (k) => ['Smith', 'Jones', 'Brown'][k % 3]! }],
  },
  lesson: {
    ja: [{ head: '教訓', value: (k) => `移行手順${k + 1}を早期に確定する` }, { head: '登録日', value: (k) => day(k) }, { head: '登録者', value: (k) => ['佐藤', '鈴木', '高橋'][k % 3]! }],
    en: [{ head: 'Lesson title', value: (k) => `Fix cutover step ${k + 1} early` }, { head: 'Date', value: (k) => day(k) }, { head: 'Submitted by', value: (k) => ['Smith', 'Jones', 'Brown'][k % 3]! }],
  },
};

function day(k: number): Date {
  return new Date(Date.UTC(2025, 4, 1 + k * 3));
}

export type Layout = 'plain' | 'titled' | 'idAndNotes';
export const LAYOUTS: readonly Layout[] = ['plain', 'titled', 'idAndNotes'];

export interface WordCase {
  seed: number;
  family: WordFamily;
  lang: Lang;
  layout: Layout;
  register: ImportTarget;
  field: string;
  /** The list column's header. */
  head: string;
  /** Each record's word, top to bottom, and the code a person reads it as. */
  words: [string, string][];
  bytes: Buffer;
}

/** One generated register: `family`'s words in one of its columns, in the seed's language and layout. */
export async function wordCase(family: WordFamily, seed: number): Promise<WordCase> {
  const r = rng(seed * 7919 + family.length);
  // The seeds go round the family's columns, then the languages, so a few seeds see each of them.
  const n = COLUMNS[family].length;
  const col = COLUMNS[family][seed % n]!;
  const lang: Lang = Math.floor(seed / n) % 2 === 0 ? 'ja' : 'en';
  const layout = pick(r, LAYOUTS);
  const set = pick(r, col.sets[lang]);
  // Every word at least twice, in an order of the seed's.
  const words = [...set, ...set, ...set.slice(0, Math.max(1, Math.floor(r() * set.length)))].sort(() => r() - 0.5);
  const head = pick(r, col.head[lang]);
  const others = OTHERS[col.register]![lang];
  const columns: { head: string; value: (k: number) => ExcelJS.CellValue }[] = [...others, { head, value: (k) => words[k]![0] }];
  if (layout === 'idAndNotes') {
    const [key, ...rest] = columns;
    columns.splice(0, columns.length, { head: lang === 'ja' ? 'No.' : 'Ref', value: (k) => k + 1 }, key!, ...rest.reverse(), { head: lang === 'ja' ? '備考' : 'Comments', value: (k) => (k % 2 ? '' : lang === 'ja' ? '要確認' : 'see minutes') });
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '一覧' : 'Register');
  if (layout === 'titled') {
    ws.addRow([lang === 'ja' ? `${col.register} 管理表` : `${col.register} register`]);
    ws.addRow([lang === 'ja' ? 'プロジェクト名：基幹更改' : 'Project: Core renewal']);
    ws.addRow([]);
  }
  const headRow = ws.addRow(columns.map((c) => c.head));
  words.forEach((_, k) => ws.addRow(columns.map((c) => c.value(k))));
  if (col.validation) {
    // The client's list over the column's cells and a few blank rows under them, its words in the set's order.
    const at = columns.findIndex((c) => c.head === head) + 1;
    for (let r = headRow.number + 1; r <= headRow.number + words.length + 5; r++)
      ws.getCell(r, at).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${set.map(([w]) => w).join(',')}"`] };
  }
  return { seed, family, lang, layout, register: col.register, field: col.field, head, words, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The Excel serial (1900 system) of an ISO day. */
export function serialOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * How a column of bare serials is headed: by a word the register knows for a date field ('named': read as
 * that field), by a date-like word it does not know ('dateLike': offered a date field), by a word that is
 * no date beside a column of real dates ('beside': offered too), or as an amount with no date near
 * ('amount': whole numbers in the same range that are no dates, never offered one).
 */
export type SerialHeading = 'named' | 'dateLike' | 'beside' | 'amount';

const SERIAL_HEADS: Record<SerialHeading, Record<Lang, { register: ImportTarget; head: string; field?: string }[]>> = {
  named: {
    ja: [{ register: 'issue', head: '起票日', field: 'raisedOn' }, { register: 'change', head: '依頼日', field: 'requestedOn' }, { register: 'risk', head: '期限', field: 'due' }],
    en: [{ register: 'change', head: 'Date', field: 'requestedOn' }, { register: 'issue', head: 'Date raised', field: 'raisedOn' }, { register: 'risk', head: 'Due date', field: 'due' }],
  },
  dateLike: {
    ja: [{ register: 'issue', head: '処理日' }, { register: 'change', head: '受領日' }, { register: 'risk', head: '更改日付' }],
    en: [{ register: 'issue', head: 'Logged On' }, { register: 'change', head: 'Received On' }, { register: 'risk', head: 'Entry Date' }],
  },
  beside: {
    ja: [{ register: 'issue', head: '計上' }, { register: 'change', head: 'SAP転記' }],
    en: [{ register: 'issue', head: 'Posting' }, { register: 'change', head: 'SAP Stamp' }],
  },
  amount: {
    ja: [{ register: 'change', head: '金額' }, { register: 'issue', head: '費用' }],
    en: [{ register: 'change', head: 'Amount' }, { register: 'issue', head: 'Spend' }],
  },
};

export interface SerialCase {
  seed: number;
  heading: SerialHeading;
  lang: Lang;
  layout: Layout;
  register: ImportTarget;
  head: string;
  /** The field a person reads the column as ('named' only). */
  field?: string;
  /** Each record's day (ISO), written in the column as its bare serial. */
  days: string[];
  bytes: Buffer;
}

/** One generated register with a column of bare whole numbers (General format) headed as `heading` says. */
export async function serialCase(heading: SerialHeading, seed: number): Promise<SerialCase> {
  const r = rng(seed * 104_729 + heading.length);
  const heads = SERIAL_HEADS[heading];
  const lang: Lang = seed % 2 === 0 ? 'ja' : 'en';
  const { register, head, field } = heads[lang][Math.floor(seed / 2) % heads[lang].length]!;
  const layout = pick(r, LAYOUTS);
  const start = Date.UTC(2020 + Math.floor(r() * 8), Math.floor(r() * 12), 1 + Math.floor(r() * 28));
  const n = 5 + Math.floor(r() * 4);
  const days = Array.from({ length: n }, (_, k) => new Date(start + (k * 5 + Math.floor(r() * 4)) * 86_400_000).toISOString().slice(0, 10));
  const key = OTHERS[register]![lang][0]!;
  const owner = { head: lang === 'ja' ? '担当' : 'Owner', value: (k: number) => (lang === 'ja' ? ['佐藤', '鈴木'] : ['Smith', 'Jones'])[k % 2]! };
  // Amounts: whole numbers in the serial range, spread as amounts are, with no date column beside them.
  const number = (k: number) => (heading === 'amount' ? 30_000 + Math.floor(r() * 30_000) : serialOf(days[k]!));
  // A real date column: beside the column for 'beside' (its dates the same days, a few days on), else away from it.
  const dated = { head: lang === 'ja' ? '完了予定日' : 'Target date', value: (k: number) => new Date(Date.parse(`${days[k]}T00:00:00Z`) + 7 * 86_400_000) };
  const serials = { head, value: number };
  const columns =
    heading === 'beside'
      ? [key, owner, serials, dated]
      : heading === 'amount'
        ? [key, serials, owner]
        : layout === 'idAndNotes'
          ? [{ head: lang === 'ja' ? 'No.' : 'Ref', value: (k: number) => k + 1 }, key, serials, owner, dated]
          : [key, serials, owner, dated];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '一覧' : 'Log');
  if (layout === 'titled') {
    ws.addRow([lang === 'ja' ? `${register} 管理表（システム出力）` : `${register} log (system extract)`]);
    ws.addRow([]);
  }
  ws.addRow(columns.map((c) => c.head));
  days.forEach((_, k) => ws.addRow(columns.map((c) => c.value(k))));
  return { seed, heading, lang, layout, register, head, ...(field && { field }), days, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * A register whose status column is headed by a word the register does not know (現況, Where it stands),
 * its cells a record's states in the client's words; no other column holds the status. The status is
 * offered beside the column and asked.
 */
const STATE_WORDS: Record<string, Record<Lang, string[][]>> = {
  finding: { ja: [['未回答', '是正中', '是正済', '確認済'], ['未対応', '対応中', '完了']], en: [['Open', 'CAP submitted', 'Implemented', 'Closed'], ['Open', 'In progress', 'Verified']] },
  issue: { ja: [['未着手', '対応中', '完了'], ['未', '調査中', '済', '保留']], en: [['Open', 'In progress', 'Closed'], ['New', 'Under investigation', 'Resolved']] },
  risk: { ja: [['対応中', '監視中', 'クローズ'], ['識別済', '対策中', '解消']], en: [['Open', 'Monitoring', 'Closed'], ['Active', 'Treatment underway', 'Retired']] },
  defect: { ja: [['新規', '修正中', '修正済', 'クローズ'], ['未対応', '対応中', '確認待ち', '完了']], en: [['New', 'Assigned', 'Fixed', 'Closed'], ['Open', 'In progress', 'Ready for retest', 'Closed']] },
};
const UNKNOWN_HEADS: Record<Lang, string[]> = { ja: ['現況', '処理区分', '進み具合', 'いま'], en: ['Where it stands', 'Position', 'Current', 'Lifecycle'] };

export interface StateCase {
  seed: number;
  lang: Lang;
  layout: Layout;
  register: ImportTarget;
  head: string;
  words: string[];
  bytes: Buffer;
}

export async function stateCase(seed: number): Promise<StateCase> {
  const r = rng(seed * 15_485_863 + 11);
  const registers = Object.keys(STATE_WORDS);
  const register = registers[seed % registers.length]! as ImportTarget;
  const lang: Lang = Math.floor(seed / registers.length) % 2 === 0 ? 'ja' : 'en';
  const layout = pick(r, LAYOUTS);
  const set = pick(r, STATE_WORDS[register]![lang]);
  const words = [...set, ...set].sort(() => r() - 0.5);
  const head = pick(r, UNKNOWN_HEADS[lang]);
  const others = register === 'finding'
    ? lang === 'ja'
      ? [{ head: '指摘内容', value: (k: number) => `手順書${k + 1}の改訂漏れ` }, { head: '指摘日', value: (k: number) => day(k) }, { head: '是正担当者', value: (k: number) => ['佐藤', '鈴木'][k % 2]! }]
      : [{ head: 'Finding', value: (k: number) => `Procedure ${k + 1} not updated` }, { head: 'Raised', value: (k: number) => day(k) }, { head: 'Owner', value: (k: number) => ['Smith', 'Jones'][k % 2]! }]
    : OTHERS[register]![lang];
  const columns: { head: string; value: (k: number) => ExcelJS.CellValue }[] = [...others, { head, value: (k) => words[k]! }];
  if (layout === 'idAndNotes') columns.unshift({ head: lang === 'ja' ? 'No.' : 'Ref', value: (k) => k + 1 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'ja' ? '一覧' : 'Register');
  if (layout === 'titled') {
    ws.addRow([lang === 'ja' ? `${register} 一覧` : `${register} log`]);
    ws.addRow([]);
  }
  ws.addRow(columns.map((c) => c.head));
  words.forEach((_, k) => ws.addRow(columns.map((c) => c.value(k))));
  return { seed, lang, layout, register, head, words, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * A register whose column is headed by a synonym of a field the register did not know (blind set 15, F1):
 * a risk's Treatment (the response plan, beside a Strategy), a finding's 被監査部門 / Auditee (the area), a
 * finding's Verified (the day verified) and a finding's Status in words read at their stage.
 */
const SYNONYM_COLUMNS: { register: ImportTarget; lang: Lang; head: string; field: string; value: (k: number) => ExcelJS.CellValue; extra?: { head: string; value: (k: number) => ExcelJS.CellValue } }[] = [
  { register: 'risk', lang: 'en', head: 'Treatment', field: 'responsePlan', value: (k) => ['Lock in supply contract early', 'Weekly design coordination meeting', 'Engage hygienist on call'][k % 3]!, extra: { head: 'Strategy', value: (k) => ['Reduce', 'Accept', 'Transfer'][k % 3]! } },
  { register: 'risk', lang: 'en', head: 'Treatments', field: 'responsePlan', value: (k) => ['Second supplier qualified', 'Float held in programme', 'Crane booked twice'][k % 3]! },
  { register: 'finding', lang: 'ja', head: '被監査部門', field: 'area', value: (k) => ['製造1課', '総務部', '購買部'][k % 3]! },
  { register: 'finding', lang: 'ja', head: '監査対象部門', field: 'area', value: (k) => ['経理部', '情報システム部', '営業部'][k % 3]! },
  { register: 'finding', lang: 'en', head: 'Auditee', field: 'area', value: (k) => ['Finance', 'IT Operations', 'HR'][k % 3]! },
  { register: 'finding', lang: 'en', head: 'Verified', field: 'verifiedOn', value: (k) => (k % 2 ? null : day(k + 20)) },
  { register: 'finding', lang: 'en', head: 'Status', field: 'status', value: (k) => ['Open', 'Implemented', 'Closed', 'CAP submitted'][k % 4]! },
  { register: 'finding', lang: 'ja', head: 'ステータス', field: 'status', value: (k) => ['未回答', '是正完了', '確認済', '回答済'][k % 4]! },
  { register: 'change', lang: 'ja', head: '工数(人日)', field: 'impactCost', value: (k) => [12, 3, 5, 20][k % 4]! },
];

export interface SynonymCase {
  seed: number;
  register: ImportTarget;
  lang: Lang;
  layout: Layout;
  head: string;
  field: string;
  bytes: Buffer;
}

export async function synonymCase(seed: number): Promise<SynonymCase> {
  const r = rng(seed * 32_452_843 + 5);
  const s = SYNONYM_COLUMNS[seed % SYNONYM_COLUMNS.length]!;
  const layout = pick(r, LAYOUTS);
  const n = 6 + Math.floor(r() * 3);
  const base = s.register === 'finding'
    ? s.lang === 'ja'
      ? [{ head: '指摘内容', value: (k: number) => `手順書${k + 1}の改訂漏れ` }, { head: '指摘日', value: (k: number) => day(k) }]
      : [{ head: 'Finding', value: (k: number) => `Procedure ${k + 1} not updated` }, { head: 'Raised', value: (k: number) => day(k) }]
    : OTHERS[s.register]![s.lang];
  const columns = [...base, { head: s.head, value: s.value }, ...(s.extra ? [s.extra] : [])];
  if (layout === 'idAndNotes') columns.unshift({ head: s.lang === 'ja' ? 'No.' : 'Ref', value: (k) => k + 1 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (layout === 'titled') {
    ws.addRow([s.lang === 'ja' ? '内部監査 指摘事項一覧' : 'Register']);
    ws.addRow([]);
  }
  ws.addRow(columns.map((c) => c.head));
  for (let k = 0; k < n; k++) ws.addRow(columns.map((c) => c.value(k)));
  return { seed, register: s.register, lang: s.lang, layout, head: s.head, field: s.field, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * A deliverable register whose status column is written in marks (and the odd word of its own: 差戻), spelled
 * out by a legend note under the table or beside its header (blind set 16, I3: ◎ 承認済 ○ 査閲中 △ 作成中 ×
 * 未着手). The legend's words vary over each item's words; `codes` is what a person reads each mark as.
 */
export interface LegendCase {
  seed: number;
  place: 'under' | 'beside';
  legend: string;
  head: string;
  /** Each record's cell, top to bottom, and the code a person reads it as. */
  cells: [string, string][];
  bytes: Buffer;
}

const LEGEND_WORDS: Record<string, string[]> = {
  approved: ['承認済', '承認済み', '承認完了'],
  in_review: ['査閲中', 'レビュー中', '審査中', '確認中'],
  in_progress: ['作成中', '作業中', '執筆中'],
  not_started: ['未着手', '未作成'],
};
const LEGEND_MARKS: [string, string][] = [['◎', 'approved'], ['○', 'in_review'], ['△', 'in_progress'], ['×', 'not_started']];
const LEGEND_STYLES: ((pairs: [string, string][]) => string)[] = [
  (p) => `状態：${p.map(([m, w]) => `${m} ${w}`).join('\u3000')}`,
  (p) => `凡例 ${p.map(([m, w]) => `${m}:${w}`).join(' ')}`,
  (p) => `※状態欄 ${p.map(([m, w]) => `${m}＝${w}`).join('、')}`,
];

export async function legendCase(seed: number): Promise<LegendCase> {
  const r = rng(seed * 49_979_687 + 3);
  const pairs = LEGEND_MARKS.map(([m, code]) => [m, pick(r, LEGEND_WORDS[code]!)] as [string, string]);
  const legend = pick(r, LEGEND_STYLES)(pairs);
  const place = r() < 0.5 ? 'under' : 'beside';
  const head = pick(r, ['状態', 'ステータス', '進捗状況']);
  // Every mark once or more, and the word the legend leaves out (差戻: sent back), in the seed's order.
  const stray = '差戻';
  const cells: [string, string][] = [...LEGEND_MARKS, ...LEGEND_MARKS.slice(0, 2), [stray, 'returned']].sort(() => r() - 0.5).map(([m, c]) => [m, c] as [string, string]);
  const others = OTHERS.deliverable!.ja;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成果物一覧');
  ws.addRow(['成果物管理表']);
  ws.addRow([]);
  const headRow = ws.addRow([...others.map((c) => c.head), head]);
  cells.forEach(([m], k) => ws.addRow([...others.map((c) => c.value(k)), m]));
  if (place === 'under') {
    ws.addRow([]);
    ws.addRow([legend]);
  } else ws.getCell(headRow.number, others.length + 3).value = legend;
  return { seed, place, legend, head, cells, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A risk register whose status words share an item with no list to order them (both under way by their stage). */
export async function unorderedCase(seed: number): Promise<{ words: string[]; shared: string[]; bytes: Buffer }> {
  const r = rng(seed * 86_028_121 + 7);
  const lang: Lang = seed % 2 === 0 ? 'ja' : 'en';
  const sets: Record<Lang, { words: string[]; shared: string[] }[]> = {
    ja: [{ words: ['検討中', '対策中', '経過観察', '解消'], shared: ['検討中', '対策中'] }, { words: ['調整中', '実施中', '監視中', 'クローズ'], shared: ['調整中', '実施中'] }],
    en: [{ words: ['Assessing', 'Treating', 'Watch', 'Closed'], shared: ['Assessing', 'Treating'] }, { words: ['Planning', 'Mitigating', 'Monitoring', 'Closed'], shared: ['Planning', 'Mitigating'] }],
  };
  const set = pick(r, sets[lang]);
  const words = [...set.words, ...set.words].sort(() => r() - 0.5);
  const others = OTHERS.risk![lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risks');
  ws.addRow([...others.map((c) => c.head), lang === 'ja' ? '状況' : 'Status']);
  words.forEach((w, k) => ws.addRow([...others.map((c) => c.value(k)), w]));
  return { words, shared: set.shared, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
