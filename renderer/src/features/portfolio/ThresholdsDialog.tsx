// The thresholds of the status light, for every project of the workspace: for each measure the limit at
// which it turns 注意 and the one at which it turns 要対応 (SPI and CPI below it, the counts at it).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHT_MEASURES, type LightThresholds } from '../../../../electron/common/api/portfolio.js';
import { mutate } from '../../api/useApi.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';

export function ThresholdsDialog({ thresholds, onClose, onSaved }: { thresholds: LightThresholds; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(() => structuredClone(thresholds));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const save = async (value: LightThresholds | null) => {
    try {
      await mutate('portfolio.setThresholds', { thresholds: value });
      onSaved();
      ref.current?.close();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <dialog ref={ref} className="thresholds-dialog" aria-labelledby="thresholds-title" onClose={onClose} data-testid="thresholds-dialog">
      <h2 id="thresholds-title">{t('portfolio.thresholdsTitle')}</h2>
      <table className="history">
        <thead>
          <tr>
            <th />
            <th>{t('portfolio.warn')}</th>
            <th>{t('portfolio.alert')}</th>
          </tr>
        </thead>
        <tbody>
          {LIGHT_MEASURES.map((m) => {
            const ratio = m === 'spi' || m === 'cpi';
            const input = (band: 'warn' | 'alert') => (
              <label>
                <input
                  type="number"
                  aria-label={`${t(`portfolio.measure.${m}`)} ${t(`portfolio.${band}`)}`}
                  step={ratio ? 0.01 : 1}
                  min={0}
                  value={draft[m][band]}
                  onChange={(e) => setDraft({ ...draft, [m]: { ...draft[m], [band]: Number(e.target.value) } })}
                />{' '}
                {ratio ? t('portfolio.below') : t('portfolio.atLeast')}
              </label>
            );
            return (
              <tr key={m}>
                <th>{t(`portfolio.measure.${m}`)}</th>
                <td>{input('warn')}</td>
                <td>{input('alert')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <div className="buttons">
        <button onClick={() => void save(null)}>{t('portfolio.resetDefaults')}</button>
        <span className="spacer" />
        <button onClick={() => ref.current?.close()}>{t('common.cancel')}</button>
        <button className="primary" onClick={() => void save(draft)}>
          {t('common.save')}
        </button>
      </div>
    </dialog>
  );
}
