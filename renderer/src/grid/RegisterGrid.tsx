// The one AG Grid (Community) setup every register uses: theme, fonts, CSP nonce, spreadsheet keys,
// remembered column state, and edits that go through the domain (readOnlyEdit): the grid never
// changes its own data, the API's answer does.
import { styleNonce } from '../ui/styleNonce.js';
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
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
  LocaleModule,
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
import { read, remember } from '../api/useApi.js';
import { useSpreadsheet, type SpreadsheetOptions } from './useSpreadsheet.js';
import { CellTextEditor, suppressTextEditorKeys } from './CellTextEditor.js';
import { useImeStart } from './useImeStart.js';
import { DensityContext, ROW_HEIGHTS } from './density.js';
import { ShortcutSheet } from './ShortcutSheet.js';

// Only the modules the registers use: the whole Community set is ~0.5 MB more script to compile at
// every start. A missing one shows in the console as AG Grid error #200 (ValidationModule, dev only).
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  // Without it AG Grid ignores getLocaleText and says its own English ("No Rows To Show", filter words).
  LocaleModule,
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
  /** A row to select and scroll into view once the grid holds it (a search hit); `seq` changes per request. */
  jumpTo?: { id: number; seq: number; done?(): void } | null;
  /**
   * The jump's row is loaded but a filter of the page's own hides it (quick filters, the heat map): the
   * page clears that filter. Column filters the grid clears itself.
   */
  onJumpHidden?(): void;
}

/**
 * AG Grid draws its horizontal scroll bar over the rows and scrolls a focused row only to the viewport's
 * edge, under the bar (the last row was cut off even after Ctrl+End): once it has scrolled, the row is
 * moved up clear of the bar (the viewport has the room, see .ag-grid-viewport::after in styles.css).
 */
function clearOfScrollbar(host: HTMLElement | null, rowIndex: number) {
  requestAnimationFrame(() => {
    const viewport = host?.querySelector<HTMLElement>('.ag-grid-viewport');
    const bar = host?.querySelector<HTMLElement>('.ag-body-horizontal-scroll');
    const row = host?.querySelector<HTMLElement>(`.ag-row[row-index="${rowIndex}"]`);
    if (!viewport || !bar || !row) return;
    const edge = bar.offsetHeight > 0 ? Math.min(bar.getBoundingClientRect().top, viewport.getBoundingClientRect().bottom) : viewport.getBoundingClientRect().bottom;
    const hidden = row.getBoundingClientRect().bottom - edge;
    if (hidden > 0) viewport.scrollTop += Math.ceil(hidden);
  });
}

type SavedState = { columns: ReturnType<GridApi['getColumnState']>; filter: ReturnType<GridApi['getFilterModel']>; wrap?: string[] };

/** What the grid offers its toolbar's column chooser through the grid context: wrap text per column. */
export interface WrapControl {
  isWrapped(colId: string): boolean;
  toggleWrap(colId: string): void;
}

