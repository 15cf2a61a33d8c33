// Which column names the records, by its cells (issue 11, blind set 16 I2; core/excel/import/key-texts.ts):
// a key column repeating a handful of short words (Technical / Supplier / Budget under Topic) is a
// category, and the long texts of their own beside it are the key; a register whose long-text field is
// its response (a finding's corrective action, a defect's resolution) is named by the long texts before
// that column when no header word names the key. Both are guesses by the cells: asked. Generated
// variants (seeded): registers, header words, category words, record counts, column orders.
import { describe, expect, it } from 'vitest';
import { workbook, type CellSpec, type SheetSpec } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { prng } from '../fixtures/excel/hostile.js';

// (One workspace for the file; each preview in a project of its own.)
const { call } = fileWorkspace();

async function preview(register: string, sheet: SheetSpec): Promise<ImportPreview> {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const dataBase64 = (await workbook([sheet])).toString('base64');
  return await call('excel.previewImport', { projectId, register: register as 'risk', fileName: 'book.xlsx', dataBase64 });
}

// (prng: a small seeded generator, mulberry32: the same variants on every run.)
const random = prng;
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const SUBJECTS = ['Gateway firmware', 'Supplier portal', 'Data migration', 'Test bench', 'Cloud backend', 'Security review', 'Pilot rollout', 'Field service', 'Key ceremony', 'Bootloader'];
const VERBS = ['slips past the freeze date', 'fails under peak load', 'needs a second approval round', 'misses the agreed interface spec', 'is blocked by open licence terms', 'loses data on partial power loss'];
const JA_TEXTS = ['ゲートウェイ更新が凍結日までに終わらない', '移行データの一部が欠落する', '試験環境の手配が二週間遅れる', '外部ベンダーの要員が交代する', '承認手続きが再度必要になる', 'ピーク時に応答が遅くなる', '仕様の解釈が双方で食い違う', '鍵管理の手順が決まっていない'];
const longText = (rnd: () => number, ja: boolean, i: number) => (ja ? `${JA_TEXTS[i % JA_TEXTS.length]}（${i + 1}件目）` : `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} (${i + 1})`);

describe('a key column of a handful of repeated short words is a category (I2)', () => {
  const CATEGORY_WORDS = [
    ['Technical', 'Supplier', 'Budget', 'Resources'],
    ['技術', '調達', '予算', '要員'],
    ['Scope', 'Schedule', 'Quality'],
  ];
  // (register, the key's weak word, the long text's header: a description's word or none the register knows)
  const HEADS = [
    ['risk', 'Topic', 'Risk description'],
    ['risk', 'Subject', '内容'],
    ['risk', 'Topic', 'Scenario'],
    ['issue', 'Topic', 'Description'],
    ['issue', 'Topic', 'Scenario'],
  ] as const;
  for (let seed = 1; seed <= 10; seed++) {
    const rnd = random(seed * 7919);
    const [register, keyWord, textWord] = HEADS[seed % HEADS.length]!;
    const words = CATEGORY_WORDS[seed % CATEGORY_WORDS.length]!;
    // (Each word on two records or more on average: a handful repeated, not one word per record.)
    const n = 2 * words.length + Math.floor(rnd() * 5);
    const ja = /[^\x00-\x7f]/.test(words[0]!);
    const textFirst = rnd() < 0.3;
    const head = textFirst ? ['No.', textWord, keyWord, 'Owner', 'Status'] : ['No.', keyWord, textWord, 'Owner', 'Status'];
    const rows: CellSpec[][] = [['Register'], [], head];
    for (let i = 0; i < n; i++) {
      const cat = words[i % words.length]!;
      const text = longText(rnd, ja, i);
      rows.push([i + 1, ...(textFirst ? [text, cat] : [cat, text]), pick(rnd, ['J. Braun', 'S. Vogel', 'PMO']), 'Open']);
    }
    const keyCol = textFirst ? 'C' : 'B';
    const textCol = textFirst ? 'B' : 'C';
    it(`seed ${seed}: ${register} ${keyWord} (${words.join('/')}) beside ${textWord}, ${n} records: the long texts are the title, asked`, async () => {
      const p = await preview(register, { name: 'Sheet1', rows });
      const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
      expect(field(textCol)).toBe('title');
      expect(field(keyCol)).not.toBe('title');
      if (register === 'risk') expect(field(keyCol)).toBe('category');
      expect(p.detection?.ask).not.toBeNull();
      expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyGuessed', column: textCol }));
      const titles = p.rows.filter((r) => !r.skipped).map((r) => r.values?.title);
      expect(titles).toHaveLength(n);
      expect(new Set(titles).size).toBe(n);
    });
  }

  it('a key column of distinct short names stays the key, and nothing is asked about it', async () => {
    const rows: CellSpec[][] = [['Register'], [], ['No.', 'Topic', 'Description', 'Owner', 'Status']];
    const rnd = random(5);
    ['Gateway', 'Portal', 'Migration', 'Bench', 'Backend', 'Review', 'Rollout'].forEach((t, i) => rows.push([i + 1, t, longText(rnd, false, i), 'PMO', 'Open']));
    const p = await preview('risk', { name: 'Sheet1', rows });
    expect(p.columns.find((m) => m.column === 'B')?.field).toBe('title');
    expect(p.columns.find((m) => m.column === 'C')?.field).toBe('description');
    expect(p.detection?.why.some((w) => w.code === 'keyGuessed')).toBe(false);
  });
});

