// Who changed what in one row, and when: the audit trail of the row (history.row), newest first,
// one line per changed field with its value before → after, shown as the grid shows it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../electron/common/dto.js';
import { formatDateTime } from '../../../electron/common/dates.js';
import { read } from '../api/useApi.js';
import { useErrorText } from './ErrorBanner.js';
import { historyLines, whoWrote } from './historyLines.js';

export interface HistoryTarget {
  id: number;
  /** How the row is named in the title (its ID and title). */
  label: string;
}

interface Props {
  entity: string;
  target: HistoryTarget | null;
  onClose(): void;
  headerOf(field: string): string | null;
  format(field: string, value: unknown): string;
}

export function RowHistoryDialog({ entity, target, onClose, headerOf, format }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (target && !d.open) d.showModal();
    if (!target && d.open) d.close();
    setEntries(null);
    setError(null);
    if (!target) return;
    read('history.row', { entity, id: target.id })
      .then(setEntries)
      .catch((err) => setError(errorText(err)));
  }, [target, entity, errorText]);

  const lines = entries ? historyLines(entries, headerOf, format) : [];
  const action = (e: HistoryEntry) => t(`history.action.${e.kind === 'edit' ? e.action : e.kind}`);

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="row-history-title" className="history-dialog">
      {target && (
        <>
          <h2 id="row-history-title">{t('history.title', { title: target.label })}</h2>
          {error && <p className="error-text">{error}</p>}
          {entries && entries.length === 0 && <p className="muted">{t('register.history.empty')}</p>}
          {lines.length > 0 && (
            <div className="history-scroll">
              <table className="history" data-testid="row-history">
                <thead>
                  <tr>
                    <th>{t('history.when')}</th>
                    <th>{t('history.who')}</th>
                    <th>{t('history.what')}</th>
                    <th>{t('register.history.field')}</th>
                    <th>{t('register.history.before')}</th>
                    <th />
                    <th>{t('register.history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((l) => (
                    <tr key={l.key} className={l.first ? 'first' : ''}>
                      {l.first && (
                        <>
                          <td rowSpan={l.span} className="nowrap">
                            {formatDateTime(l.entry.at)}
                          </td>
                          <td rowSpan={l.span}>{whoWrote(t, l.entry.who, l.entry.role)}</td>
                          <td rowSpan={l.span} className="nowrap">
                            {action(l.entry)}
                          </td>
                        </>
                      )}
                      <td className="nowrap">{l.field}</td>
                      <td className="before">{l.before}</td>
                      <td className="arrow">{l.field ? '→' : ''}</td>
                      <td className="after">{l.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
