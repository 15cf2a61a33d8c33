// What AG Grid Community leaves to us (range selection, clipboard and fill are Enterprise features):
// a rectangular range by mouse and Shift+arrows, Ctrl+C as Excel-compatible TSV, Ctrl+V of a block,
// Ctrl+D fill down, Delete to clear, Ctrl+Z / Ctrl+Y. Every change becomes one CellPlan that the
// page sends as one API call, so it is one batch and one undo step.
import { useCallback, useMemo, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellFocusedEvent, Column, GridApi } from 'ag-grid-community';
import type { CellKind } from './cellValues.js';
import { planClear, planFillDown, planPaste, type BadCell, type CellPlan, type PlanColumn } from './cellPlan.js';
import { bounds, clampRange, contains, isSingleCell, type CellRef, type Range } from './range.js';
import { parseTsv, toTsv } from './tsv.js';

export interface SpreadsheetOptions<T extends { id: number }> {
  grid: RefObject<AgGridReact<T> | null>;
  /** Field → how typed or pasted text is read. Fields not listed are text. */
  kinds: Record<string, CellKind>;
  /** The value a cleared cell takes (Delete). */
  emptyValue(column: PlanColumn): unknown;
  onApply(plan: CellPlan): Promise<void>;
  onBadCells(bad: BadCell[]): void;
  onUndo(): void;
  onRedo(): void;
  /** Page-specific shortcuts (e.g. Tab to indent in the WBS); return true when handled. */
  onKey?(event: KeyboardEvent, row: T | undefined): boolean;
  /** The rows the range covers, top to bottom, whenever it changes (for row commands like indent). */
  onSelectRows?(rows: T[]): void;
  /** Ctrl+Shift+= (Ctrl++): insert `count` rows above `before` (the range's top row). */
  onInsertRows?(before: T | undefined, count: number): void;
  /** Ctrl+-: delete these rows (the page asks first when they hold data). */
  onDeleteRows?(rows: T[]): void;
  /** F1 or ?: show the shortcut sheet. */
  onHelp?(): void;
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Excel's insert-rows key: Ctrl+Shift+= on a US keyboard, Ctrl++ (Ctrl+Shift+; on a JIS one), numpad +. */
export function isInsertRowsKey(e: KeyLike): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
  return e.key === '+' || e.code === 'NumpadAdd' || (e.shiftKey && (e.key === '=' || e.code === 'Equal'));
}

