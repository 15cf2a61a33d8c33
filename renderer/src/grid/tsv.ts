// Tab-separated text as Excel puts it on the clipboard and expects it back: rows end with CRLF,
// a cell holding a tab, line break or quote is wrapped in quotes with quotes doubled.

/** Clipboard text → rows of cells. A trailing line break (Excel always adds one) adds no row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= n) {
    if (i === n) {
      // End of text: the last row, unless the text ended with a line break.
      if (row.length > 0 || (n > 0 && text[n - 1] !== '\n' && text[n - 1] !== '\r')) {
        if (row.length === 0) row.push('');
        endRow();
      }
      break;
    }
    let cell: string;
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
      } else {
        // A quote that does not wrap the whole cell is part of the text (Excel does the same).
        const end = cellEnd(text, i);
        cell = text.slice(i, end);
        i = end;
      }
    } else {
      const end = cellEnd(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === '\t') {
      i++;
      if (i === n) {
        row.push('');
        endRow();
        break;
      }
    } else {
      // \r\n, \n or a lone \r ends the row.
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      if (i === n) break;
    }
  }
  return rows;
}

function cellEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** A quoted cell starting at `from`, if it closes right before a tab, line break or the end. */
function readQuoted(text: string, from: number): { value: string; end: number } | null {
  let value = '';
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { value: value.replace(/\r\n/g, '\n'), end: i + 1 };
      return null;
    }
    value += c;
    i++;
  }
  return null;
}

/** Rows of cells → clipboard text that Excel pastes into the same cells. */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map(quoteIfNeeded).join('\t')).join('\r\n');
}

function quoteIfNeeded(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
