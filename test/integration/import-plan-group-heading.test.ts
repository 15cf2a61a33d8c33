// A group heading of plan or actual qualifies every column under it (issue 11; blind set 12, R1): in a
// construction schedule 予定 merged over 着手 | 完了 read 着手 as the actual start (着手 alone is the day
// work started) beside 完了, the planned finish — 17 tasks looked started and lost their planned start.
// Variants: the group after other columns, plan and actual groups side by side, English, a three-row header.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A title on row 1, the header `rows` from row 3 (merging `merges`), then three tasks of `row(i)`. */
async function book(rows: (string | null)[][], merges: string[], row: (i: number) => unknown[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '工程表';
  rows.forEach((r, i) => (ws.getRow(3 + i).values = r));
  for (const m of merges) ws.mergeCells(m);
  for (let i = 0; i < 3; i++) {
    const r = ws.getRow(3 + rows.length + i);
    r.values = row(i) as ExcelJS.CellValue[];
    r.eachCell((c) => c.value instanceof Date && (c.numFmt = 'yyyy/m/d'));
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function fields(dataBase64: string): Promise<Record<string, string | null>> {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
  return Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null]));
}

const NAMES = ['仮設足場組立', '内装解体', '配管撤去'];
const start = (i: number) => d(`2025-04-0${i + 1}`);
const finish = (i: number) => d(`2025-04-1${i + 1}`);

describe('a plan or actual group heading qualifies the columns under it', () => {
  it('R1: 予定 merged over 着手 | 完了 (built on)', async () => {
    const f = await fields(await book([['No', '作業', '予定', null], [null, null, '着手', '完了']], ['A3:A4', 'B3:B4', 'C3:D3'], (i) => [i + 1, NAMES[i], start(i), finish(i)]));
    expect([f.C, f.D]).toEqual(['plannedStart', 'plannedFinish']);
  });

  it('計画 and 実績 side by side after the people, each over 着手 | 完了', async () => {
    const f = await fields(
      await book([['No', '作業', '担当', '計画', null, '実績', null], [null, null, null, '着手', '完了', '着手', '完了']], ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3'], (i) => [i + 1, NAMES[i], '鈴木', start(i), finish(i), i === 0 ? start(i) : null, null]),
    );
    expect([f.D, f.E, f.F, f.G]).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });

  it('English: Plan over Started | Finished beside Actual over Started | Finished', async () => {
    const f = await fields(
      await book([['#', 'Task', 'Plan', null, 'Actual', null], [null, null, 'Started', 'Finished', 'Started', 'Finished']], ['A3:A4', 'B3:B4', 'C3:D3', 'E3:F3'], (i) => [i + 1, ['Site setup', 'Strip-out', 'Pipework removal'][i], start(i), finish(i), i === 0 ? start(i) : null, null]),
    );
    expect([f.C, f.D, f.E, f.F]).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });

  it('three header rows: 日程 › 予定 › 着手 | 完了 (the nearest group decides)', async () => {
    const f = await fields(
      await book([['No', '作業', '日程', null, null, null], [null, null, '予定', null, '実績', null], [null, null, '着手', '完了', '着手', '完了']], ['A3:A5', 'B3:B5', 'C3:F3', 'C4:D4', 'E4:F4'], (i) => [i + 1, NAMES[i], start(i), finish(i), i === 0 ? start(i) : null, null]),
    );
    expect([f.C, f.D, f.E, f.F]).toEqual(['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish']);
  });
});
