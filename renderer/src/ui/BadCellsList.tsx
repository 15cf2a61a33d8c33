import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../electron/common/errors.js';
import type { BadCell } from '../grid/cellPlan.js';

/** A server's refusal of a bulk write (VALIDATION with one entry per bad cell) as bad cells to list. */
export function badCellsFrom(err: unknown, header: (field: string) => string): BadCell[] | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION' || !Array.isArray(err.details)) return null;
  const cells = (err.details as { row?: number; field?: string; message?: string }[]).filter((d) => typeof d.row === 'number');
  if (cells.length === 0) return null;
  return cells.map((d) => ({ row: d.row!, field: d.field ?? '', header: header(d.field ?? ''), value: '', reason: 'server', message: d.message }));
}

/**
 * The cells a paste, fill or clear was refused for: nothing was stored, and each line says where and
 * why, so the user can fix the source block and paste again.
 */
export function BadCellsList({ cells, onClose }: { cells: BadCell[]; onClose(): void }) {
  const { t } = useTranslation();
  if (cells.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="bad-cells">
      <div>
        <strong>{t('grid.refused', { count: cells.length })}</strong>
        <ul className="bad-cells">
          {cells.map((c, i) => (
            <li key={i}>
              {t('grid.badCell', { row: c.row + 1, column: c.header, value: c.value, reason: c.message ?? t(`errors.${c.reason}`, { value: c.value }) })}
            </li>
          ))}
        </ul>
      </div>
      <button onClick={onClose}>{t('common.close')}</button>
    </div>
  );
}
