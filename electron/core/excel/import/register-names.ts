// The register a workbook names itself: a sheet called 課題一覧 or Action Log, a title 課題管理表 over the
// table. Column words alone may fit two registers nearly as well (an issue log has the owner, due date
// and status a risk register has); what the client called the sheet says which one it keeps there.
import { REGISTER_LIST } from '../../../common/registers/index.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../../common/excel/fields.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import { SheetIndex } from './sheet-index.js';

const WBS_TITLE_WORDS = ['wbs', '工程表', 'スケジュール', 'ガント', '作業計画', 'タスク一覧', 'schedule', 'gantt', 'project plan', 'work plan', 'task list'];

const TITLE_WORDS = Object.fromEntries([['wbs', WBS_TITLE_WORDS], ...REGISTER_LIST.map((d) => [d.name, [...(d.qualifiers ?? []), ...d.titleWords]])]) as Record<ImportTarget, readonly string[]>;

/** A title over a table: short text, not a sentence of instructions. */
const TITLE_LENGTH = 40;
/** Rows above a table's header read for its title. */
const TITLE_ROWS = 10;

/** The sheet's name and the short texts above a table's header (0-based), folded for matching. */
export function tableTitle(model: WorkbookModel, sheetName: string, headerTop: number): string {
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) return '';
  const ix = new SheetIndex(sheet);
  const texts = [sheetName];
  for (let r = Math.max(0, headerTop - TITLE_ROWS); r < headerTop; r++)
    for (const c of ix.row(r)?.cells ?? []) if (c.t === 's' && (c.v as string).trim().length <= TITLE_LENGTH) texts.push(c.v as string);
  return texts.join('\n').normalize('NFKC').toLowerCase();
}

/** The register's words occur in a table's title text (tableTitle): Latin ones as whole words. */
export function titleNames(target: ImportTarget, title: string): boolean {
  return TITLE_WORDS[target].some((w) => {
    const word = w.normalize('NFKC').toLowerCase();
    if (!/^[\x20-\x7e]+$/.test(word)) return title.includes(word);
    return new RegExp(`(^|[^a-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(title);
  });
}

/** Rows above a header searched for the title of its own section. */
const SECTION_ROWS = 2;

/**
 * The title of a header's own section, folded: the text alone (up to the header's last column) on the
 * nearest such row within SECTION_ROWS above the header (0-based), as ■課題 over one header and ■リスク
 * over the same header further down a 課題・リスク管理表; '' when there is none. Nearer than the sheet's
 * name, it says which register the section keeps.
 */
export function sectionTitleAbove(ix: SheetIndex, headerTop: number, span: { c1: number; c2: number }): string {
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - SECTION_ROWS); r--) {
    // (Over the table's columns or at the margin left of them: a legend's or a side table's title to the right is theirs.)
    const filled = (ix.row(r)?.cells ?? []).filter((c) => c.c <= span.c2 && !(c.t === 's' && (c.v as string).trim() === ''));
    if (filled.length === 0) continue;
    const text = filled.length === 1 && filled[0]!.t === 's' ? (filled[0]!.v as string).trim() : '';
    return text.length <= TITLE_LENGTH ? text.normalize('NFKC').toLowerCase() : '';
  }
  return '';
}

/** The registers a (folded) title names. */
export function registersNamed(title: string): ImportTarget[] {
  return title === '' ? [] : IMPORT_TARGETS.filter((t) => titleNames(t, title));
}
