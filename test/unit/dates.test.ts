import { describe, expect, it } from 'vitest';
import { formatDate, parseDateInput, toHalfWidth } from '../../electron/common/dates.js';

describe('dates', () => {
  it.each([
    ['2025/4/1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['２０２５／４／１', '2025-04-01'],
    [' 2024/2/29 ', '2024-02-29'],
  ])('reads %s as %s', (input, iso) => expect(parseDateInput(input)).toBe(iso));

  it.each(['2025/13/40', '2025/2/29', '2025/4', 'yesterday', '', '25/4/1'])('refuses %s', (input) =>
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
