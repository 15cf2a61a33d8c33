// One page implementation for the flat registers (リスク管理表, 課題管理表, 変更管理表): a toolbar (add,
// delete, undo, redo, row history), the spreadsheet grid on RegisterGrid, refused blocks listed cell by
// cell, and an optional side panel (the risk heat map). Each register passes its columns and extras.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellFocusedEvent, RowClassRules } from 'ag-grid-community';
import type { Project } from '../../../../electron/common/dto.js';
import { ApiError } from '../../../../electron/common/errors.js';
import type { RegisterName, Vocabularies } from '../../../../electron/common/registers.js';
import { REGISTER_LIST } from '../../../../electron/common/registers/index.js';
import { HISTORY, mutate, read, remember, useQuery } from '../../api/useApi.js';
import type { CellPlan, PlanColumn } from '../../grid/cellPlan.js';
import { parseCell } from '../../grid/cellValues.js';
import { RegisterGrid } from '../../grid/RegisterGrid.js';
import { UndoRedoButtons } from '../../ui/UndoRedoButtons.js';
import { keepingTheirs, overwriting, staleOf, staleRequest, theirValues, withTheirs } from '../../grid/staleEdit.js';
import { PendingCells } from '../../grid/pendingCells.js';
import { Notice, PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { useBadCellMessages, useReasonText } from '../../grid/reasons.js';
import { isCellProblems, problemsToBadCells, reasonOf } from '../../grid/serverProblems.js';
import { kindsOf, type ColumnContext, type RegisterColDef } from './columns.js';
import { registerApi } from './registerApi.js';
import { useEditWhenShown } from '../../grid/useEditWhenShown.js';
import { ColumnChooser } from '../../ui/ColumnChooser.js';
import { RowHistoryDialog, type HistoryTarget } from '../../ui/RowHistoryDialog.js';
import { ImportDialog } from '../excel/ImportDialog.js';
import { ExportDialog } from '../excel/ExportDialog.js';
import { cardRowOf, type CardRow } from '../excel/exportModel.js';
import { importedMessage, importFieldLabel } from '../excel/importModel.js';
import { extraCol, extraKeys, foldExtras, isExtraField } from './extraColumns.js';
import { useJumpTo } from '../search/jump.js';
import type { SearchKind } from '../../../../electron/common/search.js';
import { quickCounts, quickFiltersOf, quickPredicate, type QuickFilter } from './quickFilters.js';
import { localToday } from '../../../../electron/common/dates.js';

/** What every register row has that the page relies on. */
export interface RegisterRow {
  id: number;
  ref: string;
  title: string;
  /** Client columns kept by an import, shown as extra columns after the regular ones. */
  extra?: Record<string, unknown>;
}

export interface SideProps<T> {
  rows: T[];
  focused: T | undefined;
  vocab: Vocabularies;
}

export interface RegisterPageProps<T extends RegisterRow> {
  project: Project;
  register: RegisterName;
  /** The screen (views.<view>): names the heading and where the grid's column state is kept. */
  view: string;
  columns(ctx: ColumnContext): RegisterColDef<T>[];
  /** Values of a row added with the button (e.g. raised on today). */
  newRow?(): Record<string, unknown>;
  rowClassRules?: RowClassRules<T>;
  /** The page's own filter on top of the column filters; null when off. */
  externalFilter?: ((row: T) => boolean) | null;
  /** Called before a row is added, e.g. to drop a filter that would hide it. */
  onAdd?(): void;
  /** A search hit's row is hidden by the page's own filter (externalFilter): the page drops it. */
  onJumpHidden?(): void;
  side?(p: SideProps<T>): ReactNode;
}

/**
 * Widths and pinning as initial values only: the columns are rebuilt when extra columns come or go,
 * and a rebuilt column must keep the width the user gave it.
 */
function initialOnly<T>(c: RegisterColDef<T>): RegisterColDef<T> {
  const { width, pinned, ...rest } = c;
  return { ...rest, initialWidth: width, initialPinned: pinned } as RegisterColDef<T>;
}

/** Audit entity → the screen that shows it, for "undid a change in …". */
const ENTITY_VIEWS: Record<string, string> = { wbs_task: 'wbs', ...Object.fromEntries(REGISTER_LIST.map((d) => [d.name, d.view])) };

export function RegisterPage<T extends RegisterRow>(props: RegisterPageProps<T>) {
  const { project, register, view } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const reasonText = useReasonText();
  const withMessages = useBadCellMessages();
  const api = useMemo(() => registerApi<T>(register), [register]);
  const grid = useRef<AgGridReact<T>>(null);
  const frame = usePageFrame();
  const { fail, setError, setNotice, setBadCells, run } = frame;
  // The register's rows, and the undo stack: each reloaded after any write touching it.
  const rowsQuery = useQuery([register], () => api.list(project.id), [api, project.id], fail);
  const rows = useMemo(() => rowsQuery.data ?? [], [rowsQuery.data]);
  const historyQuery = useQuery([HISTORY], () => read('history.state', { projectId: project.id }), [project.id], fail);
  const history = historyQuery.data ?? null;
  // The value lists change only on the 選択肢 tab, which remounts this page: read once.
  const vocabQuery = useQuery(['vocabulary'], () => read('vocab.list', { projectId: project.id }), [project.id], fail);
  const vocab = vocabQuery.data ?? null;
  const [historyTarget, setHistoryTarget] = useState<HistoryTarget | null>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  /** Excel出力 is open, with the row a card would take (the one selected when it opened). */
  const [exporting, setExporting] = useState<{ cardRow: CardRow } | null>(null);
  /** The rows the spreadsheet range covers: what "delete rows" acts on. */
  const selected = useRef<T[]>([]);
  // Quick filters (remembered per register and project) and the user's own name for "mine".
  const [quick, setQuick] = useState<Set<QuickFilter>>(new Set());
  // Search finds rows of the kinds it indexes (SEARCH_KINDS); a register it does not index gets no jumps.
  const jumpTo = useJumpTo(register as SearchKind);
  const [me, setMe] = useState('');
  const [askingMe, setAskingMe] = useState(false);
  const quickKey = `quick.${view}.${project.id}`;
  /** The saved quick filters are applied (or could not be read): the grid may start. */
  const [quickRead, setQuickRead] = useState(false);
  useEffect(() => {
    void Promise.all([read('settings.get', { key: quickKey }), read('settings.get', { key: 'ui.me' })])
      .then(([q, name]) => {
        if (Array.isArray(q)) setQuick(new Set(q.filter((x): x is QuickFilter => (quickFiltersOf(register) as readonly unknown[]).includes(x))));
        if (typeof name === 'string') setMe(name);
      })
      .catch(() => undefined)
      .finally(() => setQuickRead(true));
  }, [quickKey]);
  // The grid is drawn once the lists, the rows, the undo state and the saved quick filters are in: it
  // starts with its rows as filtered (a quick filter applied after a search's jump would drop the row
  // just selected), as when one chain of loads read them all.
  const ready = vocab !== null && rowsQuery.data !== undefined && historyQuery.data !== undefined && quickRead;
  const today = localToday();
  const quickCtx = useMemo(() => (vocab ? { vocab, today, me } : null), [vocab, today, me]);
  const counts = useMemo(() => (quickCtx ? quickCounts(register, rows as unknown as Record<string, unknown>[], quickCtx) : null), [register, rows, quickCtx]);
  const externalFilter = useMemo(() => {
    const page = props.externalFilter ?? null;
    const preds = quickCtx ? [...quick].map((f) => quickPredicate(register, f, quickCtx)) : [];
    if (!page && preds.length === 0) return null;
    return (row: T) => (!page || page(row)) && preds.every((p) => p(row as unknown as Record<string, unknown>));
  }, [props.externalFilter, quick, quickCtx, register]);
  const toggleQuick = (f: QuickFilter) => {
    if (f === 'mine' && me === '' && !quick.has(f)) return setAskingMe(true);
    const next = new Set(quick);
    if (!next.delete(f)) next.add(f);
    setQuick(next);
    void remember(quickKey, [...next]);
  };
  const saveMe = (name: string) => {
    setMe(name.trim());
    setAskingMe(false);
    void remember('ui.me', name.trim());
    if (name.trim() !== '') {
      const next = new Set(quick).add('mine');
      setQuick(next);
      void remember(quickKey, [...next]);
    }
  };

  const columnsOf = props.columns;
  // The extra columns' keys, as one string: the columns are rebuilt only when the set of keys changes.
  const extras = useMemo(() => extraKeys(rows).join('\u0000'), [rows]);
  const columns = useMemo(
    () =>
      vocab
        ? [
            ...columnsOf({ t, lang, vocab, prefix: register }).map(initialOnly),
            ...(extras ? extras.split('\u0000').map((key) => extraCol<T>({ t }, key)) : []),
          ]
        : [],
    // Rebuilt when the language changes, so headers and labels follow the switch.
    [columnsOf, t, lang, vocab, register, extras],
  );
  const kinds = useMemo(() => kindsOf(columns), [columns]);
  const byField = useMemo(() => new Map<string, RegisterColDef<T>>(columns.map((c) => [c.field as string, c])), [columns]);
  const headerOf = useCallback((field: string) => byField.get(field)?.headerName ?? null, [byField]);
  const format = useCallback(
    (field: string, value: unknown) => byField.get(field)?.context.format(value) ?? (value === null || value === undefined ? '' : String(value)),
    [byField],
  );

  const fieldLabel = useMemo(() => importFieldLabel(t, register), [t, register]);

  // The page's filter changed (a heat map cell was clicked): the grid filters again.
  useEffect(() => {
    grid.current?.api?.onFilterChanged();
  }, [externalFilter]);

  const focusedRow = (): T | undefined => {
    const a = grid.current?.api;
    const cell = a?.getFocusedCell();
    return cell ? a?.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
  };

  const { editWhenShown, onRowsShown } = useEditWhenShown(grid, 'title');

  const onEdit = async (e: CellEditRequestEvent<T>) => {
    const field = e.colDef.field as string;
    // An extra column writes the row's whole `extra` with its key changed, as pastes do.
    if (isExtraField(field)) return onApply({ updates: [{ id: e.data.id, patch: { [field]: e.newValue ?? '' } }], creates: [], bad: [] });
    const parsed = parseCell(kinds[field] ?? 'text', e.newValue);
    if (!parsed.ok)
      return setError(t('register.cellRefused', { column: headerOf(field), value: String(e.newValue ?? ''), reason: reasonText(parsed.reason) }));
    // The value the cell showed goes with the edit: a colleague's change since is not overwritten.
    await send(e.data.id, field, parsed.value, { [field]: pending.began(e.data.id, field, e.oldValue) });
  };

  /** Cells sent and not yet answered: a second edit of one begins from what the first sent (pendingCells.ts). */
  const pending = useMemo(() => new PendingCells(), []);
  /** The colleague's values of refused cells, shown in the grid while the user chooses. */
  const showTheirs = (stale: Parameters<typeof theirValues>[0]) => {
    const theirs = theirValues(stale);
    rowsQuery.setData((prev) => (prev ?? []).map((x) => withTheirs(x, theirs.get(x.id))));
  };

  const send = async (id: number, field: string, value: unknown, expected: Record<string, unknown>) => {
    const answered = pending.send([{ id, patch: { [field]: value } }]);
    try {
      // The row comes back as stored: patched in place as soon as it answers, not the whole list read again.
      await api.update(
        id,
        { [field]: value },
        {
          patches: rowsQuery,
          onAnswer: (a) => {
            const updated = a as T;
            rowsQuery.setData((prev) => (prev ?? []).map((x) => (x.id === updated.id ? updated : x)));
          },
        },
        expected,
      );
      frame.clear();
    } catch (err) {
      const stale = staleOf(err);
      if (stale) {
        // The colleague's values in the grid, then the choice.
        showTheirs(stale);
        return frame.ask(staleRequest(stale, t, (f) => headerOf(f) ?? f, () => void send(id, field, value, theirValues(stale).get(id) ?? {})));
      }
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string }) : undefined;
      if (detail?.field && detail.message)
        setError(
          t('register.cellRefused', {
            column: headerOf(detail.field.replace(/^patch\./, '')) ?? detail.field,
            value: String(value ?? ''),
            reason: reasonText(reasonOf(detail.message)),
          }),
        );
      else fail(err);
    } finally {
      answered();
    }
  };

  const onApply = async (plan: CellPlan) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Each pasted cell carries what it showed when the paste began, as a cell edit does. The extra
    // columns travel as the row's whole `extra` (foldExtras) with the `extra` the edit began from: the
    // core compares and writes them key by key, so a colleague's other client columns stay.
    const updates = plan.updates.map((u) => {
      const patch = foldExtras(u.patch, byId.get(u.id)?.extra);
      return { id: u.id, patch, expected: pending.beganAll(u.id, patch, byId.get(u.id) as Record<string, unknown> | undefined) };
    });
    const creates = plan.creates.map((c) => ({ values: foldExtras(c.values, undefined) }));
    await sendCells(plan, updates, creates);
  };

  const sendCells = async (plan: CellPlan, updates: { id: number; patch: Record<string, unknown>; expected?: Record<string, unknown> }[], creates: { values: Record<string, unknown> }[]) => {
    if (updates.length === 0 && creates.length === 0) return;
    const answered = pending.send(updates);
    try {
      await api.applyCells(project.id, updates, creates);
      frame.clear();
    } catch (err) {
      const stale = staleOf(err);
      if (stale) {
        // Nothing of the paste was written: the colleague's values shown, then the choice for their cells.
        showTheirs(stale);
        return frame.ask(
          staleRequest(stale, t, (f) => headerOf(f) ?? f, () => void sendCells(plan, overwriting(updates, stale), creates), () => void sendCells(plan, keepingTheirs(updates, stale), creates)),
        );
      }
      if (err instanceof ApiError && isCellProblems(err.details)) {
        const a = grid.current?.api;
        setBadCells(
          withMessages(problemsToBadCells(err.details, {
            plan,
            rowIndexOf: (id) => a?.getRowNode(String(id))?.rowIndex ?? null,
            shownRows: a?.getDisplayedRowCount() ?? rows.length,
            headerOf: (f) => headerOf(f) ?? f,
            format,
          })),
        );
      } else fail(err);
    } finally {
      answered();
    }
  };

  const emptyValue = (c: PlanColumn): unknown => (c.kind === 'text' || (typeof c.kind === 'object' && 'vocab' in c.kind) ? '' : c.kind === 'bool' ? false : null);

  const step = (which: 'undo' | 'redo') =>
    void run(async () => {
      // The step answers the entities it touched: the rows are read again only when this register is one.
      const r = await mutate(which === 'undo' ? 'history.undo' : 'history.redo', { projectId: project.id });
      if (!r.applied) setNotice(t(`register.nothingTo.${which}`));
      else if (!r.entities.includes(register)) {
        const where = r.entities.map((e) => (ENTITY_VIEWS[e] ? t(`views.${ENTITY_VIEWS[e]}`) : e)).join(lang === 'ja' ? '、' : ', ');
        setNotice(t(`register.${which}Elsewhere`, { where }));
      } else setNotice(null);
    });

  const add = () =>
    void run(async () => {
      props.onAdd?.();
      // The new row opens for typing once the grid shows it: asked before the rows are read again.
      await api.create(project.id, props.newRow?.() ?? {}, { onAnswer: (created) => editWhenShown((created as T).id) });
    });

  /** Ctrl+Shift+=: `count` new rows (the register keeps its own order, by ID), the first open for typing. */
  const insertRows = (count: number) =>
    void run(async () => {
      props.onAdd?.();
      const values = props.newRow?.() ?? {};
      await api.applyCells(project.id, [], Array.from({ length: count }, () => ({ values })), {
        onAnswer: (a) => {
          const first = (a as { created: T[] }).created[0];
          if (first) editWhenShown(first.id);
        },
      });
    });

  /** A row holds data when anything but its ID was written. */
  const hasData = (row: T) => Object.entries(row).some(([k, v]) => k !== 'id' && k !== 'ref' && columns.some((c) => c.field === k && c.editable !== false) && v !== null && v !== '' && v !== undefined);

  const remove = (given?: T[]) => {
    const focused = focusedRow();
    const targets = given ?? (selected.current.length > 0 ? selected.current : focused ? [focused] : []);
    if (targets.length === 0) return setError(t('register.selectFirst'));
    const doDelete = () =>
      void run(() => api.remove(targets.map((r) => r.id)));
    if (targets.length === 1 && !(given && hasData(targets[0]!))) return doDelete();
    frame.ask({
      title: t('register.confirmDeleteTitle'),
      message: t('register.confirmDelete', { count: targets.length }),
      confirmLabel: t('common.delete'),
      onConfirm: doDelete,
    });
  };

  const showHistory = () => {
    const row = focusedRow();
    if (!row) return setError(t('register.selectFirst'));
    setHistoryTarget({ id: row.id, label: [row.ref, row.title].filter(Boolean).join(' ') });
  };

  const onCellFocused = (e: CellFocusedEvent<T>) => {
    const row = e.rowIndex === null || e.rowIndex === undefined ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
    setFocusedId(row?.id ?? null);
  };

  const shown = externalFilter ? rows.filter(externalFilter).length : rows.length;
  const focused = rows.find((r) => r.id === focusedId);

  return (
    <PageFrame
      frame={frame}
      toolbar={
        <div className="toolbar">
          <h2 className="muted">{t(`views.${view}`)}</h2>
          <div className="group">
            <button className="primary" onClick={add}>
              {t('register.addRow')}
            </button>
            <button className="danger" onClick={() => remove()}>
              {t('register.deleteRows')}
            </button>
          </div>
          <div className="group">
            <UndoRedoButtons state={history} onStep={step} />
            <button onClick={showHistory}>{t('history.button')}</button>
            <ColumnChooser grid={grid} />
          </div>
          <div className="group">
            <button onClick={() => setImporting(true)} data-testid="import-button">
              {t('excel.button')}
            </button>
            <button onClick={() => setExporting({ cardRow: cardRowOf(selected.current, focusedRow(), rows) })} data-testid="export-button">
              {t('excelExport.button')}
            </button>
          </div>
          <div className="group quick-filters" role="group" aria-label={t('quick.label')}>
            {quickFiltersOf(register).map((f) => (
              <button key={f} aria-pressed={quick.has(f)} className="toggle" onClick={() => toggleQuick(f)} title={f === 'mine' && me ? t('quick.mineTitle', { name: me }) : undefined}>
                {t(`quick.${f}`)} <span className="count">{counts?.[f] ?? ''}</span>
              </button>
            ))}
            {askingMe && (
              <form
                className="me-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  saveMe(new FormData(e.currentTarget).get('me') as string);
                }}
              >
                <input name="me" autoFocus aria-label={t('quick.myName')} placeholder={t('quick.myName')} defaultValue={me} />
                <button type="submit">{t('common.save')}</button>
              </form>
            )}
          </div>
          <Notice frame={frame} />
          <span className="spacer" />
          <span className="muted" data-testid="row-count">
            {externalFilter ? t('register.countFiltered', { shown, count: rows.length }) : t('register.count', { count: rows.length })}
          </span>
        </div>
      }
    >
      <div className="register-body">
        {ready && vocab && (
          <RegisterGrid<T>
            gridRef={grid}
            testId={`${register}-grid`}
            stateKey={`grid.${view}.${project.id}`}
            rows={rows}
            columns={columns}
            kinds={kinds}
            emptyValue={emptyValue}
            onEdit={(e) => void onEdit(e)}
            onApply={onApply}
            onBadCells={(bad) => setBadCells(withMessages(bad))}
            onSelectRows={(r) => (selected.current = r)}
            onInsertRows={(_before, count) => insertRows(count)}
            onDeleteRows={(r) => remove(r)}
            onUndo={() => step('undo')}
            onRedo={() => step('redo')}
            onRowsShown={onRowsShown}
            onCellFocused={onCellFocused}
            rowClassRules={props.rowClassRules}
            externalFilter={() => externalFilter}
            jumpTo={jumpTo}
            // Quick filters first (for this visit: the saved choice stays), then the page's own.
            onJumpHidden={() => (quick.size > 0 ? setQuick(new Set()) : props.onJumpHidden?.())}
          />
        )}
        {ready && vocab && props.side && <aside className="register-side">{props.side({ rows, focused, vocab })}</aside>}
      </div>
      {importing && (
        <ImportDialog
          projectId={project.id}
          register={register}
          title={t(`views.${view}`)}
          fieldLabel={fieldLabel}
          formatValue={format}
          onClose={() => setImporting(false)}
          onImported={(result, fileName) => {
            // The rows and the undo stack were read again by the import's write (useApi mutate).
            frame.clear();
            setNotice(importedMessage(t, result, fileName));
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          projectId={project.id}
          register={register}
          cardRow={exporting.cardRow}
          title={t(`views.${view}`)}
          onClose={() => setExporting(null)}
          onExported={(fileName) => setNotice(t('excelExport.exported', { file: fileName }))}
        />
      )}
      <RowHistoryDialog entity={register} target={historyTarget} onClose={() => setHistoryTarget(null)} headerOf={headerOf} format={format} />
    </PageFrame>
  );
}
