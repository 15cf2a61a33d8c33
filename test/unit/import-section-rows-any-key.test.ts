// A section's title between a register's records (a phase, an area, a stage: one text alone on its row
// in the table's first column) is no record, whichever column took the key — merged across the table or
// typed in one cell with the rest of the row empty, also as the first row right under the header
// (blind set 18, I4: such rows were stored as records, their text in every field). What stays a record:
// a record with only its title typed, and rows under the table that no record follows.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const col = (c: number) => String.fromCharCode(65 + c);

type Register = { target: ImportTarget; lang: 'en' | 'ja'; head: string[]; row: (n: number) => ModelCell[]; sections: string[] };
const REGISTERS: Register[] = [
  {
    target: 'change', lang: 'en',
    head: ['VO #', 'Change Description', 'Raised By', 'Raised', 'Reason', 'Cost', 'Decision'],
    row: (n) => [`VO-${String(n).padStart(3, '0')}`, `Relocate the ${['pump', 'valve', 'panel', 'duct'][n % 4]} at bay ${n}`, ['Ann Lee', 'Raj Patel', 'Tom Wu'][n % 3], d(`2026-05-${String(n).padStart(2, '0')}`), 'Clash found on survey', 1000 * n, ['Approved', 'Rejected', 'Pending'][n % 3]],
    sections: ['STAGE 1 – Groundworks', 'STAGE 2 – Fit-out', 'STAGE 3 – Commissioning'],
  },
  {
    target: 'change', lang: 'en',
    head: ['Var. No', 'What Changes', 'Requested By', 'Requested', 'Justification', 'Cost', 'Decision'],
    row: (n) => [n, `Swap the ${['chiller', 'boiler', 'fan', 'meter'][n % 4]} model in zone ${n}`, ['Ann Lee', 'Raj Patel', 'Tom Wu'][n % 3], d(`2026-05-${String(n).padStart(2, '0')}`), 'Supplier lead time', 500 * n, ['Approved', 'Rejected', 'Pending'][n % 3]],
    sections: ['Zone North', 'Zone South', 'Zone East'],
  },
  {
    target: 'issue', lang: 'en',
    head: ['Ticket #', 'Matter Raised', 'Reported By', 'Reported', 'Details', 'State'],
    row: (n) => [`TK-${200 + n}`, `Gate ${n} scanner drops the ${['badge', 'pass', 'ticket'][n % 3]} read`, ['Kim', 'Lopez', 'Singh'][n % 3], d(`2026-06-${String(n).padStart(2, '0')}`), 'Seen on the night shift', ['Open', 'In progress', 'Closed'][n % 3]],
    sections: ['Area A – Landside', 'Area B – Airside', 'Area C – Cargo'],
  },
  {
    target: 'issue', lang: 'ja',
    head: ['管理番号', '問題点', '報告者', '報告日', '詳細', '状況'],
    row: (n) => [`Q-${String(n).padStart(2, '0')}`, `${['検札機', '発券機', '改札機'][n % 3]}${n}号機で読取りが失敗する`, ['佐藤', '鈴木', '高橋'][n % 3], d(`2026-06-${String(n).padStart(2, '0')}`), '夜間に発生', ['未対応', '対応中', '完了'][n % 3]],
    sections: ['第1期 駅舎工事', '第2期 ホーム工事', '第3期 連絡通路'],
  },
  {
    target: 'risk', lang: 'ja',
    head: ['No.', 'リスク事象', '担当', '識別日', '対応策', '状態'],
    row: (n) => [n, `${['資材', '要員', '天候'][n % 3]}の都合で工程${n}が遅れる`, ['佐藤', '鈴木', '高橋'][n % 3], d(`2026-07-${String(n).padStart(2, '0')}`), '代替手配を用意する', ['監視中', '対応中', 'クローズ'][n % 3]],
    sections: ['設計段階', '調達段階', '施工段階'],
  },
  {
    target: 'risk', lang: 'en',
    head: ['Risk Ref', 'Risk Description', 'Owner', 'Identified', 'Mitigation', 'Status'],
    row: (n) => [`RK-${String(n).padStart(2, '0')}`, `Key staff may leave before go-live of wave ${n}`, ['Ann Lee', 'Raj Patel', 'Tom Wu'][n % 3], d(`2026-07-${String(n).padStart(2, '0')}`), 'Cross-train a second person', ['Open', 'Monitoring', 'Closed'][n % 3]],
    sections: ['Workstream – Data', 'Workstream – Cutover', 'Workstream – Training'],
  },
  {
    target: 'change', lang: 'ja',
    head: ['依頼番号', '変更の内容', '依頼者', '依頼日', '理由', '費用', '判定'],
    row: (n) => [`HK-${30 + n}`, `${['帳票', '画面', 'バッチ'][n % 3]}${n}の項目を追加する`, ['佐藤', '鈴木', '高橋'][n % 3], d(`2026-08-${String(n).padStart(2, '0')}`), '法改正対応', 10 * n, ['承認', '却下', '保留'][n % 3]],
    sections: ['第一次リリース', '第二次リリース', '保守対応'],
  },
];

