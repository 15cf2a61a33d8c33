import { describe, expect, it } from 'vitest';
import { dateTextStyle, isoToSerial, nearestYear, parseDateNumber, parseDateText, serialToIso, shortYearForm, slashOrder, yearsOfStretch } from '../../electron/common/excel/client-dates.js';

describe('Excel date serials', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45748, '2025-04-01'],
    [45748.75, '2025-04-01'], // a time of day is dropped
    [2958465, '9999-12-31'],
  ])('1900 system: %s → %s', (serial, iso) => expect(serialToIso(serial)).toBe(iso));

  it('has no day 60 (Lotus 1-2-3’s 29 Feb 1900), no day 0 and nothing past 9999', () => {
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(-5)).toBeNull();
    expect(serialToIso(2958466)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });

  it('reads the 1904 system (old Mac workbooks)', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(44286, true)).toBe('2025-04-01');
  });

  it('round-trips ISO days and serials in both systems', () => {
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2025-04-01', '2099-12-31'])
      expect(serialToIso(isoToSerial(iso)!)).toBe(iso);
    expect(serialToIso(isoToSerial('2025-04-01', true)!, true)).toBe('2025-04-01');
  });

  it('reads numbers in a date column: any serial when formatted as a date, else 1950–2099 or yyyymmdd', () => {
    expect(parseDateNumber(45748, true)).toEqual({ ok: true, iso: '2025-04-01' });
    expect(parseDateNumber(45748, false)).toEqual({ ok: true, iso: '2025-04-01' });
    expect(parseDateNumber(20250401, false)).toEqual({ ok: true, iso: '2025-04-01' });
    expect(parseDateNumber(20251340, false).ok).toBe(false);
    expect(parseDateNumber(5, false).ok).toBe(false);
    expect(parseDateNumber(5, true)).toEqual({ ok: true, iso: '1900-01-05' });
  });
});

