// Column builders shared by the risk, issue and change grids. Each column carries, in its context, how
// typed or pasted text is read (its CellKind) and how a stored value is shown, so the page derives the
// grid's kinds and the history dialog's formatting from the same definitions.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../../electron/common/dates.js';
import { vocabLabel, type VocabItem, type VocabListName, type Vocabularies } from '../../../../electron/common/registers.js';
import type { CellKind } from '../../grid/cellValues.js';
import { suppressEditorKeys, VocabEditor, type VocabEditorParams } from './VocabEditor.js';

export interface ColumnContext {
  t: TFunction;
  lang: 'ja' | 'en';
  vocab: Vocabularies;
  /** i18n prefix of the register's column headers: `${prefix}.col.${field}`. */
  prefix: string;
}

export interface ColumnMeta {
  kind: CellKind;
  format(value: unknown): string;
}

export type RegisterColDef<T> = ColDef<T> & { field: string; context: ColumnMeta };

const plain = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const formatter = (format: (v: unknown) => string) => (p: ValueFormatterParams) => format(p.value);

function base<T>(c: ColumnContext, field: string, width: number, meta: ColumnMeta): RegisterColDef<T> {
  return {
    field: field as never,
    headerName: c.t(`${c.prefix}.col.${field}`),
    width,
    context: meta,
    valueFormatter: formatter(meta.format),
    suppressKeyboardEvent: suppressEditorKeys,
  } as RegisterColDef<T>;
}

export function textCol<T>(c: ColumnContext, field: string, width = 160): RegisterColDef<T> {
  return base(c, field, width, { kind: 'text', format: plain });
}

/** Long text (description, plan): a popup editor with room for several lines (Alt+Enter: new line). */
export function longTextCol<T>(c: ColumnContext, field: string, width = 240): RegisterColDef<T> {
  return {
    ...base<T>(c, field, width, { kind: 'text', format: plain }),
    cellEditorPopup: true,
    cellClass: 'long-text',
    tooltipValueGetter: (p) => (p.value ? String(p.value) : undefined),
  };
}

export function dateCol<T>(c: ColumnContext, field: string, width = 112): RegisterColDef<T> {
  return base(c, field, width, { kind: 'date', format: (v) => formatDate(v as string | null) });
}

/** Probability / impact: 1–5, typed as a number or as 高/中/低. */
export function ratingCol<T>(c: ColumnContext, field: string, width = 108): RegisterColDef<T> {
  return { ...base<T>(c, field, width, { kind: 'rating', format: plain }), type: 'rightAligned' };
}

/** A computed number nobody types (score, age). */
export function computedCol<T>(c: ColumnContext, field: string, width = 84): RegisterColDef<T> {
  return { ...base<T>(c, field, width, { kind: 'number', format: plain }), editable: false, type: 'rightAligned', cellClass: ['computed', 'ag-right-aligned-cell'] };
}

/** A vocabulary field: shows labels in the current language, edits with a pick list, accepts typed labels. */
export function vocabCol<T>(c: ColumnContext, field: string, list: VocabListName, opts: { width?: number; required: boolean }): RegisterColDef<T> {
  const items: readonly VocabItem[] = c.vocab[list].items;
  const label = (v: unknown) => (typeof v === 'string' ? vocabLabel(items, v, c.lang) : '');
  const order = (v: unknown) => {
    const i = items.findIndex((x) => x.code === v);
    return i < 0 ? items.length : i;
  };
  const params: VocabEditorParams = { items, lang: c.lang, allowEmpty: !opts.required, emptyLabel: c.t('register.emptyChoice') };
  return {
    ...base<T>(c, field, opts.width ?? 110, { kind: { vocab: items }, format: label }),
    cellEditor: VocabEditor,
    cellEditorPopup: true,
    cellEditorParams: params,
    // Filter and sort by what people see: labels, in the list's order.
    filterValueGetter: (p) => label(p.data?.[field as keyof T]),
    comparator: (a, b) => order(a) - order(b),
  };
}

/** Field → CellKind, for the grid's paste / fill / clear planning. */
export function kindsOf<T>(columns: RegisterColDef<T>[]): Record<string, CellKind> {
  return Object.fromEntries(columns.map((c) => [c.field, c.context.kind]));
}
