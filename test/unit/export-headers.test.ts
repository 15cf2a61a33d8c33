// Every header of PMO Desk's own export layout is read back by the import as its own field, in both
// languages, so an exported register comes back in with no mapping to fix.
import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS } from '../../electron/common/excel/fields.js';
import { EXPORT_HEADERS } from '../../electron/common/excel/column-labels.js';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';

describe('export headers', () => {
  for (const target of IMPORT_TARGETS)
    for (const [field, labels] of Object.entries(EXPORT_HEADERS[target]))
      for (const language of ['ja', 'en'] as const)
        it(`${target}.${field} (${language}: ${labels[language]})`, () => {
          const best = matchLabel(target, [labels[language]])[0];
          expect(best?.field).toBe(field);
          expect(best?.confidence).toBeGreaterThanOrEqual(0.9);
        });
});
