import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent } from 'ag-grid-community';
import type { HistoryState, Project, WbsChanges, WbsFields, WbsTask, WbsUpdateResult } from '../../../../electron/common/dto.js';
import { applyMovedDates, applyWbsChanges, applyWbsUpdate } from '../../../../electron/common/wbs-tree.js';
import { localToday } from '../../../../electron/common/dates.js';
import { useJumpTo } from '../search/jump.js';
import { RegisterGrid } from '../../grid/RegisterGrid.js';
import { parseCell } from '../../grid/cellValues.js';
import type { CellPlan, PlanColumn } from '../../grid/cellPlan.js';
import { useEditWhenShown } from '../../grid/useEditWhenShown.js';
import { ColumnChooser } from '../../ui/ColumnChooser.js';
import { UndoRedoButtons } from '../../ui/UndoRedoButtons.js';
import { keepingTheirs, overwriting, staleOf, staleRequest, theirValues } from '../../grid/staleEdit.js';
import { PendingCells } from '../../grid/pendingCells.js';
import type { Input, Method, Output } from '../../../../electron/common/api.js';
import { HISTORY, mutate, read, remember, subscribe, useQuery, type MutateOptions } from '../../api/useApi.js';
import { Notice, PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { problemsToBadCells, wbsCellProblems } from '../../grid/serverProblems.js';
import { useBadCellMessages } from '../../grid/reasons.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { RowHistoryDialog, type HistoryTarget } from '../../ui/RowHistoryDialog.js';
import { wbsColumns, wbsFieldKinds, wbsHistoryFormat, type WbsRow } from './wbsColumns.js';
import { ImportDialog } from '../excel/ImportDialog.js';
import { ExportDialog } from '../excel/ExportDialog.js';
import { CalendarDialog } from '../calendar/CalendarDialog.js';
import { importedMessage, importFieldLabel } from '../excel/importModel.js';
import { GanttPane } from '../gantt/GanttPane.js';
import { insertAfter, useBaselineColumns } from '../progress/baselineColumns.js';
import { useProgressLines } from '../progress/progressLines.js';
import { collapsedKey as collapsedKeyOf, FIRST_ROWS, firstWbsLoad, ganttKey as ganttKeyOf, loadTasks, wbsLoadTaken, wholePlan } from './wbsLoad.js';

/**
 * Resolves once the browser has drawn what was rendered before the call (just after the next frame), or
 * after 100 ms in a window that draws no frames (hidden or minimized).
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });

/** Rows shown: every task whose ancestors are all expanded. */
function visibleRows(tasks: WbsTask[], collapsed: Set<number>): WbsRow[] {
  const hidden = new Set<number>();
  const out: WbsRow[] = [];
  for (const task of tasks) {
    // Tree order: a parent comes before its children, so its fate is known by then.
    if (task.parentId !== null && (hidden.has(task.parentId) || collapsed.has(task.parentId))) {
      hidden.add(task.id);
      continue;
    }
    out.push(collapsed.has(task.id) ? { ...task, collapsed: true } : task);
  }
  return out;
}

export function WbsPage({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const grid = useRef<AgGridReact<WbsRow>>(null);
  const frame = usePageFrame();
  const { fail, setError, setNotice, setBadCells, clear, ask } = frame;
  // The first load (wbsLoad.ts), started at the app's start and usually in by now: the page starts with
  // its rows, collapsed summaries and Gantt, else shows them when they come (the effect below).
  const [firstLoad] = useState(() => firstWbsLoad(project.id));
  useEffect(() => wbsLoadTaken(firstLoad), [firstLoad]);
  const [atMount] = useState(() => firstLoad.settled);
  const [tasks, setTasks] = useState<WbsTask[]>(() => atMount?.head ?? []);
  const [collapsed, setCollapsed] = useState<Set<number>>(() => new Set(atMount?.collapsed ?? []));
  const [historyRow, setHistoryRow] = useState<HistoryTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  // The first load read the undo stack with the plan, maybe before this page was there: the history
  // query takes that answer, then reads again after any write.
  const historyQuery = useQuery([HISTORY], () => read('history.state', { projectId: project.id }), [project.id], fail, firstLoad.history);
  const history = historyQuery.data ?? null;
  // The Gantt beside the grid, shown or not as the user left it in this project (off at first: the
  // grid keeps its full width until asked); the first load reads which, with the first rows.
  const [gantt, setGantt] = useState(() => atMount?.gantt ?? false);
  // The Gantt's own controls (zoom, 和暦, print) go in the schedule bar, here (GanttPane.tsx).
  const [ganttTools, setGanttTools] = useState<HTMLElement | null>(null);
  const toggleGantt = () =>
    setGantt((shown) => {
      void remember(ganttKeyOf(project.id), !shown);
      return !shown;
    });
  const selected = useRef<WbsRow[]>([]);
  const collapsedKey = collapsedKeyOf(project.id);

  const baseline = useBaselineColumns<WbsRow>(project.id, tasks, t, grid);
  const lines = useProgressLines(project.id, baseline.statusDate, t);
  const overlay = useMemo(() => ({ baseline: baseline.bars, line: lines.line }), [baseline.bars, lines.line]);
  const rows = useMemo(() => baseline.decorate(visibleRows(tasks, collapsed)), [tasks, collapsed, baseline.decorate]);
  // Rebuilt when the language changes, so headers and status labels follow the switch.
  const columns = useMemo(() => insertAfter(wbsColumns(t), 'plannedFinish', baseline.columns), [t, i18n.language, baseline.columns]);
  const kinds = useMemo(() => wbsFieldKinds(t), [t, i18n.language]);
  const header = useCallback((field: string) => t(`wbs.col.${field}`), [t]);
  const importLabel = useMemo(() => importFieldLabel(t, 'wbs'), [t]);
  const importFormat = useMemo(() => wbsHistoryFormat(t), [t]);

  const reload = useCallback(async () => {
    setTasks(await loadTasks(project.id));
    await historyQuery.reload();
  }, [project.id, historyQuery.reload]);

  // The WBS patches its own writes in from their answers; any other write of its tasks or links (an
  // import, a colleague's in team mode through api/live.ts) reloads it, but not under a cell being
  // typed in (new rows would end the edit): then once that edit is sent.
  const liveDue = useRef(false);
  const reloadUnlessEditing = useCallback(async () => {
    if (grid.current?.api?.getEditingCells().length) return void (liveDue.current = true);
    await reload();
  }, [reload]);
  useEffect(() => subscribe(['wbs_task', 'wbs_dependency'], reloadUnlessEditing), [reloadUnlessEditing]);
  /** The WBS's own writes: their answers are patched in, so the whole plan is not read again (the undo stack and other readers are). */
  const patched = useMemo(() => ({ reload: reloadUnlessEditing }), [reloadUnlessEditing]);
  // A write made while only the first rows are shown waits for the whole plan, so its answer is
  // patched into the whole list rather than into rows the whole list then replaces.
  const [whole] = useState(() => {
    let done = () => {};
    const promise = new Promise<void>((resolve) => (done = resolve));
    return { promise, done, shown: false };
  });
  const write = useCallback(
    async <M extends Method>(method: M, args: Input<M>, opts: MutateOptions<Output<M>> = {}) => {
      if (!whole.shown) await whole.promise;
      return mutate(method, args, { patches: patched, ...opts });
    },
    [patched, whole],
  );
  const reloadIfDue = () => {
    if (!liveDue.current) return;
    liveDue.current = false;
    void reload();
  };

  /** Runs a change; any failure is shown, bulk refusals as the list of bad cells. */
  // The plan a bulk write sent, so the core's refusal can be listed against the rows it named.
  const lastPlan = useRef<CellPlan | null>(null);
  const withMessages = useBadCellMessages();
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        clear();
      } catch (err) {
        const plan = lastPlan.current;
        const problems = plan && err instanceof ApiError && err.code === 'VALIDATION' ? wbsCellProblems(err.details, plan.updates.length) : null;
        if (!plan || !problems) return fail(err);
        const api = grid.current?.api;
        setBadCells(
          withMessages(problemsToBadCells(problems, {
            plan,
            rowIndexOf: (id) => api?.getRowNode(String(id))?.rowIndex ?? null,
            shownRows: api?.getDisplayedRowCount() ?? 0,
            headerOf: header,
            format: wbsHistoryFormat(t),
          })),
        );
      } finally {
        lastPlan.current = null;
      }
    },
    [clear, fail, setBadCells, header, t, withMessages],
  );

  // First load, started at the app's start (wbsLoad.ts) or else while rendering — an effect would start
  // only after the grid's own effects have built the grid (React runs children's effects first): ~0.4 s
  // later. The first rows (wbsLoad.ts FIRST_ROWS) are shown as soon as they come; once they are drawn,
  // the whole plan is asked for and replaces them.
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    void run(async () => {
      try {
        const [saved, ganttShown, head] = await Promise.all([firstLoad.collapsed, firstLoad.gantt, firstLoad.head]);
        if (!atMount) {
          setCollapsed(new Set(saved ?? []));
          setGantt(ganttShown);
          setTasks(head);
        }
        if (head.length >= FIRST_ROWS) {
          await afterPaint();
          setTasks(await wholePlan(project.id, head));
        }
      } finally {
        // Failed too: the error is shown, and writes no longer wait for a plan that will not come.
        whole.shown = true;
        setComplete(true);
        whole.done();
      }
    });
  }, [run, firstLoad, atMount, whole, project.id]);

  const toggle = useCallback(
    (id: number) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        void remember(collapsedKey, [...next]);
        return next;
      }),
    [collapsedKey],
  );
  // A search hit's task: its collapsed ancestors open so the grid holds its row, then the grid selects it.
  const jumpTo = useJumpTo('wbs_task');
  useEffect(() => {
    if (!jumpTo) return;
    const byId = new Map(tasks.map((x) => [x.id, x]));
    const hidden: number[] = [];
    for (let p = byId.get(jumpTo.id)?.parentId ?? null; p !== null; p = byId.get(p)?.parentId ?? null) if (collapsed.has(p)) hidden.push(p);
    if (hidden.length === 0) return;
    const next = new Set(collapsed);
    for (const id of hidden) next.delete(id);
    setCollapsed(next);
    void remember(collapsedKey, [...next]);
  }, [jumpTo?.seq, tasks, collapsed, collapsedKey]);
  const setAllCollapsed = (all: boolean) => {
    const next = new Set(all ? tasks.filter((x) => x.summary).map((x) => x.id) : []);
    setCollapsed(next);
    void remember(collapsedKey, [...next]);
  };

  /** Fresh rows from an answer merged in; the rest stay as they are. */
  const merge = (fresh: WbsTask[]) => {
    const byId = new Map(fresh.map((x) => [x.id, x]));
    setTasks((prev) => prev.map((x) => byId.get(x.id) ?? x));
  };
  /** An edit's answer: its rows, and the dates of the automatic tasks its reschedule moved. */
  const mergeUpdate = (result: WbsUpdateResult) => setTasks((prev) => applyWbsUpdate(prev, result, localToday()));
  /**
   * What a write changed patched into the list (new, moved and deleted rows; codes derived again), so
   * a tree operation, insert, delete or undo costs what it changed, not a reload of the whole WBS.
   */
  const patch = (changes: WbsChanges) => setTasks((prev) => applyWbsChanges(prev, changes));

  const focused = (): WbsRow | undefined => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    return cell ? api?.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
  };
  /** The rows a row command acts on: the selected range, or the focused row. */
  const targets = (): WbsRow[] => (selected.current.length ? selected.current : [focused()].filter((x): x is WbsRow => !!x));

  /** Cells sent and not yet answered: a second edit of one begins from what the first sent (pendingCells.ts). */
  const pending = useMemo(() => new PendingCells(), []);
  /** The colleague's values of refused cells, shown in the grid while the user chooses. */
  const showTheirs = (stale: Parameters<typeof theirValues>[0]) => {
    const theirs = theirValues(stale);
    setTasks((prev) => prev.map((x) => (theirs.has(x.id) ? { ...x, ...theirs.get(x.id) } : x)));
  };

  const onEdit = (e: CellEditRequestEvent<WbsRow>) => {
    const field = e.colDef.field as keyof WbsFields;
    const parsed = parseCell(kinds[field], e.newValue);
    if (!parsed.ok) return setError(t(`errors.${parsed.reason}`, { value: String(e.newValue) }));
    // The value the cell showed goes with the edit: a colleague's change since is not overwritten
    // (the links' text is derived from the links, not stored as shown: not compared).
    const expected = field === 'predecessors' ? undefined : { [field]: pending.began(e.data.id, field, e.oldValue) };
    const send = (from: Record<string, unknown> | undefined) =>
      run(async () => {
        const patch = { [field]: parsed.value };
        const answered = pending.send([{ id: e.data.id, patch }]);
        try {
          await write('wbs.update', { id: e.data.id, patch, ...(from && { expected: from }) }, { onAnswer: mergeUpdate });
          reloadIfDue();
        } catch (err) {
          const stale = staleOf(err);
          if (!stale) throw err;
          // The colleague's values in the grid, then the choice.
          showTheirs(stale);
          ask(staleRequest(stale, t, header, () => void send(theirValues(stale).get(e.data.id))));
        } finally {
          answered();
        }
      });
    void send(expected);
  };

  const onApply = (plan: CellPlan) => {
    // Each pasted cell carries what it showed when the paste began, as a cell edit does (not the links).
    const byId = new Map(tasks.map((x) => [x.id, x]));
    const skip = (f: string) => f === 'predecessors';
    const updates = plan.updates.map((u) => ({ ...u, expected: pending.beganAll(u.id, u.patch, byId.get(u.id) as Record<string, unknown> | undefined, skip) }));
    const last = rows.at(-1);
    const send = (updates: { id: number; patch: Record<string, unknown>; expected?: Record<string, unknown> }[]) =>
      run(async () => {
        if (updates.length === 0 && plan.creates.length === 0) return;
        lastPlan.current = { ...plan, updates };
        const answered = pending.send(updates);
        try {
          await write(
            'wbs.applyCells',
            { projectId: project.id, updates, creates: plan.creates, createAfterId: last?.id ?? null },
            {
              onAnswer: (result) => {
                if (result.createdIds.length) patch({ tasks: result.tasks, deletedIds: [] });
                else merge(result.tasks);
                const { moved } = result;
                if (moved) setTasks((prev) => applyMovedDates(prev, moved, localToday()));
              },
            },
          );
        } catch (err) {
          const stale = staleOf(err);
          if (!stale) throw err;
          // Nothing of the paste was written: the colleague's values shown, then the choice for their cells.
          showTheirs(stale);
          ask(staleRequest(stale, t, header, () => void send(overwriting(updates, stale)), () => void send(keepingTheirs(updates, stale))));
        } finally {
          answered();
        }
      });
    return send(updates);
  };

  const { editWhenShown, onRowsShown } = useEditWhenShown(grid, 'name');

  const insert = (where: 'above' | 'below' | 'child' | 'end') =>
    run(async () => {
      const at = focused();
      const place =
        !at || where === 'end'
          ? {}
          : where === 'child'
            ? { parentId: at.id }
            : where === 'above'
              ? { beforeId: at.id }
              : { afterId: at.id };
      if (where === 'child' && at && collapsed.has(at.id)) toggle(at.id);
      await write(
        'wbs.create',
        { projectId: project.id, ...place },
        {
          onAnswer: ({ related, ...created }) => {
            editWhenShown(created.id);
            patch({ tasks: [created, ...related], deletedIds: [] });
          },
        },
      );
    });

  const treeOp = (op: 'wbs.indent' | 'wbs.outdent' | 'up' | 'down') =>
    run(async () => {
      const ids = targets().map((x) => x.id);
      if (!ids.length) return setError(t('wbs.selectFirst'));
      await (op === 'up' || op === 'down' ? write('wbs.move', { ids, direction: op }, { onAnswer: patch }) : write(op, { ids }, { onAnswer: patch }));
      // Keep the moved rows under the cursor.
      const api = grid.current?.api;
      const node = api?.getRowNode(String(ids[0]));
      if (api && node?.rowIndex != null) api.setFocusedCell(node.rowIndex, api.getFocusedCell()?.column ?? 'name');
    });

  const remove = (given?: WbsRow[]) => {
    const rowsToDelete = given ?? targets();
    if (!rowsToDelete.length) return setError(t('wbs.selectFirst'));
    const ids = rowsToDelete.map((x) => x.id);
    const doDelete = () =>
      void run(async () => {
        await write('wbs.delete', { ids }, { onAnswer: patch });
      });
    const descendants = tasks.filter((x) => rowsToDelete.some((r) => x.code.startsWith(`${r.code}.`))).length;
    if (descendants === 0 && ids.length === 1) return doDelete();
    ask({
      title: t('wbs.confirmDeleteTitle'),
      message: t('wbs.confirmDelete', { name: rowsToDelete.map((r) => r.name).join('、'), count: descendants }),
      confirmLabel: t('common.delete'),
      onConfirm: doDelete,
    });
  };

  const undoRedo = (which: 'history.undo' | 'history.redo') =>
    run(async () => {
      // The step answers the WBS rows it changed: patched in, the plan is not read again (what else
      // it touched is, by the entities it names: the status date, a register shown beside).
      const result = await write(which, { projectId: project.id }, { onAnswer: (r) => r.wbs && patch(r.wbs) });
      setNotice(result.applied ? null : t(`register.nothingTo.${which === 'history.undo' ? 'undo' : 'redo'}`));
    });

  /**
   * WBS keys on top of the spreadsheet ones, outside edit mode: the tree keys. Tab moves as in Excel and
   * MS Project; indent is Alt+Shift+→ or Ctrl+] (outdent Alt+Shift+← or Ctrl+[).
   */
  const onKey = (e: KeyboardEvent): boolean => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === ']' || e.key === '[' || e.code === 'BracketRight' || e.code === 'BracketLeft')) {
      const indent = e.key === ']' || (e.key !== '[' && e.code === 'BracketRight');
      return void treeOp(indent ? 'wbs.indent' : 'wbs.outdent'), true;
    }
    if (e.altKey && e.shiftKey) {
      const op = { ArrowRight: 'wbs.indent', ArrowLeft: 'wbs.outdent', ArrowUp: 'up', ArrowDown: 'down' } as const;
      const which = op[e.key as keyof typeof op];
      if (which) return void treeOp(which), true;
    }
    return false;
  };

  /** Ctrl+Shift+=: `count` new tasks above `before`, as its siblings, in one step; the first opens for typing. */
  const insertRows = (before: WbsRow | undefined, count: number) =>
    run(async () => {
      // Not patched: the plan is read again (as after any write of the WBS not its own), the first new
      // row opening for typing once it is shown.
      await mutate(
        'wbs.applyCells',
        {
          projectId: project.id,
          updates: [],
          creates: Array.from({ length: count }, () => ({ values: {} })),
          ...(before ? { createBeforeId: before.id } : { createAfterId: rows.at(-1)?.id ?? null }),
        },
        { onAnswer: ({ createdIds: [first] }) => first !== undefined && editWhenShown(first) },
      );
    });

  const emptyValue = (c: PlanColumn) => {
    const kind = kinds[c.field as keyof WbsFields];
    if (kind === 'text') return '';
    if (kind === 'percent') return 0;
    if (kind === 'bool') return false;
    if (typeof kind === 'object') return 'not_started';
    return null;
  };

  const showHistory = () => {
    const at = focused();
    if (!at) return setError(t('wbs.selectFirst'));
    setHistoryRow({ id: at.id, label: `${at.code} ${at.name}` });
  };

  const toolbar = (
    <>
      <div className="toolbar">
        <div className="group">
          <button className="primary" onClick={() => void insert('end')}>
            {t('wbs.addTask')}
          </button>
          <button onClick={() => void insert('above')}>{t('wbs.insertAbove')}</button>
          <button onClick={() => void insert('below')}>{t('wbs.insertBelow')}</button>
          <button onClick={() => void insert('child')}>{t('wbs.addSubtask')}</button>
        </div>
        <div className="group">
          <button onClick={() => void treeOp('wbs.outdent')} title="Alt+Shift+← / Ctrl+[">
            ← {t('wbs.outdent')}
          </button>
          <button onClick={() => void treeOp('wbs.indent')} title="Alt+Shift+→ / Ctrl+]">
            {t('wbs.indent')} →
          </button>
          {/* Arrows only (named for screen readers and on hover): the toolbar stays on one line at 1400 px. */}
          <button onClick={() => void treeOp('up')} aria-label={t('wbs.moveUp')} title={`${t('wbs.moveUp')} (Alt+Shift+↑)`}>
            ↑
          </button>
          <button onClick={() => void treeOp('down')} aria-label={t('wbs.moveDown')} title={`${t('wbs.moveDown')} (Alt+Shift+↓)`}>
            ↓
          </button>
        </div>
        <div className="group">
          <UndoRedoButtons state={history} onStep={(w) => void undoRedo(w === 'undo' ? 'history.undo' : 'history.redo')} />
          <button onClick={showHistory}>{t('history.button')}</button>
          <ColumnChooser grid={grid} />
        </div>
        <div className="group">
          <button onClick={() => setAllCollapsed(false)} aria-label={t('wbs.expandAll')} title={t('wbs.expandAll')}>
            ⊞
          </button>
          <button onClick={() => setAllCollapsed(true)} aria-label={t('wbs.collapseAll')} title={t('wbs.collapseAll')}>
            ⊟
          </button>
        </div>
        <button className="danger" onClick={() => remove()}>
          {t('wbs.deleteTask')}
        </button>
        <div className="group">
          <button onClick={() => setImporting(true)} data-testid="import-button">
            {t('excel.button')}
          </button>
          <button onClick={() => setExporting(true)} data-testid="export-button">
            {t('excelExport.button')}
          </button>
        </div>
        <Notice frame={frame} />
        <button aria-pressed={gantt} onClick={toggleGantt} data-testid="gantt-toggle">
          {t('gantt.button')}
        </button>
        <span className="spacer" />
        <span className="muted" data-testid="task-count" data-complete={complete}>
          {complete ? t('wbs.count', { count: tasks.length }) : t('agGrid.loadingOoo')}
        </span>
      </div>
      {/* The schedule's own controls (status date, baseline columns, the Gantt's progress line) have a bar
          of their own: with them in the toolbar above, it no longer fits one line at 1400 px. */}
      <div className="toolbar schedule-bar">
        <button onClick={() => setCalendarOpen(true)} data-testid="calendar-button">
          {t('calendar.button')}
        </button>
        {baseline.statusDateLabel}
        {baseline.chooser}
        {gantt && lines.chooser}
        {gantt && <span className="gantt-tools" ref={setGanttTools} />}
      </div>
    </>
  );

  return (
    <PageFrame frame={frame} toolbar={toolbar}>
      <div className="wbs-split">
      <RegisterGrid<WbsRow>
        gridRef={grid}
        testId="wbs-grid"
        stateKey={`grid.wbs.${project.id}`}
        rows={rows}
        columns={columns}
        context={{ toggle }}
        rowClassRules={{ 'wbs-summary': (p) => !!p.data?.summary }}
        kinds={kinds}
        emptyValue={emptyValue}
        onEdit={onEdit}
        onApply={onApply}
        onBadCells={setBadCells}
        onUndo={() => void undoRedo('history.undo')}
        onRedo={() => void undoRedo('history.redo')}
        onKey={onKey}
        onInsertRows={(before, count) => void insertRows(before, count)}
        onDeleteRows={(r) => remove(r)}
        onSelectRows={(r) => (selected.current = r)}
        onRowsShown={onRowsShown}
        jumpTo={jumpTo}
      />
      {gantt && (
        <GanttPane
          projectId={project.id}
          tasks={tasks}
          grid={grid}
          run={run}
          patched={patched}
          overlay={overlay}
          statusDate={baseline.statusDate}
          onUpdated={mergeUpdate}
          complete={complete}
          toolsHost={ganttTools}
        />
      )}
      </div>
      {importing && (
        <ImportDialog
          projectId={project.id}
          register="wbs"
          title={t('views.wbs')}
          fieldLabel={importLabel}
          formatValue={importFormat}
          onClose={() => setImporting(false)}
          // The import's write touched the WBS: the plan and the undo stack are read again by then.
          onImported={(result, fileName) => setNotice(importedMessage(t, result, fileName))}
        />
      )}
      {calendarOpen && <CalendarDialog projectId={project.id} onClose={() => setCalendarOpen(false)} onSaved={() => setNotice(t('calendar.saved'))} />}
      {exporting && (
        <ExportDialog
          projectId={project.id}
          register="wbs"
          title={t('views.wbs')}
          onClose={() => setExporting(false)}
          onExported={(fileName) => setNotice(t('excelExport.exported', { file: fileName }))}
        />
      )}
      <RowHistoryDialog
        entity="wbs_task"
        target={historyRow}
        onClose={() => setHistoryRow(null)}
        headerOf={(f) => (kinds[f as keyof WbsFields] ? header(f) : null)}
        format={wbsHistoryFormat(t)}
      />
    </PageFrame>
  );
}
