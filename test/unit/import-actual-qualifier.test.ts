// A WBS header led by its own actual word over a date word the synonyms know bare (Actual Begin, Act. End)
// names the actual date, not the planned one the bare word names (blind set 19, I2: Actual Begin took the
// planned start while Planned Begin beside it was left to ask). Oracle: whatever planned field the bare
// word names, the qualified label names its actual twin first and not the planned field at all.
import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';

const TWIN: Record<string, string> = { plannedStart: 'actualStart', plannedFinish: 'actualFinish' };
const DATE_WORDS = ['Begin', 'Start', 'Starting', 'Commencement', 'End', 'Finish', 'Completion', 'Close', 'Start Date', 'End Date', 'Begin Date'];
const ACTUAL_WORDS = ['Actual', 'Act.', 'Act', 'Actuals'];

describe('an actual word leading a date word', () => {
  const cases = DATE_WORDS.flatMap((w) => {
    const bare = matchLabel('wbs', [w])[0];
    return bare && TWIN[bare.field] ? ACTUAL_WORDS.map((a) => [`${a} ${w}`, bare.field] as const) : [];
  });
  it('has date words the synonyms know bare to test with', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const [label, planned] of cases)
    it(label, () => {
      const m = matchLabel('wbs', [label]);
      expect(m[0]?.field).toBe(TWIN[planned]);
      expect(m.some((x) => x.field === planned)).toBe(false);
    });
  it('never reads a planned word as the actual date', () => {
    for (const w of DATE_WORDS) {
      const bare = matchLabel('wbs', [w])[0];
      if (bare && TWIN[bare.field]) expect(matchLabel('wbs', [`Planned ${w}`]).some((x) => x.field === TWIN[bare.field])).toBe(false);
    }
  });
});
