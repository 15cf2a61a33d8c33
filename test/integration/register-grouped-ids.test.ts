// IDs numbered within groups named in their prefix (D-1-01 … D-1-04, D-2-05 … D-2-08: a period, then a
// running number; blind set 17, E4; DM-G-101 … DM-E-201: a discipline's letter, blind set 18, E1). No one
// prefix held most of the IDs, so a new record got PMO Desk's own D-001 and the export wrote it among the
// client's. A new ID continues the group of the last ID listed, in its width: D-2-09 (and D-2-03 where each
// group restarts at 01), DM-G-104.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function imported(ids: string[], register: 'deliverable' | 'issue', head: string[]) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('一覧');
  s.getRow(2).values = head;
  ids.forEach((id, i) => (s.getRow(3 + i).values = [id, `成果物 ${i + 1} の作成`, '作成中']));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { id: projectId } = await call('project.create', { name: `ids ${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: bytes.toString('base64') });
  expect(p.columns.find((c) => c.column === 'A')?.field).toBe('ref');
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `ids ${Math.random()}` } });
  return { projectId, profileId: profileId! };
}

describe('IDs numbered within numbered groups', () => {
  const cases: [string, string[], 'deliverable' | 'issue', string[], string][] = [
    ['running on across groups', ['D-1-01', 'D-1-02', 'D-1-03', 'D-1-04', 'D-2-05', 'D-2-06', 'D-2-07', 'D-2-08'], 'deliverable', ['No.', '成果物名', '状況'], 'D-2-09'],
    ['restarting in each group', ['D-1-01', 'D-1-02', 'D-1-03', 'D-2-01', 'D-2-02'], 'deliverable', ['No.', '成果物名', '状況'], 'D-2-03'],
    ['three groups, no padding', ['K1-1', 'K1-2', 'K2-3', 'K2-4', 'K3-5', 'K3-6'], 'issue', ['No.', '件名', '状況'], 'K3-7'],
    // (Groups named by a letter, each its own hundreds: the last ID's group goes on; blind set 18, E1.)
    ['letter groups, the last listed goes on', ['DM-G-101', 'DM-G-102', 'DM-E-201', 'DM-T-301', 'DM-E-202', 'DM-G-103'], 'deliverable', ['No.', '成果物名', '状況'], 'DM-G-104'],
  ];
  for (const [what, ids, register, head, next] of cases)
    it(`${what}: the new record is ${next}, stored and written`, async () => {
      const { projectId, profileId } = await imported(ids, register, head);
      const created = (await call(`${register}.create` as 'issue.create', { projectId, values: { title: '追加の成果物' } as never })) as unknown as { ref: string };
      expect(created.ref).toBe(next);
      const out = await call('excel.export', { projectId, register, profileId });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
      expect(wb.getWorksheet('一覧')!.getCell(`A${3 + ids.length}`).text).toBe(next);
    });
});
