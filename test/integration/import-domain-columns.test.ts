// Columns named in a domain's own words (blind set 11): a first column numbering the log's records under
// its own noun (逸脱No., NC No.) is the ID (C2); a status named for what it tracks (Acceptance Status, 検収状況)
// whose words are status words is the status, and a person named by the act (Accepted By, 検収者) the one
// who decided (C2); a stage of a test (試験段階) a defect's phase (C2); a generic class head (分類, 区分, Type,
// Class) over a grade's words is the grade, not the category (C3); a 種別 / Type column none of whose words
// is a kind of record (PC / サーバ / ソフトウェア) stays the client's own column, not the kind (O1).
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

async function fields(target: ImportTarget, header: string[], rows: unknown[][]) {
  const t = await readRows([header, ...rows], target, 'Sheet1');
  return { t, got: Object.fromEntries(header.map((h) => [h, t.columns.find((c) => c.label === h)?.field ?? null])) };
}

describe('the record’s number under the noun the log names its records by', () => {
  it.each<[ImportTarget, string, string, unknown[], string]>([
    ['issue', '逸脱No.', '逸脱内容', ['DEV-001', 'DEV-002', 'DEV-003'], 'Sheet1'],
    ['defect', '逸脱番号', '逸脱事象', ['DEV-001', 'DEV-002', 'DEV-003'], 'Sheet1'],
    ['defect', 'Deviation ID', 'Deviation', ['D1', 'D2', 'D3'], 'Sheet1'],
    ['issue', '不適合No.', '件名', [101, 102, 103], '不適合管理表'],
  ])('%s: %s beside %s', async (target, head, title, ids, sheet) => {
    const header = [head, title, '担当者', '状況'];
    const t = await readRows([header, ...ids.map((id, i) => [id, ['温度記録の欠落', 'ラベル誤貼付', '施錠漏れ'][i], '佐藤', '対応中'])], target, sheet);
    expect(t.columns.find((c) => c.label === head)?.field).toBe('ref');
    expect(t.columns.find((c) => c.label === title)?.field).toBe('title');
    expect(t.records).toHaveLength(3);
  });

  it('another noun’s number stays the client’s column', async () => {
    const { got } = await fields('issue', ['資料番号', '件名', '担当者'], [['DOC-1', 'a', '佐藤'], ['DOC-2', 'b', '鈴木'], ['DOC-3', 'c', '佐藤']]);
    expect(got['資料番号']).not.toBe('ref');
  });
});

describe('a status named for what it tracks, and who decided', () => {
  const rows = [['A-01', 'Login screen', 'Accepted', 'Ann'], ['A-02', 'Report', 'Rejected', 'Bob'], ['A-03', 'Export', 'Pending', 'Ann']];
  it.each<[ImportTarget, string, string, string]>([
    ['issue', 'Acceptance Status', 'status', ''],
    ['deliverable', 'Acceptance Status', 'status', 'approvedBy'],
    ['change', 'Acceptance Status', 'implStatus', 'decidedBy'],
    ['deliverable', 'Review Status', 'status', 'approvedBy'],
  ])('%s: %s', async (target, head, status, by) => {
    const { got, t } = await fields(target, ['Item No.', target === 'deliverable' ? 'Deliverable' : 'Subject', head, 'Accepted By'], rows);
    expect(got[head]).toBe(status);
    if (by) expect(got['Accepted By']).toBe(by);
    expect(t.records.every((r) => typeof r.values[status] === 'string')).toBe(true);
  });

  it('確認者 in a change log is who decided', async () => {
    const { got } = await fields('change', ['No.', '件名', '確認者'], [[1, 'a', '佐藤'], [2, 'b', '鈴木'], [3, 'c', '佐藤']]);
    expect(got['確認者']).toBe('decidedBy');
  });

  it('検収状況 and 検収者 in a deliverable list', async () => {
    const { got } = await fields('deliverable', ['No.', '成果物名', '検収状況', '検収者'], [[1, '基本設計書', '検収済', '佐藤'], [2, 'テスト計画書', '検収中', '鈴木'], [3, '操作手順書', '却下', '佐藤']]);
    expect([got['検収状況'], got['検収者']]).toEqual(['status', 'approvedBy']);
  });
});

describe('a test stage is a defect’s phase', () => {
  it.each(['試験段階', 'テスト段階', 'Test Stage'])('%s', async (head) => {
    const { got } = await fields('defect', ['No.', '不具合内容', head, '状況'], [[1, '温度記録の欠落', '第I相', '対応中'], [2, 'ラベル誤貼付', '第II相', '完了'], [3, '施錠漏れ', '第I相', '対応中']]);
    expect(got[head]).toBe('phase');
  });
});

describe('a class head over a grade’s words is the grade', () => {
  it.each<[ImportTarget, string, string[], string]>([
    ['defect', 'Type', ['Critical', 'Minor', 'Major', 'Minor'], 'severity'],
    ['defect', '分類', ['重大', '軽微', '重要', '軽微'], 'severity'],
    ['defect', '区分', ['高', '低', '中', '低'], 'severity'],
    ['issue', '分類', ['重大', '軽微', '重要', '軽微'], 'priority'],
    ['issue', 'Class', ['High', 'Low', 'Medium', 'Low'], 'priority'],
    ['finding', '区分', ['重大', '軽微', '軽微', '重大'], 'severity'],
  ])('%s: %s', async (target, head, grades, want) => {
    const { got } = await fields(target, ['No.', target === 'finding' ? '指摘事項' : '件名', head, '担当者'], grades.map((g, i) => [i + 1, `件名${i + 1}`, g, '佐藤']));
    expect(got[head]).toBe(want);
  });

  it('where a column is headed as the grade, the class head keeps its own field', async () => {
    const { got } = await fields('defect', ['No.', '件名', '分類', '重要度'], [[1, 'a', '画面', '高'], [2, 'b', '帳票', '低'], [3, 'c', '画面', '中']]);
    expect([got['分類'], got['重要度']]).toEqual(['category', 'severity']);
  });
});

describe('a type column of no kind of record is the client’s own', () => {
  it.each([
    ['種別', ['PC', 'サーバ', 'ソフトウェア', 'PC']],
    ['Type', ['Laptop', 'Server', 'Printer', 'Laptop']],
    ['種類', ['ノートPC', 'ルーター', 'ライセンス', 'ノートPC']],
  ])('%s: %j', async (head, values) => {
    const { got, t } = await fields('issue', ['No.', '件名', head, '担当者', '状況'], values.map((v, i) => [i + 1, `件名${i + 1}`, v, '佐藤', '対応中']));
    expect(got[head]).toBe(null);
    expect(t.records.map((r) => r.extra[head])).toEqual(values);
  });

  it('a kind column of kind words stays the kind', async () => {
    const { got } = await fields('issue', ['No.', '件名', '種別', '担当者'], [[1, 'a', '不具合', '佐藤'], [2, 'b', '質問', '鈴木'], [3, 'c', '要望', '佐藤']]);
    expect(got['種別']).toBe('kind');
  });
});
