// The project's working calendar (issue 13): the weekdays worked, national holidays off or not, the
// company's days off (年末年始 by default; 創立記念日, 夏季休暇 …) and extra working days (休日出勤, a
// holiday a client's plan works: an import of such a plan adds it, core/services/schedule-file-dates.ts).
// Saved as one calendar.update: the automatic tasks are rescheduled in the same undo step.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings } from '../../../../electron/common/schedule/calendar.js';
import { HISTORY, mutate, read } from '../../api/useApi.js';
import { DialogFrame } from '../../ui/DialogFrame.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { daysOffText, parseDaysOff, parseWorkingDays, workingDaysText, type BadLine } from './calendarText.js';

/** Sunday first, as a Japanese calendar prints the week. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

export function CalendarDialog({ projectId, onClose, onSaved }: { projectId: number; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [loaded, setLoaded] = useState<CalendarSettings | null>(null);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [holidays, setHolidays] = useState(true);
  const [daysOff, setDaysOff] = useState('');
  const [working, setWorking] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    read('calendar.get', { projectId }).then(
      (c) => {
        setLoaded(c);
        setWeekdays(c.workingWeekdays);
        setHolidays(c.nationalHolidays);
        setDaysOff(daysOffText(c.daysOff));
        setWorking(workingDaysText(c.workingDays));
      },
      (err) => setError(errorText(err)),
    );
  }, [projectId, errorText]);

  const badLines = (which: string, bad: BadLine[]) => bad.map((b) => t('calendar.badLine', { list: which, line: b.line, text: b.text })).join(' / ');

  const save = async () => {
    const off = parseDaysOff(daysOff);
    const extra = parseWorkingDays(working);
    if (!off.ok || !extra.ok) {
      setError([!off.ok && badLines(t('calendar.daysOff'), off.bad), !extra.ok && badLines(t('calendar.workingDays'), extra.bad)].filter(Boolean).join(' / '));
      return;
    }
    if (weekdays.length === 0) return setError(t('calendar.noWeekday'));
    setBusy(true);
    try {
      await mutate(
        'calendar.update',
        { projectId, workingWeekdays: [...weekdays].sort(), nationalHolidays: holidays, daysOff: off.value, workingDays: extra.value },
        // The reschedule moves automatic tasks: the plan is read again with the calendar.
        { touches: ['project_calendar', 'wbs_task', HISTORY] },
      );
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      titleId="calendar-title"
      title={t('calendar.title')}
      className="calendar-dialog"
      testId="calendar-dialog"
      error={error}
      onDismissError={() => setError(null)}
      onEscape={() => busy}
      onClose={onClose}
      statusTestId="calendar-status"
      status={busy ? t('calendar.saving') : t('calendar.about')}
      actions={
        <>
          <button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button className="primary" onClick={() => void save()} disabled={busy || !loaded} data-testid="calendar-save">
            {t('calendar.save')}
          </button>
        </>
      }
    >
      <div className="calendar-body">
        <fieldset>
          <legend>{t('calendar.weekdays')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={weekdays.includes(d)}
                onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, d] : w.filter((x) => x !== d)))}
                data-testid={`calendar-weekday-${d}`}
              />
              {t(`calendar.weekday.${d}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={holidays} onChange={(e) => setHolidays(e.target.checked)} data-testid="calendar-holidays" />
          {t('calendar.nationalHolidays')}
        </label>
        <label className="calendar-list">
          {t('calendar.daysOff')}
          <small className="muted">{t('calendar.daysOffHint')}</small>
          <textarea rows={5} value={daysOff} onChange={(e) => setDaysOff(e.target.value)} data-testid="calendar-days-off" />
        </label>
        <label className="calendar-list">
          {t('calendar.workingDays')}
          <small className="muted">{t('calendar.workingDaysHint')}</small>
          <textarea rows={4} value={working} onChange={(e) => setWorking(e.target.value)} data-testid="calendar-working-days" />
        </label>
      </div>
    </DialogFrame>
  );
}
