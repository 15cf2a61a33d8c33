// Step 3 of the import: what applying would do, as tabs (new, changed, unchanged, not in the file,
// problems) over one read-only AG Grid — it draws only the rows in view, so 10,000 stay responsive —
// and the options: what happens to stored rows the file lacks, and the profile to save.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import type { ColDef, RowHeightParams } from 'ag-grid-community';
import { PREVIEW_ROWS_PER_STATUS, type ImportPreview } from '../../../../electron/common/excel/preview.js';
import { theme } from '../../grid/RegisterGrid.js';
import { styleNonce } from '../../ui/styleNonce.js';
import { linesOfTab, PREVIEW_TABS, tabCount, type PreviewLine, type PreviewTab, type ProfileChoice } from './importModel.js';

export type MissingChoice = 'keep' | 'close' | 'delete';

const LINE = 19;
/** Problems left below the view when the next page is asked for. */
const PROBLEMS_AHEAD = 50;

function StatusCell({ data }: CustomCellRendererProps<PreviewLine>) {
  const { t } = useTranslation();
  if (!data) return null;
  return (
    <span className="status-cell">
      <span className={`status-badge status-${data.status}`}>{t(`excel.status.${data.status}`)}</span>
      {data.skipped && <span className="status-badge status-skipped">{t('excel.status.skipped')}</span>}
    </span>
  );
}

function NameCell({ data }: CustomCellRendererProps<PreviewLine>) {
  if (!data) return null;
  return <span style={{ paddingLeft: `${data.level * 16}px` }}>{data.name}</span>;
}

function DetailsCell({ data, context }: CustomCellRendererProps<PreviewLine, unknown, { missing: MissingChoice; missingText: string }>) {
  if (!data) return null;
  if (data.status === 'missing') return <div className={`detail-line missing-${context.missing}`}>{context.missingText}</div>;
  return (
    <div className="details">
      {data.problems.map((p, i) => (
        <div key={`p${i}`} className="detail-line problem">
          {p}
        </div>
      ))}
      {data.details.map((d, i) => (
        <div key={i} className="detail-line">
          {d}
        </div>
      ))}
    </div>
  );
}

const linesIn = (l: PreviewLine | undefined) => (l?.status === 'missing' ? 1 : Math.max(1, (l?.details.length ?? 0) + (l?.problems.length ?? 0)));

export interface PreviewOptions {
  missing: MissingChoice;
  profile: ProfileChoice;
  profileName: string;
}