describe('text dates', () => {
  const ref = '2025-06-15';
  it.each([
    ['2025/4/1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['２０２５／４／１', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['２０２５年４月１日', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['2025/04/01(火)', '2025-04-01'],
    ['2025/4/1（火）', '2025-04-01'],
    ['2025/4/1 火曜日', '2025-04-01'],
    ['2025/4/1 10:30', '2025-04-01'],
    ['2025-04-01T09:00:00Z', '2025-04-01'],
    ['4/1/2025', '2025-04-01'], // m/d/yyyy as Excel in en-US writes it
    ['Mon 4/7/25', '2025-04-07'], // MS Project's default date format: a two-digit year after a weekday, Excel's 00–29 → 20xx
    ['Fri 12/31/99', '1999-12-31'], // … and 30–99 → 19xx
    ['Mon 1/7/2030', '2030-01-07'],
    ['Tue, 4/8/2025', '2025-04-08'],
    ['1 Apr 2025', '2025-04-01'],
    ['April 1, 2025', '2025-04-01'],
    ['R7.4.1', '2025-04-01'],
    ['r7/4/1', '2025-04-01'],
    ['R07.04.01', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['㋿7年4月1日', '2025-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['㍻元年1月8日', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和50年12月31日', '1975-12-31'],
    ['T15.12.24', '1926-12-24'],
  ])('%s → %s', (text, iso) => expect(parseDateText(text, ref)).toEqual({ ok: true, iso }));

  // 25/3/10 and 4/1/25 without a weekday: yy/m/d as Japanese systems write it, or m/d/yy? (review R8)
  it.each(['2025/13/40', '2025/2/29', '2025/4/31', '25/4/1', '4/1/25', '25/3/10', '12/3/10', 'Mon 4-7-25', '2025/4', 'R0.4.1', '令和7年13月1日', 'yesterday', 'TBD?', '1.2', '1.2.3', '4-1-25', '14/05/2025', ''])(
    'refuses %s',
    (text) => expect(parseDateText(text, ref).ok).toBe(false),
  );
});

describe('dates written year last: the column says whether the day or the month comes first', () => {
  const ref = '2025-06-15';
  it('reads day first where the column has a date only day first can be (14/05/2025), else month first', () => {
    expect(slashOrder(['03/06/2025', '14/05/2025', ''])).toBe('dmy');
    expect(slashOrder(['Wed 14/05/25'])).toBe('dmy');
    // A column of Japanese yy/m/d (25/3/10) says nothing of the order: those dates are no dates written year last (review R8).
    expect(slashOrder(['25/3/10', '25/12/24', '25/6/12'])).toBe('mdy');
    expect(parseDateText('25/3/10', ref, 'dmy').ok).toBe(false);
    expect(slashOrder(['4/7/2025', '4/17/2025'])).toBe('mdy');
    // Both kinds in one column: nothing says day first, so month first as before.
    expect(slashOrder(['14/05/2025', '05/14/2025'])).toBe('mdy');
    expect(slashOrder(['2025/4/1', '4/7', '未定'])).toBe('mdy');
    expect(slashOrder([])).toBe('mdy');
  });

  it('reads each date of a day-first column so, and leaves year-first dates alone', () => {
    expect(parseDateText('03/06/2025', ref, 'dmy')).toEqual({ ok: true, iso: '2025-06-03' });
    expect(parseDateText('14.05.2025', ref, 'dmy')).toEqual({ ok: true, iso: '2025-05-14' });
    expect(parseDateText('Wed 4/6/25', ref, 'dmy')).toEqual({ ok: true, iso: '2025-06-04' });
    expect(parseDateText('2025/4/1', ref, 'dmy')).toEqual({ ok: true, iso: '2025-04-01' });
    expect(parseDateText('4/1', '2025-03-10', 'dmy')).toEqual({ ok: true, iso: '2025-04-01', yearInferred: true });
    expect(parseDateText('05/14/2025', ref, 'dmy').ok).toBe(false);
  });
});

describe('two-digit years without a weekday: the column settles the form, or nothing does (blind G17)', () => {
  const ref = '2025-06-15';
  const read = (texts: string[], text: string) => {
    const form = shortYearForm(texts);
    return parseDateText(text, ref, slashOrder(texts, form), form);
  };
  it('reads year last where a cell of the column can only be so: a four-digit year last, a weekday, a day over 12, a one-digit first number', () => {
    expect(shortYearForm(['04/07/25', '4/15/2025'])).toBe('yearLast');
    expect(shortYearForm(['04/07/25', 'Mon 4/14/25'])).toBe('yearLast');
    expect(shortYearForm(['04/07/25', '04/14/25'])).toBe('yearLast'); // 2004/14/25 has no month 14
    // yy is written with two digits (Excel's yy): 4/7/25 is no yy/m/d, so only the order is open, as in 4/7/2025.
    expect(shortYearForm(['4/7/25', '4/11/25'])).toBe('yearLast');
    expect(read(['04/07/25', '04/14/25'], '04/07/25')).toEqual({ ok: true, iso: '2025-04-07' });
    expect(read(['4/7/25', '4/11/25'], '4/11/25')).toEqual({ ok: true, iso: '2025-04-11' });
    // Day first where the column says so, as for four-digit years.
    expect(read(['07/04/25', '14/05/25', '14/05/2025'], '07/04/25')).toEqual({ ok: true, iso: '2025-04-07' });
    // A date changed in PMO Desk is written back in that form, a yy/m/d column's too (blind set 14, E2: it was
    // written yyyy/mm/dd among the client's 25/03/04).
    expect(dateTextStyle(['4/7/25', '4/11/25'], 'mdy', 'yearLast')?.('2025-06-20')).toBe('6/20/25');
    expect(dateTextStyle(['25/04/07', '25/04/21', '2025/04/21'], 'mdy', 'ymd')?.('2025-06-20')).toBe('25/06/20');
  });
  it('reads year first where a cell of the column has its four-digit year first or can only be yy/m/d', () => {
    expect(shortYearForm(['25/04/07', '2025/04/21'])).toBe('ymd');
    expect(read(['25/04/07', '2025/04/21'], '25/04/07')).toEqual({ ok: true, iso: '2025-04-07' });
    expect(read(['12/3/10', '2012年3月1日'], '12/3/10')).toEqual({ ok: true, iso: '2012-03-10' });
  });
  it('settles nothing where every cell reads both ways or the cells disagree: such a date is not read (the import keeps it as text)', () => {
    expect(shortYearForm(['12/3/10', '25/3/10'])).toBeUndefined(); // 2012/3/10 or 3 December 2010; 2025/3/10 or 25 March 2010
    expect(shortYearForm(['12/3/10', '4/15/2025', '2025/4/1'])).toBeUndefined();
    expect(shortYearForm(['6月末', '', '2025/4/1'])).toBe('ymd');
    expect(shortYearForm([])).toBeUndefined();
    expect(read(['12/3/10', '25/3/10'], '12/3/10').ok).toBe(false);
    // Without a column (the home's 基準日), a bare two-digit year stays refused (review R8).
    expect(parseDateText('4/7/25', ref).ok).toBe(false);
  });
});

describe("a changed date written in the column's own text form", () => {
  const write = (samples: string[], iso: string, order: 'mdy' | 'dmy' = 'mdy') => dateTextStyle(samples, order)?.(iso) ?? null;
  it.each([
    [['14/05/2025', '3/6/2025'], 'dmy', '2025-06-20', '20/06/2025'],
    [['14/5/2025', '3/6/2025'], 'dmy', '2025-06-02', '2/6/2025'],
    [['Mon 4/7/25', 'Tue 4/8/25'], 'mdy', '2025-06-20', 'Fri 6/20/25'],
    // A year two digits do not give back (Excel reads 30 as 1930: review R9) is written in four.
    [['Mon 4/7/25'], 'mdy', '2030-01-07', 'Mon 1/7/2030'],
    [['Mon 4/7/25'], 'mdy', '2029-12-28', 'Fri 12/28/29'],
    [['4/7/2025'], 'mdy', '2026-01-05', '1/5/2026'],
    [['2025/04/01', '2025/04/10'], 'mdy', '2025-06-02', '2025/06/02'],
    [['2025-4-1'], 'mdy', '2025-12-24', '2025-12-24'],
    [['2025/4/1(火)'], 'mdy', '2025-06-20', '2025/6/20(金)'],
    [['2025年4月1日'], 'mdy', '2025-06-02', '2025年6月2日'],
    [['2025年04月01日（火）'], 'mdy', '2025-06-02', '2025年06月02日（月）'],
    // 和暦 (blind set 3, H17: a date added to a column of 令和 text was written 2025/08/01).
    [['令和7年4月7日', '令和7年4月18日'], 'mdy', '2025-08-01', '令和7年8月1日'],
    [['令和7年4月7日(月)'], 'mdy', '2025-08-01', '令和7年8月1日(金)'],
    [['令和7年04月07日'], 'mdy', '2025-08-01', '令和7年08月01日'],
    [['令和7年4月7日'], 'mdy', '2019-05-01', '令和元年5月1日'],
    [['令和1年5月7日'], 'mdy', '2019-06-03', '令和1年6月3日'],
    [['平成31年4月7日'], 'mdy', '2019-04-30', '平成31年4月30日'],
    [['R7.4.7'], 'mdy', '2025-08-01', 'R7.8.1'],
    [['r07/04/07'], 'mdy', '2025-08-01', 'r07/08/01'],
  ] as const)('%j (%s) writes %s as %s', (samples, order, iso, out) => expect(write([...samples], iso, order)).toBe(out));

  it('knows no form for words or a cell it would not give back (a wrong weekday): yyyy/mm/dd is written then', () => {
    expect(write(['未定', '来週'], '2025-06-02')).toBeNull();
    expect(write(['Sun 4/7/25'], '2025-06-02')).toBeNull();
    expect(write([], '2025-06-02')).toBeNull();
  });
});

describe('dates without a year: the year nearest the reference day', () => {
  it('takes the reference year when that is nearest', () => {
    expect(parseDateText('4/1', '2025-03-10')).toEqual({ ok: true, iso: '2025-04-01', yearInferred: true });
    expect(parseDateText('4月1日', '2025-03-10')).toEqual({ ok: true, iso: '2025-04-01', yearInferred: true });
    expect(parseDateText('４／１', '2025-03-10')).toEqual({ ok: true, iso: '2025-04-01', yearInferred: true });
  });

  it('crosses the year end in both directions', () => {
    expect(nearestYear(1, 10, '2025-12-20')).toBe('2026-01-10');
    expect(nearestYear(12, 20, '2026-01-10')).toBe('2025-12-20');
  });

  it('finds a 29 February in the nearest leap year of the three', () => {
    expect(nearestYear(2, 29, '2025-03-01')).toBe('2024-02-29');
    expect(nearestYear(2, 29, '2027-12-01')).toBe('2028-02-29');
    expect(nearestYear(2, 30, '2025-03-01')).toBeNull();
  });
});

describe("a table's dates without a year that nothing in the file dates: one stretch", () => {
  const md = (...xs: string[]) => xs.map((x) => ({ m: Number(x.split('/')[0]), d: Number(x.split('/')[1]) }));
  const read = (days: string[], reference: string, startYear?: number) => {
    const s = yearsOfStretch(md(...days), reference, startYear);
    return s && days.map((x) => `${s.year(Number(x.split('/')[0]), Number(x.split('/')[1]))}/${x}`);
  };

  it('runs forward over a new year where the nearest rule would cut it in two (reference in early July)', () => {
    // Nearest to 2026-07-02 alone: 12/28 → 2026, 1/5 → 2026, backwards by almost a year.
    expect(nearestYear(12, 28, '2026-07-02')).toBe('2026-12-28');
    expect(nearestYear(1, 5, '2026-07-02')).toBe('2026-01-05');
    expect(read(['12/20', '12/28', '1/5', '1/12'], '2026-06-20')).toEqual(['2025/12/20', '2025/12/28', '2026/1/5', '2026/1/12']);
    expect(read(['12/20', '1/12'], '2026-07-10')).toEqual(['2026/12/20', '2027/1/12']);
    expect(yearsOfStretch(md('12/20', '1/12'), '2026-06-20')).toMatchObject({ start: 2025, span: true });
  });

  it('starts in the year the user chose, cut where the dates were shown', () => {
    // The chosen year read as mid-year alone would give 2025/12/28 and 2025/1/5.
    expect(read(['12/28', '1/5'], '2026-07-02', 2025)).toEqual(['2025/12/28', '2026/1/5']);
    expect(read(['3/1', '11/30'], '2026-06-01', 2025)).toEqual(['2025/3/1', '2025/11/30']);
    // Shown against 2025-02-01 as 2024/11/20 and 2025/4/3 (nearest): the choice of 2024 keeps that order.
    expect([nearestYear(11, 20, '2025-02-01'), nearestYear(4, 3, '2025-02-01')]).toEqual(['2024-11-20', '2025-04-03']);
    expect(read(['11/20', '4/3'], '2025-02-01', 2024)).toEqual(['2024/11/20', '2025/4/3']);
  });

  it('leaves the nearest rule alone where its cut falls in a gap of two months or more', () => {
    expect(yearsOfStretch(md('4/3', '11/20'), '2025-06-15')).toBeNull();
    expect(yearsOfStretch(md('12/28', '1/5'), '2025-12-30')).toBeNull();
    expect(yearsOfStretch(md('4/3'), '2025-10-03')).toBeNull();
  });
});
