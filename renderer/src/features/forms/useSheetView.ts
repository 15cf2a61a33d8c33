// The form's sheet as the editor draws it: the sheet the layout is on, its merges and texts, how far it
// is drawn (its content and everything mapped), the rows as cells, the marks of what is mapped, and the
// column widths that fit the marks' labels.
import { useMemo } from 'react';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { columnWidths, gridRows, marksOf, mergeIndex, sheetExtent, textIndex, type Mark, type PickLayout } from './formModel.js';

export function useSheetView(preview: SheetPreview | null, layout: PickLayout, labelOf: (m: Mark) => string) {
  const names = useMemo(() => preview?.names ?? [], [preview]);
  const sheet = preview?.sheets.find((s) => s.name === layout.sheet) ?? preview?.sheets[0] ?? null;
  const merges = useMemo(() => (sheet ? mergeIndex(sheet) : { at: new Map(), covered: new Map() }), [sheet]);
  const texts = useMemo(() => (sheet ? textIndex(sheet) : new Map<string, string>()), [sheet]);
  const need = sheet ? sheetExtent(sheet, layout, names) : { rows: 30, columns: 10 };
  // Primitive keys: picking cells does not redraw the sheet unless it has to grow.
  const extent = useMemo(() => ({ rows: need.rows, columns: need.columns }), [need.rows, need.columns]);
  const rows = useMemo(() => gridRows(extent, texts, merges), [extent, texts, merges]);
  const marks = useMemo(() => marksOf(layout, names), [layout, names]);
  const tagTexts = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const [k, list] of marks.cells) out.set(k, list.filter((x) => x.kind === 'cell' || x.head).map(labelOf));
    return out;
  }, [marks, labelOf]);
  const widths = useMemo(
    () => (sheet ? columnWidths(sheet, extent.columns, merges.covered, merges.at, tagTexts) : []),
    [sheet, extent.columns, merges, tagTexts],
  );
  return { names, sheet, merges, extent, rows, marks, widths };
}

export type SheetView = ReturnType<typeof useSheetView>;
