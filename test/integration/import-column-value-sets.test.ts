// A list column read by its own set of words, not one word at a time (blind set 6, L6 + L13):
// - a change log's ステータス holding the DECISION (起票/審議中/承認/却下/取下げ; Status of Approved/Rejected/
//   Pending/Withdrawn) was read as the implementation status, 承認 asked and 却下 suggested "cancelled";
//   CCB日 (the decision date) stayed an extra column. 未判定 / 起票 mean no decision yet (empty), not on hold.
// - graded levels: 優先度 S/A/B/C (S above A: high), 特/高/中/低, 1…4 where 1 is first — suggested from the
//   column's order; a risk's Live/Closed (Live: open).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'risk' | 'change';

async function preview(head: string[], rows: ExcelJS.CellValue[][], register: Register) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧');
  ws.getRow(1).values = head;
  rows.forEach((r, i) => (ws.getRow(2 + i).values = r));
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const projectId = (await call('project.create', { name: `P${Math.random()}` })).id;
  return { projectId, dataBase64, p: await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 }) };
}
type Preview = Awaited<ReturnType<typeof preview>>['p'];
const fieldOf = (p: Preview, label: string) => p.columns.find((c) => c.label === label)?.field ?? null;
const column = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field] ?? null);
const asked = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, `${v.suggestion.code}/${v.suggestion.by}`]));

