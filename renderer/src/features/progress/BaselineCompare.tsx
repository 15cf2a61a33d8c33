// A baseline against the current plan (or another baseline), task by task: what slipped and by how many
// working days, what changed field by field (before → after), what was added, removed or moved under
// another parent. The progress view shows it for the baseline it measures against.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Baseline, BaselineComparison } from '../../../../electron/common/api/progress.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { read, useQuery, type Entity } from '../../api/useApi.js';
import { compareLines, compareValue, formatSlip } from './progressModel.js';

interface Props {
  projectId: number;
  baselines: Baseline[];
  baselineId: number;
  onError(err: unknown): void;
}

/** What the current plan is made of: a write touching any of these (an edit, an undo) may change a comparison or a figure. */
export const PLAN: readonly Entity[] = ['wbs_task', 'wbs_dependency', 'project_calendar', 'baseline'];

export function BaselineCompare({ projectId, baselines, baselineId, onError }: Props) {
  const { t } = useTranslation();
  const [againstId, setAgainstId] = useState<number | null>(null);
  const against = againstId !== null && againstId !== baselineId && baselines.some((b) => b.id === againstId) ? againstId : null;

  // Read again after any change of the plan; only the answer to the latest question is shown.
  const result: BaselineComparison | null =
    useQuery(PLAN, () => read('baseline.compare', { projectId, baselineId, ...(against !== null && { againstId: against }) }), [projectId, baselineId, against], onError).data ?? null;

  const lines = useMemo(() => (result ? compareLines(result) : []), [result]);
  const label = (field: string) => t(field === 'links' ? 'wbs.col.predecessors' : `wbs.col.${field}`);
  const value = (field: string, v: unknown) => compareValue(field, v, (s) => t(`status.${s}`));
  const name = (b: Baseline) => t('progress.baselineTaken', { name: b.name, date: formatDate(b.takenAt.slice(0, 10)) });
  const slipped = lines.filter((l) => (l.finishSlip ?? 0) > 0).length;

  return (
    <section className="baseline-compare" data-testid="baseline-compare">
      <div className="toolbar">
        <h3>{t('progress.compare.heading', { name: baselines.find((b) => b.id === baselineId)?.name ?? '' })}</h3>
        <label>
          {t('progress.compare.against')}{' '}
          <select data-testid="compare-against" value={against ?? ''} onChange={(e) => setAgainstId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('progress.currentPlan')}</option>
            {baselines
              .filter((b) => b.id !== baselineId)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {name(b)}
                </option>
              ))}
          </select>
        </label>
      </div>
      {result && (
        <p className="compare-counts" data-testid="compare-counts">
          {t('progress.compare.counts', {
            slipped,
            changed: result.changed.length,
            added: result.added.length,
            removed: result.removed.length,
            moved: result.moved.length,
            unchanged: result.unchanged,
          })}
        </p>
      )}
      {result && lines.length === 0 ? (
        <p className="muted">{t('progress.compare.same')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('progress.col.code')}</th>
              <th>{t('progress.col.name')}</th>
              <th>{t('progress.compare.kind')}</th>
              <th className="num">{t('progress.baselineCol.finishSlip')}</th>
              <th>{t('progress.compare.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} className={(l.finishSlip ?? 0) > 0 ? 'slipped' : ''}>
                <td>{l.code}</td>
                <td>{l.name}</td>
                <td>{l.kinds.map((k) => t(`progress.compare.kinds.${k}`)).join('・')}</td>
                <td className={`num ${(l.finishSlip ?? 0) > 0 ? 'bad' : ''}`}>{formatSlip(l.finishSlip)}</td>
                <td>
                  {l.changes.map((c) => (
                    <div key={c.field}>
                      {label(c.field)}: {value(c.field, c.before)} → {value(c.field, c.after)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
