import { useRef, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';

/**
 * A row just added opens its `column` cell for typing (IME included) once the grid shows it:
 * call `editWhenShown(id)` before reloading, and pass `onRowsShown` to the grid.
 */
export function useEditWhenShown<T>(grid: RefObject<AgGridReact<T> | null>, column: string) {
  const pending = useRef<number | null>(null);
  return {
    editWhenShown: (id: number) => (pending.current = id),
    onRowsShown: () => {
      const api = grid.current?.api;
      const node = pending.current === null ? undefined : api?.getRowNode(String(pending.current));
      if (!api || node?.rowIndex == null) return;
      pending.current = null;
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, column);
      api.startEditingCell({ rowIndex: node.rowIndex, colKey: column });
    },
  };
}