describe('a change log whose status column holds the decision', () => {
  it('L6: ステータス 起票/審議中/承認/却下/取下げ is the decision, CCB日 the decision date; 起票 is no decision yet', async () => {
    const { p } = await preview(
      ['管理番号', '起票日', '起票者', '変更内容', '影響金額', 'ステータス', 'CCB日', '備考'],
      [
        ['CR-01', d('2025-05-08'), '山田', '帳票に法人番号を追加', 600000, '承認', d('2025-05-15'), ''],
        ['CR-02', d('2025-05-12'), '佐藤', '請求書の電子化', 1200000, '審議中', null, ''],
        ['CR-03', d('2025-05-19'), '鈴木', '多要素認証の導入', 3600000, '却下', d('2025-05-26'), ''],
        ['CR-04', d('2025-05-20'), '高橋', '旧帳票の廃止', 240000, '取下げ', null, ''],
        ['CR-05', d('2025-05-30'), '山田', '夜間バッチ時刻変更', 120000, '起票', null, ''],
      ],
      'change',
    );
    expect([fieldOf(p, 'ステータス'), fieldOf(p, 'CCB日')]).toEqual(['decision', 'decidedOn']);
    expect(column(p, 'decision')).toEqual(['approved', 'on_hold', 'rejected', 'rejected', null]);
    expect(column(p, 'decidedOn')).toEqual(['2025-05-15', null, '2025-05-26', null, null]);
    // 取下げ (withdrawn) is suggested, not read unasked.
    expect(asked(p, 'decision')).toEqual({ 取下げ: 'rejected/synonym' });
  });

  it.each([
    [['Change ID', 'Title', 'Requested By', 'Status', 'Decision Date'], ['Approved', 'Rejected', 'Pending', 'Withdrawn'], 'Decision Date'],
    [['変更No', '件名', '申請者', '状態', '承認日'], ['承認済', '否認', '保留', '未判定'], '承認日'],
    [['No.', '変更件名', '依頼者', '進捗状況', '判定日'], ['可', '不可', '継続審議', '申請中'], '判定日'],
  ])('%j holding decisions: the status column is the decision', async (head, words, dateLabel) => {
    const rows = words.map((w, k) => [`C${k + 1}`, `変更${k + 1}`, '山田', w, k < 2 ? d(`2025-06-0${k + 1}`) : null]);
    const { p } = await preview(head, rows, 'change');
    expect([fieldOf(p, head[3]!), fieldOf(p, dateLabel)]).toEqual(['decision', 'decidedOn']);
    expect(column(p, 'decision').slice(0, 2)).toEqual(['approved', 'rejected']);
  });

  it('beside a 判定 column the status column keeps the implementation status', async () => {
    const { p } = await preview(
      ['No', '件名', '判定', '判定日', 'ステータス'],
      [
        ['C1', '項目追加', '承認', d('2025-06-02'), '完了'],
        ['C2', '画面変更', '却下', d('2025-06-03'), ''],
        ['C3', '帳票変更', '未判定', null, ''],
        ['C4', 'IF変更', '承認', d('2025-06-05'), '実施中'],
      ],
      'change',
    );
    expect([fieldOf(p, '判定'), fieldOf(p, 'ステータス')]).toEqual(['decision', 'implStatus']);
    // L13: 未判定 is no decision yet, not on hold.
    expect(column(p, 'decision')).toEqual(['approved', 'rejected', null, 'approved']);
    expect(asked(p, 'decision')).toEqual({});
  });

  it('an implementation status column of status words stays the implementation status', async () => {
    const { p } = await preview(
      ['No', '件名', 'ステータス'],
      [['C1', 'a', '未着手'], ['C2', 'b', '実施中'], ['C3', 'c', '完了'], ['C4', 'd', '中止']],
      'change',
    );
    expect(fieldOf(p, 'ステータス')).toBe('implStatus');
  });

  it('未判定 and 起票 come back as written from a no-edit export, and empty stays empty', async () => {
    const { projectId, p } = await preview(
      ['管理番号', '変更内容', 'ステータス', 'CCB日'],
      [['CR-1', 'a', '承認', d('2025-05-15')], ['CR-2', 'b', '起票', null], ['CR-3', 'c', '却下', d('2025-05-20')], ['CR-4', 'd', '未判定', null]],
      'change',
    );
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `L6 ${Math.random()}` } });
    const out = (await call('excel.export', { projectId, register: 'change', profileId: profileId! })).dataBase64;
    const sheet = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!;
    expect([1, 2, 3, 4].map((r) => sheet.rows.find((x) => x.r === r)?.cells.find((c) => c.c === 2)?.v)).toEqual(['承認', '起票', '却下', '未判定']);
    const back = await call('excel.previewImport', { projectId, register: 'change', fileName: 'x.xlsx', dataBase64: out, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});

describe('graded levels read by their order in the column', () => {
  it.each([
    [['S', 'A', 'B', 'C'], { S: 'high/scale' }, ['high', 'high', 'medium', 'low']],
    [['特', '高', '中', '低'], { 特: 'high/scale' }, ['high', 'high', 'medium', 'low']],
    [['A', 'B', 'C', 'D'], { D: 'low/scale' }, ['high', 'medium', 'low', 'low']],
    [['1', '2', '3', '4'], { 1: 'high/scale', 2: 'medium/scale', 3: 'medium/scale', 4: 'low/scale' }, ['high', 'medium', 'medium', 'low']],
    [['Critical', 'High', 'Medium', 'Low'], { Critical: 'high/label' }, ['high', 'high', 'medium', 'low']],
  ])('優先度 %j', async (levels, wantAsked, want) => {
    const rows = levels.map((l, k) => [`I-${k + 1}`, `課題${k + 1}`, /^\d$/.test(l) ? Number(l) : l, '対応中']);
    const { p } = await preview(['管理番号', '課題', '優先度', '状態'], rows, 'issue');
    expect(fieldOf(p, '優先度')).toBe('priority');
    expect(column(p, 'priority')).toEqual(want);
    const a = asked(p, 'priority');
    for (const [w, s] of Object.entries(wantAsked)) if (!s.endsWith('/label')) expect(a[w]).toBe(s);
    expect(p.values.every((v) => !v.chosen)).toBe(true);
  });

  it('a risk status Live / Closed: Live is open', async () => {
    const { p } = await preview(['Risk ID', 'Risk', 'Probability', 'Impact', 'Status'], [['R1', 'a', 'High', 'Low', 'Live'], ['R2', 'b', 'Low', 'Low', 'Closed'], ['R3', 'c', 'Medium', 'High', 'Live']], 'risk');
    expect(column(p, 'status')).toEqual(['open', 'closed', 'open']);
  });

  it('an action log status オープン / クローズ reads both', async () => {
    const { p } = await preview(['No', '課題', '期限', '状況'], [['1', 'a', d('2025-07-01'), 'オープン'], ['2', 'b', d('2025-07-02'), 'クローズ'], ['3', 'c', d('2025-07-03'), 'オープン']], 'issue');
    expect(column(p, 'status')).toEqual(['in_progress', 'done', 'in_progress']);
  });
});
