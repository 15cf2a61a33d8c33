// The action items (宿題/To-Do) of a meeting: rows of the issue/action log (kind 'action') linked to
// the meeting, edited here as in the 課題管理表 and written through issue.update / issue.applyCells.
// Typing into the last, empty line adds an action item. While the minutes are final only the status
// can change, so an action can still be closed.
import { useTypingLine } from './useTypingLine.js';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, RowClassRules } from 'ag-grid-community';
import { localToday } from '../../../../electron/common/dates.js';
import type { Meeting } from '../../../../electron/common/meetings.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { closedCodes, type Issue, type Vocabularies } from '../../../../electron/common/registers.js';
import { mutate } from '../../api/useApi.js';
import type { CellPlan, PlanColumn } from '../../grid/cellPlan.js';
import { parseCell } from '../../grid/cellValues.js';
import { RegisterGrid } from '../../grid/RegisterGrid.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { isCellProblems, problemsToBadCells, reasonOf } from '../../grid/serverProblems.js';
import { kindsOf } from '../registers/columns.js';
import { useReasonText } from '../../grid/reasons.js';
import type { GridHandlers } from './ListSection.js';
import { actionColumns, finishColumns } from './minutesColumns.js';
import { actionCells, actionRows, type ActionRow } from './minutesLogic.js';

interface Props extends GridHandlers {
  meeting: Meeting;
  vocab: Vocabularies;
  lang: 'ja' | 'en';
  /** After any change: the meeting (with its actions) is read again. */
  onChanged(): Promise<void>;
  onError(err: unknown): void;
}

