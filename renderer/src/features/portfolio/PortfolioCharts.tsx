// The portfolio home's charts over the projects shown: the risk heat map, issues raised vs closed per
// week, SPI/CPI per project, and the milestones of the next 4 weeks. Each can be copied or saved as PNG
// and as SVG (the same option drawn by ECharts' SVG renderer), to paste into a slide or a mail.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '../../../../electron/common/api/portfolio.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { heatOption, issueWeeksOption, milestonesOption, spiCpiOption, type ChartOption, type PortfolioCharts as ChartData } from '../../../../electron/common/portfolio-charts.js';
import { read } from '../../api/useApi.js';
import { saveFile } from '../../api/download.js';
import { EChart, type ChartImage } from '../progress/EChart.js';

type ChartKey = 'heat' | 'issues' | 'scatter' | 'milestones';

/** The clipboard parts of a chart: a PNG, or an SVG as its own type where the browser takes it and as text. */
function clipboardItem(image: ChartImage, as: 'png' | 'svg'): ClipboardItem {
  if (as === 'png') return new ClipboardItem({ 'image/png': image.png() });
  const svg = image.svg();
  const parts: Record<string, Blob> = { 'text/plain': new Blob([svg], { type: 'text/plain' }) };
  if (ClipboardItem.supports?.('image/svg+xml')) parts['image/svg+xml'] = new Blob([svg], { type: 'image/svg+xml' });
  return new ClipboardItem(parts);
}

function ChartCard({ id, title, help, option, fileStem }: { id: ChartKey; title: string; help: string; option: ChartOption; fileStem: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<ChartImage | null>(null);
  const [note, setNote] = useState('');
  const copy = (as: 'png' | 'svg') => {
    if (!image) return;
    navigator.clipboard.write([clipboardItem(image, as)]).then(
      () => setNote(t('portfolio.charts.copied', { what: as.toUpperCase() })),
      () => setNote(t('portfolio.charts.copyFailed')),
    );
  };
  const save = (as: 'png' | 'svg') => {
    if (!image) return;
    const name = `${fileStem}.${as}`;
    if (as === 'png') void image.png().arrayBuffer().then((b) => saveFile(name, new Uint8Array(b)));
    else saveFile(name, new TextEncoder().encode(image.svg()) as Uint8Array<ArrayBuffer>);
  };
  return (
    <figure className="portfolio-chart" data-testid={`chart-${id}`}>
      <figcaption title={help}>
        <span className="chart-title">{title}</span>
        <span className="spacer" />
        <span className="muted chart-note" aria-live="polite">
          {note}
        </span>
        <button onClick={() => copy('png')} disabled={!image} data-testid="copy-png">
          {t('portfolio.charts.copyPng')}
        </button>
        <button onClick={() => save('png')} disabled={!image} data-testid="save-png">
          {t('portfolio.charts.savePng')}
        </button>
        <button onClick={() => copy('svg')} disabled={!image} data-testid="copy-svg">
          {t('portfolio.charts.copySvg')}
        </button>
        <button onClick={() => save('svg')} disabled={!image} data-testid="save-svg">
          {t('portfolio.charts.saveSvg')}
        </button>
      </figcaption>
      <EChart option={option} testId={`chart-${id}-canvas`} label={title} onImage={setImage} />
    </figure>
  );
}

export function PortfolioChartsPanel({ rows, statusDate, version }: { rows: readonly PortfolioRow[]; statusDate: string; version: unknown }) {
  const { t } = useTranslation();
  const [data, setData] = useState<ChartData | null>(null);
  const ids = useMemo(() => rows.map((r) => r.projectId), [rows]);
  const key = ids.join(',');
  const load = useCallback(async () => {
    setData(await read('portfolio.charts', { ...(statusDate && { statusDate }), projectIds: ids }));
    // `key` stands for ids; `version` changes whenever the summary was read again.
  }, [key, statusDate, version]);
  useEffect(() => void load().catch(() => setData(null)), [load]);

  const options = useMemo(() => {
    if (!data) return null;
    return {
      heat: heatOption(data.heat, { probability: t('portfolio.charts.probability'), impact: t('portfolio.charts.impact'), count: t('portfolio.charts.riskCount') }),
      issues: issueWeeksOption(data.weeks, { opened: t('portfolio.charts.opened'), closed: t('portfolio.charts.closed') }),
      scatter: spiCpiOption(
        rows.map((r) => ({ name: r.name, spi: r.figures.spi, cpi: r.figures.cpi, light: r.light })),
        { spi: 'SPI', cpi: 'CPI' },
      ),
      milestones: milestonesOption(data, { date: t('portfolio.statusDate') }),
    } satisfies Record<ChartKey, ChartOption>;
  }, [data, rows, t]);

  if (!data || !options) return null;
  const stamp = formatDate(data.date).replaceAll('/', '');
  const cards: { id: ChartKey; title: string; help: string }[] = [
    { id: 'heat', title: t('portfolio.charts.heat'), help: t('portfolio.charts.help.heat') },
    { id: 'issues', title: t('portfolio.charts.issues'), help: t('portfolio.charts.help.issues') },
    { id: 'scatter', title: t('portfolio.charts.scatter'), help: t('portfolio.charts.help.scatter') },
    { id: 'milestones', title: t('portfolio.charts.milestones'), help: t('portfolio.charts.help.milestones') },
  ];
  return (
    <section className="portfolio-charts" data-testid="portfolio-charts" aria-label={t('portfolio.charts.heading')}>
      {cards.map((c) => (
        <ChartCard key={c.id} id={c.id} title={c.title} help={c.help} option={options[c.id]} fileStem={`${c.title}_${stamp}`} />
      ))}
    </section>
  );
}
