// A sheet of the client's form drawn as Excel shows it — column letters, row numbers, merged cells
// spanning, each cell's text — with the cells and rows mapped so far marked by their field. Up to
// 200 rows × 60 columns: rows are memoized and repaint only when their cursor, range or marks change,
// and one set of pointer handlers on the table serves every cell.
import { memo, useMemo, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { columnName } from '../../../../electron/common/excel/model.js';
import type { MinutesFormList } from '../../../../electron/common/excel/form.js';
import { a1, type Mark, type Pos, type PreviewSheet } from './formModel.js';

export interface GridCell {
  c: number;
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** The cells each row draws (cells under a merge are left out; its top-left cell spans them). */
export function gridRows(
  extent: { rows: number; columns: number },
  texts: ReadonlyMap<string, string>,
  merges: { at: ReadonlyMap<string, PreviewSheet['merges'][number]>; covered: ReadonlyMap<string, unknown> },
): GridCell[][] {
  const out: GridCell[][] = [];
  for (let r = 1; r <= extent.rows; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const k = `${r}:${c}`;
      if (merges.covered.has(k)) continue;
      const m = merges.at.get(k);
      row.push({
        c,
        text: texts.get(k) ?? '',
        rowSpan: m ? Math.min(m.r2, extent.rows) - r + 1 : 1,
        colSpan: m ? Math.min(m.c2, extent.columns - 1) - c + 1 : 1,
      });
    }
    out.push(row);
  }
  return out;
}

export type BlockRow = { list: MinutesFormList; first: boolean; last: boolean };

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
      <tr className={cls.join(' ')} data-r={r}>
        <th className={cursorC !== null ? 'rh current' : 'rh'} scope="row" data-r={r}>
          {r}
        </th>
        {cells.map((cell) => {
          const m = marks?.get(cell.c);
          const ref = a1(r, cell.c);
          const cursor = cursorC === cell.c;
          const k = ['fx-cell'];
          if (cursor) k.push('cursor');
          if (m) k.push(...m.map((x) => (x.kind === 'cell' ? 'mapped-cell' : `mapped-col list-${x.key}`)));
          const tags = m?.filter((x) => x.kind === 'cell' || x.head);
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
                    <span key={i} className={`fx-tag ${x.kind === 'cell' ? 'tag-cell' : `tag-col list-${x.key}`}`}>
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

export function SheetGrid(props: SheetGridProps) {
  const { rows, widths, cursor, range, blockRows, marks, labelOf, fullLabelOf } = props;
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
  const total = widths.reduce((a, b) => a + b, 44);

  return (
    <div
      ref={props.gridRef}
      className={`fx-grid${props.picking ? ` picking-${props.picking}` : ''}`}
      tabIndex={0}
      role="grid"
      aria-label={props.label}
      aria-activedescendant={`fx-${a1(cursor.r, cursor.c)}`}
      aria-multiselectable={false}
      data-testid="form-sheet"
      onKeyDown={props.onKeyDown}
      onMouseDown={(e) => {
        if (e.button !== 0) return;
        const hit = posOfEvent(e);
        if (!hit) return;
        e.preventDefault(); // no text selection while dragging; the grid keeps the keyboard
        props.gridRef.current?.focus({ preventScroll: true });
        props.onCellDown(hit.p, { shift: e.shiftKey, header: hit.header });
      }}
      onMouseOver={(e) => {
        if (e.buttons !== 1) return;
        const hit = posOfEvent(e);
        if (hit) props.onCellEnter(hit.p);
      }}
    >
      <table className="fx-table" style={{ width: total }}>
        <colgroup>
          <col style={{ width: 44 }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" />
            {widths.map((_, c) => (
              <th key={c} scope="col" className={c === cursor.c ? 'ch current' : 'ch'}>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => {
            const r = i + 1;
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
        </tbody>
      </table>
    </div>
  );
}
