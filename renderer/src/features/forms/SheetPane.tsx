// The right of the form editor: a line saying what a click does now (or why the last pick was not
// taken), a defined name to pick instead of a cell, and the sheet itself.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindSpec } from './formKinds.js';
import { assignCell, blockOf, type PickLayout } from './formModel.js';
import { SheetGrid } from './SheetGrid.js';
import type { FormLabels } from './useFormLabels.js';
import type { SheetPicking } from './useSheetPicking.js';
import type { SheetView } from './useSheetView.js';

interface SheetPaneProps {
  layout: PickLayout;
  kind: KindSpec;
  view: SheetView;
  picking: SheetPicking;
  labels: FormLabels;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function SheetPane({ layout, kind, view, picking, labels, gridRef }: SheetPaneProps) {
  const { t } = useTranslation();
  const { tool, problem, cursor, range, change } = picking;
  const { fieldLabel, listLabel, columnLabel, chartLabel } = labels;
  const { names, sheet } = view;
  const hint = (() => {
    if (!tool) return t('minutesForm.hint.none');
    if (tool.kind === 'cell') return t('minutesForm.hint.cell', { field: fieldLabel(tool.field) });
    if (tool.kind === 'rows') return t('minutesForm.hint.rows', { list: listLabel(tool.list) });
    if (tool.kind === 'image') return t('reportForm.hint.image', { chart: chartLabel(tool.chart) });
    const b = blockOf(layout, tool.list);
    return t('minutesForm.hint.column', { list: listLabel(tool.list), field: columnLabel(tool.list, tool.field), first: b?.firstRow ?? '', last: b?.lastRow ?? '' });
  })();
  if (!sheet) return null;
  return (
    <div className="fx-main">
      <div className={`fx-hint${tool ? ' active' : ''}`} role="status" data-testid="form-hint">
        <span className="fx-hint-text">{problem ?? hint}</span>
        {tool?.kind === 'cell' && names.length > 0 && (
          <select
            aria-label={t('minutesForm.namePick')}
            value=""
            onChange={(e) => {
              if (e.target.value) change(assignCell(layout, tool.field, e.target.value, names, kind.fields));
              gridRef.current?.focus({ preventScroll: true });
            }}
          >
            <option value="">{t('minutesForm.namePick')}</option>
            {names.map((n) => (
              <option key={n.name} value={n.name}>
                {`${n.name} (${n.sheet === layout.sheet ? n.ref : `${n.sheet}!${n.ref}`})`}
              </option>
            ))}
          </select>
        )}
        {problem && <span className="fx-problem-mark" aria-hidden="true" />}
      </div>
      <SheetGrid
        gridRef={gridRef}
        label={`${t('minutesForm.sheet')} ${sheet.name}`}
        rows={view.rows}
        widths={view.widths}
        cursor={cursor}
        range={range}
        blockRows={view.marks.rows}
        marks={view.marks.cells}
        labelOf={labels.labelOf}
        fullLabelOf={labels.fullLabelOf}
        picking={tool ? (tool.kind === 'rows' ? 'rows' : 'cell') : null}
        onCellDown={picking.onCellDown}
        onCellEnter={picking.onCellEnter}
        onKeyDown={picking.onGridKey}
      />
    </div>
  );
}
