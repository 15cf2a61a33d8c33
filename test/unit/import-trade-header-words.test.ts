// Header words of trade and service registers that no synonym knew (issue 11, unseen sets 12–14): serial
// numbers (S/N, Sl. No., Sr No, S.No.) are the record's ID, the action party (Action Party, Action By,
// Responsible Party) its owner, and a number named for what every ID opens with (CAPA No. over CAPA-001,
// NCR No over NCR-01) the ID even where that word alone names a field (CAPA: the corrective action).
// Generated over registers and wordings; columns whose words only look alike stay the client's.
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (k: number) => new Date(Date.UTC(2025, 3, 1 + k));
const TITLES: Record<string, string> = { issue: 'Issue', risk: 'Risk Description', finding: 'Finding', defect: 'Defect' };
const SERIALS = ['S/N', 'Sl No', 'Sl. No.', 'Sr. No', 'S.No.', 'Serial No.'];
const PARTIES = ['Action Party', 'Action By', 'Responsible Party'];

function fields(target: ImportTarget, head: string[], row: (i: number) => ModelCell[]) {
  const t = readModel([head, ...[0, 1, 2, 3, 4].map(row)], target);
  return { fields: head.map((_, k) => t.columns.find((c) => c.column === String.fromCharCode(65 + k))?.field ?? null), first: t.records[0]?.values ?? {} };
}

describe('serial numbers and action parties', () => {
  for (const target of ['issue', 'risk', 'finding', 'defect'] as const)
    it.each(SERIALS.map((s, k) => [s, PARTIES[k % PARTIES.length]!] as const))(`${target}: %s … %s`, (serial, party) => {
      const { fields: f, first } = fields(target, [serial, TITLES[target]!, party, 'Due Date', 'Status'], (i) => [i + 1, `${TITLES[target]} ${i}`, 'Kim', d(i), 'Open']);
      expect(f[0]).toBe('ref');
      expect(f[2]).toBe('owner');
      expect(first.owner).toBe('Kim');
    });
});

describe('a number named for the prefix every ID opens with', () => {
  it.each([
    ['finding', 'CAPA No', (i: number) => `CAPA-${String(i + 1).padStart(3, '0')}`],
    ['finding', 'NCR No.', (i: number) => `NCR-${i + 1}`],
    ['issue', 'CAPA #', (i: number) => `CAPA${i + 11}`],
  ] as const)('%s: %s', (target, label, id) => {
    const { fields: f, first } = fields(target, [label, TITLES[target]!, 'Owner', 'Status'], (i) => [id(i), `${TITLES[target]} ${i}`, 'Kim', 'Open']);
    expect(f[0]).toBe('ref');
    expect(first.ref).toBe(id(0));
  });

  it('not where the IDs do not open with it (CAPA No over plain numbers beside a No. column stays the client’s)', () => {
    const { fields: f } = fields('finding', ['No', 'Finding', 'CAPA No', 'Owner', 'Status'], (i) => [i + 1, `Finding ${i}`, i % 2 ? `CA${i}` : '', 'Kim', 'Open']);
    expect(f[0]).toBe('ref');
    expect(f[2]).not.toBe('ref');
  });
});
