// Every register of the descriptors' list, end to end through the API on a real workspace file: rows
// created and edited, the edit undone and redone, the register exported in PMO Desk's layout (ja, en)
// and read back unchanged, imported from a client's sheet with its layout kept as a profile and written
// back through it, and (when it has cards) one row written into a client's card form.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { fieldSpec } from '../../electron/common/excel/fields.js';
import { DEFAULT_VOCABULARIES, type VocabListName } from '../../electron/common/registers.js';
import { REGISTER_LIST, type RegisterName } from '../../electron/common/registers/index.js';
import type { RegisterDescriptor } from '../../electron/common/registers/descriptor.js';

beforeAll(async () => {
  await buildReaderWorker();
});

type Values = Record<string, unknown>;

/** A row with every field of the register written: text, dates, list codes (the second of each list). */
function sample(d: RegisterDescriptor, n: number): Values {
  const out: Values = {};
  for (const field of Object.keys(d.fields.shape)) {
    if (field === 'ref' || field === 'extra' || field === 'meetingId') continue;
    const v = d.vocab[field];
    const kind = fieldSpec(d.name as RegisterName, field)?.kind;
    if (v) out[field] = DEFAULT_VOCABULARIES[v.list as VocabListName][1]!.code;
    else if (kind === 'date') out[field] = `2025-04-${String(10 + n).padStart(2, '0')}`;
    else if (kind === 'rating') out[field] = 3;
    else out[field] = `${field} ${n}`;
  }
  return out;
}

const verb = (call: Call, name: string, v: string, args: unknown) => (call as unknown as (m: string, a: unknown) => Promise<never>)(`${name}.${v}`, args);

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('一覧');
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(REGISTER_LIST.map((d) => [d.name, d as unknown as RegisterDescriptor] as const))('register %s end to end', (name, d) => {
  it('creates, edits, undoes and redoes; its export in both languages reads back unchanged', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: '基幹刷新' });
    const created = (await verb(call, name, 'applyCells', { projectId, updates: [], creates: [{ values: sample(d, 1) }, { values: sample(d, 2) }] })) as { created: Values[] };
    expect(created.created.map((r) => r.ref)).toEqual([`${d.refPrefix}001`, `${d.refPrefix}002`]);
    const first = created.created[0]!;
    await verb(call, name, 'update', { id: first.id, patch: { [d.titleField]: '書き換え' } });
    const undo = await call('history.undo', { projectId });
    expect(undo.entities).toEqual([name]);
    let rows = (await verb(call, name, 'list', { projectId })) as Values[];
    expect(rows[0]![d.titleField]).toBe(`${d.titleField} 1`);
    await call('history.redo', { projectId });
    rows = (await verb(call, name, 'list', { projectId })) as Values[];
    expect(rows[0]![d.titleField]).toBe('書き換え');
    const history = await call('history.row', { entity: name, id: first.id as number });
    expect(history.length).toBeGreaterThanOrEqual(2);

    for (const language of ['ja', 'en'] as const) {
      const out = await call('excel.export', { projectId, register: name, language });
      expect(out.fileName.startsWith(d.exportTitle[language].replaceAll(' ', '_')), out.fileName).toBe(true);
      const again = await call('excel.previewImport', { projectId, register: name, fileName: out.fileName, dataBase64: out.dataBase64 });
      expect(again.problems, language).toEqual([]);
      expect(again.counts, language).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 2 });
    }
    ws.close();
  });

  it("imports a client's sheet, keeps its layout as a profile, and writes back through it", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const fields = Object.keys(d.columns).filter((f) => !(f in (d.derived ?? {})));
    const row = sample(d, 3);
    const label = (f: string, v: unknown) => {
      const list = d.vocab[f]?.list;
      return list ? DEFAULT_VOCABULARIES[list as VocabListName].find((i) => i.code === v)!.labelJa : v;
    };
    const file = await xlsx([fields.map((f) => d.columns[f]!.ja), fields.map((f) => (f === 'ref' ? `${d.refPrefix}010` : f in row ? label(f, row[f]) : null))]);
    const p = await call('excel.previewImport', { projectId, register: name, fileName: 'client.xlsx', dataBase64: file });
    expect(p.problems).toEqual([]);
    expect(p.counts).toMatchObject({ new: 1 });
    const applied = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'client' } });
    const stored = ((await verb(call, name, 'list', { projectId })) as Values[])[0]!;
    for (const f of fields) if (f in row) expect(stored[f], f).toEqual(row[f]);
    expect(await call('profile.list', { register: name })).toEqual([expect.objectContaining({ id: applied.profileId })]);
    const out = await call('excel.export', { projectId, register: name, profileId: applied.profileId!, language: 'ja' });
    const again = await call('excel.previewImport', { projectId, register: name, fileName: out.fileName, dataBase64: out.dataBase64, profileId: applied.profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 1 });
    // The whole import is one undo step.
    await call('history.undo', { projectId });
    expect(await verb(call, name, 'list', { projectId })).toEqual([]);
    ws.close();
  });

  it.runIf(d.cards)('writes one row into a card form', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const row = (await verb(call, name, 'create', { projectId, values: sample(d, 4) })) as Values;
    const template = await xlsx([['ID', null], ['件名', null]]);
    const profile = await call('profile.createCard', {
      name: 'card',
      fileName: 'card.xlsx',
      dataBase64: template,
      card: { register: name, sheet: '一覧', cells: [{ field: 'ref', ref: 'B1' }, { field: d.titleField, ref: 'B2' }] },
    });
    const out = await call('excel.export', { projectId, register: name, profileId: profile.id, recordId: row.id as number, language: 'ja' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('一覧')!.getCell('B1').value).toBe(`${d.refPrefix}001`);
    expect(wb.getWorksheet('一覧')!.getCell('B2').value).toBe(row[d.titleField]);
    ws.close();
  });
});
