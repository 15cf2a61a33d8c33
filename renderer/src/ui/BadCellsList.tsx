import { useTranslation } from 'react-i18next';
import type { BadCell } from '../grid/cellPlan.js';

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
