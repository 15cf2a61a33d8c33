import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent } from 'ag-grid-community';
import type { Project, WbsFields, WbsTask } from '../../../../electron/common/dto.js';
import { call } from '../../api/client.js';
import { RegisterGrid } from '../../grid/RegisterGrid.js';
import { parseCell } from '../../grid/cellValues.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { wbsColumns, wbsFieldKinds } from './wbsColumns.js';

export function WbsPage({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const grid = useRef<AgGridReact<WbsTask>>(null);
  const [tasks, setTasks] = useState<WbsTask[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const parents = useMemo(() => new Set(tasks.map((x) => x.parentId)), [tasks]);
  // Rebuilt when the language changes, so headers and status labels follow the switch.
  const columns = useMemo(() => wbsColumns(t, (id) => parents.has(id)), [t, i18n.language, parents]);
  const kinds = useMemo(() => wbsFieldKinds(t), [t, i18n.language]);

  const reload = useCallback(async () => setTasks(await call('wbs.list', { projectId: project.id })), [project.id]);

  useEffect(() => {
    reload().catch((err) => setError(errorText(err)));
  }, [reload, errorText]);

  const focusedTask = (): WbsTask | undefined => {
    const api = grid.current?.api;
    const cell = api?.getFocusedCell();
    return cell ? api?.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
  };

  // A task just added: once the grid shows it, its name cell opens for typing (IME included).
  const editAfterShown = useRef<number | null>(null);
  const onRowsShown = () => {
    const api = grid.current?.api;
    const node = editAfterShown.current === null ? undefined : api?.getRowNode(String(editAfterShown.current));
    if (!api || node?.rowIndex == null) return;
    editAfterShown.current = null;
    api.ensureIndexVisible(node.rowIndex);
    api.setFocusedCell(node.rowIndex, 'name');
    api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'name' });
  };

  const onEdit = async (e: CellEditRequestEvent<WbsTask>) => {
    const field = e.colDef.field as keyof WbsFields;
    const parsed = parseCell(kinds[field], e.newValue);
    if (!parsed.ok) return setError(t(`errors.${parsed.reason}`, { value: String(e.newValue) }));
    try {
      const updated = await call('wbs.update', { id: e.data.id, patch: { [field]: parsed.value } });
      setTasks((prev) => prev.map((x) => (x.id === updated.id ? updated : x)));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const add = async (asChild: boolean) => {
    const at = focusedTask();
    try {
      const created = await call(
        'wbs.create',
        asChild && at ? { projectId: project.id, parentId: at.id } : { projectId: project.id, parentId: at?.parentId ?? null, afterId: at?.id ?? null },
      );
      editAfterShown.current = created.id;
      await reload();
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const remove = () => {
    const at = focusedTask();
    if (!at) return setError(t('wbs.selectFirst'));
    const doDelete = async () => {
      try {
        await call('wbs.delete', { id: at.id });
        await reload();
        setError(null);
      } catch (err) {
        setError(errorText(err));
      }
    };
    const descendants = tasks.filter((x) => x.code.startsWith(`${at.code}.`)).length;
    if (descendants === 0) return void doDelete();
    setConfirm({
      title: t('wbs.confirmDeleteTitle'),
      message: t('wbs.confirmDelete', { name: at.name, count: descendants }),
      confirmLabel: t('common.delete'),
      onConfirm: () => void doDelete(),
    });
  };

  return (
    <>
      <div className="toolbar">
        <h2 className="muted">{t('wbs.heading')}</h2>
        <button className="primary" onClick={() => void add(false)}>
          {t('wbs.addTask')}
        </button>
        <button onClick={() => void add(true)}>{t('wbs.addSubtask')}</button>
        <button className="danger" onClick={remove}>
          {t('wbs.deleteTask')}
        </button>
        <span className="spacer" />
        <span className="muted" data-testid="task-count">
          {t('wbs.count', { count: tasks.length })}
        </span>
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <RegisterGrid
        ref={grid}
        testId="wbs-grid"
        rows={tasks}
        columns={columns}
        onEdit={(e) => void onEdit(e)}
        onRowsShown={onRowsShown}
      />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
