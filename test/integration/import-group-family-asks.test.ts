// A group's sub-columns read one by one (blind set 19, I3): under a group word no list holds (Knock-on, 余波),
// a column whose own word names a side of the change's impact (費用, Cost) says what the group is; its
// neighbours are then read by their own words as that side's (工期, Delay → the schedule's) or, where their
// words are unknown, offered the group's free fields their cells can hold and asked (short names → the scope,
// small figures → the schedule), never kept silently. Generated change logs in Japanese and English, the
// sub-columns in any order, one cell wide or merged over several (方眼紙); none of set 19's words.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';

beforeAll(async () => {
  await buildReaderWorker();
});

type Side = 'cost' | 'schedule' | 'scope';
interface Words {
  lang: 'ja' | 'en';
  group: string;
  cost: string;
  /** A schedule word the product knows, and one it does not. */
  schedule: [string, string];
  scope: string;
  lead: [string, string, string];
  tail: [string, string];
}
const WORDS: Words[] = [
  { lang: 'ja', group: '余波', cost: '費用(万円)', schedule: ['工期', '所要'], scope: '対象業務', lead: ['変更番号', '件名', '依頼者'], tail: ['判定', '実施状況'] },
  { lang: 'ja', group: 'はね返り', cost: '追加費用', schedule: ['日程', '延び'], scope: '関係サブシステム', lead: ['管理No', '変更件名', '申請者'], tail: ['承認', '状況'] },
  { lang: 'en', group: 'Knock-on', cost: 'Cost (£k)', schedule: ['Delay', 'Slip'], scope: 'Modules', lead: ['CR No', 'Title', 'Requested By'], tail: ['Decision', 'Status'] },
  { lang: 'en', group: 'Fallout', cost: 'Additional Cost', schedule: ['Schedule', 'Lag'], scope: 'Apps Touched', lead: ['Change ID', 'Change', 'Requestor'], tail: ['Approval', 'Implementation'] },
];
const TITLES = { ja: ['帳票レイアウト変更', '締め処理の前倒し', '権限設定の見直し', '外部連携の追加', '画面項目の追加'], en: ['Invoice layout change', 'Earlier month-end close', 'Role review', 'New bank interface', 'Extra screen fields'] };
const PEOPLE = { ja: ['経理部', '営業部', '総務部', '経理部', '情報システム部'], en: ['Finance', 'Sales', 'HR', 'Finance', 'IT'] };
const SCOPES = { ja: ['会計', '販売', '人事', '会計', '販売'], en: ['GL', 'Billing', 'Payroll', 'GL', 'Billing'] };
const DECISIONS = { ja: ['承認', '却下', '保留', '承認', '承認'], en: ['Approved', 'Rejected', 'On hold', 'Approved', 'Approved'] };
const STATES = { ja: ['未着手', '完了', '中止', '実施中', '未着手'], en: ['Not started', 'Done', 'Cancelled', 'In progress', 'Not started'] };

const L = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

interface Case {
  name: string;
  rows: CellSpec[][];
  merges: string[];
  at: Record<Side, string>;
  knownSchedule: boolean;
}

