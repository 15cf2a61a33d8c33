// Header wordings read as families, in Japanese and English (issue 11; blind set 10, C3): a number named
// for the register's own records (Doc No., 文書番号, Drawing No. in a document register; 依頼No, 作業依頼番号
// in a request log) is the record's ID; a document's author (Originator, Prepared By, 起案者) its owner and
// its planned handing over (Planned Issue, Forecast Submission, 発行予定) its due date; how severe a matter
// is (深刻度, 重大度, Severity) an issue's priority; the control a finding is about (統制区分, Control Area)
// its area; a risk's ratings under the assessment they belong to (Inherent / Residual Risk over L | I |
// Score; 対策前 / 対策後 over 発生確率 | 影響度): the ones before the response, the residual kept as extra
// columns (blind set 19, I6 reversed set 10's reading of the residual ones as the ratings: stage-twins.ts).
import { describe, expect, it } from 'vitest';
import { readModel, readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function fields(target: ImportTarget, header: string[], rows: unknown[][]) {
  const t = await readRows([header, ...rows], target, 'Sheet1');
  return Object.fromEntries(header.map((h) => [h, t.columns.find((c) => c.label === h)?.field ?? null]));
}

describe('a number named for the register’s own records is its ID', () => {
  const docs = (ids: string[]) => [
    [ids[0], 'ICT Strategy', 'R. Bennett', d('2025-02-14'), 'Approved'],
    [ids[1], 'Cabling Design', 'J. Walsh', d('2025-03-07'), 'In Draft'],
    [ids[2], 'Wi-Fi Design', 'S. Khan', d('2025-05-02'), 'Not Started'],
  ];
  it.each(['Doc No.', 'Doc No', 'Document No.', 'Document Number', 'Drawing No.', 'Doc #', '文書番号', '図書番号', '資料No', 'ドキュメント番号'])('deliverable: %s', async (label) => {
    const t = await readRows([[label, 'Document Title', 'Originator', 'Planned Issue', 'Status'], ...docs(['NGH-DOC-001', 'NGH-DOC-002', 'NGH-DOC-003'])], 'deliverable', 'Register');
    expect(t.columns.find((c) => c.label === label)?.field).toBe('ref');
    expect(t.records.map((r) => r.values.ref)).toEqual(['NGH-DOC-001', 'NGH-DOC-002', 'NGH-DOC-003']);
  });

  const requests = [
    ['2025-001', '配車表の印刷ずれ', '岩田', '高', '完了'],
    ['2025-002', '単価マスタ更新', '吉川', '通常', '完了'],
    ['2025-003', 'CSV出力の方法', '松井', '通常', '対応中'],
  ];
  it.each(['依頼No', '依頼No.', '依頼番号', '作業依頼番号', '保守依頼No', 'Request No.', 'Request #'])('issue: %s', async (label) => {
    const t = await readRows([[label, '件名', '依頼者', '優先度', '状態'], ...requests], 'issue', '依頼台帳');
    expect(t.columns.find((c) => c.label === label)?.field).toBe('ref');
    expect(t.records.map((r) => r.values.ref)).toEqual(['2025-001', '2025-002', '2025-003']);
  });

  it('a document’s number in an issue log stays the document’s, not the issue’s ID', async () => {
    const got = await fields('issue', ['No.', 'Document No.', 'Issue', 'Owner'], [[1, 'DOC-7', 'Typo on p.3', 'Ann'], [2, 'DOC-9', 'Figure missing', 'Bob'], [3, 'DOC-7', 'Wrong date', 'Cy']]);
    expect(got['Document No.']).not.toBe('ref');
  });
});

describe('a document’s author and planned handing over', () => {
  const rows = [
    ['ICT Strategy', 'R. Bennett', d('2025-02-14'), 'Approved'],
    ['Cabling Design', 'J. Walsh', d('2025-03-07'), 'In Draft'],
    ['Wi-Fi Design', 'S. Khan', d('2025-05-02'), 'Not Started'],
  ];
  it.each([
    ['Originator', 'Planned Issue'],
    ['Prepared By', 'Forecast Submission'],
    ['Author', 'Target Handover'],
    ['起案者', '発行予定'],
    ['作成担当者', '提出予定'],
    ['執筆者', '納品予定'],
  ])('%s | %s', async (who, when) => {
    const got = await fields('deliverable', ['Document Title', who, when, 'Status'], rows);
    expect([got[who], got[when]]).toEqual(['owner', 'due']);
  });
});

describe('how severe an issue is grades it as its priority', () => {
  const rows = [
    ['OLE remote code execution', '緊急', '対応済'],
    ['Tomcat partial PUT', '重要', '対応中'],
    ['Chrome policy bypass', '警告', '未対応'],
  ];
  it.each(['深刻度', '重大度', '重篤度', 'Severity', 'Severity Level', 'Criticality'])('%s', async (label) => {
    expect((await fields('issue', ['脆弱性概要', label, '対応状況'], rows))[label]).toBe('priority');
  });
});

describe('the control or process a finding is about is its area', () => {
  const rows = [
    ['退職者アカウントが残存', 'アクセス管理', '不備'],
    ['リリース承認者と作業者が同一', '変更管理', '不備'],
    ['バッチエラー記録の押印漏れ', '運用管理', '要改善'],
  ];
  it.each(['統制区分', '統制領域', '業務プロセス', 'Control Area', 'Control Domain', 'Process Area', 'Category'])('%s', async (label) => {
    expect((await fields('finding', ['指摘事項', label, '評価'], rows))[label]).toBe('area');
  });
});

describe('a risk’s ratings under the assessment they belong to', () => {
  const records = [
    // (The scores are the client's formulas: their cached products.)
    ['R01', 'Supplier capacity', 4, 4, { f: 16 }, 'Named resources', 3, 3, { f: 9 }],
    ['R02', 'Data quality', 4, 5, { f: 20 }, 'Cleansing sprint', 3, 4, { f: 12 }],
    ['R03', 'PSN certificate', 2, 5, { f: 10 }, 'Health check', 1, 5, { f: 5 }],
  ];
  const cells = (groups: [string, string], letters: [string, string, string]) => [
    ['Risk ID', 'Risk Title', groups[0], null, null, 'Mitigating Actions', groups[1], null, null],
    [null, null, ...letters, null, ...letters],
    ...records,
  ];
  const merges = ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2', 'G1:I1'];
  it.each<[[string, string], [string, string, string], 'second' | 'first']>([
    [['Inherent Risk', 'Residual Risk'], ['L', 'I', 'Score'], 'first'],
    [['Gross Risk', 'Net Risk'], ['P', 'I', 'Score'], 'first'],
    [['Pre-mitigation', 'Post-mitigation'], ['L', 'C', 'Rating'], 'first'],
    [['Current Risk', 'Target Risk'], ['L', 'I', 'Score'], 'first'],
    [['対策前評価', '対策後評価'], ['発生確率', '影響度', 'スコア'], 'first'],
    [['固有リスク', '残存リスク'], ['P', 'I', '点数'], 'first'],
    // (The stage after the response written first: the stage before it is read all the same.)
    [['Net Risk', 'Gross Risk'], ['P', 'I', 'Score'], 'second'],
    [['対策後評価', '対策前評価'], ['発生確率', '影響度', 'スコア'], 'second'],
  ])('%j over %j: the %s group', (groups, letters, which) => {
    const t = readModel(cells(groups, letters) as never, 'risk', merges, 'Risk Register');
    const col = (f: string) => t.columns.find((c) => c.field === f)?.column;
    const [p, i] = which === 'second' ? ['G', 'H'] : ['C', 'D'];
    expect([col('probability'), col('impact')]).toEqual([p, i]);
    const want = which === 'second' ? [3, 3] : [4, 4];
    expect([t.records[0]!.values.probability, t.records[0]!.values.impact]).toEqual(want);
    // The other assessment's ratings stay with the record, as extra columns.
    const other = which === 'second' ? 'C' : 'G';
    expect(t.columns.find((c) => c.column === other)?.field ?? null).toBeNull();
  });

  it('a letter with no assessment above it names nothing', async () => {
    const got = await fields('risk', ['Risk', 'L', 'I', 'Owner'], [['Vendor late', 3, 4, 'Ann'], ['Key person', 2, 5, 'Bob'], ['Scope creep', 4, 2, 'Cy']]);
    expect([got['L'], got['I']]).toEqual([null, null]);
  });
});

describe('a decision log’s decider and the day it was decided', () => {
  it.each([['Decided By', 'Date Decided'], ['Decision Owner', 'Decided On']])('%s | %s', async (who, when) => {
    const got = await fields('issue', ['Decision', who, when], [['Go with vendor A', 'Board', d('2025-03-01')], ['Delay phase 2', 'SRO', d('2025-04-02')], ['Cloud hosting', 'CIO', d('2025-05-06')]]);
    expect([got[who], got[when]]).toEqual(['owner', 'closedOn']);
  });
});
