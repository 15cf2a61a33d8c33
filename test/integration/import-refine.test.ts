// An import preview refined without the file (previewId): column edits on layouts detection made (merged
// groups, split names), client words read as the user chooses — added to the project's list on apply —
// and saved both ways in the profile; a workbook with no register table imports nothing and says so;
// 様式を登録 saves a blank template as a profile without importing.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const b64 = (b: Buffer) => b.toString('base64');

async function riskBook(): Promise<Buffer> {
  return workbook([
    {
      name: 'Risks',
      rows: [
        ['No.', 'Description', 'Category', 'Probability', 'Impact', 'Status'],
        [1, 'Key staff leave', 'Market risk', 'High', 'Low', 'Open'],
        [2, 'Vendor late', 'Technical risk', 2.5, 4, 'Closed'],
        [3, 'Rates rise', 'Market risk', 'Low', 'Low', 'Open'],
      ],
    },
  ]);
}

describe('refining a preview by its id', () => {
  it('reads client words as chosen, adds a new list item on apply, and keeps the words both ways in the profile', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'Refine' });
      const first = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: b64(await riskBook()) });
      expect(first.counts).toMatchObject({ new: 3, skipped: 0 });
      expect(first.values.map((v) => [v.word, v.code, v.suggestion.by])).toEqual([
        ['Market risk', 'Market risk', 'new'],
        ['Technical risk', 'technical', 'label'],
        // A decimal rating goes through the same table: the scale suggests, the user may change it.
        ['2.5', '3', 'scale'],
      ]);
      // No file this time: the kept preview is refined, and the old id is gone.
      const second = await call('excel.previewImport', { projectId, register: 'risk', previewId: first.previewId, mapping: { values: [{ field: 'category', word: 'Market risk', code: null }] } });
      expect(second.previewId).not.toBe(first.previewId);
      await expect(call('excel.applyImport', { previewId: first.previewId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(second.values.find((v) => v.word === 'Market risk')).toMatchObject({ code: 'Market risk', chosen: true });
      const applied = await call('excel.applyImport', { previewId: second.previewId, options: { saveProfileAs: 'Client risks' } });
      expect(applied.created).toBe(3);
      const list = (await call('vocab.list', { projectId }))['risk.category'].items.map((i) => i.code);
      expect(list).toContain('Market risk');
      const rows = ws.db.sqlite.prepare('SELECT title, category, probability FROM risks ORDER BY id').all();
      expect(rows).toEqual([
        { title: 'Key staff leave', category: 'Market risk', probability: 5 },
        { title: 'Vendor late', category: 'technical', probability: 3 },
        { title: 'Rates rise', category: 'Market risk', probability: 1 },
      ]);
      const profile = await call('profile.get', { id: applied.profileId! });
      if (profile.kind !== 'table') throw new Error('a table profile');
      expect(profile.layout.valueMaps?.category).toMatchObject({ words: { 'Market risk': 'Market risk', 'Technical risk': 'technical' }, exportAs: { technical: 'Technical risk' } });
      expect(profile.layout.valueMaps?.status?.exportAs).toMatchObject({ open: 'Open', closed: 'Closed' });
    } finally {
      ws.close();
    }
  });

  it('applies a column edit to the columns shown, whatever layout detection made (a merged group named by one of its letters)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'Groups' });
      const book = await workbook([
        {
          name: 'WBS',
          rows: [['作業内容', null, null, '担当', '開始日', '終了日'], ['要件定義', null, null, '山田', new Date(Date.UTC(2025, 3, 1)), new Date(Date.UTC(2025, 3, 5))], [null, '現行調査', null, '山田', null, null]],
          merges: ['A1:C1'],
        },
      ]);
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: b64(book) });
      expect(p.columns.map((c) => c.column)).toEqual(['A:C', 'D', 'E', 'F']);
      // 'B' is inside the group A:C: the edit goes to that column, never "not a column of the header".
      const q = await call('excel.previewImport', { projectId, register: 'wbs', previewId: p.previewId, mapping: { columns: [{ column: 'B', field: 'name' }, { column: 'D', field: null }] } });
      expect(q.columns.map((c) => [c.column, c.field])).toEqual([
        ['A:C', 'name'],
        ['D', null],
        ['E', 'plannedStart'],
        ['F', 'plannedFinish'],
      ]);
      expect(q.rows.map((r) => r.name)).toEqual(['要件定義', '現行調査']);
    } finally {
      ws.close();
    }
  });

  it('asks the year of dates written without one that nothing decides, and reads them in the year chosen', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'Years' });
      const book = await workbook([{ name: '課題', rows: [['課題', '起票日'], ['ログイン不可', '4/3'], ['帳票ずれ', '4/18']] }]);
      const first = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: b64(book) });
      expect(first.years).toMatchObject({ count: 2, examples: ['4/3', '4/18'], chosen: false });
      expect(first.problems.map((p) => p.code)).toEqual(['yearAmbiguous', 'yearAmbiguous']);
      const second = await call('excel.previewImport', { projectId, register: 'issue', previewId: first.previewId, mapping: { year: 2023 } });
      expect(second.years).toEqual({ count: 2, examples: ['4/3', '4/18'], year: 2023, chosen: true });
      // The year stays chosen while the user refines something else.
      const third = await call('excel.previewImport', { projectId, register: 'issue', previewId: second.previewId, mapping: { columns: second.columns.map((c) => ({ column: c.column, field: c.field })) } });
      expect(third.years?.year).toBe(2023);
      await call('excel.applyImport', { previewId: third.previewId });
      const stored = ws.db.sqlite.prepare('SELECT title, raised_on FROM issues ORDER BY id').all();
      expect(stored).toEqual([
        { title: 'ログイン不可', raised_on: '2023-04-03' },
        { title: '帳票ずれ', raised_on: '2023-04-18' },
      ]);
      await expect(call('excel.previewImport', { projectId, register: 'issue', previewId: third.previewId, mapping: { year: 12 } })).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      ws.close();
    }
  });

  it("keeps the client's own list of a column (its list validation) in the profile saved from the import", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'Lists' });
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('課題');
      sheet.addRows([['No', '件名', '状況'], [1, '帳票ずれ', '対応中']]);
      wb.addWorksheet('選択肢').addRows([['未対応'], ['対応中'], ['完了']]);
      for (let r = 2; r <= 20; r++) sheet.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['選択肢!$A$1:$A$3'] };
      const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: b64(Buffer.from(await wb.xlsx.writeBuffer())) });
      const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: '顧客の課題表' } });
      const profile = await call('profile.get', { id: applied.profileId! });
      if (profile.kind !== 'table') throw new Error('a table profile');
      expect(profile.layout.valueMaps?.status?.clientList).toEqual(['未対応', '対応中', '完了']);
      expect(profile.layout.valueMaps?.status?.exportAs).toMatchObject({ not_started: '未対応', in_progress: '対応中', done: '完了' });
    } finally {
      ws.close();
    }
  });

  it('imports nothing from a workbook without a register table, and says so', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'Daily' });
      const book = await workbook([{ name: '日報', rows: [['日報'], ['氏名：', '山田'], [], ['本日の作業内容'], ['設計レビューに参加した'], ['明日の予定'], ['指摘の修正']] }]);
      for (const register of ['wbs', 'risk', 'issue', 'change'] as const) {
        const p = await call('excel.previewImport', { projectId, register, fileName: 'nippo.xlsx', dataBase64: b64(book) });
        expect(p.rows, register).toEqual([]);
        expect(p.problems[0]?.reason, register).toMatch(/No table with .* was found/);
        await expect(call('excel.applyImport', { previewId: p.previewId }), register).rejects.toMatchObject({ code: 'VALIDATION' });
      }
    } finally {
      ws.close();
    }
  });
});

