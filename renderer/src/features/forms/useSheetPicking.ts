// Picking on the form's sheet: the item chosen on the left (a cell's field, a table's rows or column,
// a chart), the cell cursor, the row a range starts at, and what a click, a drag or a key does with
// them. Keyboard: arrows move the cursor, Enter assigns the chosen item to it, Delete unmaps it,
// Shift+arrows pick a table's rows, Esc drops the chosen item; Home/End, PageUp/PageDown and
// Ctrl+Home/End move further.
import { useRef, useState, type Dispatch, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { columnName } from '../../../../electron/common/excel/model.js';
import type { KindSpec } from './formKinds.js';
import {
  a1,
  anchorOf,
  assignCell,
  assignColumn,
  assignImage,
  assignRows,
  blockOf,
  columnIndex,
  jumpCursor,
  moveCursor,
  posOf,
  removeAt,
  targetOf,
  type PickLayout,
  type Pos,
  type Tool,
} from './formModel.js';
import type { SheetView } from './useSheetView.js';

interface PickingInput {
  layout: PickLayout;
  setLayout: Dispatch<SetStateAction<PickLayout>>;
  kind: KindSpec;
  view: Pick<SheetView, 'names' | 'merges' | 'extent'>;
  gridRef: RefObject<HTMLDivElement | null>;
  listLabel(list: string): string;
}

export function useSheetPicking({ layout, setLayout, kind, view, gridRef, listLabel }: PickingInput) {
  const { t } = useTranslation();
  const { names, merges, extent } = view;
  const [tool, setTool] = useState<Tool | null>(null);
  const [cursor, setCursor] = useState<Pos>({ r: 1, c: 0 });
  /** The row a range of rows starts at (drag, Shift+click, Shift+arrows). */
  const [anchor, setAnchor] = useState<number | null>(null);
  /** Why the last pick was not taken (overlapping rows, a column outside its table). */
  const [problem, setProblem] = useState<string | null>(null);
  /** The latest state, for the pointer's release (which may come outside the sheet). */
  const latest = useRef({ layout, cursor, anchor, tool });
  latest.current = { layout, cursor, anchor, tool };
  const dragging = useRef(false);

  /** The layout changes by a pick or a removal (null: the pick changed nothing). */
  const change = (next: PickLayout | null) => {
    if (!next) return;
    setLayout(next);
    setProblem(null);
  };

  /** The chosen table covers rows a..b (either order). */
  const setRows = (list: string, a: number, b: number) => {
    const res = assignRows(latest.current.layout, list, a, b);
    if (!res.ok) return setProblem(t('minutesForm.problem.overlap', { list: listLabel(res.other) }));
    change(res.layout);
  };

  /** A click or Enter on a cell with an item or a table column chosen. */
  const pickCell = (p: Pos) => {
    if (!tool || tool.kind === 'rows') return;
    if (tool.kind === 'cell') return change(assignCell(layout, tool.field, a1(p.r, p.c), names, kind.fields));
    if (tool.kind === 'image') return change(assignImage(layout, tool.chart, a1(p.r, p.c), kind.charts));
    const b = blockOf(layout, tool.list);
    if (!b) return;
    if (p.r < b.firstRow || p.r > b.lastRow)
      return setProblem(t('minutesForm.problem.outside', { list: listLabel(tool.list), first: b.firstRow, last: b.lastRow }));
    change(assignColumn(layout, tool.list, tool.field, columnName(p.c), kind.lists));
  };

  const onCellDown = (p: Pos, opts: { shift: boolean; header: boolean }) => {
    const at = opts.header ? { r: p.r, c: cursor.c } : anchorOf(p, merges.covered);
    if (tool?.kind === 'rows') {
      const list = tool.list;
      if (opts.shift && anchor !== null) {
        setCursor(at);
        return setRows(list, anchor, at.r);
      }
      setAnchor(at.r);
      setCursor(at);
      dragging.current = true;
      window.addEventListener(
        'mouseup',
        () => {
          if (!dragging.current) return;
          dragging.current = false;
          const s = latest.current;
          if (s.tool?.kind === 'rows' && s.anchor !== null) setRows(s.tool.list, s.anchor, s.cursor.r);
        },
        { once: true },
      );
      return;
    }
    setCursor(at);
    setAnchor(null);
    if (!opts.header) pickCell(at);
  };

  const onCellEnter = (p: Pos) => {
    if (!dragging.current) return;
    setCursor((c) => (c.r === p.r ? c : { r: p.r, c: p.c < 0 ? c.c : anchorOf(p, merges.covered).c }));
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key;
    if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight') {
      e.preventDefault();
      if (e.shiftKey && tool?.kind === 'rows') {
        if (anchor === null) setAnchor(cursor.r);
      } else setAnchor(null);
      setCursor(moveCursor(cursor, key, merges, extent));
    } else if (key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown') {
      e.preventDefault();
      if (e.shiftKey && tool?.kind === 'rows') {
        if (anchor === null) setAnchor(cursor.r);
      } else setAnchor(null);
      const page = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 500) / 24) - 2);
      setCursor(jumpCursor(cursor, key, e.ctrlKey || e.metaKey, merges, extent, page));
    } else if (key === 'Enter') {
      e.preventDefault();
      if (tool?.kind === 'rows') {
        setRows(tool.list, anchor ?? cursor.r, cursor.r);
        setAnchor(null);
      } else pickCell(cursor);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      change(removeAt(layout, cursor, names));
    } else if (key === 'Escape' && (tool || anchor !== null)) {
      // Esc first drops the chosen item; a prevented keydown is no close request, so the dialog stays.
      e.preventDefault();
      setTool(null);
      setAnchor(null);
      setProblem(null);
    }
  };

  /** An item of the left panel is chosen: the cursor goes to where it is mapped, the keyboard to the sheet. */
  const choosePick = (next: Tool) => {
    setTool(next);
    setAnchor(null);
    setProblem(null);
    if (next.kind === 'cell') {
      const c = layout.cells.find((x) => x.field === next.field);
      const p = c ? targetOf(c.ref, layout.sheet, names) : null;
      if (p) setCursor(p);
    } else if (next.kind === 'image') {
      const im = layout.images?.find((x) => x.chart === next.chart);
      const p = im ? posOf(im.ref) : null;
      if (p) setCursor(anchorOf(p, merges.covered));
    } else {
      const b = blockOf(layout, next.list);
      const col = next.kind === 'column' ? b?.columns.find((c) => c.field === next.field) : undefined;
      if (b) setCursor(anchorOf({ r: b.firstRow, c: col ? columnIndex(col.column) : cursor.c }, merges.covered));
    }
    gridRef.current?.focus({ preventScroll: true });
  };

  const isTool = (x: Tool) => JSON.stringify(x) === JSON.stringify(tool);
  /** The rows a table's range covers while it is being picked. */
  const range = tool?.kind === 'rows' && anchor !== null ? { r1: Math.min(anchor, cursor.r), r2: Math.max(anchor, cursor.r) } : null;

  return { tool, setTool, cursor, setCursor, problem, range, change, choosePick, isTool, onCellDown, onCellEnter, onGridKey };
}

export type SheetPicking = ReturnType<typeof useSheetPicking>;
