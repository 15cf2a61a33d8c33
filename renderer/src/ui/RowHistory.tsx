import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../electron/common/dto.js';
import { formatDateTime } from '../../../electron/common/dates.js';
import { call } from '../api/client.js';

export interface RowRef {
  entity: string;
  id: number;
  title: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '✓' : '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Who changed what, when, before → after, for one row, newest first. */
export function RowHistory({ row, fieldLabel, onClose }: { row: RowRef | null; fieldLabel(field: string): string; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (row) {
      void call('history.row', { entity: row.entity, id: row.id }).then(setEntries);
      if (!d.open) d.showModal();
    } else if (d.open) d.close();
  }, [row]);

  return (
    <dialog ref={ref} onClose={onClose} className="history-dialog" aria-labelledby="history-title">
      {row && (
        <>
          <h2 id="history-title">{t('history.title', { title: row.title })}</h2>
          <table className="history" data-testid="row-history">
            <thead>
              <tr>
                <th>{t('history.when')}</th>
                <th>{t('history.who')}</th>
                <th>{t('history.what')}</th>
                <th>{t('history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.flatMap((e, i) => {
                const changes = e.changes.length ? e.changes : [{ field: '', before: undefined, after: undefined }];
                return changes.map((c, j) => (
                  <tr key={`${i}-${j}`}>
                    <td>{j === 0 ? formatDateTime(e.at) : ''}</td>
                    <td>{j === 0 ? e.who : ''}</td>
                    <td>{j === 0 ? t(`history.action.${e.kind === 'edit' ? e.action : e.kind}`) : ''}</td>
                    <td>{c.field ? `${fieldLabel(c.field)}: ${show(c.before)} → ${show(c.after)}` : ''}</td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
          <div className="buttons">
            <button autoFocus onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
