// The sides of a change's impact named under an impact heading (issue 11; blind set 12, R3): 影響評価 ›
// QCD影響 › 工程 is the schedule's impact and Impact Assessment › Scope the scope's, though 工程 or Scope
// alone says little; and a column headed only Impact Assessment beside Schedule Impact | Cost Impact is
// the impact left, the scope. Both stayed the client's columns. Variants in both languages and other
// words (工期, コスト, 影響内容); a grade column (High / Low) headed Impact is no scope.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function fields(head: (string | null)[][], merges: string[], rows: ExcelJS.CellValue[][]): Promise<Record<string, string | null>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('変更管理');
  ws.getCell('A1').value = '変更管理台帳';
  head.forEach((r, i) => (ws.getRow(3 + i).values = r));
  for (const m of merges) ws.mergeCells(m);
  rows.forEach((r, i) => (ws.getRow(3 + head.length + i).values = r));
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'x.xlsx', dataBase64 });
  return Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null]));
}

const JP = [
  ['CHG-001', 'アンテナ設置高さの変更', d('2025-06-11'), '鉄塔・架台', '+5日', 420, '承認'],
  ['CHG-002', '電源引込ルート変更', d('2025-06-23'), '電源設備', '+3日', 180, '保留'],
  ['CHG-003', '基礎寸法の見直し', d('2025-07-02'), '基礎', 'なし', 95, '承認'],
];
const EN = [
  ['CR-001', 'Add reflex testing orders', d('2025-03-18'), 'Order and result interfaces; LIS rules', '2 weeks', 18500, 'Rejected'],
  ['CR-002', 'Enforce mutual TLS', d('2025-04-19'), 'Interface engine; all inbound FHIR clients', '1 week', 7200, 'Approved'],
  ['CR-003', 'Retire HL7 v2 ADT feed', d('2025-05-02'), 'Registration and billing feeds', 'None', 0, 'Deferred'],
];

describe('the sides of an impact under an impact heading', () => {
  it('R3: 影響評価 › 影響範囲 | QCD影響 › 工程 | 費用(千円) (built on)', async () => {
    const f = await fields(
      [['変更番号', '件名', '依頼日', '影響評価', null, null, '判定'], [null, null, null, '影響範囲', 'QCD影響', null, null], [null, null, null, null, '工程', '費用(千円)', null]],
      ['A3:A5', 'B3:B5', 'C3:C5', 'D3:F3', 'D4:D5', 'E4:F4', 'G3:G5'],
      JP,
    );
    expect([f.D, f.E, f.F]).toEqual(['impactScope', 'impactSchedule', 'impactCost']);
  });

  it('影響 › 範囲 | 工期 | コスト, two rows', async () => {
    const f = await fields([['変更番号', '件名', '依頼日', '影響', null, null, '判定'], [null, null, null, '範囲', '工期', 'コスト', null]], ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], JP);
    expect([f.D, f.E, f.F]).toEqual(['impactScope', 'impactSchedule', 'impactCost']);
  });

  it('English: Impact Assessment › Scope | Schedule | Cost', async () => {
    const f = await fields([['CR #', 'Change Title', 'Date Submitted', 'Impact Assessment', null, null, 'CAB Decision'], [null, null, null, 'Scope', 'Schedule', 'Cost', null]], ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], EN);
    expect([f.D, f.E, f.F]).toEqual(['impactScope', 'impactSchedule', 'impactCost']);
  });

  it('one row: Impact Assessment beside Schedule Impact | Cost Impact is the scope (and 影響内容 beside 工期影響 | コスト影響)', async () => {
    const en = await fields([['CR #', 'Change Title', 'Date Submitted', 'Impact Assessment', 'Schedule Impact', 'Cost Impact', 'CAB Decision']], [], EN);
    expect([en.D, en.E, en.F]).toEqual(['impactScope', 'impactSchedule', 'impactCost']);
    const jp = await fields([['変更番号', '件名', '変更内容', '影響内容', 'スケジュール影響', 'コスト影響', '判定']], [], JP.map((r) => [r[0]!, r[1]!, `${r[1]}（設計変更）`, r[3]!, r[4]!, r[5]!, r[6]!]));
    expect([jp.D, jp.E, jp.F]).toEqual(['impactScope', 'impactSchedule', 'impactCost']);
  });

  it('a grade column headed Impact (High / Low) beside them is no scope', async () => {
    const f = await fields([['CR #', 'Change Title', 'Date Submitted', 'Impact', 'Schedule Impact', 'Cost Impact', 'CAB Decision']], [], EN.map((r, i) => [r[0]!, r[1]!, r[2]!, ['High', 'Low', 'High'][i]!, r[4]!, r[5]!, r[6]!]));
    expect(f.D).not.toBe('impactScope');
  });
});