function changeLog(w: Words, order: Side[], width: number, knownSchedule: boolean): Case {
  const rows: CellSpec[][] = [[w.lang === 'ja' ? '変更管理台帳' : 'Change Log'], [], [], []];
  const merges: string[] = [];
  const at = {} as Record<Side, string>;
  let c = 0;
  const put = (r: number, col: number, v: CellSpec) => ((rows[r] ??= [])[col] = v);
  // Each column is `width` cells wide: merged on every row, as a 方眼紙 lays it out.
  const column = (rowsOf: (r: number) => CellSpec | undefined, header: 'both' | 'top' | 'bottom') => {
    const from = c;
    if (header === 'both') {
      put(2, c, rowsOf(2) ?? null);
      merges.push(`${L(c)}3:${L(c + width - 1)}4`);
    } else {
      put(header === 'top' ? 2 : 3, c, rowsOf(header === 'top' ? 2 : 3) ?? null);
      if (width > 1 && header === 'bottom') merges.push(`${L(c)}4:${L(c + width - 1)}4`);
    }
    for (let n = 0; n < 5; n++) {
      put(4 + n, c, rowsOf(4 + n) ?? null);
      if (width > 1) merges.push(`${L(c)}${5 + n}:${L(c + width - 1)}${5 + n}`);
    }
    c += width;
    return L(from) + (width > 1 ? `:${L(from + width - 1)}` : '');
  };
  const lead = [(n: number) => (w.lang === 'ja' ? `CH-${101 + n}` : `CR-${2027}${n + 1}`), (n: number) => TITLES[w.lang][n]!, (n: number) => PEOPLE[w.lang][n]!];
  lead.forEach((v, k) => column((r) => (r === 2 ? w.lead[k]! : r >= 4 ? v(r - 4) : undefined), 'both'));
  const groupAt = c;
  for (const side of order) {
    const word = side === 'cost' ? w.cost : side === 'scope' ? w.scope : w.schedule[knownSchedule ? 0 : 1];
    const value = (n: number): CellSpec => (side === 'cost' ? [1200, 0, 350, 80, 0][n]! : side === 'schedule' ? [5, 0, 12, 3, 0][n]! : SCOPES[w.lang][n]!);
    at[side] = column((r) => (r === 3 ? word : r >= 4 ? value(r - 4) : undefined), 'bottom');
  }
  put(2, groupAt, w.group);
  merges.push(`${L(groupAt)}3:${L(c - 1)}3`);
  const tail = [(n: number) => DECISIONS[w.lang][n]!, (n: number) => STATES[w.lang][n]!];
  tail.forEach((v, k) => column((r) => (r === 2 ? w.tail[k]! : r >= 4 ? v(r - 4) : undefined), 'both'));
  const width0 = c;
  return { name: `${w.lang} ${w.group} over ${order.join(' | ')}, ${width} wide, schedule word ${knownSchedule ? 'known' : 'unknown'}`, rows: rows.map((r) => Array.from({ length: width0 }, (_, i) => r[i] ?? null)), merges, at, knownSchedule };
}

const ORDERS: Side[][] = [
  ['scope', 'cost', 'schedule'],
  ['cost', 'schedule', 'scope'],
  ['schedule', 'scope', 'cost'],
];
const cases = WORDS.flatMap((w, i) => ORDERS.flatMap((order, j) => [changeLog(w, order, 1 + ((i + j) % 3), true), changeLog(w, order, 1 + ((i + j + 1) % 3), false)]));

async function preview(k: Case): Promise<ImportPreview> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  try {
    const { id: projectId } = await call('project.create', { name: 'P' });
    const dataBase64 = (await workbook([{ name: 'Changes', rows: k.rows, merges: k.merges }])).toString('base64');
    return await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64 });
  } finally {
    ws.close();
  }
}

describe('a group’s sub-columns, read one by one', () => {
  it.each(cases.map((k) => [k.name, k] as const))('%s', async (_, k) => {
    const p = await preview(k);
    const field = (column: string) => p.columns.find((c) => c.column === column)?.field ?? null;
    const asked = (column: string) => (p.detection?.why ?? []).flatMap((w) => (w.code === 'columnFits' && w.column === column ? [w.fields] : []))[0] ?? null;
    expect(field(k.at.cost)).toBe('impactCost');
    // The schedule: read by a word of its side, else asked with the schedule's field offered.
    if (k.knownSchedule) expect(field(k.at.schedule)).toBe('impactSchedule');
    else {
      expect(field(k.at.schedule)).toBeNull();
      expect(asked(k.at.schedule)).toContain('impactSchedule');
    }
    // The scope, named by a word of its own: asked, the scope offered.
    expect(field(k.at.scope)).toBeNull();
    expect(asked(k.at.scope)).toContain('impactScope');
  });
});