const cases = REGISTERS.flatMap((reg, k) => (['merged', 'one cell'] as const).flatMap((form) => [false, true].map((titled) => ({ reg, form, titled, label: `${reg.target} ${reg.head[0]} ${form}${titled ? ' (a title above)' : ''}`, k }))));

describe('section rows between records', () => {
  it.each(cases)('$label: no record, the first right under the header too', ({ reg, form, titled }) => {
    const width = reg.head.length;
    const rows: ModelCell[][] = titled ? [[reg.lang === 'en' ? 'Register' : '管理表'], []] : [];
    const merges: string[] = [];
    rows.push(reg.head);
    const sectionRows: number[] = [];
    let n = 1;
    for (const [s, name] of reg.sections.entries()) {
      rows.push([name]);
      sectionRows.push(rows.length);
      if (form === 'merged') merges.push(`A${rows.length}:${col(width - 1)}${rows.length}`);
      for (let k = 0; k < 2 + (s % 2); k++, n++) rows.push(reg.row(n));
    }
    const t = readModel(rows, reg.target, merges, 'Sheet1');
    expect(t.records.map((r) => r.row)).toEqual(rows.flatMap((_, i) => (i + 1 > rows.indexOf(reg.head) + 1 && !sectionRows.includes(i + 1) ? [i + 1] : [])));
    // (A section's name is the group its records are in — their category or phase where that is free — never another field.)
    expect(t.records.flatMap((r) => Object.entries(r.values).filter(([f, v]) => f !== 'category' && f !== 'phase' && reg.sections.includes(String(v))))).toEqual([]);
  });
});

describe('what stays a record', () => {
  it('a record with only its title typed, between full records', () => {
    const head = ['Ref', 'Title', 'Owner', 'Raised', 'Status'];
    const full = (n: number): ModelCell[] => [`I-${n}`, `Printer ${n} jams on duplex`, 'Kim', d(`2026-06-0${n}`), 'Open'];
    const rows: ModelCell[][] = [head, full(1), full(2), [null, 'Badge reader at the lobby is slow'], full(3), full(4)];
    const t = readModel(rows, 'issue', [], 'Sheet1');
    expect(t.records.map((r) => r.values.title)).toEqual(['Printer 1 jams on duplex', 'Printer 2 jams on duplex', 'Badge reader at the lobby is slow', 'Printer 3 jams on duplex', 'Printer 4 jams on duplex']);
  });

  it('a note under the last record ends the data', () => {
    const head = ['Ref', 'Title', 'Owner', 'Raised', 'Status'];
    const full = (n: number): ModelCell[] => [`I-${n}`, `Printer ${n} jams on duplex`, 'Kim', d(`2026-06-0${n}`), 'Open'];
    const rows: ModelCell[][] = [head, ['Floor 3'], full(1), full(2), ['Floor 4'], full(3), full(4), ['Closed items are kept for a year, then moved to the archive workbook.']];
    const t = readModel(rows, 'issue', [], 'Sheet1');
    expect(t.records.map((r) => r.values.ref)).toEqual(['I-1', 'I-2', 'I-3', 'I-4']);
  });
});
