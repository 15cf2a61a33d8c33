// One ECharts chart. ECharts itself (echarts-core.ts) is loaded by the first chart shown, so a screen
// without charts never parses it; the box is laid out at once and drawn when it has arrived. The fonts
// are the app's own (no web fonts). Resizes with its box. The options themselves are built in
// electron/common/portfolio-charts.ts or by the view, as plain data.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { CHART_FONT } from '../../../../electron/common/portfolio-charts.js';
import { base64ToBytes } from '../../api/download.js';

type Lib = typeof import('./echarts-core.js')['echarts'];
let loading: Promise<Lib> | undefined;
const loadEcharts = (): Promise<Lib> => (loading ??= import('./echarts-core.js').then((m) => m.echarts));

export { CHART_FONT };

export type ChartOption = EChartsCoreOption;

const withFont = (option: ChartOption): ChartOption => ({ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option });

/** A drawn chart as the user keeps it: a PNG (twice the pixels, on white) and an SVG of the same size. */
export interface ChartImage {
  png(): Blob;
  svg(): string;
}

export function EChart({ option, testId, label, onImage }: { option: ChartOption; testId: string; label: string; onImage?(image: ChartImage | null): void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [echarts, setEcharts] = useState<Lib | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'JA' : 'EN';
  useEffect(() => {
    let live = true;
    loadEcharts().then(
      (lib) => live && setEcharts(() => lib),
      (e: unknown) => live && setFailed(String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!echarts) return;
    const c = echarts.init(box.current!, null, { renderer: 'canvas', locale });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [echarts, locale]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !echarts) return;
    c.setOption(withFont(option), true);
    onImage?.({
      // From the data URL's bytes, not fetch(): the CSP allows no data: connections.
      png: () => new Blob([base64ToBytes(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }).split(',')[1]!)], { type: 'image/png' }),
      // The same option drawn once more by the SVG renderer, at the size shown, then let go.
      svg: () => {
        const s = echarts.init(null, null, { renderer: 'svg', ssr: true, width: c.getWidth(), height: c.getHeight(), locale });
        try {
          s.setOption(withFont(option));
          return s.renderToSVGString();
        } finally {
          s.dispose();
        }
      },
    });
  }, [echarts, option, locale, onImage]);
  return (
    <div ref={box} className="chart" data-testid={testId} role="img" aria-label={label}>
      {failed && <p className="error">{failed}</p>}
    </div>
  );
}
