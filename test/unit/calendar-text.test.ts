// The calendar dialog's lists as text (features/calendar/calendarText.ts): what is shown reads back as
// the same settings, clients' ways of writing a day are read, and a line that is no date is named.
import { describe, expect, it } from 'vitest';
import { daysOffText, parseDaysOff, parseWorkingDays, workingDaysText } from '../../renderer/src/features/calendar/calendarText.js';

describe('calendar lists as text', () => {
  it('shows days off and working days one a line, and reads them back the same', () => {
    const off = [
      { from: '12-29', to: '01-03', name: '年末年始' },
      { from: '2025-08-13', to: '2025-08-15', name: '夏季休暇' },
      { from: '06-01', to: '06-01', name: '創立記念日' },
    ];
    expect(daysOffText(off)).toBe('12/29〜01/03 年末年始\n2025/08/13〜2025/08/15 夏季休暇\n06/01 創立記念日');
    expect(parseDaysOff(daysOffText(off))).toEqual({ ok: true, value: off });
    const working = [{ date: '2025-07-21', name: '海の日' }, { date: '2025-11-29', name: '' }];
    expect(workingDaysText(working)).toBe('2025/07/21 海の日\n2025/11/29');
    expect(parseWorkingDays(workingDaysText(working))).toEqual({ ok: true, value: working });
  });

  it('reads the ways a person types a day: one digit, hyphens, full-width digits, ～ or ~ between, blank lines', () => {
    expect(parseDaysOff('\n8/13~8/15 お盆\n２０２５／５／１　メーデー\n')).toEqual({
      ok: true,
      value: [
        { from: '08-13', to: '08-15', name: 'お盆' },
        { from: '2025-05-01', to: '2025-05-01', name: 'メーデー' },
      ],
    });
    expect(parseDaysOff('2025-12-27 ～ 2026-01-04')).toEqual({ ok: true, value: [{ from: '2025-12-27', to: '2026-01-04', name: '' }] });
  });

  it('names each line that is no day, and takes none of the list', () => {
    expect(parseDaysOff('12/29〜01/03 年末年始\n2/30 ない日\n夏休み')).toEqual({
      ok: false,
      bad: [
        { line: 2, text: '2/30 ない日' },
        { line: 3, text: '夏休み' },
      ],
    });
    // A span must be dated at both ends or at neither; a working day is one dated day.
    expect(parseDaysOff('2025/08/13〜08/15').ok).toBe(false);
    expect(parseDaysOff('2025/08/15〜2025/08/13').ok).toBe(false);
    expect(parseWorkingDays('07/21 海の日')).toEqual({ ok: false, bad: [{ line: 1, text: '07/21 海の日' }] });
  });
});
