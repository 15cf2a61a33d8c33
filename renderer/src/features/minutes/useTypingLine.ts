import { useRef, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';

/**
 * The minutes' lists end with an empty line to type the next item into. After an item typed there is
 * stored, the cursor follows to the new empty line — only if it is still where the item was typed
 * (a user who moved on keeps their place). Each grid is as tall as its rows: the page scrolls.
 */
export function useTypingLine<T>(grid: RefObject<AgGridReact<T> | null>) {
  const pending = useRef<{ from: number; row: number; col: string } | null>(null);
  return {
    /** Call when a value is typed into the empty line at `row`, column `col`. */
    typedOnLine(row: number, col: string) {
      pending.current = { from: row, row: row + 1, col };
    },
    onRowsShown() {
      const api = grid.current?.api;
      if (api && api.getGridOption('domLayout') !== 'autoHeight') api.setGridOption('domLayout', 'autoHeight');
      const want = pending.current;
      if (!api || !want || api.getDisplayedRowCount() <= want.row) return;
      pending.current = null;
      const at = api.getFocusedCell();
      if (api.getEditingCells().length > 0 || !at || at.rowIndex !== want.from || at.column.getColId() !== want.col) return;
      api.ensureIndexVisible(want.row);
      api.setFocusedCell(want.row, want.col);
    },
    /** 行追加: the empty line opens for typing in `col` (nothing is stored until something is typed). */
    openLine(col: string) {
      const api = grid.current?.api;
      if (!api) return;
      const row = api.getDisplayedRowCount() - 1;
      api.ensureIndexVisible(row);
      api.setFocusedCell(row, col);
      api.startEditingCell({ rowIndex: row, colKey: col });
    },
  };
}
