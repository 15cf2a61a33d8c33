// Seeded synthetic client layouts for the round-trip property: each seed composes a register or a WBS
// from features that client workbooks combine (a title block, a header merged over two rows with a
// group label over its date columns, two sheet rows per record, a No. column of the client's formula,
// an unmapped column, spacer rows, group label rows, a side table beside the register and another
// below it, highlights and borders). No seed is tuned on: the export must hold for any of them, so a
// failing seed is a rule of the export to fix, not a layout to special-case.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { prng } from '../fixtures/excel/hostile.js';
import type { Layout } from './layouts.js';

export interface Features {
  target: ImportTarget;
  lang: 'ja' | 'en';
  /** Rows of title block above the header (0–3). */
  titleRows: number;
  /** First table column (0-based). */
  startCol: number;
  /** The header over two rows: a group label merged over the date columns, the other labels merged down. */
  twoRowHeader: boolean;
  /** Sheet rows per record (2: a second row under each record, its own cells the client's). */
  period: 1 | 2;
  /** The No. column is the client's formula (=ROW()-k). */
  formulaNo: boolean;
  /** Spacer (blank) rows between some records. */
  spacers: boolean;
  /** Group label rows (■ …) between groups of records. */
  groupLabels: boolean;
  /** A side table beside the register, past an empty column. */
  besideTable: boolean;
  /** A side table below the register, past blank rows. */
  belowTable: boolean;
  /** The No. column is a text formula (="R-"&TEXT(ROW()-k,"000")) where it is a formula. */
  textFormulaNo: boolean;
  /** Where the No. column is a formula, a few of its cells typed over with the number they showed (as clients do). */
  typedNo: boolean;
  /** A computed column (score = probability × impact, days = finish − start) of the client's formulas. */
  computed: boolean;
  /** The note column merged over two sheet columns on every row (方眼紙). */
  mergedNote: boolean;
  /** A column with values but no header, inside the table. */
  unheaded: boolean;
  /** A list validation and a conditional format over the data rows. */
  rules: boolean;
  /** A note (※ …) right under the table; a totals row (合計 with a SUM) under it. */
  note: boolean;
  total: boolean;
  /** Numbered, bordered blank rows prepared after the records. */
  prepared: number;
  /** A register's 分類 column, each value merged down over its group of records. */
  categoryMerge: boolean;
  /** How a WBS shows its tree: a code column, the name indented with spaces, or 大/中分類 label rows. */
  tree: 'code' | 'indent' | 'labels';
  /** With categoryMerge: each category on a label row of its own above its records, merged down over them. */
  categoryRow: boolean;
  /** With tree 'labels' (one row per record, no spacer or group rows): each 大/中 label on the row of its first task, merged down over its group's rows. */
  labelsOnRow: boolean;
  /** With tree 'indent': the name indented by the cell's format (alignment indent per level), not by spaces. */
  cellIndent: boolean;
  /** The title column is the client's formula of the row (="task"&ROW(), filled down as a shared formula where the records are contiguous). */
  formulaTitle: boolean;
  /** A WBS of two rows per record: a 区分 column labels them 予定 / 実績 (Plan / Actual), the actual dates on the second row (blind set 3, H8). */
  planActual: boolean;
  records: number;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function featuresOf(seed: number): Features {
  const rnd = prng(seed * 2654435761);
  const target = pick(rnd, ['issue', 'risk', 'wbs'] as const);
  const period = rnd() < 0.3 ? 2 : 1;
  const spacers = period === 1 && rnd() < 0.3;
  const groupLabels = period === 1 && rnd() < 0.3;
  return {
    target,
    lang: rnd() < 0.6 ? 'ja' : 'en',
    titleRows: Math.floor(rnd() * 4),
    startCol: Math.floor(rnd() * 3),
    twoRowHeader: rnd() < 0.4,
    period,
    formulaNo: target !== 'wbs' && rnd() < 0.4,
    // A blank row inside a two-row layout would read as the end of a record; spacers go with one-row records.
    spacers,
    groupLabels,
    besideTable: rnd() < 0.4,
    belowTable: rnd() < 0.4,
    textFormulaNo: rnd() < 0.5,
    computed: rnd() < 0.4,
    mergedNote: rnd() < 0.3,
    unheaded: rnd() < 0.25,
    rules: rnd() < 0.4,
    note: rnd() < 0.3,
    total: rnd() < 0.25,
    prepared: rnd() < 0.25 ? 3 + Math.floor(rnd() * 6) : 0,
    records: 5 + Math.floor(rnd() * 8),
    categoryMerge: target !== 'wbs' && period === 1 && !groupLabels && rnd() < 0.35,
    tree: target === 'wbs' ? pick(rnd, ['code', 'indent', 'labels'] as const) : 'code',
    // Drawn last: the features of every seed before it stay as they were.
    typedNo: rnd() < 0.5,
    formulaTitle: rnd() < 0.2,
    categoryRow: rnd() < 0.5,
    cellIndent: rnd() < 0.5,
    labelsOnRow: rnd() < 0.5,
    planActual: rnd() < 0.6,
  };
}

/** The plan/actual rows apply to a WBS of two rows per record. */
const planActualOn = (f: Features) => f.planActual && f.target === 'wbs' && f.period === 2;
const PLAN_ACTUAL = { ja: ['予定', '実績'], en: ['Plan', 'Actual'] } as const;

export function describeFeatures(f: Features): string {
  const on: string[] = (['twoRowHeader', 'formulaNo', 'spacers', 'groupLabels', 'besideTable', 'belowTable', 'computed', 'mergedNote', 'unheaded', 'rules', 'note', 'total'] as const).filter((k) => f[k]);
  if (f.formulaNo && f.textFormulaNo) on[on.indexOf('formulaNo')] = 'textFormulaNo';
  if (f.formulaNo && f.typedNo) on.push('typedNo');
  if (f.prepared) on.push(`prepared ${f.prepared}`);
  if (f.categoryMerge) on.push(f.categoryRow ? 'categoryRow' : 'categoryMerge');
  if (titleFormula(f)) on.push('formulaTitle');
  if (planActualOn(f)) on.push('planActual');
  if (f.target === 'wbs') on.push(`tree ${f.tree}${f.tree === 'indent' && f.cellIndent ? ' by cell' : ''}${labelsOnRow(f) ? ' merged' : ''}`);
  return `${f.target} ${f.lang} title ${f.titleRows} col ${f.startCol} ${f.period} rows/record ${f.records} records${on.length ? ` ${on.join(' ')}` : ''}`;
}

/** 大/中 labels on their first task's row, merged down over their groups (see Features.labelsOnRow). */
const labelsOnRow = (f: Features) => f.target === 'wbs' && f.tree === 'labels' && f.labelsOnRow && f.period === 1 && !f.spacers && !f.groupLabels;

/** A title formula of the row: not where the tree is in the name (indented) or in label rows. */
const titleFormula = (f: Features) => f.formulaTitle && !(f.target === 'wbs' && f.tree !== 'code');

type Col = { label: { ja: string; en: string }; group?: { ja: string; en: string }; value: (i: number, rnd: () => number) => ExcelJS.CellValue; date?: boolean; formula?: boolean };

const PEOPLE = ['山田', '佐藤', '鈴木', '高橋', '田中'];
const PEOPLE_EN = ['Kim', 'Lee', 'Park', 'Smith', 'Jones'];
const WORDS_JA = ['仕様の確認', '帳票の改ページ', '権限の申請', '移行手順', '性能試験', '環境の準備', 'バックアップ設計', '議事録の配布', 'ログイン画面', '外部連携', '運用手順', '教育計画'];
const WORDS_EN = ['Confirm the spec', 'Report page breaks', 'Access request', 'Migration steps', 'Load test', 'Prepare the environment', 'Backup design', 'Send the minutes', 'Login screen', 'External interface', 'Runbook', 'Training plan'];

function columnsFor(f: Features, rnd: () => number): Col[] {
  const who = (i: number) => (f.lang === 'ja' ? PEOPLE : PEOPLE_EN)[(i * 3 + 1) % 5]!;
  const title = (i: number) => `${(f.lang === 'ja' ? WORDS_JA : WORDS_EN)[i % 12]!}${i >= 12 ? ` ${i}` : ''}`;
  const start = (i: number) => isoPlus('2025-04-01', i * 7);
  const no: Col = { label: { ja: 'No.', en: 'No.' }, value: (i) => (f.formulaNo ? null : i + 1) };
  const memo: Col = { label: { ja: '確認欄', en: 'Checked' }, value: (i) => (i % 3 === 0 ? (f.lang === 'ja' ? '済' : 'yes') : null) };
  const category: Col[] = f.categoryMerge ? [{ label: { ja: '分類', en: 'Category' }, value: () => null }] : [];
  if (f.target === 'issue')
    return [
      no,
      ...category,
      { label: { ja: '課題', en: 'Issue' }, value: title },
      { label: { ja: '担当者', en: 'Owner' }, value: who },
      { label: { ja: '状況', en: 'Status' }, value: (i) => (f.lang === 'ja' ? ['未着手', '対応中', '完了'] : ['Open', 'In progress', 'Closed'])[i % 3]! },
      { label: { ja: '起票日', en: 'Raised' }, group: { ja: '日付', en: 'Dates' }, value: (i) => d(start(i)), date: true },
      { label: { ja: '期限', en: 'Due date' }, group: { ja: '日付', en: 'Dates' }, value: (i) => d(isoPlus(start(i), 14)), date: true },
      memo,
    ];
  if (f.target === 'risk')
    return [
      no,
      ...category,
      { label: { ja: 'リスク', en: 'Risk' }, value: title },
      { label: { ja: '発生確率', en: 'Probability' }, group: { ja: '評価', en: 'Rating' }, value: () => 1 + Math.floor(rnd() * 5) },
      { label: { ja: '影響度', en: 'Impact' }, group: { ja: '評価', en: 'Rating' }, value: () => 1 + Math.floor(rnd() * 5) },
      { label: { ja: '担当者', en: 'Owner' }, value: who },
      { label: { ja: '対応策', en: 'Mitigation' }, value: (i) => (f.lang === 'ja' ? `対策${i + 1}` : `Plan ${i + 1}`) },
      memo,
    ];
  const tree: Col[] =
    f.tree === 'code' ? [{ label: { ja: 'WBS', en: 'WBS' }, value: () => null }]
    : f.tree === 'labels' ? [{ label: { ja: '大分類', en: 'Phase' }, value: () => null }, { label: { ja: '中分類', en: 'Activity' }, value: () => null }]
    : [{ label: { ja: 'No.', en: 'No.' }, value: (i) => i + 1 }];
  return [
    ...tree,
    { label: { ja: 'タスク名', en: 'Task name' }, value: title },
    { label: { ja: '担当者', en: 'Owner' }, value: who },
    ...(planActualOn(f) ? [{ label: { ja: '区分', en: 'Type' }, value: () => PLAN_ACTUAL[f.lang][0] }] : []),
    { label: { ja: '開始日', en: 'Start date' }, group: { ja: '予定', en: 'Plan' }, value: (i) => d(start(i)), date: true },
    { label: { ja: '終了日', en: 'Finish date' }, group: { ja: '予定', en: 'Plan' }, value: (i) => d(isoPlus(start(i), 5)), date: true },
    memo,
  ];
}

/** The workbook of a seed's features. */
export async function buildSynthetic(f: Features, seed: number): Promise<Buffer> {
  const rnd = prng(seed * 40503 + 17);
  const cols = columnsFor(f, rnd);
  // A computed column of the client's formulas, after the columns it reads.
  if (f.computed) cols.splice(cols.length - 1, 0, { label: f.target === 'risk' ? { ja: 'スコア', en: 'Score' } : { ja: '日数', en: 'Days' }, value: () => null, formula: true });
  if (f.unheaded) cols.splice(cols.length - 1, 0, { label: { ja: '', en: '' }, value: (i) => (i % 2 === 0 ? 'A' : 'B') });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(f.lang === 'ja' ? '一覧' : 'Register');
  // Sheet column of each logical column (1-based); the note column is two sheet columns wide when merged.
  const at: number[] = [];
  let next = f.startCol + 1;
  for (let k = 0; k < cols.length; k++) {
    at.push(next);
    next += f.mergedNote && k === cols.length - 1 ? 2 : 1;
  }
  const lastCol = next - 1;
  const c0 = at[0]!;
  const letter = (k: number) => ws.getColumn(at[k]!).letter;
  const idx = (ja: string) => cols.findIndex((c) => c.label.ja === ja);
  let r = 1;
  for (let t = 0; t < f.titleRows; t++, r++)
    if (t === 0) ws.getCell(r, c0).value = f.lang === 'ja' ? (f.target === 'wbs' ? 'WBS' : f.target === 'risk' ? 'リスク管理表' : '課題管理表') : `${f.target} register`;
    else if (t === 1) ws.getCell(r, c0).value = f.lang === 'ja' ? 'プロジェクト: 基幹更改' : 'Project: core renewal';
  const rowCells = (row: number, k: number, value: ExcelJS.CellValue | undefined) => {
    if (value !== undefined) ws.getCell(row, at[k]!).value = value;
    if (f.mergedNote && k === cols.length - 1) ws.mergeCells(row, at[k]!, row, at[k]! + 1);
  };
  // Header.
  const headerTop = r;
  if (f.twoRowHeader) {
    cols.forEach((col, k) => {
      const c = at[k]!;
      if (col.group) {
        ws.getCell(r + 1, c).value = col.label[f.lang];
        const firstOfGroup = cols.findIndex((x) => x.group?.ja === col.group!.ja) === k;
        if (firstOfGroup) {
          const n = cols.filter((x) => x.group?.ja === col.group!.ja).length;
          ws.getCell(r, c).value = col.group[f.lang];
          if (n > 1) ws.mergeCells(r, c, r, at[k + n - 1]!);
        }
      } else {
        ws.getCell(r, c).value = col.label[f.lang] || null;
        ws.mergeCells(r, c, r + 1, f.mergedNote && k === cols.length - 1 ? c + 1 : c);
      }
    });
    r += 2;
  } else {
    cols.forEach((col, k) => rowCells(r, k, col.label[f.lang] || null));
    r += 1;
  }
  for (let c = c0; c <= lastCol; c++) for (let h = headerTop; h < r; h++) ws.getCell(h, c).border = box;
  const first = r;
  const codes = wbsCodes(f.records, rnd);
  const formulaOf = (row: number): string | null => {
    if (!f.computed) return null;
    if (f.target === 'risk') return `${letter(idx('発生確率'))}${row}*${letter(idx('影響度'))}${row}`;
    if (f.target === 'wbs') return `IF(${letter(idx('終了日'))}${row}="","",${letter(idx('終了日'))}${row}-${letter(idx('開始日'))}${row}+1)`;
    return `IF(${letter(idx('期限'))}${row}="","",${letter(idx('期限'))}${row}-${letter(idx('起票日'))}${row})`;
  };
  const noFormula = (_row: number) => (f.textFormulaNo ? `"R-"&TEXT(ROW()-${first - 1},"000")` : `ROW()-${first - 1}`);
  const noResult = (row: number) => (f.textFormulaNo ? `R-${String(row - first + 1).padStart(3, '0')}` : row - first + 1);
  let group = 0;
  const depth = codes.map((c) => c.split('.').length - 1);
  const nameAt = cols.findIndex((c) => c.label.ja === 'タスク名');
  let categoryFrom = 0;
  let categoryRow = 0;
  // 大/中 labels on their tasks' rows: the label of each depth now (a record index), whether it is on a
  // row yet, and each row's labels (for the merges down over each group's rows).
  const cur: (number | undefined)[] = [];
  const shown: boolean[] = [];
  const labelled: { r: number; keys: string[] }[] = [];
  const showLabels = (row: number, upTo: number) => {
    for (let d = 0; d <= upTo; d++)
      if (cur[d] !== undefined && !shown[d]) {
        ws.getCell(row, at[d]!).value = cols[nameAt]!.value(cur[d]!, rnd);
        shown[d] = true;
      }
    labelled.push({ r: row, keys: [0, 1].map((d) => (d <= upTo && cur[d] !== undefined ? String(cur[d]) : '')) });
  };
  // A label with no task row under it names a row by itself (its name in its column, no task name).
  const selfRow = () => {
    const deepest = cur.length - 1;
    showLabels(r, deepest);
    for (let c = c0; c <= lastCol; c++) ws.getCell(r, c).border = box;
    r++;
  };
  for (let i = 0; i < f.records; i++) {
    if (labelsOnRow(f) && depth[i]! < 2) {
      if (cur.slice(depth[i]!).some((x, k) => x !== undefined && !shown[depth[i]! + k])) selfRow();
      cur.length = depth[i]!;
      shown.length = depth[i]!;
      cur[depth[i]!] = i;
      shown[depth[i]!] = false;
      continue;
    }
    // 大/中分類 label rows: a task of depth 0 or 1 is a label in its level's column, on a row of its own.
    if (f.target === 'wbs' && f.tree === 'labels' && depth[i]! < 2) {
      ws.getCell(r, at[depth[i]!]!).value = cols[nameAt]!.value(i, rnd);
      for (let c = c0; c <= lastCol; c++) ws.getCell(r, c).border = box;
      r++;
      continue;
    }
    // A register's category, merged down over groups of two or three records.
    if (f.categoryMerge && i === categoryFrom) {
      if (categoryRow > 0 && r - 1 > categoryRow) ws.mergeCells(categoryRow, at[1]!, r - 1, at[1]!);
      categoryRow = r;
      categoryFrom = i + 2 + Math.floor(rnd() * 2);
      ws.getCell(r, at[1]!).value = f.lang === 'ja' ? `分類${i + 1}` : `Area ${i + 1}`;
      // The label on a row of its own, the records under it.
      if (f.categoryRow) {
        for (let c = c0; c <= lastCol; c++) ws.getCell(r, c).border = box;
        r++;
      }
    }
    if (f.groupLabels && i % 4 === 0) {
      ws.getCell(r, at[1]!).value = f.lang === 'ja' ? `■ グループ${++group}` : `■ Group ${++group}`;
      r++;
    } else if (f.spacers && i > 0 && i % 4 === 0) r++;
    cols.forEach((col, k) => {
      const v =
        f.target === 'wbs' && k === 0 && f.tree === 'code' ? codes[i]!
        : f.target === 'wbs' && k === nameAt && f.tree === 'indent' && !f.cellIndent ? `${'　'.repeat(depth[i]!)}${String(col.value(i, rnd))}`
        : col.formula ? { formula: formulaOf(r)!, result: undefined }
        : col.value(i, rnd);
      rowCells(r, k, v === null ? undefined : (v as ExcelJS.CellValue));
      if (col.date) ws.getCell(r, at[k]!).numFmt = 'yyyy/m/d';
      if (f.target === 'wbs' && k === nameAt && f.tree === 'indent' && f.cellIndent && depth[i]! > 0) ws.getCell(r, at[k]!).alignment = { indent: depth[i]! };
    });
    if (labelsOnRow(f)) showLabels(r, 1);
    if (titleFormula(f)) {
      const k = f.target === 'wbs' ? nameAt : f.categoryMerge ? 2 : 1;
      const prefix = f.lang === 'ja' ? 'タスク' : 'Task ';
      const shared = f.period === 1 && !f.spacers && !f.groupLabels && !(f.categoryMerge && f.categoryRow);
      const top = first;
      const cell = ws.getCell(r, at[k]!);
      if (!shared || r === top) cell.value = { formula: `"${prefix}"&ROW()`, result: `${prefix}${r}`, ...(shared && f.records > 1 ? { shareType: 'shared', ref: `${letter(k)}${top}:${letter(k)}${top + f.records - 1}` } : {}) } as never;
      else cell.value = { sharedFormula: `${letter(k)}${top}`, result: `${prefix}${r}` } as never;
    }
    for (let c = c0; c <= lastCol; c++) ws.getCell(r, c).border = box;
    // A No. typed over with the number it showed: on every fourth record (the client's hand).
    if (f.formulaNo) ws.getCell(r, c0).value = f.typedNo && i % 4 === 2 ? noResult(r) : ({ formula: noFormula(r), result: noResult(r) } as never);
    if (i === 2) for (let c = c0; c <= lastCol; c++) ws.getCell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    if (f.period === 2) {
      // The second row: the record's own note in the last column, the key merged down over both.
      rowCells(r + 1, cols.length - 1, f.lang === 'ja' ? `補足${i + 1}` : `note ${i + 1}`);
      // The actual row: its label, and the actual dates (started tasks; finished ones every other).
      if (planActualOn(f)) {
        ws.getCell(r + 1, at[idx('区分')]!).value = PLAN_ACTUAL[f.lang][1];
        const [s0, f0] = [idx('開始日'), idx('終了日')];
        if (i % 3 !== 2) {
          ws.getCell(r + 1, at[s0]!).value = d(isoPlus('2025-04-01', i * 7 + 1));
          ws.getCell(r + 1, at[s0]!).numFmt = 'yyyy/m/d';
        }
        if (i % 3 === 0) {
          ws.getCell(r + 1, at[f0]!).value = d(isoPlus('2025-04-01', i * 7 + 6));
          ws.getCell(r + 1, at[f0]!).numFmt = 'yyyy/m/d';
        }
      }
      for (let c = c0; c <= lastCol; c++) ws.getCell(r + 1, c).border = box;
      ws.mergeCells(r, at[1]!, r + 1, at[1]!);
    }
    r += f.period;
  }
  if (f.categoryMerge && r - 1 > categoryRow) ws.mergeCells(categoryRow, at[1]!, r - 1, at[1]!);
  if (labelsOnRow(f)) {
    if (cur.some((x, d) => x !== undefined && !shown[d])) selfRow();
    for (const d of [0, 1]) {
      let from = 0;
      for (let k = 1; k <= labelled.length; k++) {
        if (k < labelled.length && labelled[k]!.keys[d] !== '' && labelled[k]!.keys[d] === labelled[from]!.keys[d]) continue;
        if (labelled[from]!.keys[d] !== '' && k - 1 > from) ws.mergeCells(labelled[from]!.r, at[d]!, labelled[k - 1]!.r, at[d]!);
        from = k;
      }
    }
  }
  // Prepared rows: numbered (or the No. formula), formatted as a record, empty.
  for (let p = 0; p < f.prepared; p++, r += f.period) {
    for (let q = 0; q < f.period; q++) for (let c = c0; c <= lastCol; c++) ws.getCell(r + q, c).border = box;
    cols.forEach((col, k) => col.date && (ws.getCell(r, at[k]!).numFmt = 'yyyy/m/d'));
    if (f.mergedNote) rowCells(r, cols.length - 1, undefined);
    if (f.target !== 'wbs') ws.getCell(r, c0).value = f.formulaNo && !(f.typedNo && p === 1) ? ({ formula: noFormula(r), result: noResult(r) } as never) : f.formulaNo ? noResult(r) : f.records + p + 1;
  }
  const last = r - 1;
  // Rules over the data rows: the status (or owner) column's list, a grey-out rule on the whole rows.
  if (f.rules) {
    const k = f.target === 'issue' ? idx('状況') : idx('担当者');
    const words = f.target === 'issue' ? (f.lang === 'ja' ? '"未着手,対応中,完了"' : '"Open,In progress,Closed"') : `"${(f.lang === 'ja' ? PEOPLE : PEOPLE_EN).join(',')}"`;
    for (let row = first; row <= last; row++) ws.getCell(row, at[k]!).dataValidation = { type: 'list', allowBlank: true, formulae: [words] };
    ws.addConditionalFormatting({
      ref: `${ws.getColumn(c0).letter}${first}:${ws.getColumn(lastCol).letter}${last}`,
      rules: [{ type: 'expression', priority: 1, formulae: [`$${letter(k)}${first}="${f.target === 'issue' ? (f.lang === 'ja' ? '完了' : 'Closed') : 'x'}"`], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9D9D9' } } } }],
    });
  }
  let below = last + 1;
  if (f.total) {
    ws.getCell(below, at[1]!).value = f.lang === 'ja' ? '合計' : 'Total';
    const k = f.target === 'risk' ? idx('影響度') : f.computed ? cols.length - 2 - (f.unheaded ? 1 : 0) : -1;
    if (k >= 0) ws.getCell(below, at[k]!).value = { formula: `SUM(${letter(k)}${first}:${letter(k)}${last})`, result: 0 } as never;
    below++;
  }
  if (f.note) ws.getCell(below++, c0).value = f.lang === 'ja' ? '※ 完了した行は灰色で表示されます' : 'Note: closed rows are shown in grey';
  // A side table beside the register: past an empty column, a short master list from the header down.
  if (f.besideTable) {
    const c = lastCol + 2;
    ws.getCell(headerTop, c).value = f.lang === 'ja' ? '担当者一覧' : 'People';
    ws.getCell(headerTop, c + 1).value = f.lang === 'ja' ? '内線' : 'Ext.';
    (f.lang === 'ja' ? PEOPLE : PEOPLE_EN).slice(0, 3).forEach((p, k) => {
      ws.getCell(headerTop + 1 + k, c).value = p;
      ws.getCell(headerTop + 1 + k, c + 1).value = 101 + k;
      ws.getCell(headerTop + 1 + k, c).border = box;
    });
  }
  // A table below the register, past two blank rows.
  if (f.belowTable) {
    let b = below + 2;
    ws.getCell(b, c0).value = f.lang === 'ja' ? '【変更履歴】' : '[Change history]';
    b++;
    const rows = f.lang === 'ja' ? [['版', '日付', '内容'], ['1.0', '2025/04/01', '初版'], ['1.1', '2025/04/15', '追記']] : [['Version', 'Date', 'Change'], ['1.0', '2025/04/01', 'First'], ['1.1', '2025/04/15', 'Added']];
    rows.forEach((row, k) => row.forEach((v, j) => (ws.getCell(b + k, c0 + j).value = v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Client WBS codes for n tasks: a few top-level phases, each with children, some with grandchildren. */
function wbsCodes(n: number, rnd: () => number): string[] {
  const out: string[] = [];
  let top = 0;
  let child = 0;
  let grand = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || rnd() < 0.25) {
      out.push(`${++top}`);
      child = 0;
    } else if (child > 0 && rnd() < 0.3) out.push(`${top}.${child}.${++grand}`);
    else {
      out.push(`${top}.${++child}`);
      grand = 0;
    }
  }
  return out;
}

/** The layout of one seed, named by its features. */
export function syntheticLayout(seed: number): Layout {
  const f = featuresOf(seed);
  return { name: `synthetic ${seed} (${describeFeatures(f)})`, target: f.target, build: () => buildSynthetic(f, seed) };
}
