// The form editor's words: its own texts by kind (a card's or a report form's where they have one, else
// the 議事録 form's), and the labels of what is picked — items, tables, their columns, charts — as the
// left panel lists them and the sheet marks them.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRegister } from '../../../../electron/common/excel/form.js';
import { registerView } from '../excel/exportModel.js';
import { importFieldLabel } from '../excel/importModel.js';
import type { KindSpec } from './formKinds.js';
import type { Mark } from './formModel.js';

export interface FormLabels {
  /** A text of the editor: the kind's own where it has one, else the 議事録 form's. */
  tx(key: string, opts?: Record<string, unknown>): string;
  fieldLabel(field: string): string;
  registerLabel(register: CardRegister): string;
  listLabel(list: string): string;
  columnLabel(list: string, field: string): string;
  chartLabel(chart: string): string;
  /** A mark's label on the sheet: the item, a table's column (its table shows by its colour), or a chart. */
  labelOf(m: Mark): string;
  /** The same, in full, for the cell's accessible name. */
  fullLabelOf(m: Mark): string;
}

export function useFormLabels(kind: KindSpec, card: CardRegister | null): FormLabels {
  const { t } = useTranslation();
  const tx = useCallback(
    (key: string, opts?: Record<string, unknown>) => t(kind.texts === 'minutesForm' ? `minutesForm.${key}` : [`${kind.texts}.${key}`, `minutesForm.${key}`], opts ?? {}),
    [t, kind],
  );
  /** A card's fields as the register's grid heads its columns (and プロジェクト名); a form's its own. */
  const fieldLabel = useMemo(() => {
    if (!card) return (f: string) => t(`${kind.texts}.field.${f}`, { defaultValue: f });
    const column = importFieldLabel(t, card);
    return (f: string) => (f === 'projectName' ? t('minutesForm.field.projectName') : column(f));
  }, [t, card, kind]);
  const registerLabel = useCallback((r: CardRegister) => t(`views.${registerView(r)}`), [t]);
  const listLabel = useCallback((l: string) => t(`${kind.texts}.list.${l}`, { defaultValue: l }), [t, kind]);
  // A report form's columns mean the same in every list (a task's 担当, a risk's 担当): labelled by field.
  const columnLabel = useCallback(
    (l: string, f: string) => t(kind.texts === 'reportForm' ? `reportForm.column.${f}` : `minutesForm.column.${l}.${f}`, { defaultValue: f }),
    [t, kind],
  );
  const chartLabel = useCallback((c: string) => t(`reportForm.chart.${c}`, { defaultValue: c }), [t]);
  const labelOf = useCallback(
    (m: Mark) => (m.kind === 'cell' ? fieldLabel(m.key) : m.kind === 'image' ? chartLabel(m.key) : columnLabel(m.key, m.field ?? '')),
    [fieldLabel, columnLabel, chartLabel],
  );
  const fullLabelOf = useCallback(
    (m: Mark) =>
      m.kind === 'cell' ? fieldLabel(m.key) : m.kind === 'image' ? t('reportForm.imageAt', { chart: chartLabel(m.key) }) : `${listLabel(m.key)}: ${columnLabel(m.key, m.field ?? '')}`,
    [t, fieldLabel, listLabel, columnLabel, chartLabel],
  );
  return useMemo(
    () => ({ tx, fieldLabel, registerLabel, listLabel, columnLabel, chartLabel, labelOf, fullLabelOf }),
    [tx, fieldLabel, registerLabel, listLabel, columnLabel, chartLabel, labelOf, fullLabelOf],
  );
}
