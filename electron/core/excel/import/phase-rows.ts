// Phase rows of a WBS: a row that spans the table over its tasks (【フェーズ1】要件定義 merged across A:H,
// often gray; or only the first cell filled, left of the task names; Phase 1: Design) is the phase the
// tasks below it belong to, a summary at depth 0 with its tasks at depth 1 — not a separator left out,
// and not a task of its own beside them (blind set 5, K5). Real separators stay out: a dashed line, an
// arrow note (↓今日やるやつ), 以下余白, a totals row, a note.
import type { TableLayout } from './detect.js';
import type { DataRows } from './data-range.js';
import type { SheetIndex } from './sheet-index.js';
import type { Cell } from '../../../common/excel/model.js';
import { KEY_FIELD } from '../../../common/excel/fields.js';
import { FOOTER } from './table-ends.js';
import { timeSection } from './time-sections.js';

/** A phase's own word at the start: フェーズ1, Phase 2:, 第3工程, Step 1, Stage 2, 工程1. */
const PHASE_WORD = /^(?:フェーズ|ﾌｪｰｽﾞ|phase|step|stage|工程|段階|ステップ|ステージ)\s*[\d０-９一二三四五六七八九十ivx]+|^第\s*[\d０-９一二三四五六七八九十]+\s*(?:フェーズ|工程|段階|期|ステップ)/i;
/** A label bracketed at its start: 【フェーズ1】要件定義, [Phase 1] Design, ［設計］. */
const BRACKETED = /^[【［\[〔《≪][^】］\]〕》≫]{1,30}[】］\]〕》≫]/;
/** A heading mark before a label: ■ 設計フェーズ, ◆ Build (unseen sets 12–14: such a row alone in the name column was left out as a separator). */
export const MARKED = /^[■□◆◇●◎★☆]\s*[^\s■□◆◇●◎★☆]/;
/** What no phase is: a dashed line, an arrow or note mark, the end of the rows, totals, a note. */
export const NOT_PHASE = /^(?:[-=─━_~〜・.ー－―]{3,}|[↓→⇒▼▽※＊*]|[-ー－―─\s]*(?:以下余白|以上|end)[-ー－―─\s]*$|(?:合計|小計|総計|total|sub ?total|grand total)\b|(?:注|備考|notes?)\s*[:：])/i;

const hasContent = (c: Cell) => !(c.t === 's' && (c.v as string).trim() === '') && c.v !== null;

/**
 * The 0-based rows of the table that are phases (with their names), among the rows the data range left out
 * as separators or section titles and the records that fill one cell only. A phase has records under it.
 * Two or more, or one merged across the whole table: a single bracketed word over a plan may be a title;
 * one is enough where the profile knows the plan's phase rows (`known`).
 */