export function RegisterGrid<T extends { id: number }>(props: RegisterGridProps<T>) {
  const { gridRef, rows, columns, onEdit, onRowsShown, stateKey, rowClassRules, context, testId, externalFilter } = props;
  const { t, i18n } = useTranslation();
  const [help, setHelp] = useState(false);
  const sheet = useSpreadsheet<T>({ ...props, grid: gridRef, onHelp: () => setHelp(true) });
  const ime = useImeStart(gridRef);
  const density = useContext(DensityContext);
  // Columns whose long text wraps (the row grows to fit), remembered with the column state.
  const [wrapped, setWrapped] = useState<Set<string>>(new Set());
  const wrappedRef = useRef(wrapped);
  wrappedRef.current = wrapped;
  const externalRef = useRef(externalFilter);
  externalRef.current = externalFilter;
  const focusedRef = useRef(props.onCellFocused);
  focusedRef.current = props.onCellFocused;
  const { onCellFocused: sheetCellFocused } = sheet;
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<T>) => {
      sheetCellFocused(e);
      focusedRef.current?.(e);
      if (typeof e.rowIndex === 'number') clearOfScrollbar(ime.host.current, e.rowIndex);
    },
    [sheetCellFocused],
  );
  const isExternalFilterPresent = useCallback(() => !!externalRef.current?.(), []);
  const doesExternalFilterPass = useCallback((node: IRowNode<T>) => {
    const pass = externalRef.current?.();
    return !pass || (node.data !== undefined && pass(node.data));
  }, []);
  const jumpRef = useRef(props.jumpTo);
  jumpRef.current = props.jumpTo;
  const jumpHiddenRef = useRef(props.onJumpHidden);
  jumpHiddenRef.current = props.onJumpHidden;
  const jumpedSeq = useRef<number | null>(null);
  const { selectRow } = sheet;
  /** Carries out a pending jump when its row is there to show; called again whenever the rows shown change. */
  const tryJump = useCallback(() => {
    const jump = jumpRef.current;
    const api = gridRef.current?.api;
    if (!jump || !api || jumpedSeq.current === jump.seq) return;
    const node = api.getRowNode(String(jump.id));
    if (!node) return; // not loaded yet
    if (node.rowIndex === null || node.rowIndex === undefined) {
      if (Object.keys(api.getFilterModel() ?? {}).length > 0) api.setFilterModel(null);
      else jumpHiddenRef.current?.();
      return; // the model updates without the filter, and this runs again
    }
    jumpedSeq.current = jump.seq;
    api.ensureNodeVisible(node, 'middle');
    selectRow(node.rowIndex);
    clearOfScrollbar(ime.host.current, node.rowIndex);
    // The keys go to that cell (the search dialog that asked had the focus): once it is drawn (the grid
    // draws the rows it scrolled to a few frames later), focus it.
    const focusCell = (frames: number) => {
      const cell = ime.host.current?.querySelector<HTMLElement>('.ag-cell-focus');
      if (cell) cell.focus();
      else if (frames > 0) requestAnimationFrame(() => focusCell(frames - 1));
    };
    requestAnimationFrame(() => focusCell(30));
    jump.done?.();
  }, [selectRow]);
  useEffect(tryJump, [props.jumpTo?.seq, tryJump]);
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
      // A textarea editor: Alt+Enter a new line; opened with what an IME composed.
      cellEditor: CellTextEditor,
      suppressKeyboardEvent: suppressTextEditorKeys,
    }),
    [sheet.cellClassRules],
  );

  const columnDefs = useMemo(
    () =>
      columns.map((c) => {
        const id = c.colId ?? (c.field as string | undefined);
        return id && wrapped.has(id) ? { ...c, wrapText: true, autoHeight: true } : c;
      }),
    [columns, wrapped],
  );

  const restore = async (api: GridApi<T>) => {
    restoring.current = true;
    const saved = (await read('settings.get', { key: stateKey })) as SavedState | null;
    if (saved?.columns) api.applyColumnState({ state: saved.columns, applyOrder: true });
    if (saved?.filter) api.setFilterModel(saved.filter);
    if (saved?.wrap) setWrapped(new Set(saved.wrap));
    restoring.current = false;
  };

  // The state to write, read when it changed (the grid may be gone by the time it is written).
  const unsaved = useRef<{ key: string; value: SavedState } | null>(null);
  const keyRef = useRef(stateKey);
  keyRef.current = stateKey;
  const flush = useCallback(() => {
    clearTimeout(saveTimer.current);
    const pending = unsaved.current;
    unsaved.current = null;
    // keepalive: a choice made just before a reload or the window closing still reaches the workspace.
    if (pending) void remember(pending.key, pending.value as never, { keepalive: true });
  }, []);
  /**
   * A choice (a column shown, hidden, wrapped, pinned, sorted, resized or moved) is written at once, so a
   * reload right after it finds it; a filter typed into is written after a pause (one write per word,
   * not per key). Whatever is still pending is written when the page goes or the grid unmounts.
   */
  const save = (later = false) => {
    const api = gridRef.current?.api;
    if (!api || restoring.current) return;
    unsaved.current = { key: keyRef.current, value: { columns: api.getColumnState(), filter: api.getFilterModel(), wrap: [...wrappedRef.current] } };
    clearTimeout(saveTimer.current);
    if (later) saveTimer.current = setTimeout(flush, 300);
    else flush();
  };

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const wrap = useMemo<WrapControl>(
    () => ({
      isWrapped: (id) => wrappedRef.current.has(id),
      toggleWrap: (id) => {
        const next = new Set(wrappedRef.current);
        if (!next.delete(id)) next.add(id);
        wrappedRef.current = next;
        setWrapped(next);
        save();
      },
    }),
    // save reads the grid through its ref.
    [],
  );
  const gridContext = useMemo(() => ({ ...(context as object | undefined), wrap }), [context, wrap]);

  // AG Grid's own texts (filters, "no rows", aria labels) in the UI language; unknown keys stay its own.
  const getLocaleText = useCallback(
    (p: { key: string; defaultValue: string }) => (i18n.exists(`agGrid.${p.key}`) ? t(`agGrid.${p.key}`) : p.defaultValue),
    [t, i18n],
  );

  // The key sheet is the grid host's sibling, not its child: inside, React passed its keys to the
  // grid's own (Esc cleared the grid's range and cancelled the sheet's closing; Delete cleared cells).
  return (
    <>
      <div
        className={`grid-host density-${density}`}
        data-testid={testId}
        onKeyDownCapture={sheet.onKeyDownCapture}
        onKeyDown={sheet.onKeyDown}
        onFocusCapture={ime.onFocusCapture}
        onBlurCapture={ime.onBlurCapture}
        onCompositionStart={ime.onCompositionStart}
        onCompositionEnd={ime.onCompositionEnd}
        ref={(el) => void (ime.host.current = el)}
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
          columnDefs={columnDefs}
          rowHeight={ROW_HEIGHTS[density].row}
          headerHeight={ROW_HEIGHTS[density].header}
          getLocaleText={getLocaleText}
          defaultColDef={defaultColDef}
          getRowId={(p: GetRowIdParams<T>) => String(p.data.id)}
          rowClassRules={rowClassRules}
          context={gridContext}
          readOnlyEdit
          onCellEditRequest={onEdit}
          onGridReady={(e) => void restore(e.api)}
          onRowDataUpdated={onRowsShown}
          onModelUpdated={tryJump}
          onCellFocused={onCellFocused}
          onCellEditingStopped={ime.onEditingStopped}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          onColumnResized={(e) => e.finished && save()}
          onColumnMoved={(e) => e.finished && save()}
          onColumnVisible={() => save()}
          onColumnPinned={() => save()}
          onSortChanged={() => save()}
          onFilterChanged={() => save(true)}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          animateRows={false}
          suppressDragLeaveHidesColumns
          // Columns that come and go (a register's extra columns) leave the others where the user put them.
          maintainColumnOrder
        />
      </div>
      {help && <ShortcutSheet onClose={() => setHelp(false)} />}
    </>
  );
}
