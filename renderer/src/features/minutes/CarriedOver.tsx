// 前回からの宿題: the open action items of earlier meetings of the same series, to review in this
// meeting. Read-only, except that one can be closed right here (its status → the first closed status
// of the issue log), which closes it in the log and in its own minutes too. Items closed here stay
// listed, marked closed, until another meeting is opened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/common/dates.js';
import type { Meeting, MeetingSummary } from '../../../../electron/common/meetings.js';
import { closedCodes, vocabLabel, type Issue, type Vocabularies } from '../../../../electron/common/registers.js';
import { mutate } from '../../api/useApi.js';
import { closingStatus } from './minutesLogic.js';

interface Props {
  meeting: Meeting;
  vocab: Vocabularies;
  lang: 'ja' | 'en';
  /** The project's meetings, to name the meeting each item comes from. */
  meetings: readonly MeetingSummary[];
  onChanged(): Promise<void>;
  onError(err: unknown): void;
}

export function CarriedOver({ meeting, vocab, lang, meetings, onChanged, onError }: Props) {
  const { t } = useTranslation();
  const [closedHere, setClosedHere] = useState<{ meetingId: number; items: Issue[] }>({ meetingId: meeting.id, items: [] });
  const statusItems = vocab['issue.status'].items;
  const closed = closedCodes(vocab['issue.status']);
  const kept = closedHere.meetingId === meeting.id ? closedHere.items.filter((c) => !meeting.carriedOver.some((o) => o.id === c.id)) : [];
  const items = [...meeting.carriedOver, ...kept].sort((a, b) => (a.meetingId ?? 0) - (b.meetingId ?? 0) || a.id - b.id);

  const source = (id: number | null) => {
    const m = meetings.find((x) => x.id === id);
    return m ? [formatDate(m.heldOn), m.title].filter(Boolean).join(' ') : '';
  };

  const close = async (issue: Issue) => {
    try {
      const updated = await mutate('issue.update', { id: issue.id, patch: { status: closingStatus(vocab['issue.status']) } });
      setClosedHere((prev) => ({ meetingId: meeting.id, items: [...(prev.meetingId === meeting.id ? prev.items : []), updated] }));
      await onChanged();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <section className="minutes-section" aria-labelledby="minutes-carried-title" data-testid="minutes-carried">
      <div className="section-head">
        <h3 id="minutes-carried-title">{t('minutes.section.carried')}</h3>
        <span className="muted">{t('minutes.carried.count', { count: meeting.carriedOver.length })}</span>
      </div>
      {items.length === 0 ? (
        <p className="muted small">{meeting.series ? t('minutes.carried.empty') : t('minutes.carried.noSeries')}</p>
      ) : (
        <table className="carried">
          <thead>
            <tr>
              <th>{t('minutes.actions.col.ref')}</th>
              <th>{t('minutes.actions.col.title')}</th>
              <th>{t('minutes.actions.col.owner')}</th>
              <th>{t('minutes.actions.col.due')}</th>
              <th>{t('minutes.actions.col.status')}</th>
              <th>{t('minutes.carried.from')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const isClosed = closed.has(a.status);
              return (
                <tr key={a.id} data-testid="carried-row" className={isClosed ? 'closed' : a.overdue ? 'overdue' : ''}>
                  <td className="nowrap">{a.ref}</td>
                  <td>{a.title}</td>
                  <td>{a.owner}</td>
                  <td className="nowrap">{formatDate(a.due)}</td>
                  <td className="nowrap" data-testid="carried-status">
                    {vocabLabel(statusItems, a.status, lang)}
                  </td>
                  <td className="muted">{source(a.meetingId)}</td>
                  <td className="nowrap">
                    {!isClosed && (
                      <button onClick={() => void close(a)} aria-label={t('minutes.carried.closeOne', { ref: a.ref })}>
                        {t('minutes.carried.close')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
