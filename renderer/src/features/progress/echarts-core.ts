// The ECharts pieces the app's charts use — line, bar, scatter and heatmap series, grid, tooltip,
// legend, mark lines, the canvas renderer and, for saving as SVG, the SVG renderer — registered once,
// with the Japanese locale. Its own chunk, loaded by the first chart shown: ECharts is a third of the
// app's script, and the WBS, the registers and the minutes never draw a chart, so their screens do not
// wait for it to be parsed.
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

echarts.use([LineChart, BarChart, ScatterChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);
echarts.registerLocale('JA', langJAModule as typeof langJAType);

export { echarts };
