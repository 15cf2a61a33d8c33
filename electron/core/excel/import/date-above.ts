// The date a sheet states above its table (the minutes' 日時 2025年7月8日(火) 10:00～11:00, 作成日
// 2025/4/1, Date: June 2, 2025): the file's own day, which places the table's dates written without a
// year better than today does (blind set 4, J2). Pure.
import { parseDateText, serialToIso } from '../../../common/excel/client-dates.js';
import type { SheetIndex } from './sheet-index.js';

/** A date with its year inside a longer text: 2025年7月8日, 2025/7/8, 2025-07-08, 令和7年7月8日. */
const DATE_IN_TEXT = /(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}|(?:令和|平成)\s*(?:元|\d{1,2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/;

/** How far above the header a title block's date may sit. */
const ROWS_ABOVE = 20;

/**
 * The last full date (one with its year) in the rows above the header — the one nearest the table —,
 * as an Excel date or as text alone or inside a line (日時：2025年7月8日(火) 10:00～11:00); null when none.
 */
export function dateAboveTable(ix: SheetIndex, headerTop: number, date1904: boolean): string | null {
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - ROWS_ABOVE); r--) {
    const cells = ix.row(r)?.cells ?? [];
    for (let k = cells.length - 1; k >= 0; k--) {
      const cell = cells[k]!;
      if (cell.t === 'd') {
        const iso = serialToIso(cell.v as number, date1904);
        if (iso) return iso;
      }
      if (cell.t !== 's') continue;
      const text = (cell.v as string).normalize('NFKC');
      const whole = parseDateText(text, '2000-01-01');
      if (whole.ok && !whole.yearInferred) return whole.iso;
      const inside = DATE_IN_TEXT.exec(text);
      const part = inside ? parseDateText(inside[0], '2000-01-01') : null;
      if (part?.ok && !part.yearInferred) return part.iso;
    }
  }
  return null;
}

// A year alone in a title above the table (2025年 課題一覧, Issue Log 2025, 課題管理表（2025）): the year the
// table's dates written without one are in (blind set 11, C6). Not a fiscal year (2025年度, FY2025: a plan's
// fiscal year is read elsewhere), nor a year inside a standard's or a version's name (ISO 9001:2015, v2024).
const TITLE_YEAR = /(?:^|[\s(（【\[])((?:19|20)\d{2})(?:年(?!度)|(?=[\s)）】\]]|$))/u;

/** The year a title above the header states alone, nearest the table first; null when none. */
export function yearAboveTable(ix: SheetIndex, headerTop: number): number | null {
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - ROWS_ABOVE); r--)
    for (const cell of ix.row(r)?.cells ?? []) {
      if (cell.t !== 's') continue;
      const text = (cell.v as string).normalize('NFKC');
      if (/\bFY|年度/iu.test(text)) continue;
      const m = TITLE_YEAR.exec(text);
      if (m) return Number(m[1]);
    }
  return null;
}
