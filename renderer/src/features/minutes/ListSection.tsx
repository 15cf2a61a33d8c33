// One list of a meeting (attendees, agenda, decisions) as a spreadsheet grid on the shared
// RegisterGrid. The rows have no ids of their own: each gets its place (index + 1), a CellPlan becomes
// the whole new list, and that list is saved with one meeting.update — one batch, one undo step.
// The last line is always an empty row to type the next item into; a paste below the list adds rows.
import { useTypingLine } from './useTypingLine.js';
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, RowClassRules } from 'ag-grid-community';
import type { BadCell, CellPlan, PlanColumn } from '../../grid/cellPlan.js';
import { parseCell } from '../../grid/cellValues.js';
import { RegisterGrid } from '../../grid/RegisterGrid.js';
import { kindsOf, type RegisterColDef } from '../registers/columns.js';
import { useReasonText } from '../../grid/reasons.js';
import { applyListPlan, listRows, removeListRows, type ListRow, type ListSpec } from './minutesLogic.js';
import { finishColumns } from './minutesColumns.js';

export interface GridHandlers {
  onUndo(): void;
  onRedo(): void;
  /** A refused edit, paste or fill: the cells and why (nothing was stored). */
  onBad(cells: BadCell[]): void;
}

interface Props<I, R> extends GridHandlers {
  /** attendees, agenda, decisions: the section's test id, i18n keys and remembered column state. */
  name: 'attendees' | 'agenda' | 'decisions';
  projectId: number;
  spec: ListSpec<I, R>;
  items: readonly I[];
  columns: RegisterColDef<ListRow<R>>[];
  /** The column a new row opens for typing. */
  firstField: string;
  readOnly: boolean;
  /**
   * Saves a change of the list. It gets the list as stored when the save runs (an earlier save may
   * still have been on its way when the user typed) and answers the new list, or null to store nothing.
   */
  onChange(change: (stored: readonly I[]) => I[] | null): void;
  children?: ReactNode;
}

const rowClassRules: RowClassRules<{ blank?: true }> = { 'new-row': (p) => !!p.data?.blank };

export function ListSection<I, R>(props: Props<I, R>) {
  const { name, spec, items, readOnly, firstField, onChange, onBad } = props;
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const grid = useRef<AgGridReact<ListRow<R>>>(null);
  const selected = useRef<ListRow<R>[]>([]);
  /** After an item was typed into the new-row line, the cursor follows the new line. */
  const line = useTypingLine(grid);

  const rows = useMemo(() => listRows(spec, items, !readOnly), [spec, items, readOnly]);
  const columns = useMemo(
    () => finishColumns(props.columns, { readOnly, hint: t('minutes.newRow'), hintField: firstField }),
    [props.columns, readOnly, t, firstField],
  );
  const kinds = useMemo(() => kindsOf(columns), [columns]);
  const headerOf = (field: string) => columns.find((c) => c.field === field)?.headerName ?? field;

  // Synthetic ids are places in the stored list: an edit of the new-row line made while the row typed
  // just before was still being saved lands on that row, as the user meant.
  const apply = async (plan: Pick<CellPlan, 'updates' | 'creates'>) =>
    onChange((stored) => {
      const result = applyListPlan(spec, stored, plan);
      if (result.bad.length) {
        onBad(
          result.bad.map((b) => ({
            row: b.row,
            field: b.field,
            header: headerOf(b.field),
            value: '',
            reason: b.reason,
            message: t(`minutes.reason.${b.reason}`),
          })),
        );
        return null;
      }
      return result.changed ? result.items : null;
    });

  const onEdit = (e: CellEditRequestEvent<ListRow<R>>) => {
    const field = e.colDef.field as string;
    const parsed = parseCell(kinds[field] ?? 'text', e.newValue);
    if (!parsed.ok) {
      const value = String(e.newValue ?? '');
      return onBad([
        { row: e.rowIndex ?? 0, field, header: headerOf(field), value, reason: parsed.reason, message: t('register.valueReason', { value, reason: reasonText(parsed.reason) }) },
      ]);
    }
    if (e.data.blank && e.rowIndex !== null) line.typedOnLine(e.rowIndex, field);
    void apply({ updates: [{ id: e.data.id, patch: { [field]: parsed.value } }], creates: [] });
  };


  const add = () => line.openLine(firstField);

  const remove = () => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    const focused = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
    const targets = (selected.current.length ? selected.current : focused ? [focused] : []).filter((r) => !r.blank);
    if (targets.length === 0) return;
    const ids = targets.map((r) => r.id);
    onChange((stored) => removeListRows(stored, ids));
  };

  const emptyValue = (c: PlanColumn): unknown => (c.kind === 'number' || c.kind === 'date' ? null : c.kind === 'bool' ? false : '');

  return (
    <section className="minutes-section" aria-labelledby={`minutes-${name}-title`} data-testid={`minutes-${name}`}>
      <div className="section-head">
        <h3 id={`minutes-${name}-title`}>{t(`minutes.section.${name}`)}</h3>
        <span className="muted">{t('register.count', { count: items.length })}</span>
        {!readOnly && (
          <>
            <button onClick={add}>{t('register.addRow')}</button>
            <button className="danger" onClick={remove}>
              {t('register.deleteRows')}
            </button>
          </>
        )}
        {props.children}
      </div>
      <div className="minutes-grid">
        <RegisterGrid<ListRow<R>>
          gridRef={grid}
          testId={`${name}-grid`}
          stateKey={`grid.minutes.${name}.${props.projectId}`}
          rows={rows}
          columns={columns}
          kinds={kinds}
          emptyValue={emptyValue}
          onEdit={onEdit}
          onApply={apply}
          onBadCells={onBad}
          onUndo={props.onUndo}
          onRedo={props.onRedo}
          onSelectRows={(r) => (selected.current = r)}
          onRowsShown={line.onRowsShown}
          rowClassRules={rowClassRules as unknown as RowClassRules<ListRow<R>>}
        />
      </div>
    </section>
  );
}