describe('様式を登録', () => {
  it('saves a blank template with merged header columns as a profile, importing nothing', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const rows = [['Risk Register'], ['Project Name:'], []] as (string | null)[][];
      const header: (string | null)[] = [];
      const groups: [number, string][] = [[0, 'No.'], [3, 'Risk'], [18, 'Owner'], [24, 'Status']];
      for (const [c, label] of groups) header[c] = label;
      rows[2] = header;
      const book = await workbook([{ name: 'Risks', rows, merges: ['A1:AB1', 'A3:C3', 'D3:R3', 'S3:X3', 'Y3:AB3'] }]);
      const dry = await call('profile.registerTable', { register: 'risk', fileName: 'template.xlsx', dataBase64: b64(book), dryRun: true });
      expect(dry.profile).toBeNull();
      expect([dry.layout.sheet, dry.layout.headerTop, dry.layout.headerBottom]).toEqual(['Risks', 3, 3]);
      expect(dry.layout.columns.map((c) => [c.column, c.field])).toEqual([
        ['A:C', 'ref'],
        ['D:R', 'title'],
        ['S:X', 'owner'],
        ['Y:AB', 'status'],
      ]);
      expect(await call('profile.list', {})).toEqual([]);
      const saved = await call('profile.registerTable', { register: 'risk', fileName: 'template.xlsx', dataBase64: b64(book), name: 'Client template' });
      expect(saved.profile).toMatchObject({ name: 'Client template', register: 'risk', sheet: 'Risks', kind: 'table' });
      expect(ws.db.sqlite.prepare('SELECT count(*) AS n FROM risks').get()).toEqual({ n: 0 });
      await expect(call('profile.registerTable', { register: 'risk', fileName: 'template.xlsx', dataBase64: b64(book) })).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      ws.close();
    }
  });

  it('exports into the registered template: the records fill its prepared rows (merged as the header, no border), or go under a header with none', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P', code: 'P' });
      for (const title of ['Vendor late', 'Key staff leave']) await call('risk.create', { projectId, values: { title, owner: 'PM' } });
      const header: (string | null)[] = [];
      for (const [c, label] of [[0, 'No.'], [3, 'Risk'], [18, 'Owner'], [24, 'Status']] as [number, string][]) header[c] = label;
      const groups = (r: number) => [`A${r}:C${r}`, `D${r}:R${r}`, `S${r}:X${r}`, `Y${r}:AB${r}`];
      const rows: (string | null)[][] = [['Risk Register'], ['Project Name:'], header, ...Array.from({ length: 8 }, () => []), [], ['© 2018 Example Templates. All rights reserved.']];
      const prepared = await workbook([{ name: 'Risks', rows, merges: ['A1:AB1', ...[3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap(groups)] }]);
      // A header of single columns and nothing under it: the records are written under the header.
      const bare = await workbook([{ name: 'Risks', rows: [['Risk Register'], ['Project Name:'], ['No.', 'Risk', 'Owner', 'Status']], merges: ['A1:D1'] }]);
      for (const [name, book, cells, footer] of [['prepared', prepared, ['D4', 'D5', 'S4'], 'A13'], ['bare', bare, ['B4', 'B5', 'C4'], null]] as const) {
        const { profile } = await call('profile.registerTable', { register: 'risk', fileName: `${name}.xlsx`, dataBase64: b64(book), name });
        const out = await call('excel.export', { projectId, register: 'risk', profileId: profile!.id });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
        const sheet = wb.getWorksheet('Risks')!;
        expect(cells.map((a) => sheet.getCell(a).value), name).toEqual(['Vendor late', 'Key staff leave', 'PM']);
        if (footer) expect(sheet.getCell(footer).value, name).toBe('© 2018 Example Templates. All rights reserved.');
      }
    } finally {
      ws.close();
    }
  });
});
