// The tree a client's WBS codes give must survive any run of structure edits: a plan numbered the x.0
// way (1.0 phase, 1.1, 1.1.1), with hyphens (1, 1-1, 1-1-1) or with dots (1, 1.1, 1.1.1) goes through
// seeded random scripts of indent, outdent, move, add and delete, is exported through its profile and
// read back with it: every task's parent and place must be what PMO Desk stores (the round-trip
// property, test/roundtrip/harness.ts). Blind set 4, J1: after several indents and outdents under x.0
// phases, a task's parent read back as 3 instead of 3.1.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { roundTrip, type Op } from '../roundtrip/harness.js';

const STRUCTURE: Op[] = ['indent', 'outdent', 'move', 'addEnd', 'addMiddle', 'addChild', 'deleteFirst', 'deleteMiddle', 'deleteLast'];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The tree as paths (1, 1.1, 1.1.1 …); each style writes a path its own way.
const TREE = ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '2.1.1', '2.1.2', '2.2', '2.3', '3', '3.1', '3.1.1', '3.2', '4'];
// Links between leaves, named by code in 先行 (they move with the tasks they name).
const LINKS: Record<string, string> = { '1.1.2': '1.1.1', '1.2': '1.1.2', '2.1.1': '1.2', '2.2': '2.1.2', '3.1.1': '2.3', '4': '3.2' };
const STYLES: Record<string, (path: string) => string> = {
  'x.0 phases': (p) => (p.includes('.') ? p : `${p}.0`),
  hyphens: (p) => p.replace(/\./g, '-'),
  dots: (p) => p,
};

async function plan(code: (path: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '担当', '開始日', '終了日', '先行']);
  TREE.forEach((p, i) => {
    const row = ws.addRow([code(p), `作業${p}`, ['山田', '佐藤', '鈴木'][i % 3], d(`2025-04-${String(1 + i).padStart(2, '0')}`), d(`2025-04-${String(3 + i).padStart(2, '0')}`), LINKS[p] === undefined ? null : code(LINKS[p]!)]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(5).numFmt = 'yyyy/m/d';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const { call } = fileWorkspace();

describe('WBS codes after random structure edits', () => {
  for (const [style, code] of Object.entries(STYLES))
    it(`${style}: the exported codes read back as the stored tree`, async () => {
      const o = await roundTrip(call, `wbs-${style}.xlsx`, await plan(code), 'wbs', { scripts: 50, seed: 14, steps: 12, ops: STRUCTURE });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 600_000);
});
