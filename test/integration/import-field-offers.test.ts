// A column kept as the client's own that a person reads as a field (blind set 15, F1), on generated registers
// (test/helpers/client-word-tables.ts): a column of a record's states under a header the register does not
// know is offered the status and asked about, where no column fills the status; the synonyms registers
// write (Treatment, 被監査部門, Auditee, Verified, a Status of Open / Implemented / Closed) name their fields.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { stateCase, synonymCase } from '../helpers/client-word-tables.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const { call } = fileWorkspace();

async function preview(register: ImportTarget, bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
}

describe('a column of states under an unknown header', () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: read as the status (its words all the list’s own), else the status offered beside it and asked', async (seed) => {
    const c = await stateCase(seed);
    const p = await preview(c.register, c.bytes);
    const at = `${c.lang} ${c.layout} ${c.register} "${c.head}": ${c.words.join('/')}`;
    const m = p.columns.find((x) => x.label === c.head);
    if (m?.field === 'status') return;
    expect(m?.field, at).toBeNull();
    expect(p.columnChoices?.find((x) => x.column === m!.column)?.fields, at).toContain('status');
    expect(p.detection?.ask, at).toBe('columns');
    expect(p.detection?.why.some((w) => w.code === 'columnFits' && w.column === m!.column && w.fields.includes('status')), at).toBe(true);
  });

  it('a column of other short words (places, teams) is not offered the status', async () => {
    const c = await stateCase(1);
    // The same register with the state words replaced by places: no status offered.
    const p = await preview(c.register, await replaceColumn(c.bytes, c.head, ['東京', '大阪', '名古屋']));
    const m = p.columns.find((x) => x.label === c.head);
    expect(p.columnChoices?.find((x) => x.column === m!.column)?.fields ?? []).not.toContain('status');
  });
});

describe('field synonyms registers write', () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: the header names its field', async (seed) => {
    const c = await synonymCase(seed);
    const p = await preview(c.register, c.bytes);
    expect(p.columns.find((x) => x.label === c.head)?.field, `${c.lang} ${c.layout} ${c.register} "${c.head}"`).toBe(c.field);
  });
});

/** The workbook with the column under `head` rewritten in `words`, round and round. */
async function replaceColumn(bytes: Buffer, head: string, words: string[]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let col = 0;
  let headRow = 0;
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (cell.value === head) [col, headRow] = [c, r];
  }));
  for (let r = headRow + 1; r <= ws.rowCount; r++) ws.getCell(r, col).value = words[(r - headRow - 1) % words.length]!;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
