// One ECharts chart: only the pieces the app's charts use are imported (line, bar, scatter and heatmap
// series, grid, tooltip, legend, mark lines, the canvas renderer and, for saving as SVG, the SVG
// renderer), the Japanese locale is registered, and the fonts are the app's own (no web fonts).
// Resizes with its box. The options themselves are built in electron/common/portfolio-charts.ts or by
// the view, as plain data.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
// ECharts publishes its locales as UMD scripts (echarts/i18n/*) that bind to a global; the ES module of
// the Japanese one is lib/i18n/langJA.js, which the package's exports map does not list, so it is
// imported by path (bundled like any file) and typed from the package's own declaration.
// @ts-expect-error -- a plain .js file; its type is the package's types/src/i18n/langJA.d.ts below.
import langJAModule from '../../../../node_modules/echarts/lib/i18n/langJA.js';
import type langJAType from '../../../../node_modules/echarts/types/src/i18n/langJA.js';
import { CHART_FONT } from '../../../../electron/common/portfolio-charts.js';
import { base64ToBytes } from '../../api/download.js';

const langJA = langJAModule as typeof langJAType;

echarts.use([LineChart, BarChart, ScatterChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);
echarts.registerLocale('JA', langJA);

export { CHART_FONT };

export type ChartOption = echarts.EChartsCoreOption;

const withFont = (option: ChartOption): ChartOption => ({ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option });

/** A drawn chart as the user keeps it: a PNG (twice the pixels, on white) and an SVG of the same size. */
export interface ChartImage {
  png(): Blob;
  svg(): string;
}

export function EChart({ option, testId, label, onImage }: { option: ChartOption; testId: string; label: string; onImage?(image: ChartImage | null): void }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'JA' : 'EN';
  useEffect(() => {
    const c = echarts.init(box.current!, null, { renderer: 'canvas', locale });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [locale]);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
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
  }, [option, locale, onImage]);
  return <div ref={box} className="chart" data-testid={testId} role="img" aria-label={label} />;
}
