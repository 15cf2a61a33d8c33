// The left panel's single items: the form's cells (会議名, 日時…; a card's columns; a report's figures),
// each with the cell (or defined name) it is mapped to, and a report form's charts with the cell their
// picture starts at. Choosing one makes it what the next click on the sheet maps; × unmaps it.
import { useTranslation } from 'react-i18next';
import type { KindSpec } from './formKinds.js';
import { removeCell, removeImage, resizeImage, type DefinedName, type PickLayout, type Tool } from './formModel.js';
import type { FormLabels } from './useFormLabels.js';
import type { SheetPicking } from './useSheetPicking.js';

/** What each list of the left panel is given. */
export interface FormListProps {
  layout: PickLayout;
  kind: KindSpec;
  labels: FormLabels;
  picking: Pick<SheetPicking, 'isTool' | 'choosePick' | 'change'>;
}

export function FieldList({ layout, kind, labels, picking, names }: FormListProps & { names: readonly DefinedName[] }) {
  const { t } = useTranslation();
  const { tx, fieldLabel } = labels;
  const { isTool, choosePick, change } = picking;
  /** A mapped cell as the list shows it: its address, or a defined name with where it points. */
  const refText = (ref: string) => {
    const n = names.find((x) => x.name === ref);
    return n ? `${t('minutesForm.viaName', { name: ref })} (${n.sheet === layout.sheet ? n.ref : `${n.sheet}!${n.ref}`})` : ref;
  };
  return (
    <ul className="fx-items">
      {kind.fields.map((f) => {
        const mapped = layout.cells.find((c) => c.field === f);
        const fieldHint = tx(`fieldHint.${f}`, { defaultValue: '' });
        const pick: Tool = { kind: 'cell', field: f };
        return (
          <li key={f} className={`fx-entry${mapped ? ' mapped' : ''}`}>
            <button
              className={`fx-item tag-cell${isTool(pick) ? ' active' : ''}`}
              aria-pressed={isTool(pick)}
              data-testid={`fx-field-${f}`}
              onClick={() => choosePick(pick)}
              title={[fieldLabel(f), mapped && refText(mapped.ref), fieldHint].filter(Boolean).join(' — ')}
            >
              <span className="fx-item-label">{fieldLabel(f)}</span>
              <span className={`fx-item-ref${mapped ? '' : ' muted'}`}>{mapped ? refText(mapped.ref) : '—'}</span>
            </button>
            {mapped ? (
              <button className="fx-remove" aria-label={t('minutesForm.remove', { label: fieldLabel(f) })} onClick={() => change(removeCell(layout, f))}>
                ×
              </button>
            ) : (
              <span className="fx-remove-space" />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A report form's charts: each placed as a picture whose top-left is a picked cell. */
export function ChartList({ layout, kind, labels, picking }: FormListProps) {
  const { t } = useTranslation();
  const { chartLabel } = labels;
  const { isTool, choosePick, change } = picking;
  if (kind.charts.length === 0) return null;
  return (
    <>
      <h3>{t('reportForm.charts')}</h3>
      <ul className="fx-items fx-charts">
        {kind.charts.map((c) => {
          const placed = layout.images?.find((im) => im.chart === c);
          const pick: Tool = { kind: 'image', chart: c };
          return (
            <li key={c} className={`fx-entry${placed ? ' mapped' : ''}`}>
              <button
                className={`fx-item tag-image${isTool(pick) ? ' active' : ''}`}
                aria-pressed={isTool(pick)}
                data-testid={`fx-chart-${c}`}
                onClick={() => choosePick(pick)}
                title={[chartLabel(c), t('reportForm.chartHint', { width: placed?.width ?? 640, height: placed?.height ?? 280 })].join(' — ')}
              >
                <span className="fx-item-label">{chartLabel(c)}</span>
                <span className={`fx-item-ref${placed ? '' : ' muted'}`}>{placed ? placed.ref : '—'}</span>
              </button>
              {placed ? (
                <button className="fx-remove" aria-label={t('minutesForm.remove', { label: chartLabel(c) })} onClick={() => change(removeImage(layout, c))}>
                  ×
                </button>
              ) : (
                <span className="fx-remove-space" />
              )}
              {placed && (
                <span className="fx-size" data-testid={`fx-size-${c}`}>
                  {(['width', 'height'] as const).map((side) => (
                    <label key={side}>
                      {t(`reportForm.${side}`)}
                      <input
                        type="number"
                        min={40}
                        max={2000}
                        step={1}
                        defaultValue={placed[side] ?? (side === 'width' ? 640 : 280)}
                        onChange={(e) => change(resizeImage(layout, c, { [side]: e.target.valueAsNumber }))}
                      />
                    </label>
                  ))}
                  px
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
