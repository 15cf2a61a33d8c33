import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';

/**
 * Show or hide columns (AG Grid's own column chooser is an Enterprise feature). The grid remembers
 * the choice with the rest of its column state.
 */
export function ColumnChooser<T>({ grid }: { grid: RefObject<AgGridReact<T> | null> }) {
  const { t } = useTranslation();
  const [columns, setColumns] = useState<{ id: string; header: string; visible: boolean }[]>([]);
  const read = () =>
    setColumns(
      (grid.current?.api.getColumns() ?? []).map((c) => ({ id: c.getColId(), header: c.getColDef().headerName ?? c.getColId(), visible: c.isVisible() })),
    );
  const set = (id: string, visible: boolean) => {
    grid.current?.api.setColumnsVisible([id], visible);
    read();
  };
  return (
    <details className="column-chooser" onToggle={(e) => (e.currentTarget.open ? read() : undefined)}>
      <summary>{t('grid.columns')}</summary>
      <div className="menu" role="group" aria-label={t('grid.columns')}>
        {columns.map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={c.visible} onChange={(e) => set(c.id, e.target.checked)} /> {c.header}
          </label>
        ))}
      </div>
    </details>
  );
}
