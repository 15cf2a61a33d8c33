import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { WrapControl } from '../grid/RegisterGrid.js';

/**
 * Show or hide columns (AG Grid's own column chooser is an Enterprise feature), and wrap a column's long
 * text (its rows grow to fit). The grid remembers both with the rest of its column state.
 */
export function ColumnChooser<T>({ grid }: { grid: RefObject<AgGridReact<T> | null> }) {
  const { t } = useTranslation();
  const [columns, setColumns] = useState<{ id: string; header: string; visible: boolean; wrapped: boolean }[]>([]);
  const wrap = (): WrapControl | undefined => (grid.current?.api.getGridOption('context') as { wrap?: WrapControl } | undefined)?.wrap;
  const read = () =>
    setColumns(
      (grid.current?.api.getColumns() ?? []).map((c) => ({
        id: c.getColId(),
        header: c.getColDef().headerName ?? c.getColId(),
        visible: c.isVisible(),
        wrapped: wrap()?.isWrapped(c.getColId()) ?? false,
      })),
    );
  const toggleWrap = (id: string) => {
    wrap()?.toggleWrap(id);
    setColumns((prev) => prev.map((c) => (c.id === id ? { ...c, wrapped: !c.wrapped } : c)));
  };
  const set = (id: string, visible: boolean) => {
    grid.current?.api.setColumnsVisible([id], visible);
    read();
  };
  return (
    <details className="column-chooser" onToggle={(e) => (e.currentTarget.open ? read() : undefined)}>
      <summary>{t('grid.columns')}</summary>
      <div className="menu" role="group" aria-label={t('grid.columns')}>
        {columns.map((c) => (
          <div key={c.id} className="column-line">
            <label>
              <input type="checkbox" checked={c.visible} onChange={(e) => set(c.id, e.target.checked)} /> {c.header}
            </label>
            <label className="wrap-toggle" title={t('grid.wrapColumn', { column: c.header })}>
              <input type="checkbox" aria-label={t('grid.wrapColumn', { column: c.header })} checked={c.wrapped} onChange={() => toggleWrap(c.id)} /> {t('grid.wrap')}
            </label>
          </div>
        ))}
      </div>
    </details>
  );
}
