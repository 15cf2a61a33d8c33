// One ECharts chart: only the pieces the progress view uses are imported (line and bar series, grid,
// tooltip, legend, mark lines, the canvas renderer), the Japanese locale is registered, and the fonts
// are the app's own (no web fonts). Resizes with its box.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// ECharts publishes its locales as UMD scripts (echarts/i18n/*) that bind to a global; the ES module of
// the Japanese one is lib/i18n/langJA.js, which the package's exports map does not list, so it is
// imported by path (bundled like any file) and typed from the package's own declaration.
// @ts-expect-error -- a plain .js file; its type is the package's types/src/i18n/langJA.d.ts below.
import langJAModule from '../../../../node_modules/echarts/lib/i18n/langJA.js';
import type langJAType from '../../../../node_modules/echarts/types/src/i18n/langJA.js';

const langJA = langJAModule as typeof langJAType;

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
echarts.registerLocale('JA', langJA);

export const CHART_FONT = 'Meiryo, "Yu Gothic UI", "Yu Gothic", "Noto Sans CJK JP", sans-serif';

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, testId, label }: { option: ChartOption; testId: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { i18n } = useTranslation();
  useEffect(() => {
    const c = echarts.init(box.current!, null, { renderer: 'canvas', locale: i18n.language === 'ja' ? 'JA' : 'EN' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [i18n.language]);
  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option }, true);
  }, [option, i18n.language]);
  return <div ref={box} className="chart" data-testid={testId} role="img" aria-label={label} />;
}
