// A sheet of the client's form drawn as Excel shows it — column letters, row numbers, merged cells
// spanning, each cell's text — with the cells and rows mapped so far marked by their field. Up to
// 200 rows × 60 columns: rows are memoized and repaint only when their cursor, range or marks change,
// and one set of pointer handlers on the table serves every cell.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { columnName } from '../../../../electron/common/excel/model.js';
import { a1, rowSpans, rowWindow, type GridCell, type Mark, type Pos } from './formModel.js';

export type BlockRow = { list: string; first: boolean; last: boolean };

interface RowProps {
  r: number;
  cells: GridCell[];
  /** The cursor's column when it is in this row. */
  cursorC: number | null;
  inRange: boolean;
  block: BlockRow | undefined;
  marks: ReadonlyMap<number, Mark[]> | undefined;
  /** Changes whenever this row's marks (or their labels) do. */
  marksKey: string;
  labelOf(mark: Mark): string;
  fullLabelOf(mark: Mark): string;
}

const Row = memo(
  function Row({ r, cells, cursorC, inRange, block, marks, labelOf, fullLabelOf }: RowProps) {
    const cls = ['fx-row'];
    if (inRange) cls.push('in-range');
    if (block) cls.push('in-block', `list-${block.list}`, ...(block.first ? ['block-first'] : []), ...(block.last ? ['block-last'] : []));
    return (
      <tr className={cls.join(' ')} data-r={r} role="row" aria-rowindex={r + 1}>
        <th className={cursorC !== null ? 'rh current' : 'rh'} role="rowheader" data-r={r}>
          {r}
        </th>
        {cells.map((cell) => {
          const m = marks?.get(cell.c);
          const ref = a1(r, cell.c);
          const cursor = cursorC === cell.c;
          const k = ['fx-cell'];
          if (cursor) k.push('cursor');
          if (m) k.push(...m.map((x) => (x.kind === 'column' ? `mapped-col list-${x.key}` : x.kind === 'image' ? 'mapped-image' : 'mapped-cell')));
          const tags = m?.filter((x) => x.kind !== 'column' || x.head);
          const label = m?.map(fullLabelOf).join(', ');
          return (
            <td
              key={cell.c}
              id={`fx-${ref}`}
              className={k.join(' ')}
              data-cell={ref}
              data-r={r}
              data-c={cell.c}
              rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
              colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
              role="gridcell"
              aria-selected={cursor || undefined}
              aria-label={label ? `${ref} ${cell.text} — ${label}` : undefined}
              title={[cell.text, label].filter(Boolean).join(' — ') || undefined}
            >
              {tags && tags.length > 0 && (
                <span className="fx-tags">
                  {tags.map((x, i) => (
                    <span key={i} className={`fx-tag ${x.kind === 'column' ? `tag-col list-${x.key}` : `tag-${x.kind}`}`}>
                      {labelOf(x)}
                    </span>
                  ))}
                </span>
              )}
              {cell.text && <span className="fx-text">{cell.text}</span>}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.cells === b.cells &&
    a.cursorC === b.cursorC &&
    a.inRange === b.inRange &&
    a.marksKey === b.marksKey &&
    a.block?.list === b.block?.list &&
    a.block?.first === b.block?.first &&
    a.block?.last === b.block?.last &&
    a.labelOf === b.labelOf &&
    a.fullLabelOf === b.fullLabelOf,
);

export interface SheetGridProps {
  gridRef: RefObject<HTMLDivElement | null>;
  label: string;
  rows: GridCell[][];
  widths: number[];
  cursor: Pos;
  range: { r1: number; r2: number } | null;
  blockRows: ReadonlyMap<number, BlockRow>;
  marks: ReadonlyMap<string, Mark[]>;
  labelOf(mark: Mark): string;
  fullLabelOf(mark: Mark): string;
  /** The sheet is waiting for a click: cells show it. */
  picking: 'cell' | 'rows' | null;
  onCellDown(p: Pos, opts: { shift: boolean; header: boolean }): void;
  onCellEnter(p: Pos): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
}

function posOfEvent(e: MouseEvent): { p: Pos; header: boolean } | null {
  const el = (e.target as HTMLElement).closest<HTMLElement>('td[data-r], th.rh');
  if (!el) return null;
  const r = Number(el.dataset.r);
  return el.tagName === 'TH' ? { p: { r, c: -1 }, header: true } : { p: { r, c: Number(el.dataset.c) }, header: false };
}

const ROW_HEADER = 44;

export function SheetGrid(props: SheetGridProps) {
  const { rows, widths, cursor, range, blockRows, marks, labelOf, fullLabelOf, gridRef } = props;
  // Marks by row, and a key per row that changes when its marks or their labels do.
  const byRow = useMemo(() => {
    const out = new Map<number, { marks: Map<number, Mark[]>; key: string }>();
    for (const [k, list] of marks) {
      const [r, c] = k.split(':').map(Number) as [number, number];
      let row = out.get(r);
      if (!row) out.set(r, (row = { marks: new Map(), key: '' }));
      row.marks.set(c, list);
    }
    for (const row of out.values())
      row.key = [...row.marks].map(([c, list]) => `${c}=${list.map((m) => `${m.kind}/${m.key}/${m.field ?? ''}/${m.name ?? ''}/${m.head ? 1 : 0}`).join(',')}`).join(';');
    return out;
  }, [marks]);
  const total = widths.reduce((a, b) => a + b, ROW_HEADER);

  // Only the rows in view are drawn (a 200-row sheet stays quick to repaint on every cursor move); rows
  // have one fixed height, measured once drawn.
  const [view, setView] = useState({ top: 0, height: 900 });
  const geometry = useRef({ row: 24, head: 24 });
  const frame = useRef(0);
  const spans = useMemo(() => rowSpans(rows), [rows]);
  const { first, last } = rowWindow(rows, view, geometry.current.row, spans);

  const readView = useCallback(() => {
    const el = gridRef.current;
    if (!el) return;
    const top = Math.max(0, el.scrollTop - geometry.current.head);
    setView((v) => (v.top === top && v.height === el.clientHeight ? v : { top, height: el.clientHeight }));
  }, [gridRef]);

  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('tr.fx-row');
    const head = el.querySelector<HTMLElement>('thead tr');
    if (row && row.offsetHeight > 0) geometry.current.row = row.offsetHeight;
    if (head && head.offsetHeight > 0) geometry.current.head = head.offsetHeight;
    readView();
    const observer = new ResizeObserver(() => readView());
    observer.observe(el);
    return () => observer.disconnect();
  }, [gridRef, readView]);

  // The cursor is kept in view (the keyboard may take it to rows that are not drawn yet).
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const { row, head } = geometry.current;
    const top = head + (cursor.r - 1) * row;
    if (top - head < el.scrollTop) el.scrollTop = top - head;
    else if (top + row > el.scrollTop + el.clientHeight) el.scrollTop = top + row - el.clientHeight;
    const left = ROW_HEADER + widths.slice(0, cursor.c).reduce((a, b) => a + b, 0);
    const right = left + (widths[cursor.c] ?? 0);
    if (left - ROW_HEADER < el.scrollLeft) el.scrollLeft = left - ROW_HEADER;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.min(left - ROW_HEADER, right - el.clientWidth);
    readView();
  }, [cursor.r, cursor.c, gridRef, widths, readView]);

  const spacer = (key: string, n: number) =>
    n > 0 ? (
      <tr key={key} className="fx-spacer" aria-hidden="true">
        <td colSpan={widths.length + 1} style={{ height: n * geometry.current.row }} />
      </tr>
    ) : null;

  return (
    <div
      ref={gridRef}
      className={`fx-grid${props.picking ? ` picking-${props.picking}` : ''}`}
      tabIndex={0}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={widths.length + 1}
      aria-activedescendant={`fx-${a1(cursor.r, cursor.c)}`}
      aria-multiselectable={false}
      data-testid="form-sheet"
      onKeyDown={props.onKeyDown}
      onScroll={() => {
        cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(readView);
      }}
      onMouseDown={(e) => {
        if (e.button !== 0) return;
        const hit = posOfEvent(e);
        if (!hit) return;
        e.preventDefault(); // no text selection while dragging; the grid keeps the keyboard
        gridRef.current?.focus({ preventScroll: true });
        props.onCellDown(hit.p, { shift: e.shiftKey, header: hit.header });
      }}
      onMouseOver={(e) => {
        if (e.buttons !== 1) return;
        const hit = posOfEvent(e);
        if (hit) props.onCellEnter(hit.p);
      }}
    >
      <table className="fx-table" style={{ width: total }} role="presentation">
        <colgroup>
          <col style={{ width: ROW_HEADER }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th className="corner" role="columnheader" />
            {widths.map((_, c) => (
              <th key={c} role="columnheader" className={c === cursor.c ? 'ch current' : 'ch'}>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spacer('above', first - 1)}
          {rows.slice(first - 1, last).map((cells, i) => {
            const r = first + i;
            const own = byRow.get(r);
            return (
              <Row
                key={r}
                r={r}
                cells={cells}
                cursorC={cursor.r === r ? cursor.c : null}
                inRange={range !== null && r >= range.r1 && r <= range.r2}
                block={blockRows.get(r)}
                marks={own?.marks}
                marksKey={own?.key ?? ''}
                labelOf={labelOf}
                fullLabelOf={fullLabelOf}
              />
            );
          })}
          {spacer('below', rows.length - last)}
        </tbody>
      </table>
    </div>
  );
}
