// The Gantt's time axis: day numbers to x and back, and the Japanese date headers of each zoom.
import { describe, expect, it } from 'vitest';
import { dayOf, dayOfYmd, isoOf, weekdayOf, ymdOf } from '../../electron/common/schedule/calendar.js';
import { axisFor, dayAtX, ganttLabels, headerRows, widthOf, xOf } from '../../renderer/src/features/gantt/timeline.js';
import { warekiYear } from '../../electron/common/wareki.js';
import i18next from 'i18next';
import { ja } from '../../renderer/src/i18n/ja.js';

describe('Gantt timeline', () => {
  it('turns every day from 1900 to 2200 into its year, month and day by arithmetic, as Date does, and back', () => {
    for (let day = dayOf('1900-01-01'); day <= dayOf('2200-12-31'); day++) {
      const iso = isoOf(day);
      const { y, m, d } = ymdOf(day);
      if (`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` !== iso) expect({ day, y, m, d }).toEqual({ day, iso });
      if (dayOfYmd(y, m, d) !== day) expect(dayOfYmd(y, m, d)).toBe(day);
    }
    expect(ymdOf(dayOf('2024-02-29'))).toEqual({ y: 2024, m: 2, d: 29 });
    expect(dayOfYmd(2000, 3, 1)).toBe(dayOf('2000-03-01'));
  });

  it('maps days to x and back, the axis starting on a Monday with a margin', () => {
    const a = axisFor('day', dayOf('2025-04-01'), dayOf('2025-04-30'));
    expect(weekdayOf(a.from)).toBe(1);
    expect(a.from).toBeLessThanOrEqual(dayOf('2025-03-25'));
    const x = xOf(a, dayOf('2025-04-10'));
    expect(dayAtX(a, x)).toBe(dayOf('2025-04-10'));
    expect(dayAtX(a, x + a.px - 0.1)).toBe(dayOf('2025-04-10'));
    expect(widthOf(a)).toBe((a.to - a.from + 1) * 24);
  });

  it('heads days with 年月 over 日, weeks with 年月 over m/d of each Monday', () => {
    const day = headerRows(axisFor('day', dayOf('2025-04-01'), dayOf('2025-04-10')));
    expect(day.upper.map((s) => s.label)).toEqual(['2025年3月', '2025年4月', '2025年5月']);
    const april1 = day.lower.find((s) => s.day === dayOf('2025-04-01'))!;
    expect(april1.label).toBe('1');
    expect(day.upper[1]!.x).toBe(april1.x);
    const week = headerRows(axisFor('week', dayOf('2025-12-20'), dayOf('2026-01-20')));
    expect(week.upper.map((s) => s.label)).toContain('2026年1月');
    expect(week.lower.every((s) => weekdayOf(s.day) === 1)).toBe(true);
    expect(week.lower.map((s) => s.label)).toContain('12/29');
  });

  it('heads months with 年 over 月, quarters with 年 over Q', () => {
    const month = headerRows(axisFor('month', dayOf('2025-11-01'), dayOf('2026-02-28')));
    expect(month.upper.map((s) => s.label)).toEqual(['2025年', '2026年']);
    expect(month.lower.map((s) => s.label)).toEqual(expect.arrayContaining(['11月', '12月', '1月', '2月']));
    const quarter = headerRows(axisFor('quarter', dayOf('2025-01-10'), dayOf('2025-12-10')));
    expect(quarter.lower.map((s) => s.label).slice(0, 5)).toEqual(['Q4', 'Q1', 'Q2', 'Q3', 'Q4']);
    // Segments tile the axis without gaps.
    for (const row of [quarter.upper, quarter.lower, month.lower])
      row.forEach((s, i) => i > 0 && expect(s.x).toBeCloseTo(row[i - 1]!.x + row[i - 1]!.w, 6));
    expect(isoOf(quarter.lower[1]!.day)).toBe('2025-01-01');
  });
});

describe('和暦 headers', () => {
  it('names the era a day falls in, each from its own first day, with 元年 for its first year', () => {
    expect(warekiYear('2025-04-01')?.text).toBe('令和7年');
    expect(warekiYear('2019-04-30')?.text).toBe('平成31年');
    expect(warekiYear('2019-05-01')?.text).toBe('令和元年');
    expect(warekiYear('1989-01-07')?.text).toBe('昭和64年');
    expect(warekiYear('1989-01-08')?.text).toBe('平成元年');
    expect(warekiYear('1800-01-01')).toBeNull();
  });

  it('heads the months and years of the Gantt in 和暦 when asked, and in 西暦 otherwise', async () => {
    const i = i18next.createInstance();
    await i.init({ resources: { ja: { translation: ja } }, lng: 'ja', interpolation: { escapeValue: false } });
    const axis = axisFor('day', dayOf('2019-04-20'), dayOf('2019-05-10'));
    expect(headerRows(axis, ganttLabels(i.t, true)).upper.map((s) => s.label)).toEqual(['平成31年4月', '令和元年5月']);
    expect(headerRows(axis, ganttLabels(i.t, false)).upper.map((s) => s.label)).toEqual(['2019年4月', '2019年5月']);
    const years = axisFor('month', dayOf('2018-11-01'), dayOf('2020-02-01'));
    expect(headerRows(years, ganttLabels(i.t, true)).upper.map((s) => s.label)).toEqual(['平成30年', '平成31年', '令和2年']);
  });
});
