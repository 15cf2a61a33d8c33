// The one AG Grid (Community) setup every register uses: theme, fonts, CSP nonce, spreadsheet keys,
// remembered column state, and edits that go through the domain (readOnlyEdit): the grid never
// changes its own data, the API's answer does.
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  ExternalFilterModule,
  LargeTextEditorModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type IRowNode,
  type RowClassRules,
} from 'ag-grid-community';
import { call } from '../api/client.js';
import { useSpreadsheet, type SpreadsheetOptions } from './useSpreadsheet.js';

// Only the modules the registers use: the whole Community set is ~0.5 MB more script to compile at
// every start. A missing one shows in the console as AG Grid error #200 (ValidationModule, dev only).
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  LargeTextEditorModule,
  SelectEditorModule,
  CustomEditorModule,
  TextFilterModule,
  ExternalFilterModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  ColumnApiModule,
  RowApiModule,
  CellApiModule,
  RenderApiModule,
  ScrollApiModule,
  EventApiModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

/** The grids' look (shared with read-only grids such as the import preview). */
export const theme = themeQuartz.withParams({
  fontFamily: ['Meiryo', 'Yu Gothic UI', 'Noto Sans CJK JP', 'Noto Sans JP', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 5,
  accentColor: '#1f6f43',
  wrapperBorderRadius: 4,
  cellHorizontalPaddingScale: 0.8,
});

/** The nonce the shell put in index.html, so the theme's injected <style> passes the CSP. */
export const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="pmo-style-nonce"]')?.content;

export interface RegisterGridProps<T extends { id: number }> extends Omit<SpreadsheetOptions<T>, 'grid'> {
  gridRef: RefObject<AgGridReact<T> | null>;
  rows: T[];
  columns: ColDef<T>[];
  onEdit(event: CellEditRequestEvent<T>): void;
  /** Called after the grid has taken new rows: the moment to focus a row just created. */
  onRowsShown?(): void;
  /** Where column widths, order, visibility, sort and filter are remembered (settings key). */
  stateKey: string;
  rowClassRules?: RowClassRules<T>;
  /** Handed to cell renderers (e.g. the WBS collapse toggle). */
  context?: unknown;
  testId: string;
  /**
   * A filter of the page's own on top of the column filters (e.g. the risk heat map). Present when it
   * returns a predicate; the page calls api.onFilterChanged() when it changes.
   */
  externalFilter?(): ((row: T) => boolean) | null;
  /** Told after the grid's own handling whenever the focused cell moves. */
  onCellFocused?(event: CellFocusedEvent<T>): void;
}

type SavedState = { columns: ReturnType<GridApi['getColumnState']>; filter: ReturnType<GridApi['getFilterModel']> };

export function RegisterGrid<T extends { id: number }>(props: RegisterGridProps<T>) {
  const { gridRef, rows, columns, onEdit, onRowsShown, stateKey, rowClassRules, context, testId, externalFilter } = props;
  const sheet = useSpreadsheet<T>({ ...props, grid: gridRef });
  const externalRef = useRef(externalFilter);
  externalRef.current = externalFilter;
  const focusedRef = useRef(props.onCellFocused);
  focusedRef.current = props.onCellFocused;
  const { onCellFocused: sheetCellFocused } = sheet;
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<T>) => {
      sheetCellFocused(e);
      focusedRef.current?.(e);
    },
    [sheetCellFocused],
  );
  const isExternalFilterPresent = useCallback(() => !!externalRef.current?.(), []);
  const doesExternalFilterPass = useCallback((node: IRowNode<T>) => {
    const pass = externalRef.current?.();
    return !pass || (node.data !== undefined && pass(node.data));
  }, []);
  const restoring = useRef(true);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const defaultColDef = useMemo<ColDef<T>>(
    () => ({
      editable: true,
      resizable: true,
      sortable: true,
      filter: true,
      // No type inference: every cell edits as text and our parser decides (2025/4/1, full-width digits…).
      cellDataType: false,
      cellClassRules: sheet.cellClassRules,
    }),
    [sheet.cellClassRules],
  );

  const restore = async (api: GridApi<T>) => {
    restoring.current = true;
    const saved = (await call('settings.get', { key: stateKey })) as SavedState | null;
    if (saved?.columns) api.applyColumnState({ state: saved.columns, applyOrder: true });
    if (saved?.filter) api.setFilterModel(saved.filter);
    restoring.current = false;
  };

  // Debounced: a column drag fires many events.
  const save = () => {
    const api = gridRef.current?.api;
    if (!api || restoring.current) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      void call('settings.set', { key: stateKey, value: { columns: api.getColumnState(), filter: api.getFilterModel() } as never });
    }, 300);
  };

  useEffect(() => () => clearTimeout(saveTimer.current), []);

  return (
    <div
      className="grid-host"
      data-testid={testId}
      onKeyDownCapture={sheet.onKeyDownCapture}
      onMouseDownCapture={sheet.onMouseDownCapture}
      onMouseOver={sheet.onMouseOver}
      onCopy={sheet.onCopy}
      onPaste={sheet.onPaste}
    >
      <AgGridReact<T>
        ref={gridRef}
        theme={theme}
        styleNonce={styleNonce}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        getRowId={(p: GetRowIdParams<T>) => String(p.data.id)}
        rowClassRules={rowClassRules}
        context={context}
        readOnlyEdit
        onCellEditRequest={onEdit}
        onGridReady={(e) => void restore(e.api)}
        onRowDataUpdated={onRowsShown}
        onCellFocused={onCellFocused}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        onColumnResized={(e) => e.finished && save()}
        onColumnMoved={(e) => e.finished && save()}
        onColumnVisible={save}
        onColumnPinned={save}
        onSortChanged={save}
        onFilterChanged={save}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        animateRows={false}
        suppressDragLeaveHidesColumns
        // Columns that come and go (a register's extra columns) leave the others where the user put them.
        maintainColumnOrder
      />
    </div>
  );
}