export function ActionsSection({ meeting, vocab, lang, onChanged, onError, onBad, onUndo, onRedo }: Props) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const grid = useRef<AgGridReact<ActionRow>>(null);
  const selected = useRef<ActionRow[]>([]);
  const line = useTypingLine(grid);
  /** An action item being created from the new-row line (by its grid row), until the grid shows it. */
  const creating = useRef<{ row: number; item: Promise<Issue | null> } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const final = meeting.final;

  const closed = useMemo(() => closedCodes(vocab['issue.status']), [vocab]);
  const rows = useMemo(() => actionRows(meeting.actions, final ? null : blankIssue(meeting)), [meeting, final]);
  const columns = useMemo(
    () =>
      finishColumns<ActionRow>(actionColumns({ t, lang, vocab, prefix: 'minutes.actions' }), {
        readOnly: final,
        hint: t('minutes.newRow'),
        hintField: 'title',
        stillEditable: ['status'],
      }),
    [t, lang, vocab, final],
  );
  const kinds = useMemo(() => kindsOf(columns), [columns]);
  const headerOf = (field: string) => columns.find((c) => c.field === field)?.headerName ?? field;
  const rowClassRules = useMemo<RowClassRules<ActionRow>>(
    () => ({
      'new-row': (p) => !!p.data?.blank,
      'row-overdue': (p) => !!p.data?.overdue,
      'action-closed': (p) => !!p.data && !p.data.blank && closed.has(p.data.status),
    }),
    [closed],
  );

  /** What a new action item of this meeting starts with. */
  const defaults = () => ({ kind: 'action', meetingId: meeting.id, raisedOn: meeting.heldOn ?? localToday() });

  const refused = (err: unknown, sent: { updates: CellPlan['updates']; creates: CellPlan['creates'] }, value = '') => {
    if (err instanceof ApiError && isCellProblems(err.details)) {
      const a = grid.current?.api;
      return onBad(
        problemsToBadCells(err.details, {
          plan: sent,
          rowIndexOf: (id) => {
            const row = rows.find((r) => r.issueId === id);
            return row ? (a?.getRowNode(String(row.id))?.rowIndex ?? null) : null;
          },
          shownRows: meeting.actions.length,
          headerOf,
          format: (field, v) => columns.find((c) => c.field === field)?.context.format(v) ?? String(v ?? ''),
        }),
      );
    }
    const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string }) : undefined;
    if (detail?.field && detail.message) {
      const field = detail.field.replace(/^(patch|values)\./, '');
      return onBad([
        { row: 0, field, header: headerOf(field), value, reason: 'server', message: t('register.valueReason', { value, reason: reasonText(reasonOf(detail.message)) }) },
      ]);
    }
    onError(err);
  };

  const apply = async (plan: Pick<CellPlan, 'updates' | 'creates'>) => {
    const sent = actionCells(plan, (id) => rows.find((r) => r.id === id)?.issueId ?? null, defaults());
    if (sent.updates.length === 0 && sent.creates.length === 0) return;
    try {
      await mutate('issue.applyCells', { projectId: meeting.projectId, ...sent });
      await onChanged();
    } catch (err) {
      refused(err, sent);
    }
  };

  const onEdit = (e: CellEditRequestEvent<ActionRow>) => {
    const field = e.colDef.field as string;
    const value = String(e.newValue ?? '');
    const parsed = parseCell(kinds[field] ?? 'text', e.newValue);
    if (!parsed.ok)
      return onBad([
        { row: e.rowIndex ?? 0, field, header: headerOf(field), value, reason: parsed.reason, message: t('register.valueReason', { value, reason: reasonText(parsed.reason) }) },
      ]);
    const patch = { [field]: parsed.value };
    void (async () => {
      try {
        if (e.data.issueId !== null) await mutate('issue.update', { id: e.data.issueId, patch });
        else {
          // The next cell of a row just typed into the new-row line, before the grid shows that row:
          // it belongs to the action item being created.
          const pending = creating.current?.row === e.data.id ? creating.current : null;
          const created = pending && (await pending.item);
          if (created) await mutate('issue.update', { id: created.id, patch });
          else {
            if (parsed.value === '' || parsed.value === null) return;
            line.typedOnLine(e.data.id - 1, field);
            const p = mutate('issue.create', { projectId: meeting.projectId, values: { ...defaults(), ...patch } as never });
            const entry = { row: e.data.id, item: p.catch(() => null) };
            creating.current = entry;
            try {
              await p;
              await onChanged();
            } finally {
              if (creating.current === entry) creating.current = null;
            }
            return;
          }
        }
        await onChanged();
      } catch (err) {
        refused(err, { updates: [], creates: [] }, value);
      }
    })();
  };


  const add = () => line.openLine('title');

  /** Deleting an action item deletes its row of the issue log too, so it asks first (undo brings it back). */
  const remove = () => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    const focused = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
    const targets = (selected.current.length ? selected.current : focused ? [focused] : []).filter((r) => !r.blank);
    if (targets.length === 0) return;
    setConfirm({
      title: t('minutes.actions.deleteTitle'),
      message: t('minutes.actions.deleteConfirm', { count: targets.length, refs: targets.map((r) => r.ref).join(', ') }),
      confirmLabel: t('common.delete'),
      onConfirm: () =>
        void (async () => {
          try {
            await mutate('issue.delete', { ids: targets.flatMap((r) => (r.issueId === null ? [] : [r.issueId])) });
            await onChanged();
          } catch (err) {
            onError(err);
          }
        })(),
    });
  };

  const emptyValue = (c: PlanColumn): unknown => (c.kind === 'date' || c.kind === 'number' ? null : '');
  const open = meeting.actions.filter((a) => !closed.has(a.status)).length;

  return (
    <section className="minutes-section" aria-labelledby="minutes-actions-title" data-testid="minutes-actions">
      <div className="section-head">
        <h3 id="minutes-actions-title">{t('minutes.section.actions')}</h3>
        <span className="muted">{t('minutes.actions.count', { count: meeting.actions.length, open })}</span>
        {!final && (
          <>
            <button onClick={add}>{t('register.addRow')}</button>
            <button className="danger" onClick={remove}>
              {t('register.deleteRows')}
            </button>
          </>
        )}
        <span className="muted small-note">{t('minutes.actions.linked')}</span>
      </div>
      <div className="minutes-grid">
        <RegisterGrid<ActionRow>
          gridRef={grid}
          testId="actions-grid"
          stateKey={`grid.minutes.actions.${meeting.projectId}`}
          rows={rows}
          columns={columns}
          kinds={kinds}
          emptyValue={emptyValue}
          onEdit={onEdit}
          onApply={apply}
          onBadCells={onBad}
          onUndo={onUndo}
          onRedo={onRedo}
          onSelectRows={(r) => (selected.current = r)}
          onRowsShown={line.onRowsShown}
          rowClassRules={rowClassRules}
        />
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}

/** The empty line of the grid: an Issue with nothing in it (never sent). */
function blankIssue(meeting: Meeting): Issue {
  return {
    ref: '',
    kind: 'action',
    title: '',
    detail: '',
    priority: '',
    owner: '',
    raisedOn: null,
    raisedBy: '',
    due: null,
    status: '',
    resolution: '',
    closedOn: null,
    meetingId: meeting.id,
    extra: {},
    id: 0,
    projectId: meeting.projectId,
    createdAt: '',
    updatedAt: '',
    overdue: false,
    ageDays: 0,
  };
}
