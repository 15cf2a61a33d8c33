// The PMO's own light for one project, with the reason, and the history of these decisions. Saving adds
// one row (portfolio.override: one undo step of the project); 自動判定に戻す hands the light back to the thresholds.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHTS, type Light, type PortfolioRow, type StatusOverride } from '../../../../electron/common/api/portfolio.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { mutate, read } from '../../api/useApi.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { LightBadge } from './LightBadge.js';

export function OverrideDialog({ row, onClose, onSaved }: { row: PortfolioRow; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<Light | 'auto'>(row.override?.light ?? row.computed.light);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<StatusOverride[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    read('portfolio.overrides', { projectId: row.projectId }).then(setHistory, (e) => setError(errorText(e)));
  }, [row.projectId, errorText]);

  const needsReason = choice !== 'auto';
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await mutate('portfolio.override', { projectId: row.projectId, light: choice === 'auto' ? null : choice, reason });
      onSaved();
      ref.current?.close();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <dialog ref={ref} className="override-dialog" aria-labelledby="override-title" onClose={onClose} data-testid="override-dialog">
      <form onSubmit={(e) => void save(e)}>
        <h2 id="override-title">{t('portfolio.overrideTitle', { name: row.name })}</h2>
        <p className="muted">{t('portfolio.computed', { light: t(`portfolio.light.${row.computed.light}`) })}</p>
        <fieldset className="light-choice">
          <legend>{t('portfolio.overrideLight')}</legend>
          {LIGHTS.map((l) => (
            <label key={l}>
              <input type="radio" name="light" checked={choice === l} onChange={() => setChoice(l)} />
              <LightBadge light={l} />
            </label>
          ))}
          <label>
            <input type="radio" name="light" checked={choice === 'auto'} onChange={() => setChoice('auto')} disabled={!row.override} />
            {t('portfolio.overrideAuto')}
          </label>
        </fieldset>
        <label className="reason">
          {t('portfolio.overrideReason')}
          <textarea aria-label={t('portfolio.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} />
        </label>
        <ErrorBanner text={error} onClose={() => setError(null)} />
        <h3>{t('portfolio.overrideHistory')}</h3>
        {history && history.length === 0 ? (
          <p className="muted">{t('portfolio.overrideNone')}</p>
        ) : (
          <table className="history" data-testid="override-history">
            <tbody>
              {history?.map((h) => (
                <tr key={h.id}>
                  <td className="muted">{formatDateTime(h.setAt)}</td>
                  <td>{h.light ? <LightBadge light={h.light} /> : t('portfolio.overrideCleared')}</td>
                  <td>{h.reason}</td>
                  <td className="muted">{h.setBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="buttons">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button className="primary" type="submit" disabled={needsReason && reason.trim() === ''}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
