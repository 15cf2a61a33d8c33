// A risk register whose narrow columns abbreviate their words (Prob (H/M/L), Prob., Likel.): the
// probability is read like the impact beside it (blind set 6, L11: Prob (H/M/L) and Prob. were left
// out while Impact (H/M/L) was read).
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { workbook } from '../fixtures/excel/xlsx.js';

describe('abbreviated risk headers', () => {
  for (const [prob, impact] of [['Prob (H/M/L)', 'Impact (H/M/L)'], ['Prob.', 'Impact'], ['Prob', 'Imp (1-5)'], ['Likel.', 'Impact']])
    it(`reads ${prob} as the probability`, async () => {
      const model = readWorkbookBytes(
        await workbook([
          {
            name: 'RAID',
            rows: [
              ['Ref', 'Risk', prob, impact, 'Owner', 'Mitigation', 'Status'],
              ['R1', 'Vendor late', 'H', 'M', 'Ann', 'Weekly call', 'Open'],
              ['R2', 'Key person leaves', 'M', 'H', 'Bob', 'Pairing', 'Open'],
              ['R3', 'Scope creep', 'L', 'M', 'Cy', 'Change board', 'Closed'],
            ],
          },
        ]),
        'raid.xlsx',
      );
      const found = detectLayout(model, 'risk', { reference: '2025-07-10' });
      expect(found.ok && found.layout.columns.map((c) => `${c.label}=${c.field}`)).toContain(`${prob}=probability`);
    });
});
