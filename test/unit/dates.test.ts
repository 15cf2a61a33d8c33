import { describe, expect, it } from 'vitest';
import { formatDate, parseDateInput, toHalfWidth } from '../../electron/common/dates.js';

describe('dates', () => {
  it.each([
    ['2025/4/1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['２０２５／４／１', '2025-04-01'],
    [' 2024/2/29 ', '2024-02-29'],
    // The import's forms, typed or pasted into a grid cell (one parser for both).
    ['R7/4/1', '2025-04-01'],
    ['r7.4.1', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['H31/4/30', '2019-04-30'],
    ['2025年4月1日', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['２０２５年４月１日', '2025-04-01'],
  ])('reads %s as %s', (input, iso) => expect(parseDateInput(input)).toBe(iso));

  it('reads a month and day alone in the year nearest today, as the import does', () => {
    expect(parseDateInput('4/1', '2025-03-20')).toBe('2025-04-01');
    expect(parseDateInput('4月1日', '2025-03-20')).toBe('2025-04-01');
    expect(parseDateInput('12/28', '2026-01-05')).toBe('2025-12-28');
    expect(parseDateInput('2/30', '2025-03-20')).toBeNull();
  });

  it.each(['2025/13/40', '2025/2/29', '2025/4', 'yesterday', '', '25/4/1', 'R7/2/29', '20251301'])('refuses %s', (input) =>
    expect(parseDateInput(input)).toBeNull(),
  );

  it('shows ISO dates as yyyy/mm/dd', () => {
    expect(formatDate('2025-04-01')).toBe('2025/04/01');
    expect(formatDate(null)).toBe('');
  });

  it('turns full-width digits and separators to ASCII', () => {
    expect(toHalfWidth('１２３．５－６／７')).toBe('123.5-6/7');
  });
});
