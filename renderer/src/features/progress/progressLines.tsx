// Which progress line (イナズマ線) the Gantt draws: none, the one at the project's status date (today's
// progress), or one of the last 12 weekly closes (the progress each task had when that week was closed).
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import type { WeeklyClose } from '../../../../electron/common/api/progress.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { dayOf } from '../../../../electron/common/schedule/calendar.js';
import { read } from '../../api/useApi.js';
import type { GanttOverlay } from './ganttOverlay.js';

const KEPT = 12;

export function useProgressLines(projectId: number, statusDate: string | null, t: TFunction) {
  const [closes, setCloses] = useState<WeeklyClose[]>([]);
  // '' = none, 'now' = at the status date, else a close's status date.
  const [chosen, setChosen] = useState<string>('now');
  useEffect(() => {
    void read('weekly.list', { projectId, limit: KEPT, withProgress: true }).then(setCloses);
  }, [projectId]);

  const line = useMemo((): GanttOverlay['line'] => {
    if (chosen === '') return null;
    if (chosen === 'now') return statusDate ? { statusDay: dayOf(statusDate), progress: null, past: false } : null;
    const c = closes.find((x) => x.statusDate === chosen);
    if (!c?.progress) return null;
    return { statusDay: dayOf(c.statusDate), progress: new Map(Object.entries(c.progress).map(([id, p]) => [Number(id), p])), past: true };
  }, [chosen, closes, statusDate]);

  const chooser = (
    <label className="line-chooser">
      {t('progress.line')}{' '}
      <select data-testid="progress-line" aria-label={t('progress.line')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('progress.noBaseline')}</option>
        <option value="now">{t('progress.lineNow')}</option>
        {closes.map((c) => (
          <option key={c.id} value={c.statusDate}>
            {formatDate(c.statusDate)}
          </option>
        ))}
      </select>
    </label>
  );
  return { chooser, line };
}
