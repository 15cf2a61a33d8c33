// Review U1 (297d264): an effort column headed 工数 / Effort with no unit, in PERSON-DAYS, whose 担当 is a
// team or a vendor (one name for several people) is read as hours (÷ 8) by the 'dates' rule: on most rows
// the effort is more than twice the working days of "one" person.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// 5, 10, 5 and 3 working days; team efforts in person-days (3–4 people each).
const TASKS: [string, string, string, string, number][] = [
  ['要件定義', '2025-06-02', '2025-06-06', 'A社', 15],
  ['基本設計', '2025-06-09', '2025-06-20', '開発チーム', 40],
  ['結合テスト', '2025-06-23', '2025-06-27', 'QAチーム', 20],
  ['移行', '2025-06-30', '2025-07-02', 'インフラG', 9],
];

async function book(header: string[], noAssignee = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(header);
  for (const [n, s, f, who, e] of TASKS) ws.addRow(noAssignee ? [n, d(s), d(f), e] : [n, who, d(s), d(f), e]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('U1: person-day efforts of teams are not hours', () => {
  it.each<[string, string[], boolean]>([
    ['工数, team 担当', ['タスク名', '担当', '開始日', '終了日', '工数'], false],
    ['Effort, team Owner', ['Task', 'Owner', 'Start', 'Finish', 'Effort'], false],
    ['予定工数, no assignee column (a PMO-level plan)', ['作業項目', '開始予定日', '終了予定日', '予定工数'], true],
  ])('%s', async (_, header, noAssignee) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: await book(header, noAssignee) });
    const col = p.columns.find((c) => c.field === 'plannedEffort')!;
    expect(p.rows.map((r) => r.values?.plannedEffort)).toEqual([15, 40, 20, 9]);
  });
});

describe('U1 guard: people whose names end like a group word are people', () => {
  it('阿部 / 服部・岡部 with eight hours a person-day are hours', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['タスク名', '担当', '開始日', '終了日', '工数']);
    ws.addRow(['要件定義', '阿部', d('2025-06-02'), d('2025-06-06'), 40]);
    ws.addRow(['基本設計', '服部・岡部', d('2025-06-09'), d('2025-06-13'), 80]);
    ws.addRow(['移行', '小室', d('2025-06-16'), d('2025-06-18'), 24]);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
    expect(p.rows.map((r) => r.values?.plannedEffort)).toEqual([5, 10, 3]);
  });
});