/** Excel's delete-rows key: Ctrl+- (main keyboard or numpad). */
export function isDeleteRowsKey(e: KeyLike): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
  return e.key === '-' || e.code === 'Minus' || e.code === 'NumpadSubtract';
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function useSpreadsheet<T extends { id: number }>(opts: SpreadsheetOptions<T>) {
  const range = useRef<Range | null>(null);
  const dragging = useRef(false);
  // AG Grid hands its focus reports to us later (queued behind a setTimeout), and Chromium can run the
  // next key press first: a click's report can arrive after the Shift+↓ that followed it. So a report is
  // only a hint to look at where the grid's focus is now; `seen` is the focused cell the range already
  // accounts for (set by every focus move we make ourselves), and any other focused cell collapses the
  // range to it, as a focus move does in Excel.
  const seen = useRef<CellRef | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const api = (): GridApi<T> | undefined => opts.grid.current?.api;
  const columnsOf = (a: GridApi<T>): Column[] => a.getAllDisplayedColumns();

  const planColumns = (a: GridApi<T>): PlanColumn[] =>
    columnsOf(a).map((c) => {
      const def = c.getColDef();
      const field = def.field ?? c.getColId();
      return { field, kind: optsRef.current.kinds[field] ?? 'text', editable: def.editable !== false, header: def.headerName ?? field };
    });

  /** A cell's stored value, through the column's value getter when it has one (extra columns). */
  const valueAt = (a: GridApi<T>, row: number, colId: string): unknown => {
    const node = a.getDisplayedRowAtIndex(row);
    return node ? a.getCellValue({ rowNode: node, colKey: colId }) : undefined;
  };

  const rowIds = (a: GridApi<T>): number[] => {
    const ids: number[] = [];
    for (let i = 0; i < a.getDisplayedRowCount(); i++) ids.push(a.getDisplayedRowAtIndex(i)!.data!.id);
    return ids;
  };

  const setRange = (wanted: Range | null) => {
    const a = api();
    const next = wanted && a ? clampRange(wanted, a.getDisplayedRowCount(), columnsOf(a).length) : wanted;
    range.current = next;
    if (!a) return;
    a.refreshCells({ force: true });
    const b = next && bounds(next);
    const rows: T[] = [];
    if (b) for (let i = b.top; i <= b.bottom; i++) rows.push(a.getDisplayedRowAtIndex(i)!.data!);
    optsRef.current.onSelectRows?.(rows);
  };

  /** The range to act on: the selected one, kept inside the rows there are now, or the focused cell. */
  const current = (a: GridApi<T>): Range | null => {
    if (range.current) return clampRange(range.current, a.getDisplayedRowCount(), columnsOf(a).length);
    const f = a.getFocusedCell();
    if (!f) return null;
    const col = columnsOf(a).indexOf(f.column as Column);
    return { anchor: { row: f.rowIndex, col }, focus: { row: f.rowIndex, col } };
  };

  /** Collapses the range to the grid's focused cell when the focus moved in a way we did not make. */
  const reconcile = (a: GridApi<T>) => {
    const f = a.getFocusedCell();
    if (dragging.current || !f || f.rowIndex === null) return;
    const cell = { row: f.rowIndex, col: columnsOf(a).indexOf(f.column as Column) };
    if (cell.col < 0 || (seen.current && seen.current.row === cell.row && seen.current.col === cell.col)) return;
    seen.current = cell;
    setRange({ anchor: cell, focus: cell });
  };

  const send = async (plan: CellPlan) => {
    if (plan.bad.length) return optsRef.current.onBadCells(plan.bad);
    if (plan.updates.length || plan.creates.length) await optsRef.current.onApply(plan);
  };

  const onKeyDownCapture = (e: KeyboardEvent) => {
    const a = api();
    if (!a || a.getEditingCells().length > 0) return; // the editor owns its keys
    // A key of an IME word being composed in the selected cell (useImeStart): the grid must not start
    // editing with its letter ("t" of たなか) or move; the word opens the editor when it is committed.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return void e.stopPropagation();
    reconcile(a); // a focus move whose report has not arrived yet
    const focused = a.getFocusedCell();
    const row = focused ? a.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handled = (() => {
      if (optsRef.current.onKey?.(e, row)) return true;
      if ((key === 'F1' || (key === '?' && !ctrl && !e.altKey)) && optsRef.current.onHelp) return optsRef.current.onHelp(), true;
      const r = current(a);
      if (!r) return false;
      if (isInsertRowsKey(e) && optsRef.current.onInsertRows) {
        const b = bounds(r);
        return optsRef.current.onInsertRows(a.getDisplayedRowAtIndex(b.top)?.data, b.bottom - b.top + 1), true;
      }
      if (isDeleteRowsKey(e) && optsRef.current.onDeleteRows) {
        const b = bounds(r);
        const rows: T[] = [];
        for (let i = b.top; i <= b.bottom; i++) {
          const data = a.getDisplayedRowAtIndex(i)?.data;
          if (data) rows.push(data);
        }
        return optsRef.current.onDeleteRows(rows), true;
      }
      if (e.shiftKey && !ctrl && !e.altKey && ARROWS[key]) {
        const [dr, dc] = ARROWS[key]!;
        const cols = columnsOf(a);
        const focus = {
          row: Math.min(Math.max(r.focus.row + dr, 0), a.getDisplayedRowCount() - 1),
          col: Math.min(Math.max(r.focus.col + dc, 0), cols.length - 1),
        };
        setRange({ anchor: r.anchor, focus });
        seen.current = focus;
        a.ensureIndexVisible(focus.row);
        a.setFocusedCell(focus.row, cols[focus.col]!);
        return true;
      }
      if ((key === 'Home' || key === 'End') && !e.shiftKey && !e.altKey) {
        // As in Excel: Home/End go to the row's first/last column, Ctrl+Home/End to the grid's corners.
        const cols = columnsOf(a);
        const row = ctrl ? (key === 'Home' ? 0 : a.getDisplayedRowCount() - 1) : r.focus.row;
        const col = key === 'Home' ? 0 : cols.length - 1;
        a.ensureIndexVisible(row);
        a.ensureColumnVisible(cols[col]!);
        a.setFocusedCell(row, cols[col]!);
        return true;
      }
      if (ctrl && key === 'a') {
        setRange({ anchor: { row: 0, col: 0 }, focus: { row: a.getDisplayedRowCount() - 1, col: columnsOf(a).length - 1 } });
        return true;
      }
      if (ctrl && key === 'd') return void send(planFillDown(r, rowIds(a), planColumns(a), (i, f) => valueAt(a, i, f))), true;
      if (key === 'Delete' || key === 'Backspace') return void send(planClear(r, rowIds(a), planColumns(a), optsRef.current.emptyValue)), true;
      if (ctrl && key === 'z' && !e.shiftKey) return optsRef.current.onUndo(), true;
      if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) return optsRef.current.onRedo(), true;
      if (key === 'Escape' && range.current) return setRange(null), true;
      return false;
    })();
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onCopy = (e: ClipboardEvent) => {
    const a = api();
    if (!a || a.getEditingCells().length > 0) return;
    const r = current(a);
    if (!r) return;
    const b = bounds(r);
    const cols = columnsOf(a);
    const rows: string[][] = [];
    for (let i = b.top; i <= b.bottom; i++) {
      const node = a.getDisplayedRowAtIndex(i);
      const cells: string[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const v = node ? a.getCellValue({ rowNode: node, colKey: cols[c]!, useFormatter: true }) : '';
        cells.push(v === null || v === undefined ? '' : String(v));
      }
      rows.push(cells);
    }
    e.clipboardData.setData('text/plain', toTsv(rows));
    e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent) => {
    const a = api();
    if (!a || a.getEditingCells().length > 0) return;
    const r = current(a);
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    e.preventDefault();
    if (!r || block.length === 0) return;
    void send(planPaste(block, r, rowIds(a), planColumns(a)));
  };

  /** The grid cell under a mouse event, by displayed row index and column position. */
  const cellAt = (e: MouseEvent): CellRef | null => {
    const a = api();
    const cell = (e.target as HTMLElement).closest?.('.ag-cell');
    const row = cell?.closest('[row-index]');
    if (!a || !cell || !row) return null;
    const colId = cell.getAttribute('col-id');
    const col = columnsOf(a).findIndex((c) => c.getColId() === colId);
    return col < 0 ? null : { row: Number(row.getAttribute('row-index')), col };
  };

  // Mouse: a press starts a range (Shift+press extends it); moving with the button held drags it.
  const onMouseDownCapture = (e: MouseEvent) => {
    const cell = e.button === 0 ? cellAt(e) : null;
    if (!cell) return;
    setRange({ anchor: e.shiftKey && range.current ? range.current.anchor : cell, focus: cell });
    seen.current = cell;
    dragging.current = true;
    const stop = () => {
      dragging.current = false;
      window.removeEventListener('mouseup', stop, true);
    };
    window.addEventListener('mouseup', stop, true);
  };

  const onMouseOver = (e: MouseEvent) => {
    if (!dragging.current || !range.current || (e.buttons & 1) === 0) return;
    const cell = cellAt(e);
    if (!cell || (cell.row === range.current.focus.row && cell.col === range.current.focus.col)) return;
    setRange({ anchor: range.current.anchor, focus: cell });
  };

  // Any focus move we did not cause (arrows, Tab, Enter, a new row focused by the page) collapses
  // the range to the focused cell, as in Excel. Keys the grid handles itself move its focus at once:
  // looked at as soon as the grid is done with the key (this bubbles after the grid's own listener).
  const onCellFocused = useCallback((e: CellFocusedEvent<T>) => reconcile(e.api), []);
  const onKeyDown = () => {
    const a = api();
    if (a && a.getEditingCells().length === 0) reconcile(a);
  };

  /** Selects a whole row as a range, its first cell focused (a search hit's row). */
  const selectRow = useCallback((row: number) => {
    const a = api();
    if (!a) return;
    const cols = columnsOf(a);
    if (cols.length === 0) return;
    setRange({ anchor: { row, col: 0 }, focus: { row, col: cols.length - 1 } });
    seen.current = { row, col: 0 };
    a.setFocusedCell(row, cols[0]!);
  }, []);

  const cellClassRules = useMemo(
    () => ({
      'pmo-in-range': (p: CellClassParams<T>) => {
        const r = range.current;
        if (!r || p.node.rowIndex === null) return false;
        const b = bounds(r);
        return !isSingleCell(b) && contains(b, p.node.rowIndex, p.api.getAllDisplayedColumns().indexOf(p.column as Column));
      },
    }),
    [],
  );

  return { onKeyDownCapture, onKeyDown, onCopy, onPaste, onMouseDownCapture, onMouseOver, onCellFocused, cellClassRules, selectRow };
}
