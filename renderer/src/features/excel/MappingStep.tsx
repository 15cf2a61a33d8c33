// Step 2 of the import: where the table is (sheet, header rows, data rows), the profile that was
// used, and each column of the file with the field it goes to. Every correction previews again.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { columnKey, type ImportPreview, type TableCandidate } from '../../../../electron/common/excel/preview.js';
import type { Problem } from '../../../../electron/common/excel/problems.js';
import { confidenceLevel, headerRows, yearChoices, type MappingChange } from './importModel.js';
import { TablePicker } from './TablePicker.js';

const END_KEYS = { 'blank rows': 'blankRows', 'total row': 'totalRow', notes: 'notes', footer: 'footer', 'end mark': 'endMark', 'table end': 'tableEnd', 'next table': 'nextTable', 'end of sheet': 'endOfSheet' } as const;

export function MappingStep({
  preview,
  busy,
  file,
  tables,
  fieldLabel,
  problemText,
  listItems,
  onChange,
  onOtherFile,
}: {
  preview: ImportPreview;
  busy: boolean;
  /** The workbook (for drawing its sheet when the user points at the table). */
  file: { name: string; base64: string } | null;
  /** The tables detection offered where it could not choose between them (1-based rows), else null. */
  tables: TableCandidate[] | null;
  fieldLabel(field: string): string;
  problemText(p: Problem): string;
  /** The project's list items of a list field (for reading client words). */
  listItems(field: string): { code: string; label: string }[];
  onChange(change: MappingChange): void;
  onOtherFile(): void;
}) {
  const { t } = useTranslation();
  const ask = preview.detection?.ask ?? null;
  // (A question about the columns is answered in the dialog: the sheet is for pointing at a table or a header.)
  const pointAt = ask === 'table' || ask === 'header';
  const [showSheet, setShowSheet] = useState(pointAt);
  useEffect(() => setShowSheet(pointAt), [pointAt, preview.fileName]);
  const { header, data } = preview;
  // Effort columns and why their unit is what it is (hours ÷ 8, person-days…): said, so a wrong guess shows.
  const effortColumns = preview.columns.filter((c) => c.field !== null && c.unitWhy);
  // A 予定/実績 plan (a label column tells the record's rows apart): its second-row twins follow the first row.
  const twins = preview.columns.some((c) => c.blockLabels);
  // The boxes hold what is typed; a change is sent on Enter or when the box is left.
  const [top, setTop] = useState(String(header.top));
  const [bottom, setBottom] = useState(String(header.bottom));
  useEffect(() => {
    setTop(String(header.top));
    setBottom(String(header.bottom));
  }, [header.top, header.bottom]);

  const commitHeader = (changed: 'top' | 'bottom') => {
    const rows = headerRows(top, bottom, changed);
    if (!rows) {
      setTop(String(header.top));
      setBottom(String(header.bottom));
      return;
    }
    if (rows.headerTop === header.top && rows.headerBottom === header.bottom) return;
    onChange(rows);
  };
  const onHeaderKey = (changed: 'top' | 'bottom') => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitHeader(changed);
    }
  };

  const end = END_KEYS[data.end];
  const endText = t(`excel.end.${end}`, { row: data.endRow ?? '' });
  const dataText =
    data.first === null || data.last === null
      ? t('excel.noData')
      : t('excel.dataRange', { first: data.first, last: data.last, count: preview.rowCount, end: endText });
  const fieldChoices = preview.fields;
  // Problems of the sheet or the file as a whole (no table, an unreadable sheet) matter here already.
  const general = preview.problems.filter((p) => p.cell === undefined);

  return (
    <div className="import-mapping">
      <dl className="import-facts" data-testid="import-facts">
        <dt>{t('excel.file')}</dt>
        <dd>
          <span className="file-name" data-testid="import-file">
            {preview.fileName}
          </span>
          <button className="link" onClick={onOtherFile} disabled={busy}>
            {t('excel.otherFile')}
          </button>
        </dd>
        <dt>
          <label htmlFor="import-sheet">{t('excel.sheet')}</label>
        </dt>
        <dd>
          <select id="import-sheet" value={preview.sheet} onChange={(e) => onChange({ sheet: e.target.value })}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </dd>
        <dt>{t('excel.headerRows')}</dt>
        <dd className="rows">
          {t('excel.rowsBefore') && <span>{t('excel.rowsBefore')}</span>}
          <input
            type="number"
            min={1}
            aria-label={t('excel.headerTop')}
            value={top}
            onChange={(e) => setTop(e.target.value)}
            onBlur={() => commitHeader('top')}
            onKeyDown={onHeaderKey('top')}
          />
          <span>{t('excel.rowsBetween')}</span>
          <input
            type="number"
            min={1}
            aria-label={t('excel.headerBottom')}
            value={bottom}
            onChange={(e) => setBottom(e.target.value)}
            onBlur={() => commitHeader('bottom')}
            onKeyDown={onHeaderKey('bottom')}
          />
          {t('excel.rowsAfter') && <span>{t('excel.rowsAfter')}</span>}
        </dd>
        <dt>{t('excel.data')}</dt>
        <dd data-testid="import-data-range">{dataText}</dd>
        <dt>{t('excel.matchBy.label')}</dt>
        <dd>{t(`excel.matchBy.${preview.matchBy}`)}</dd>
        {preview.hierarchy && (
          <>
            <dt>{t('excel.hierarchy.label')}</dt>
            <dd>{t(`excel.hierarchy.${preview.hierarchy}`)}</dd>
          </>
        )}
        {preview.paintedDates && (
          <>
            <dt>{t('excel.paintedDates.label')}</dt>
            <dd data-testid="import-painted-dates">
              {t(preview.paintedDates.days === 1 ? 'excel.paintedDates.days' : 'excel.paintedDates.weeks', { from: preview.paintedDates.from, to: preview.paintedDates.to, days: preview.paintedDates.days })}
            </dd>
          </>
        )}
        {preview.predecessorsReading && (
          <>
            <dt>{t('excel.predecessorsReading.label')}</dt>
            <dd data-testid="import-predecessors">
              {preview.predecessorsReading.by === 'id' ? t('excel.predecessorsReading.id', { column: preview.predecessorsReading.column }) : t(`excel.predecessorsReading.${preview.predecessorsReading.by}`)}
            </dd>
          </>
        )}
        {effortColumns.length > 0 && (
          <>
            <dt>{t('excel.effortUnit.label')}</dt>
            <dd data-testid="import-effort-unit">
              {effortColumns.map((c) => (
                <div key={c.column}>
                  {t(`excel.effortUnit.${c.unitWhy!.from}`, {
                    column: c.column,
                    label: c.label,
                    unit: t(`excel.effortUnit.unit.${c.unit ?? 'day'}`),
                    ...(c.unitWhy!.from === 'tracker' ? { tracker: c.unitWhy!.tracker === 'redmine' ? 'Redmine' : 'Jira' } : {}),
                    ...(c.unitWhy!.from === 'dates' ? { value: c.unitWhy!.value, days: c.unitWhy!.days, people: c.unitWhy!.people } : {}),
                    ...(c.unitWhy!.from === 'note' ? { cell: c.unitWhy!.cell, text: c.unitWhy!.text } : {}),
                    ...(c.unitWhy!.from === 'seconds' ? { value: c.unitWhy!.value, hours: c.unitWhy!.value / 3600 } : {}),
                  })}
                </div>
              ))}
            </dd>
          </>
        )}
        <dt>{t('excel.profile')}</dt>
        <dd data-testid="import-profile">
          {preview.profile ? (
            <>
              <span className="profile-used">{t('excel.profileUsed', { name: preview.profile.name })}</span>
              {preview.profile.how === 'signature' && <span className="muted"> ({t('excel.profileFound')})</span>}
            </>
          ) : (
            <span className="muted">{t('excel.noProfile')}</span>
          )}
        </dd>
      </dl>
      {general.length > 0 && (
        <ul className="import-warnings" data-testid="import-warnings">
          {general.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      {ask && (
        <div className="import-ask" role="status" data-testid="import-ask">
          <p>{t(`excel.ask.${ask}`)}</p>
          {/* Why it asks: one sentence for each decision it is unsure of, naming the column or the tables. */}
          {(preview.detection?.why.length ?? 0) > 0 && (
            <ul data-testid="import-ask-why">
              {preview.detection!.why.map((w, i) =>
                w.code === 'columnFits' ? (
                  // A column its cells fit fields of: answered by one of them, or by keeping the column as it is.
                  <li key={i} data-testid="import-ask-column">
                    {t('excel.askWhy.columnFits', { column: w.column, label: w.rowOffset ? t('excel.secondRow', { label: w.label, row: w.rowOffset + 1 }) : w.label, fields: w.fields.map(fieldLabel).join(t('excel.askWhy.or')) })}{' '}
                    {w.fields.map((f) => (
                      <button key={f} className="link" disabled={busy} onClick={() => onChange({ column: w.column, rowOffset: w.rowOffset, field: f })}>
                        {fieldLabel(f)}
                      </button>
                    ))}{' '}
                    <button className="link" disabled={busy} onClick={() => onChange({ column: w.column, rowOffset: w.rowOffset, field: null })}>
                      {t('excel.askWhy.keep')}
                    </button>
                  </li>
                ) : (
                  <li key={i}>{t(`excel.askWhy.${w.code}`, 'field' in w ? { ...w, field: fieldLabel(w.field), ...('otherField' in w ? { otherField: fieldLabel(w.otherField) } : {}) } : w)}</li>
                ),
              )}
            </ul>
          )}
        </div>
      )}
      {tables && (
        <fieldset className="import-tables" data-testid="import-tables" disabled={busy}>
          <legend>{t('excel.ask.tables')}</legend>
          {tables.map((c) => {
            const key = `${c.sheet}!${c.headerTop}:${c.columns}`;
            const current = c.sheet === preview.sheet && c.headerTop === header.top && c.headerBottom === header.bottom;
            return (
              <label key={key}>
                <input type="radio" name="import-table" checked={current} onChange={() => onChange({ table: c })} />{' '}
                {t(c.headerTop === c.headerBottom ? 'excel.ask.tableAt' : 'excel.ask.tableAtRows', { sheet: c.sheet, top: c.headerTop, bottom: c.headerBottom, columns: c.columns })}
              </label>
            );
          })}
        </fieldset>
      )}
      {file && (
        <p>
          <button className="link" data-testid="import-show-sheet" onClick={() => setShowSheet(!showSheet)}>
            {showSheet ? t('excel.ask.hide') : t('excel.ask.show')}
          </button>
        </p>
      )}
      {file && showSheet && <TablePicker file={file} sheet={preview.sheet} header={preview.header} busy={busy} onPick={(pick) => onChange({ pick })} />}
      {preview.leftOut.length > 0 && (
        <details className="import-left-out" data-testid="import-left-out">
          <summary>{t('excel.leftOut.title', { count: preview.leftOut.length })}</summary>
          <ul>
            {preview.leftOut.map((x) => (
              <li key={x.row}>{t('excel.leftOut.row', { row: x.row, reason: t(`excel.leftOut.reason.${x.reason}`) })}</li>
            ))}
          </ul>
        </details>
      )}
      {preview.years && (
        <p className="import-year" data-testid="import-year">
          <label>
            {t('excel.year.label', { count: preview.years.count, examples: preview.years.examples.join(', ') })}{' '}
            <select value={preview.years.year} disabled={busy} onChange={(e) => onChange({ year: Number(e.target.value) })}>
              {yearChoices(preview.years.year).map((y) => (
                <option key={y} value={y}>
                  {t(preview.years!.span ? 'excel.year.optionSpan' : 'excel.year.option', { year: y, next: y + 1 })}
                </option>
              ))}
            </select>
          </label>{' '}
          {!preview.years.chosen && <span className="muted">{t('excel.year.assumed')}</span>}
        </p>
      )}
      {preview.values.length > 0 && (
        <div className="import-values" data-testid="import-values">
          <h3>{t('excel.values.title', { count: preview.values.length })}</h3>
          <table className="mapping-table">
            <thead>
              <tr>
                <th>{t('excel.values.field')}</th>
                <th>{t('excel.values.word')}</th>
                <th>{t('excel.values.rows')}</th>
                <th>{t('excel.values.readAs')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.values.map((v) => {
                const items = v.list === null ? ['1', '2', '3', '4', '5'].map((c) => ({ code: c, label: c })) : listItems(v.field);
                const NEW = '\u0000new';
                const current = v.code === null ? '' : items.some((i) => i.code === v.code) ? v.code : NEW;
                return (
                  <tr key={`${v.field}:${v.word}`} data-testid="value-row">
                    <td>{fieldLabel(v.field)}</td>
                    <td className="label">{v.word}</td>
                    <td>{v.rows.length > 5 ? `${v.rows.slice(0, 5).join(', ')}…` : v.rows.join(', ')}</td>
                    <td>
                      <select
                        aria-label={`${fieldLabel(v.field)} ${v.word}`}
                        value={current}
                        disabled={busy}
                        onChange={(e) => onChange({ value: { field: v.field, word: v.word, code: e.target.value === NEW || e.target.value === '' ? null : e.target.value } })}
                      >
                        {v.list === null && <option value="">{t('excel.values.none')}</option>}
                        {items.map((i) => (
                          <option key={i.code} value={i.code}>
                            {i.label}
                            {!v.chosen && v.suggestion.code === i.code ? ` (${t('excel.values.suggested')})` : ''}
                          </option>
                        ))}
                        {v.list !== null && <option value={NEW}>{t('excel.values.add', { word: v.word })}</option>}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="mapping-scroll" aria-busy={busy}>
        <table className="mapping-table" data-testid="import-mapping">
          <thead>
            <tr>
              <th className="col-letter">{t('excel.col.column')}</th>
              <th>{t('excel.col.label')}</th>
              <th>{t('excel.col.field')}</th>
              <th>{t('excel.col.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => {
              const level = confidenceLevel(c.field, c.confidence);
              // Fields its cells read as that no column fills (an ID, a date, a rating): offered, never mapped by themselves.
              const maybe = c.field === null ? (preview.columnChoices?.find((x) => columnKey(x) === columnKey(c))?.fields ?? []) : [];
              return (
                // A field of a two-row record's second row shares its column letter with the first row's: under a
                // stacked header each is chosen on its own (the change names its row); a 予定/実績 plan's actual
                // twin follows its first row's choice (block-rows.ts), so it is shown, not chosen.
                <tr key={`${c.column}:${c.rowOffset ?? 0}`} data-testid="mapping-row" className={c.field === null ? 'extra' : ''}>
                  <td className="col-letter">{c.column}</td>
                  <td className="label">{(c.rowOffset ? t('excel.secondRow', { label: c.label, row: c.rowOffset + 1 }) : c.label) || <span className="muted">{t('excel.empty')}</span>}</td>
                  <td>
                    <select
                      aria-label={`${c.column} ${c.label}`}
                      value={c.field ?? ''}
                      disabled={!!c.rowOffset && twins}
                      onChange={(e) => onChange({ column: c.column, rowOffset: c.rowOffset, field: e.target.value === '' ? null : e.target.value })}
                    >
                      <option value="">{c.blockLabels ? t('excel.blockLabelColumn', { labels: c.blockLabels.join(' / ') }) : c.numbering ? t('excel.numberingColumn') : c.period ? t('excel.periodColumn') : t('excel.keepExtra')}</option>
                      {fieldChoices.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(f)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span
                      className={`confidence conf-${level}`}
                      title={c.field === null ? undefined : `${Math.round(c.confidence * 100)}%`}
                      data-testid="confidence"
                    >
                      {level !== 'none' && <span className="meter" style={{ width: `${Math.round(Math.min(1, c.confidence) * 36)}px` }} />}
                      {t(`excel.confidence.${level}`)}
                    </span>
                    {maybe.length > 0 && (
                      <span className="column-maybe" data-testid="column-maybe">
                        {t('excel.maybe.label')}{' '}
                        {maybe.map((f) => (
                          <button key={f} className="link" disabled={busy} onClick={() => onChange({ column: c.column, rowOffset: c.rowOffset, field: f })}>
                            {fieldLabel(f)}
                          </button>
                        ))}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
