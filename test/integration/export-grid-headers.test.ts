// What the screen says is what the file says: for every register, in both languages, the header row of
// the standard export is the grid's column headers, in the grid's order (then the rows' extra columns),
// and a risk's スコア / レベル and an issue's 経過日数 are filled in as the grid shows them.
import ExcelJS from 'exceljs';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ja } from '../../renderer/src/i18n/ja.js';
import { en } from '../../renderer/src/i18n/en.js';
import { riskColumns } from '../../renderer/src/features/risks/riskColumns.js';
import { issueColumns } from '../../renderer/src/features/issues/issueColumns.js';
import { changeColumns } from '../../renderer/src/features/changes/changeColumns.js';
import { wbsColumns } from '../../renderer/src/features/wbs/wbsColumns.js';
import { HEADER_ROW } from '../../electron/core/excel/register-layout.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../electron/common/excel/fields.js';
import { descriptorColumns } from '../../renderer/src/features/registers/descriptorColumns.js';
import { REGISTER_NAMES, type RegisterName } from '../../electron/common/registers/index.js';

async function translator(lng: 'ja' | 'en'): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i.t;
}

async function headerRow(b64: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  return (wb.worksheets[0]!.getRow(HEADER_ROW).values as unknown[]).slice(1);
}

describe('the standard export has the grid’s headers and columns', () => {
  for (const lang of ['ja', 'en'] as const)
    it(`every register in ${lang}`, async () => {
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      const t = await translator(lang);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const vocab = await call('vocab.list', { projectId });
      const ctx = (prefix: string) => ({ t, lang, vocab, prefix });
      const grid: Record<ImportTarget, string[]> = {
        // Registers that are only their descriptor: the generic grid's columns.
        ...(Object.fromEntries(REGISTER_NAMES.map((n) => [n, descriptorColumns<Record<string, unknown>>(n)(ctx(n)).map((c) => c.headerName!)])) as Record<RegisterName, string[]>),
        wbs: wbsColumns(t).map((c) => c.headerName!),
        risk: riskColumns(ctx('risk')).map((c) => c.headerName!),
        issue: issueColumns(ctx('issue')).map((c) => c.headerName!),
        change: changeColumns(ctx('change')).map((c) => c.headerName!),
      };
      for (const register of IMPORT_TARGETS) {
        const out = await call('excel.export', { projectId, register, language: lang });
        expect(await headerRow(out.dataBase64), register).toEqual(grid[register]);
      }
      ws.close();
    });

  it('fills in a risk’s score and level and an issue’s age, and gives wrapped text the height it needs', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const long = '外部ベンダーの納期遅延により結合試験の開始が遅れる可能性がある。代替要員の確保と週次の進捗確認で早期に検知する。';
    await call('risk.applyCells', { projectId, updates: [], creates: [{ values: { title: '納期遅延', probability: 4, impact: 5, description: long } }] });
    await call('issue.applyCells', { projectId, updates: [], creates: [{ values: { title: '仕様確認', raisedOn: '2020-01-01' } }] });
    const [risk] = await call('risk.list', { projectId });
    const [issue] = await call('issue.list', { projectId });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await call('excel.export', { projectId, register: 'risk', language: 'ja' })).dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    const row = (sheet.getRow(HEADER_ROW + 1).values as unknown[]).slice(1);
    expect(row[header.indexOf('スコア')]).toBe(20);
    expect(risk!.score).toBe(20);
    expect(row[header.indexOf('レベル')]).toBe('高');
    // The description column (40 units) takes the long text on several lines: the row is that tall.
    expect(sheet.getRow(HEADER_ROW + 1).height).toBeGreaterThanOrEqual(3 * 13.5);

    const iwb = new ExcelJS.Workbook();
    await iwb.xlsx.load(Buffer.from((await call('excel.export', { projectId, register: 'issue', language: 'ja' })).dataBase64, 'base64') as unknown as ArrayBuffer);
    const isheet = iwb.worksheets[0]!;
    const iheader = (isheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect((isheet.getRow(HEADER_ROW + 1).values as unknown[]).slice(1)[iheader.indexOf('経過日数')]).toBe(issue!.ageDays);
    // A one-line row keeps the sheet's default height.
    expect(isheet.getRow(HEADER_ROW + 1).height ?? 0).toBeLessThan(20);
    ws.close();
  });
});
