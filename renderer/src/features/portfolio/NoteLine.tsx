// The PMO's one-line summary of a project's week (所見) on the home, under the project's name: the text
// at the row's status date, or a 所見を書く link; a click opens it for editing in place (Enter or leaving
// the box saves, Esc cancels, an empty text clears it). Each save is one undo step of the project
// (portfolio.setNote), and the weekly report prints it (PMO Desk's layout, and a form's 所見 cell).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '../../../../electron/common/api/portfolio.js';
import { formatDate } from '../../../../electron/common/dates.js';

export function NoteLine({ row, onSave }: { row: PortfolioRow; onSave(text: string): Promise<unknown> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const label = t('portfolio.noteOf', { date: formatDate(row.statusDate) });

  const finish = (save: boolean) => {
    const text = editing;
    setEditing(null);
    if (save && text !== null && text.trim() !== (row.note ?? '')) void onSave(text.trim());
  };

  if (editing !== null)
    return (
      <input
        className="note-input"
        type="text"
        autoFocus
        maxLength={500}
        aria-label={label}
        placeholder={t('portfolio.notePlaceholder')}
        value={editing}
        onChange={(e) => setEditing(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            e.preventDefault();
            finish(e.key === 'Enter');
          }
        }}
        onBlur={() => finish(true)}
        data-testid="note-input"
      />
    );
  return (
    <button className={`note-line${row.note ? '' : ' empty'}`} title={`${label}${row.note ? `: ${row.note}` : ''}`} onClick={() => setEditing(row.note ?? '')} data-testid="note">
      {row.note ?? t('portfolio.noteAdd')}
    </button>
  );
}