export function PreviewStep({
  preview,
  lines,
  tab,
  onTab,
  options,
  onOptions,
  found,
  busy,
  onMoreProblems,
}: {
  preview: ImportPreview;
  lines: PreviewLine[];
  tab: PreviewTab;
  onTab(tab: PreviewTab): void;
  /** Where the problems come in pages: asks for the next one (the list was scrolled near its end). */
  onMoreProblems?: () => void;
  options: PreviewOptions;
  onOptions(o: Partial<PreviewOptions>): void;
  found: { id: number; name: string } | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const shown = useMemo(() => linesOfTab(lines, tab), [lines, tab]);
  const context = useMemo(() => ({ missing: options.missing, missingText: t(`excel.missingAction.${options.missing}`) }), [t, options.missing]);

  const columns = useMemo<ColDef<PreviewLine>[]>(
    () => [
      { colId: 'status', headerName: t('excel.grid.status'), width: 150, cellRenderer: StatusCell, sortable: false },
      { field: 'row', headerName: t('excel.grid.row'), width: 70, type: 'rightAligned' },
      // Rows matched by their name have no key of their own to show.
      { field: 'key', headerName: t('excel.grid.key'), width: 110, hide: preview.matchBy === 'name' },
      { field: 'name', headerName: t('excel.grid.name'), width: 280, cellRenderer: NameCell, tooltipField: 'name' },
      {
        colId: 'details',
        headerName: tab === 'problems' ? t('excel.grid.problem') : t('excel.grid.details'),
        flex: 1,
        minWidth: 260,
        cellRenderer: DetailsCell,
        sortable: false,
        cellClass: 'details-cell',
      },
    ],
    [t, tab, preview.matchBy],
  );

  return (
    <div className="import-preview">
      {preview.fileDates && (
        <ul className="import-warnings" data-testid="import-file-dates">
          {preview.fileDates.workingDays.length > 0 && (
            <li>{t('excel.fileDatesAhead.workingDays', { days: preview.fileDates.workingDays.map((d) => `${d.date.replaceAll('-', '/')}${d.name ? ` (${d.name})` : ''}`).join('、') })}</li>
          )}
          {preview.fileDates.manual.length > 0 && (
            <li>
              {t('excel.fileDatesAhead.manual', {
                count: preview.fileDates.manual.length,
                names: preview.fileDates.manual.slice(0, 5).join('、') + (preview.fileDates.manual.length > 5 ? '…' : ''),
              })}
            </li>
          )}
        </ul>
      )}
      <div className="tabs import-tabs" role="tablist" aria-label={t('excel.steps.preview')}>
        {PREVIEW_TABS.map((id) => {
          const count = tabCount(preview, id);
          return (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              className={`${tab === id ? 'active' : ''} tab-${id}${count === 0 && id !== 'all' ? ' empty' : ''}`}
              onClick={() => onTab(id)}
              data-testid={`import-tab-${id}`}
            >
              {t(`excel.tabs.${id}`)} <span className="tab-count">{count}</span>
            </button>
          );
        })}
      </div>
      <div className="import-grid" data-testid="import-preview">
        <AgGridReact<PreviewLine>
          theme={theme}
          styleNonce={styleNonce}
          rowData={shown}
          columnDefs={columns}
          context={context}
          defaultColDef={{ resizable: true, sortable: true, suppressKeyboardEvent: () => false }}
          getRowId={(p) => p.data.id}
          getRowHeight={(p: RowHeightParams<PreviewLine>) => 8 + LINE * linesIn(p.data)}
          rowClassRules={{ 'row-skipped': (p) => !!p.data?.skipped }}
          suppressCellFocus={false}
          animateRows={false}
          suppressNoRowsOverlay
          onViewportChanged={(e) => {
            if (tab === 'problems' && onMoreProblems && e.lastRow >= shown.length - PROBLEMS_AHEAD) onMoreProblems();
          }}
        />
        {shown.length === 0 && <div className="import-empty muted">{t('excel.noneHere')}</div>}
      </div>
      {tab === 'problems' && onMoreProblems && shown.length < preview.counts.problems && (
        <p className="small muted" data-testid="import-problems-paged">
          {t('excel.problemsPaged', { shown: shown.length.toLocaleString(), count: preview.counts.problems.toLocaleString() })}
        </p>
      )}
      {preview.rows.length < preview.rowCount && tab !== 'missing' && tab !== 'problems' && (
        <p className="small muted" data-testid="import-rows-cut">
          {t('excel.rowsCut', { per: PREVIEW_ROWS_PER_STATUS.toLocaleString(), count: preview.rowCount.toLocaleString() })}
        </p>
      )}
      {preview.counts.skipped > 0 && <p className="small muted">{t('excel.skipped')}</p>}
      <div className="import-options">
        <fieldset disabled={busy || preview.counts.missing === 0}>
          <legend>{t('excel.missing.label', { count: preview.counts.missing })}</legend>
          {(['keep', 'close', 'delete'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="import-missing" value={m} checked={options.missing === m} onChange={() => onOptions({ missing: m })} />{' '}
              {t(`excel.missing.${m}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{t('excel.profileOptions.label')}</legend>
          <label>
            <input type="radio" name="import-profile" checked={options.profile === 'none'} onChange={() => onOptions({ profile: 'none' })} />{' '}
            {t('excel.profileOptions.none')}
          </label>
          {found && (
            <label>
              <input type="radio" name="import-profile" checked={options.profile === 'update'} onChange={() => onOptions({ profile: 'update' })} />{' '}
              {t('excel.profileOptions.update', { name: found.name })}
            </label>
          )}
          <label>
            <input type="radio" name="import-profile" checked={options.profile === 'save'} onChange={() => onOptions({ profile: 'save' })} />{' '}
            {t('excel.profileOptions.save')}
          </label>
          <input
            type="text"
            className="profile-name"
            aria-label={t('excel.profileOptions.name')}
            value={options.profileName}
            maxLength={200}
            disabled={options.profile !== 'save'}
            onChange={(e) => onOptions({ profileName: e.target.value })}
          />
        </fieldset>
      </div>
    </div>
  );
}
