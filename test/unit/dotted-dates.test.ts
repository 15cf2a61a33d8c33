// Dotted short dates (blind set 19, I1): which readings a column's texts fit, what a sheet's note names,
// how the table's other dates pick between two readings, and the column's own form for a changed date.
import { describe, expect, it } from 'vitest';
import { dateTextStyle, dottedChoices, dottedFormByContext, dottedFormNamed, dottedForms, parseDateText } from '../../electron/common/excel/client-dates.js';
import { dottedReading } from '../../electron/core/excel/import/cell-values.js';

describe('dottedForms', () => {
  it('names every reading all the texts fit, and none for a mixed or impossible column', () => {
    expect(dottedForms(['27.09.06', '27.10.30'])).toEqual(['ymd', 'reiwa', 'yearLast']);
    // 31: no 令和 year yet; 13: no month in yy.m.d, a month in d.m.yy? no (day 31, month 13)
    expect(dottedForms(['31.9.6', '31.10.2'])).toEqual(['ymd']);
    expect(dottedForms(['9.6.3', '9.7.21'])).toEqual(['reiwa']);
    expect(dottedForms(['9.6', '12.31', '2.29'])).toEqual(['monthDay']);
    expect(dottedForms(['9.6', '13.1'])).toEqual([]);
    expect(dottedForms(['1.1', '1.1.2'])).toEqual([]);
    expect(dottedForms(['2027/9/6', 'TBD'])).toEqual([]);
  });

  it('the table’s other dates pick the one reading that falls near them', () => {
    const texts = ['27.09.06', '28.10.06'];
    expect(dottedFormByContext(texts, dottedForms(texts), '2027-06-01')).toBe('ymd');
    expect(dottedFormByContext(texts, dottedForms(texts), '2045-01-10')).toBe('reiwa');
    expect(dottedFormByContext(texts, dottedForms(texts), '2006-08-01')).toBe('yearLast');
    expect(dottedFormByContext(texts, dottedForms(texts), '2036-01-01')).toBeUndefined();
    expect(dottedChoices('27.09.06')).toEqual(['2027-09-06', '2045-09-06', '2006-09-27']);
    // (A one-digit last number is no d.m.yy year.)
    expect(dottedChoices('27.9.6')).toEqual(['2027-09-06', '2045-09-06']);
  });
});

describe('dottedFormNamed: a note naming the dates’ form', () => {
  it.each([
    ['日付は 西暦下2桁.月.日', 'ymd'],
    ['※日付表記：西暦の下二桁.月.日', 'ymd'],
    ['Dates are YY.MM.DD', 'ymd'],
    ['2027年（日付は 月.日）', undefined],
    ['日付は 年.月.日', undefined],
    ['Ver. 1.2 (2027.5.1)', undefined],
    ['※ 日付は令和の年.月.日', undefined],
  ] as const)('%s → %s', (note, form) => expect(dottedFormNamed(note)).toBe(form));
});

describe('dottedReading', () => {
  it('reads pairs as a month and day only under a date’s header; a note’s western year wins; two readings nothing places stay open', () => {
    expect(dottedReading(['1.2', '1.3', '2.1'], { dateHeader: false, note: 'ymd' })).toBeUndefined();
    expect(dottedReading(['4.17', '5.5'], { dateHeader: true })).toBe('monthDay');
    expect(dottedReading(['27.9.6', '27.10.2'], { dateHeader: false, note: 'ymd' })).toBe('ymd');
    expect(dottedReading(['27.9.6', '27.10.2'], { dateHeader: true })).toBe('open');
    expect(dottedReading(['27.9.6', '27.10.2'], { dateHeader: true, center: '2027-04-01' })).toBe('ymd');
    // d.m.yy is never read: where it is the one placed, nothing is.
    expect(dottedReading(['27.9.06', '28.10.06'], { dateHeader: true, center: '2006-08-01' })).toBeUndefined();
    expect(dottedReading(['1.1.2', '1.2.1'], { dateHeader: false })).toBeUndefined();
  });
});

describe('dotted forms read and written back', () => {
  it.each([
    [['27.09.06', '27.10.30'], 'ymd', '2027-11-03', '27.11.03'],
    [['27.9.6', '27.10.30'], 'ymd', '2027-11-03', '27.11.3'],
    [['9.6', '10.30'], 'monthDay', '2027-11-03', '11.3'],
    [['09.06', '10.30'], 'monthDay', '2027-11-03', '11.03'],
  ] as const)('%j (%s): %s is written %s', (texts, form, iso, want) => {
    const style = dateTextStyle([...texts], 'mdy', form, '2027-09-01')!;
    expect(style(iso)).toBe(want);
    const back = parseDateText(want, '2027-09-01', 'mdy', form);
    expect(back.ok && back.iso).toBe(iso);
  });

  it('a month and day too far from the column’s dates to read back in its year is written with the year, dotted', () => {
    const style = dateTextStyle(['9.6', '10.30'], 'mdy', 'monthDay', '2027-09-01')!;
    expect(style('2029-03-01')).toBe('2029.3.1');
  });

  it('a dotted pair is no date without the column’s reading', () => {
    expect(parseDateText('9.6', '2027-09-01').ok).toBe(false);
    expect(parseDateText('27.9.6', '2027-09-01').ok).toBe(false);
  });
});
