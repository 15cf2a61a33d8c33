// A 方眼紙 form whose text field sits under a group heading, its own word merged over several narrow columns
// on the header's second row (処理 over 担当 | 期日 | 状況, 担当 over L:O: blind set 17, E1). The one word over
// the span was read as a group of one person's mark columns (担当者 over 山田 | 佐藤), so an edited 担当 was
// refused as "no client word", and even a no-edit export named every text cell of the column. A group of
// item columns has a word over each of at least two of its columns; one merged word is the column's own head.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

/** Columns as [first, last, row-3 word, row-4 word]: a one-row head is merged over rows 3–4. */
const COLUMNS: [string, string, string, string | null][] = [
  ['B', 'C', 'No', null],
  ['D', 'K', '課題内容', null],
  ['L', 'O', '処理', '担当'],
  ['P', 'R', '処理', '期日'],
  ['S', 'T', '処理', '状況'],
];
const ROWS = [
  [1, '庁舎の電源工事の日程を決める', '総務課 佐藤', new Date(Date.UTC(2027, 5, 10)), '対応中'],
  [2, '子局の設置場所の同意を得る', '危機管理室', new Date(Date.UTC(2027, 5, 20)), '未着手'],
  [3, '試験放送の周知文を作る', '広報係 田中', new Date(Date.UTC(2027, 6, 1)), '完了'],
];

async function form(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('協議事項');
  s.getCell('B1').value = '防災行政無線 協議事項一覧';
  s.mergeCells('L3:T3');
  s.getCell('L3').value = '処理';
  for (const [a, b, top, under] of COLUMNS) {
    if (under === null) {
      s.mergeCells(`${a}3:${b}4`);
      s.getCell(`${a}3`).value = top;
    } else {
      s.mergeCells(`${a}4:${b}4`);
      s.getCell(`${a}4`).value = under;
    }
  }
  ROWS.forEach((values, i) => {
    const r = 5 + i;
    COLUMNS.forEach(([a, b], k) => {
      s.mergeCells(`${a}${r}:${b}${r}`);
      s.getCell(`${a}${r}`).value = values[k]!;
      if (values[k] instanceof Date) s.getCell(`${a}${r}`).numFmt = 'yyyy/m/d';
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function cells(b64: string, refs: string[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
  return refs.map((ref) => wb.getWorksheet('協議事項')!.getCell(ref).text);
}

describe('a 方眼紙 text column under a group heading takes edits as text', () => {
  it('no edit: nothing is named as having no client word', async () => {
    const bytes = await form();
    const { id: projectId } = await call('project.create', { name: 'no edit' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.columns.find((m) => m.c === 11)?.field).toBe('owner');
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'no edit' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(out.noClientWord ?? []).toEqual([]);
  });

  it('an edited owner is written into the merge\'s anchor, the others stay', async () => {
    const bytes = await form();
    const { id: projectId } = await call('project.create', { name: 'edit' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: bytes.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'edit' } });
    const issues = (await call('issue.list', { projectId })) as unknown as { id: number; title: string }[];
    await call('issue.update', { id: issues.find((x) => x.title.startsWith('子局'))!.id, patch: { owner: '建設課 新担当' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(out.noClientWord ?? []).toEqual([]);
    expect(await cells(out.dataBase64, ['L5', 'L6', 'L7', 'M6'])).toEqual(['総務課 佐藤', '建設課 新担当', '広報係 田中', '建設課 新担当']);
  });
});
