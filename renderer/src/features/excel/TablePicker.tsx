// When detection is unsure, the import dialog shows the sheet as Excel draws it and the user points at
// the table: a click on its header row, or on its first row of data. The column clicked chooses the
// table where two stand side by side. Drawn by the forms editor's SheetGrid.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { columnName } from '../../../../electron/common/excel/model.js';
import { read } from '../../api/useApi.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { columnWidths, gridRows, mergeIndex, textIndex, type Mark, type Pos } from '../forms/formModel.js';
import { SheetGrid } from '../forms/SheetGrid.js';

export type PickWhat = 'header' | 'firstDataRow';

export interface TablePick {
  sheet: string;
  /** 1-based row clicked. */
  row: number;
  /** Column letter clicked. */
  column: string;
  what: PickWhat;
}

export function TablePicker(props: {
  file: { name: string; base64: string };
  sheet: string;
  /** 1-based header rows now (marked). */
  header: { top: number; bottom: number };
  busy: boolean;
  onPick(p: TablePick): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sheets, setSheets] = useState<SheetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [what, setWhat] = useState<PickWhat>('header');
  const gridRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<Pos>({ r: props.header.top, c: 0 });

  useEffect(() => {
    let live = true;
    read('excel.sheetPreview', { fileName: props.file.name, dataBase64: props.file.base64 })
      .then((p) => live && setSheets(p))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [props.file]);

  const sheet = sheets?.sheets.find((s) => s.name === props.sheet) ?? sheets?.sheets[0] ?? null;
  const merges = useMemo(() => (sheet ? mergeIndex(sheet) : { at: new Map(), covered: new Map() }), [sheet]);
  const texts = useMemo(() => (sheet ? textIndex(sheet) : new Map<string, string>()), [sheet]);
  const extent = useMemo(() => {
    if (!sheet) return { rows: 30, columns: 10 };
    const lastRow = Math.max(props.header.bottom + 10, ...sheet.rows.map((r) => r.r));
    const lastCol = Math.max(5, ...sheet.rows.flatMap((r) => r.cells.map((c) => c.c)));
    return { rows: Math.min(200, lastRow), columns: Math.min(60, lastCol + 1) };
  }, [sheet, props.header.bottom]);
  const rows = useMemo(() => gridRows(extent, texts, merges), [extent, texts, merges]);
  const widths = useMemo(() => (sheet ? columnWidths(sheet, extent.columns, merges.covered, merges.at, new Map()) : []), [sheet, extent.columns, merges]);
  const noMarks = useMemo(() => new Map<string, Mark[]>(), []);
  const noBlocks = useMemo(() => new Map(), []);

  if (error) return <p className="error">{error}</p>;
  if (!sheet) return <p className="muted">{t('excel.ask.loading')}</p>;
  return (
    <div className="table-picker" data-testid="table-picker">
      <div className="table-picker-tools" role="radiogroup" aria-label={t('excel.ask.pickLabel')}>
        {(['header', 'firstDataRow'] as const).map((w) => (
          <label key={w}>
            <input type="radio" name="pick-what" checked={what === w} onChange={() => setWhat(w)} /> {t(`excel.ask.pick.${w}`)}
          </label>
        ))}
      </div>
      <div className="table-picker-sheet">
        <SheetGrid
          gridRef={gridRef}
          label={`${t('excel.sheet')} ${sheet.name}`}
          rows={rows}
          widths={widths}
          cursor={cursor}
          range={{ r1: props.header.top, r2: props.header.bottom }}
          blockRows={noBlocks}
          marks={noMarks}
          labelOf={() => ''}
          fullLabelOf={() => ''}
          picking="rows"
          onCellDown={(p) => {
            if (props.busy) return;
            setCursor(p);
            props.onPick({ sheet: sheet.name, row: p.r, column: columnName(Math.max(0, p.c)), what });
          }}
          onCellEnter={() => undefined}
          onKeyDown={() => undefined}
        />
      </div>
    </div>
  );
}
