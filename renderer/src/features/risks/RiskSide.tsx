// Beside the risk grid: the 5×5 heat map (click a cell to filter the grid), the level thresholds, and
// the score history of the focused risk.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { RISK_LEVEL_LABELS, riskLevel, type Risk, type RiskThresholds, type ScorePoint } from '../../../../electron/common/registers.js';
import { mutate, read } from '../../api/useApi.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { heatRows, toggleCell, type HeatSelection } from './heatmap.js';

export function HeatMap(props: { risks: Risk[]; thresholds: RiskThresholds; selected: HeatSelection | null; onSelect(s: HeatSelection | null): void }) {
  const { t } = useTranslation();
  const { risks, thresholds, selected, onSelect } = props;
  const rows = heatRows(risks, thresholds);
  const unrated = risks.filter((r) => r.probability === null || r.impact === null).length;
  return (
    <section className="side-section">
      <div className="side-head">
        <h3>{t('risk.heat.title')}</h3>
        {selected && (
          <button className="link" onClick={() => onSelect(null)}>
            {t('risk.heat.clear')}
          </button>
        )}
      </div>
      <div className="heatmap" data-testid="heatmap" role="grid" aria-label={t('risk.heat.title')}>
        <div className="heat-axis-y">{t('risk.heat.probability')}</div>
        <div className="heat-body">
          {rows.map((row) => (
            <div className="heat-row" role="row" key={row[0]!.probability}>
              <span className="heat-tick">{row[0]!.probability}</span>
              {row.map((cell) => {
                const on = selected?.probability === cell.probability && selected.impact === cell.impact;
                return (
                  <button
                    key={cell.impact}
                    role="gridcell"
                    aria-selected={on}
                    data-testid={`heat-${cell.probability}-${cell.impact}`}
                    className={`heat-cell heat-${cell.level}${on ? ' selected' : ''}${cell.count === 0 ? ' zero' : ''}`}
                    title={t('risk.heat.cellTitle', { probability: cell.probability, impact: cell.impact, score: cell.score, count: cell.count })}
                    onClick={() => onSelect(toggleCell(selected, cell))}
                  >
                    {cell.count > 0 ? cell.count : ''}
                  </button>
                );
              })}
            </div>
          ))}
          <div className="heat-row heat-ticks-x">
            <span className="heat-tick" />
            {[1, 2, 3, 4, 5].map((i) => (
              <span key={i} className="heat-tick">
                {i}
              </span>
            ))}
          </div>
          <div className="heat-axis-x">{t('risk.heat.impact')}</div>
        </div>
      </div>
      {unrated > 0 && <p className="muted small">{t('risk.heat.unrated', { count: unrated })}</p>}
    </section>
  );
}

export function ThresholdsForm({ projectId, thresholds, onSaved }: { projectId: number; thresholds: RiskThresholds; onSaved(t: RiskThresholds): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const errorText = useErrorText();
  const [high, setHigh] = useState(String(thresholds.high));
  const [medium, setMedium] = useState(String(thresholds.medium));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setHigh(String(thresholds.high));
    setMedium(String(thresholds.medium));
  }, [thresholds]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = await mutate('risk.thresholds.set', { projectId, thresholds: { high: Number(high), medium: Number(medium) } });
      setError(null);
      onSaved(saved);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const dirty = high !== String(thresholds.high) || medium !== String(thresholds.medium);
  return (
    <section className="side-section">
      <h3>{t('risk.thresholds.title')}</h3>
      <form className="thresholds" onSubmit={(e) => void save(e)}>
        <label>
          <span className="swatch heat-high" />
          {RISK_LEVEL_LABELS.high[lang]} {t('risk.thresholds.atLeast')}
          <input type="number" min={2} max={25} value={high} onChange={(e) => setHigh(e.target.value)} aria-label={t('risk.thresholds.high')} />
        </label>
        <label>
          <span className="swatch heat-medium" />
          {RISK_LEVEL_LABELS.medium[lang]} {t('risk.thresholds.atLeast')}
          <input type="number" min={1} max={24} value={medium} onChange={(e) => setMedium(e.target.value)} aria-label={t('risk.thresholds.medium')} />
        </label>
        <div className="low-line">
          <span className="swatch heat-low" />
          {RISK_LEVEL_LABELS.low[lang]} {t('risk.thresholds.below', { value: medium })}
        </div>
        <button type="submit" disabled={!dirty}>
          {t('common.save')}
        </button>
      </form>
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}

export function ScoreHistory({ risk, thresholds }: { risk: Risk | undefined; thresholds: RiskThresholds }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const errorText = useErrorText();
  const [points, setPoints] = useState<ScorePoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = risk?.id;
  const version = risk?.updatedAt;
  useEffect(() => {
    setPoints(null);
    setError(null);
    if (id === undefined) return;
    let live = true;
    read('risk.scoreHistory', { id })
      .then((p) => live && setPoints(p))
      .catch((err) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, version, errorText]);

  return (
    <section className="side-section grow-section">
      <h3>{risk ? t('risk.scoreHistory.titleOf', { ref: risk.ref }) : t('risk.scoreHistory.title')}</h3>
      {!risk && <p className="muted small">{t('risk.scoreHistory.pick')}</p>}
      {error && <p className="error-text">{error}</p>}
      {points && points.length === 0 && <p className="muted small">{t('risk.scoreHistory.empty')}</p>}
      {points && points.length > 0 && (
        <div className="score-scroll">
          <table className="score-history" data-testid="score-history">
            <thead>
              <tr>
                <th>{t('risk.scoreHistory.at')}</th>
                <th>{t('risk.scoreHistory.who')}</th>
                <th className="num" title={t('risk.col.probability')}>
                  {t('risk.scoreHistory.p')}
                </th>
                <th className="num" title={t('risk.col.impact')}>
                  {t('risk.scoreHistory.i')}
                </th>
                <th className="num">{t('risk.col.score')}</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p, i) => {
                const level = riskLevel(p.score, thresholds);
                return (
                  <tr key={i}>
                    <td className="nowrap">{formatDateTime(p.at)}</td>
                    <td>{p.who}</td>
                    <td className="num">{p.probability ?? '—'}</td>
                    <td className="num">{p.impact ?? '—'}</td>
                    <td className={`num${level ? ` risk-level risk-level-${level}` : ''}`} title={level ? RISK_LEVEL_LABELS[level][lang] : ''}>
                      {p.score ?? '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