describe('the long texts before a response column name the records where no header word names them (I2)', () => {
  // (register, the records' column word no field knows, the response's word: the register's long-text field)
  const HEADS = [
    ['finding', 'Deviation', 'Corrective action'],
    ['finding', '事象', '是正処置'],
    ['finding', 'Gap', 'Corrective action'],
    ['defect', '症状', 'Resolution'],
    ['defect', 'Observation', 'Fix'],
  ] as const;
  const ACTIONS = ['Add to shift checklist', 'Install data logger with alarm', 'Mark and fence rework area', 'Calibrate and add to CAQ', '手順書を改訂し周知する', '担当者を再教育する'];
  for (let seed = 1; seed <= 10; seed++) {
    const rnd = random(seed * 104729);
    const [register, textWord, responseWord] = HEADS[seed % HEADS.length]!;
    const n = 5 + Math.floor(rnd() * 6);
    const ja = /[^\x00-\x7f]/.test(textWord);
    const grouped = rnd() < 0.5;
    // (Grouped: the records' and the response's columns under group words over two header rows.)
    const top: CellSpec[] = grouped ? ['No.', 'Finding', null, 'Measures', null, 'Status'] : ['No.', 'Area', textWord, responseWord, 'Owner', 'Status'];
    const header: CellSpec[][] = grouped ? [top, [null, 'Area', textWord, responseWord, 'Owner', null]] : [top];
    const rows: CellSpec[][] = [['Audit'], [], ...header];
    for (let i = 0; i < n; i++) rows.push([i + 1, `P${1 + (i % 4)}.${i + 1}`, longText(rnd, ja, i), pick(rnd, ACTIONS), pick(rnd, ['Maintenance', 'Production', 'QM']), 'Open']);
    it(`seed ${seed}: ${register} ${textWord} before ${responseWord}${grouped ? ' (grouped header)' : ''}, ${n} records: ${textWord} is the title, asked`, async () => {
      const p = await preview(register, { name: 'Sheet1', rows, ...(grouped ? { merges: ['B3:C3', 'D3:E3', 'A3:A4', 'F3:F4'] } : {}) });
      const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
      expect(field('C')).toBe('title');
      expect(field('D')).toBe(register === 'finding' ? 'action' : 'resolution');
      expect(p.detection?.ask).toBe('header');
      expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyGuessed', column: 'C' }));
    });
  }
});
