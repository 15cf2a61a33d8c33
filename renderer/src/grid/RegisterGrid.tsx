// The one AG Grid (Community) setup every register uses: theme, fonts, CSP nonce, and edits that go
// through the domain (readOnlyEdit): the grid never changes its own data, the API's answer does.
import { forwardRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellEditRequestEvent,
  type ColDef,
  type GetRowIdParams,
  type GridReadyEvent,
} from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
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
const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="pmo-style-nonce"]')?.content;

export interface RegisterGridProps<T extends { id: number }> {
  rows: T[];
  columns: ColDef<T>[];
  onEdit(event: CellEditRequestEvent<T>): void;
  onReady?(event: GridReadyEvent<T>): void;
  /** Called after the grid has taken new rows: the moment to focus a row just created. */
  onRowsShown?(): void;
  testId: string;
}

function RegisterGridInner<T extends { id: number }>(
  { rows, columns, onEdit, onReady, onRowsShown, testId }: RegisterGridProps<T>,
  ref: React.ForwardedRef<AgGridReact<T>>,
) {
  return (
    <div className="grid-host" data-testid={testId}>
      <AgGridReact<T>
        ref={ref}
        theme={theme}
        styleNonce={styleNonce}
        rowData={rows}
        columnDefs={columns}
        // No type inference: every cell edits as text and our parser decides (2025/4/1, full-width digits…).
        defaultColDef={{ editable: true, resizable: true, sortable: false, cellDataType: false }}
        getRowId={(p: GetRowIdParams<T>) => String(p.data.id)}
        readOnlyEdit
        onCellEditRequest={onEdit}
        onGridReady={onReady}
        onRowDataUpdated={onRowsShown}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        animateRows={false}
      />
    </div>
  );
}

export const RegisterGrid = forwardRef(RegisterGridInner) as <T extends { id: number }>(
  props: RegisterGridProps<T> & { ref?: React.Ref<AgGridReact<T>> },
) => React.ReactElement;
