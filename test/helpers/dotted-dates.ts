// Generated workbooks of dates written as dotted short numbers (27.09.06, 27.9.6, 9.6, 令和 9.6.3 without
// its letter) for test/integration/import-dotted-dates.test.ts: the form, the note naming it (or the title's
// year, its fiscal year, real dates beside, or nothing), the header words, the register, the rows above and
// the place of the columns vary by seed; versions (1.2), amounts (3.5) and WBS codes (1.1) stand beside.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { prng } from '../fixtures/excel/hostile.js';

export type Form = 'yymmdd' | 'yymd' | 'md' | 'eraless';
/** How the year of the dates is said: a note naming the form, the title's (fiscal) year, real dates beside, or nothing. */
export type Context = 'note' | 'title' | 'fiscal' | 'beside' | 'none';

export interface DottedCase {
  label: string;
  register: ImportTarget;
  form: Form;
  bytes: Buffer;
  /** The header words of the dotted date columns, and the field each is read as where its word names one. */
  dateHeads: { head: string; field: string | null }[];
  /** Per record, the days of the dotted columns (yyyy-mm-dd), in dateHeads' order. */
  days: string[][];
  /** Header words of columns of numbers that are no dates (版 1.2, 工数 3.5). */
  notDates: string[];
  headerRow: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A day as the form writes it. */
export function written(iso: string, form: Form): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (form === 'yymmdd') return `${pad(y % 100)}.${pad(m)}.${pad(d)}`;
  if (form === 'yymd') return `${y % 100}.${m}.${d}`;
  if (form === 'eraless') return `${y - 2018}.${m}.${d}`;
  return `${m}.${d}`;
}

const pick = <T,>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
export const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// Words of this test's own (none from set 19): notes naming the form, headers, titles.
const YY_NOTES = ['※日付は西暦の下二桁.月.日で記入', '日付表記：西暦下2桁.月.日', 'Dates are written YY.MM.DD'];
const MD_NOTES = ['※日付は 月.日 で記入', '（日付表記 月.日）', 'Dates: MM.DD'];
const ERA_NOTES = ['※日付は令和の年.月.日', '日付：和暦（令和）年.月.日'];
const WBS_HEADS: [string, string][] = [['予定開始', '予定終了'], ['開始予定日', '完了予定日'], ['計画開始', '計画終了'], ['Start', 'Finish']];
const ISSUE_KNOWN: [string, string][] = [['起票日', 'raisedOn'], ['期限', 'due'], ['完了日', 'closedOn']];
const OWN_DATE_WORDS = ['受理日', '照会日', '回答受領日', '最終確認日', '現地調査日'];

/** A generated workbook of dotted dates. */
export async function dottedCase(seed: number, register: ImportTarget, form: Form, context: Context): Promise<DottedCase> {
  const rand = prng(seed * 7919 + form.length * 31 + context.length);
  const year = 2026 + Math.floor(rand() * 3);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(register === 'wbs' ? '工程' : '台帳');
  const title = register === 'wbs' ? '設備更新 工程表' : '問合せ 管理台帳';
  const note = pick(rand, form === 'md' ? MD_NOTES : form === 'eraless' ? ERA_NOTES : YY_NOTES);
  const rows: unknown[][] = [];
  // The title block: its year (or 年度, or 令和 for dates without their era), the note where the case has one.
  const stated = context === 'title' ? `${year}年 ${title}` : context === 'fiscal' ? `${year}年度 ${title}` : form === 'eraless' ? `令和${year - 2018}年度 ${title}` : title;
  rows.push([stated]);
  if (rand() < 0.5) rows.push(['作成：', null, '施設課']);
  if (context === 'note') rows.push(rand() < 0.5 ? [note] : [null, null, null, note]);
  // (A month and day needs its year from somewhere: with a note alone, the title says it.)
  if (form === 'md' && context === 'note') rows[0] = [`${year}年 ${title}`];
  rows.push([]);
  const headerRow = rows.length + 1;
  const n = 5 + Math.floor(rand() * 4);
  const start = `${year}-${pad(4 + Math.floor(rand() * 5))}-${pad(1 + Math.floor(rand() * 20))}`;
  const days: string[][] = [];
  for (let k = 0; k < n; k++) {
    const a = addDays(start, k * (5 + Math.floor(rand() * 9)));
    days.push([a, addDays(a, 3 + Math.floor(rand() * 20))]);
  }
  const extraFirst = rand() < 0.5;
  let dateHeads: DottedCase['dateHeads'];
  let head: string[];
  let body: unknown[][];
  const notDates = [pick(rand, ['版', 'Ver.', '改訂']), pick(rand, ['工数(人日)', '見積(h)'])];
  const version = (k: number) => `${1 + (k % 2)}.${1 + k}`;
  const amount = () => pick(rand, ['3.5', '12.25', '0.5', '7.75', '1.2']);
  if (register === 'wbs') {
    const [s, f] = pick(rand, WBS_HEADS);
    dateHeads = [{ head: s, field: 'plannedStart' }, { head: f, field: 'plannedFinish' }];
    // WBS codes 1 / 1.1 / 1.2 … as text: one phase per three tasks.
    const codes = days.map((_, k) => `${1 + Math.floor(k / 3)}.${1 + (k % 3)}`);
    head = ['WBS', '作業名', '担当', ...(extraFirst ? [notDates[0]!] : []), s, f, ...(extraFirst ? [] : [notDates[0]!]), notDates[1]!];
    body = days.map((d, k) => [codes[k], `作業${k + 1}`, pick(rand, ['佐藤', '鈴木', '高橋']), ...(extraFirst ? [version(k)] : []), written(d[0]!, form), written(d[1]!, form), ...(extraFirst ? [] : [version(k)]), amount()]);
  } else {
    const [known, field] = pick(rand, ISSUE_KNOWN);
    const own = pick(rand, OWN_DATE_WORDS);
    dateHeads = [{ head: known, field }, { head: own, field: null }];
    head = ['No', '件名', '担当者', ...(extraFirst ? [notDates[0]!] : []), known, own, '状況', ...(extraFirst ? [] : [notDates[0]!]), notDates[1]!];
    body = days.map((d, k) => [k + 1, `問合せ${k + 1} の確認`, pick(rand, ['佐藤', '鈴木', '高橋']), ...(extraFirst ? [version(k)] : []), written(d[0]!, form), written(d[1]!, form), pick(rand, ['対応中', '完了', '未着手']), ...(extraFirst ? [] : [version(k)]), amount()]);
  }
  if (context === 'beside') {
    // Real dates of the same year beside (a registration date): they place the dotted dates' year.
    head.push(register === 'wbs' ? '登録日' : '登録日付');
    body.forEach((r, k) => r.push(new Date(Date.parse(`${addDays(days[k]![0]!, -2)}T00:00:00Z`))));
  }
  for (const r of rows) ws.addRow(r);
  ws.addRow(head);
  for (const r of body) ws.addRow(r);
  ws.getColumn(head.length).numFmt = 'yyyy/mm/dd';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { label: `seed ${seed} ${register} ${form} ${context} [${head.join('|')}]`, register, form, bytes, dateHeads, days, notDates, headerRow };
}

