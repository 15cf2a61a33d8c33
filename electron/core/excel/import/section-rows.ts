// Section rows inside a register's table (■ 技術リスク, Phase 2 – Build, 【設計】 alone in the first cell,
// often bold or filled, its records below it): the group a person reads the records below in. Where the
// register has a category or phase field no column fills, each record under a section takes its name
// there; the row itself is listed as a section title, never as a template row or a separator (issue 11,
// unseen sets 12–14: such rows were left out as 'template row' and what they said was lost). A WBS reads
// its sections as phases (phase-rows.ts).
import type { TableLayout } from './detect.js';
import type { DataRows } from './data-range.js';
import type { SheetIndex } from './sheet-index.js';
import type { Cell } from '../../../common/excel/model.js';
import { fieldSpec } from '../../../common/excel/fields.js';
import { FOOTER } from './table-ends.js';
import { timeSection } from './time-sections.js';
import { MARKED, NOT_PHASE } from './phase-rows.js';

/** The left-out reasons a section row is found under (what the data range calls a row of one text). */
const AS = new Set(['separator', 'section title', 'template row', 'note']);
/** Words that say a section is a phase of the work, not a kind of record. */
const PHASE = /フェーズ|ﾌｪｰｽﾞ|工程|段階|ステップ|ステージ|テスト|試験|\bphase\b|\bstage\b|\bstep\b|\bsprint\b|\btest(?:ing)?\b/i;
/** Heading marks and brackets around a section's name, left out of the value (■ 技術リスク → 技術リスク). */
const MARKS = /^[■□◆◇●◎★☆\s]+|^[【［\[〔《≪]\s*|\s*[】］\]〕》≫]$/g;

const hasContent = (c: Cell) => c.v !== null && !(c.t === 's' && (c.v as string).trim() === '');

export interface Sections {
  /** Section rows (0-based) and their names as written. */
  rows: Map<number, string>;
  /** The field the sections fill on their records (null: the register has none free), and each record's value. */
  field: string | null;
  values: Map<number, string>;
}

/**
 * The section rows of a register table: two or more rows left out of the records whose one text stands
 * in the table's first column (or merged across from it), each followed by a record (within a row),
 * none a dashed line, a note, a total, a footer or a period alone (a calendar's divider).
 */
export function sectionRows(ix: SheetIndex, layout: TableLayout, data: DataRows): Sections {
  const none: Sections = { rows: new Map(), field: null, values: new Map() };
  if (layout.target === 'wbs' || data.rows.length === 0) return none;
  const minC = Math.min(...layout.columns.map((m) => m.c));
  const maxC = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const records = data.rows;
  const rows = new Map<number, string>();
  for (const x of data.leftOut) {
    if (!AS.has(x.reason) || x.r > records[records.length - 1]!) continue;
    const filled = (ix.row(x.r)?.cells ?? []).filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    if (filled.length !== 1 || filled[0]!.t !== 's' || filled[0]!.c !== minC) continue;
    const name = (filled[0]!.v as string).trim();
    const plain = name.normalize('NFKC');
    if (name.length > 40 || !/\p{L}/u.test(name) || NOT_PHASE.test(plain) || FOOTER.test(plain) || (timeSection(name) && !MARKED.test(name))) continue;
    const next = records.find((r) => r > x.r);
    if (next === undefined || next > x.r + 2) continue;
    rows.set(x.r, name);
  }
  if (rows.size < 2) return none;
  const mapped = new Set(layout.columns.map((m) => m.field));
  const free = (f: string) => fieldSpec(layout.target, f) !== undefined && !mapped.has(f);
  const names = [...rows.values()];
  const field = free('phase') && (names.every((n) => PHASE.test(n)) || !free('category')) ? 'phase' : free('category') ? 'category' : null;
  const values = new Map<number, string>();
  if (field !== null) {
    const starts = [...rows.keys()].sort((a, b) => a - b);
    let k = -1;
    for (const r of records) {
      while (k + 1 < starts.length && starts[k + 1]! < r) k++;
      if (k < 0) continue;
      const name = rows.get(starts[k]!)!;
      values.set(r, name.replace(MARKS, '').trim() || name);
    }
  }
  return { rows, field, values };
}