export function phaseRows(ix: SheetIndex, layout: TableLayout, data: DataRows, known = false): Map<number, string> {
  if (layout.target !== 'wbs' || data.rows.length === 0) return new Map();
  const key = layout.columns.find((m) => m.field === KEY_FIELD.wbs);
  if (!key) return new Map();
  const minC = Math.min(...layout.columns.map((m) => m.c));
  const maxC = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const records = new Set(data.rows);
  const candidates = [...data.leftOut.filter((x) => x.reason === 'separator' || x.reason === 'section title').map((x) => x.r), ...data.rows].sort((a, b) => a - b);
  const found = new Map<number, { name: string; wide: boolean }>();
  for (const r of candidates) {
    const filled = (ix.row(r)?.cells ?? []).filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    if (filled.length !== 1 || filled[0]!.t !== 's') continue;
    const cell = filled[0]!;
    const name = (cell.v as string).trim();
    if (NOT_PHASE.test(name.normalize('NFKC')) || calendarDivider(name)) continue;
    const m = ix.mergeAt(r, cell.c);
    const across = !!m && m.r1 === r && m.r2 === r && m.c1 === cell.c && m.c2 - m.c1 >= 2;
    const wide = across && m!.c1 <= minC && m!.c2 >= maxC;
    const worded = BRACKETED.test(name) || PHASE_WORD.test(name.normalize('NFKC')) || MARKED.test(name);
    // Only the first cell filled, left of the task names, where the records hold their IDs.
    const firstCell = cell.c === minC && cell.c < key.c;
    // (A record whose one cell stands left of the name column has no name: no task.)
    // On a record, only a phase's own word (フェーズ2 …) or a merge across says phase: a bracket tag is a
    // naming habit (【MTG】定例, [Bug]), and a name alone without the ID the other tasks have is what a task
    // added with its name only looks like after an export (review T8: tasks-jp-kondo's round trip read
    // such a task as a phase over the rows below it).
    const phaseWord = PHASE_WORD.test(name.normalize('NFKC'));
    if (!(across || (records.has(r) ? phaseWord : worded) || firstCell)) continue;
    // Its tasks follow: the next row is a record that is no phase row.
    const next = data.rows.find((x) => x > r);
    if (next === undefined || next > r + 2) continue;
    found.set(r, { name, wide });
  }
  // (The next record of a phase must be a task, not another phase.)
  for (const r of [...found.keys()]) {
    const next = data.rows.find((x) => x > r);
    if (next !== undefined && found.has(next)) found.delete(r);
  }
  // (Where the profile knows the plan's phase rows, one is enough.)
  if (found.size === 0 || (found.size === 1 && !known && ![...found.values()][0]!.wide)) return new Map();
  // Once the plan has phases, a row drawn as they are — one text in the column their text stands in,
  // merged as theirs are (across the whole table, or not at all) — is a phase too with no task under it
  // yet: a phase whose tasks were all deleted, a phase not broken down, or a top-level task, which is how
  // this layout shows one (before, such a row was lost as a title, or came back as a nameless task; a
  // phase only in the first cell lost it whatever was drawn, review U5).
  const drawn = [...found.keys()].map((r) => drawnAs(ix, r, minC, maxC));
  // (Not a text alone in the name column: that is a task added with its name only, review T8.)
  const like = (d: Drawn | null) => d !== null && (d.c2 > d.c1 || d.c < key.c) && drawn.some((p) => p !== null && p.c === d.c && p.c1 === d.c1 && p.c2 === d.c2);
  // (Such rows right after the last task are the table's too: the data range ends at its last record,
  // whose block may go on below it: its second row, its cells merged down.)
  const last = data.rows[data.rows.length - 1]!;
  let blockEnd = last;
  for (const [r, of] of data.continued) if (of === last && r > blockEnd) blockEnd = r;
  for (const c of ix.row(last)?.cells ?? []) {
    const m = ix.mergeAt(last, c.c);
    if (m && m.r1 === last && m.r2 > blockEnd) blockEnd = m.r2;
  }
  const after: number[] = [];
  for (let r = blockEnd + 1; like(drawnAs(ix, r, minC, maxC)); r++) after.push(r);
  for (const r of [...candidates, ...after]) {
    if (found.has(r)) continue;
    const d = drawnAs(ix, r, minC, maxC);
    if (!d || !like(d) || NOT_PHASE.test(d.name.normalize('NFKC')) || calendarDivider(d.name) || idAlone(d.name.normalize('NFKC'))) continue;
    // Past the last task, a line drawn as wide is as often the sheet's footer: a copyright, a sign-off
    // (作成：… 承認：…), the next section's title alone in brackets (【変更履歴】 under phases that name
    // themselves after their bracket) — none is a phase (review U15).
    if (r > last && footerLine(d.name.normalize('NFKC'), [...found.values()].map((p) => p.name.normalize('NFKC')))) continue;
    found.set(r, { name: d.name, wide: d.c1 <= minC && d.c2 >= maxC });
  }
  return new Map([...found].sort((a, b) => a[0] - b[0]).map(([r, p]) => [r, p.name]));
}

/**
 * A period alone (Q1 (Apr – Jun), 2025年4月: time-sections.ts) divides a calendar's records, no phase of
 * them — unless bracketed as the plan's headings are (【第1四半期（4～6月）】: blind set 9 reads it as the
 * group of the trainings under it, blind set 10 its plain Q1 (Apr – Jun) as a divider).
 */
const calendarDivider = (name: string) => timeSection(name) && !BRACKETED.test(name);

/** An ID alone (T-05, A12, 3.1): a record's number without its text, never a phase's name. */
const idAlone = (text: string) => /^[a-z]{0,4}[-_]?\d+(?:[.\-_]\d+)*$/i.test(text) && !PHASE_WORD.test(text);

interface Drawn {
  name: string;
  /** The column of its text, and the columns of the range it is merged over (c1 = c2 = c: none). */
  c: number;
  c1: number;
  c2: number;
}

/** How a row of one text in the table's columns is drawn: its text, its column, its merge across; null for other rows. */
function drawnAs(ix: SheetIndex, r: number, minC: number, maxC: number): Drawn | null {
  const filled = (ix.row(r)?.cells ?? []).filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
  if (filled.length !== 1 || filled[0]!.t !== 's') return null;
  const cell = filled[0]!;
  const m = ix.mergeAt(r, cell.c);
  if (m && (m.r1 !== r || m.r2 !== r || m.c1 !== cell.c)) return null;
  return { name: (cell.v as string).trim(), c: cell.c, c1: m ? m.c1 : cell.c, c2: m ? m.c2 : cell.c };
}

/** A sign-off line: 作成：PMO室　承認：山田, Prepared by: …, or two 'label: value' pairs on one line. */
const SIGN_OFF = /^(?:作成|承認|確認|検印|作成者|承認者|確認者|作成日|更新日|prepared by|approved by|reviewed by|checked by)\s*[：:]|[^\s：:]+\s*[：:]\s*\S+[\s\u3000]+[^\s：:]+\s*[：:]/i;
/** A title wholly in brackets: 【変更履歴】, [Appendix]. */
const BRACKETED_ONLY = /^[【\[〔(][^】\]〕)]*[】\]〕)]$/;

function footerLine(text: string, phases: string[]): boolean {
  if (FOOTER.test(text) || SIGN_OFF.test(text)) return true;
  return BRACKETED_ONLY.test(text) && !phases.every((p) => BRACKETED_ONLY.test(p));
}
