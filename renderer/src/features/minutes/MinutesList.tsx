// The project's meetings, newest first: found by text (title, purpose, notes, decisions, actions) and
// a date range, each with its date, title, kind, final mark, the counts of decisions and actions
// (open ones too), and where a search matched.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/common/dates.js';
import type { MeetingSummary } from '../../../../electron/common/meetings.js';
import { vocabLabel, type VocabItem } from '../../../../electron/common/registers.js';

export interface ListFilter {
  query: string;
  from: string;
  to: string;
}

interface Props {
  meetings: readonly MeetingSummary[] | null;
  selectedId: number | null;
  onSelect(id: number): void;
  filter: ListFilter;
  onFilter(filter: ListFilter): void;
  /** Date boxes whose text is not a date. */
  badDates: { from: boolean; to: boolean };
  kinds: readonly VocabItem[];
  lang: 'ja' | 'en';
}

export function MinutesList({ meetings, selectedId, onSelect, filter, onFilter, badDates, kinds, lang }: Props) {
  const { t } = useTranslation();
  const filtering = filter.query.trim() !== '' || filter.from.trim() !== '' || filter.to.trim() !== '';
  const matchText = (m: string) => t(`minutes.match.${m}`, { defaultValue: m });

  return (
    <aside className="minutes-list" aria-label={t('minutes.list.label')}>
      <div className="minutes-search">
        <input
          type="search"
          aria-label={t('minutes.list.search')}
          placeholder={t('minutes.list.search')}
          value={filter.query}
          onChange={(e) => onFilter({ ...filter, query: e.target.value })}
        />
        <div className="date-range">
          <input
            type="text"
            aria-label={t('minutes.list.from')}
            title={t('minutes.list.from')}
            placeholder="yyyy/mm/dd"
            aria-invalid={badDates.from || undefined}
            value={filter.from}
            onChange={(e) => onFilter({ ...filter, from: e.target.value })}
          />
          <span className="muted">〜</span>
          <input
            type="text"
            aria-label={t('minutes.list.to')}
            title={t('minutes.list.to')}
            placeholder="yyyy/mm/dd"
            aria-invalid={badDates.to || undefined}
            value={filter.to}
            onChange={(e) => onFilter({ ...filter, to: e.target.value })}
          />
        </div>
        {(badDates.from || badDates.to) && <span className="error-text small">{t('minutes.list.badDate')}</span>}
        {meetings && meetings.length > 0 && (
          <div className="list-status muted small">
            <span data-testid="meeting-count">{t('minutes.list.count', { count: meetings.length })}</span>
            {filtering && (
              <button className="link" onClick={() => onFilter({ query: '', from: '', to: '' })}>
                {t('minutes.list.clear')}
              </button>
            )}
          </div>
        )}
      </div>
      {meetings && meetings.length === 0 && (
        <p className="muted small">
          {filtering ? t('minutes.list.noMatch') : t('minutes.list.empty')}{' '}
          {filtering && (
            <button className="link" onClick={() => onFilter({ query: '', from: '', to: '' })}>
              {t('minutes.list.clear')}
            </button>
          )}
        </p>
      )}
      <ul className="meeting-items" data-testid="meeting-list">
        {meetings?.map((m) => (
          <li key={m.id}>
            <button
              className={`meeting-item${m.id === selectedId ? ' active' : ''}`}
              aria-current={m.id === selectedId ? 'true' : undefined}
              data-testid="meeting-item"
              onClick={() => onSelect(m.id)}
            >
              <span className="line">
                <span className="date">{formatDate(m.heldOn) || t('minutes.noDate')}</span>
                {m.kind && <span className="kind">{vocabLabel(kinds, m.kind, lang)}</span>}
                {m.final && <span className="final-mark">{t('minutes.final')}</span>}
              </span>
              <span className="title">{m.title || t('minutes.untitled')}</span>
              <span className="counts muted">
                {t('minutes.list.counts', { decisions: m.decisionCount, actions: m.actionCount, open: m.openActionCount })}
              </span>
              {m.matches && m.matches.length > 0 && (
                <span className="matches">{t('minutes.list.matched', { where: m.matches.map(matchText).join(lang === 'ja' ? '、' : ', ') })}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
