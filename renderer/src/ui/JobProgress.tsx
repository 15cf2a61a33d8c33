// The bar under the top bar while a call of this page runs for longer than a second (an export, an
// import, an undo of a large change): what it is, how far it has come, and 中止 for a call that has
// written nothing yet. The page itself never waits on it: the workspace runs in its own thread and the
// host answers job.list at once (api/client.ts polls it while a call is pending).
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../electron/common/api/jobs.js';
import { jobCall, onJobs } from '../api/client.js';

/** Shorter calls come and go without a bar. */
const SHOW_AFTER_MS = 1000;
/** Calls that wait by design (the live refresh's history.since waits for the next batch): never a bar. */
const BACKGROUND_METHODS: ReadonlySet<string> = new Set(['history.since']);

// A modal dialog makes the page behind it inert, so while one is open the bar (and its 中止) shows in
// the dialog (DialogFrame) instead of under the top bar.
let dialogs = 0;
const dialogListeners = new Set<() => void>();
const dialogsChanged = () => dialogListeners.forEach((l) => l());

export function JobProgress({ inDialog = false }: { inDialog?: boolean }) {
  const { t, i18n } = useTranslation();
  const [jobs, setJobs] = useState<JobInfo[]>([]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onJobs(setJobs), []);
  useEffect(() => {
    if (!inDialog) {
      dialogListeners.add(rerender);
      return () => void dialogListeners.delete(rerender);
    }
    dialogs++;
    dialogsChanged();
    return () => {
      dialogs--;
      dialogsChanged();
    };
  }, [inDialog]);
  if (!inDialog && dialogs > 0) return null;
  const job = jobs.filter((j) => j.elapsedMs >= SHOW_AFTER_MS && !BACKGROUND_METHODS.has(j.method)).sort((a, b) => b.elapsedMs - a.elapsedMs)[0];
  if (!job) return null;
  const labelKey = `jobs.methods.${job.method.replaceAll('.', '_')}`;
  const label = i18n.exists(labelKey) ? t(labelKey) : t('jobs.working');
  const percent = job.total ? Math.min(100, Math.round(((job.done ?? 0) / job.total) * 100)) : null;
  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <span>{label}</span>
      {/* Without a figure the bar runs indeterminate (no value). */}
      <progress max={100} {...(percent !== null && { value: percent })} aria-label={label} />
      {percent !== null && <span className="muted">{percent}%</span>}
      {job.cancellable && (
        <button disabled={job.cancelRequested} onClick={() => void jobCall('job.cancel', { jobId: job.jobId })} data-testid="job-cancel">
          {job.cancelRequested ? t('jobs.cancelling') : t('jobs.cancel')}
        </button>
      )}
    </div>
  );
}
