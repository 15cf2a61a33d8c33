// Fuzz: mutated workbooks (bytes flipped, cut, spliced; XML parts edited with hostile tokens and
// re-zipped with correct checksums so the damage reaches the parsers) must each be read or refused
// with an ExcelReadError — never another exception, a hang or a changed Object.prototype — and what is
// read must be plain, JSON-safe data that detection and normalization handle. Fixed seed, bounded runs.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/read-workbook.js';
import { readWorkbook } from '../../electron/core/excel/reader.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { analyzeWorkbook } from '../../electron/common/excel/table.js';
import { IMPORT_TARGETS } from '../../electron/common/excel/fields.js';
import type { WorkbookModel } from '../../electron/common/excel/model.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { unzip, zip } from '../fixtures/excel/zip.js';

const SEED = 20250401;
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

const TOKENS = [
  '<row r="1048576">',
  '<row r="0">',
  '<row r="-1">',
  '<c r="XFD1048576" t="s"><v>0</v></c>',
  '<c r="A1" t="s"><v>99999999</v></c>',
  '<c t="d"><v>not a date</v></c>',
  '<c t="n"><v>NaN</v></c>',
  '<c s="99999"><v>1</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="ZZZZ0"/>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&a;',
  '&#xD800;',
  '&#99999999;',
  '__proto__',
  'constructor="x"',
  '<![CDATA[<c>]]>',
  '<!--',
  '</sheetData>',
  '</row></row>',
  '<is><t>',
  '"',
  "'",
  '<',
  '>',
  '\u0000',
  '\uFFFF',
  'numFmtId="14"',
  'formatCode="yyyy/m/d"',
  '<alignment indent="999999999"/>',
  'date1904="1"',
  'state="veryHidden"',
  'outlineLevel="99"',
];

let bases: { name: string; parts: { name: string; data: Buffer }[]; bytes: Buffer }[] = [];

beforeAll(async () => {
  await buildReaderWorker();
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const books = [
    await workbook([
      {
        name: 'WBS',
        rows: [
          ['工程表'],
          [],
          ['WBS', 'タスク', '予定', null, '担当', '進捗率'],
          [null, null, '開始', '終了', null, null],
          ['1', '設計', d('2025-04-01'), d('2025-04-10'), '山田', { value: 0.5, numFmt: '0%' }],
          ['1.1', { value: '画面', indent: 1 }, d('2025-04-01'), d('2025-04-05'), '佐藤', 1],
          ['2', '製造', '2025/4/11', 'R7.5.1', '鈴木', { value: 0, formula: '0' }],
          ['合計', null, null, null, null, { value: 1.5, formula: 'SUM(F5:F7)' }],
        ],
        merges: ['A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4'],
      },
      { name: '課題', rows: [['No', '課題名', '重要度', '期限', '状態'], [1, '仕様確認', '高', '4/1', '対応中'], [2, '性能', '低', d('2025-05-01'), '完了']] },
    ]),
    await workbook([{ name: 'Risks', rows: [['ID', 'Title', 'Probability', 'Impact', 'Status'], ['R-1', 'Vendor', 'High', 'Medium', 'Open']] }]),
  ];
  bases = books.map((bytes, i) => ({ name: `base${i}.xlsx`, parts: unzip(bytes), bytes }));
}, 60_000);

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; bytes: number[] }
  | { kind: 'xml-insert'; part: number; at: number; token: number }
  | { kind: 'xml-delete'; part: number; at: number; length: number }
  | { kind: 'xml-duplicate'; part: number; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }) }),
  fc.record({ kind: fc.constant('xml-insert' as const), part: fc.nat(), at: fc.nat(), token: fc.nat({ max: TOKENS.length - 1 }) }),
  fc.record({ kind: fc.constant('xml-insert' as const), part: fc.nat(), at: fc.nat(), token: fc.nat({ max: TOKENS.length - 1 }) }),
  fc.record({ kind: fc.constant('xml-delete' as const), part: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('xml-duplicate' as const), part: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(base: (typeof bases)[number], ms: Mutation[]): Buffer {
  let parts = base.parts.map((p) => ({ ...p }));
  let bytes: Buffer | null = null;
  for (const m of ms) {
    if (m.kind.startsWith('xml-')) {
      if (bytes) continue; // byte damage already applied: XML edits no longer make sense
      const pm = m as Extract<Mutation, { part: number }>;
      const i = pm.part % parts.length;
      const text = parts[i]!.data.toString('utf8');
      const at = pm.at % (text.length + 1);
      let next: string;
      if (pm.kind === 'xml-insert') next = text.slice(0, at) + TOKENS[pm.token]! + text.slice(at);
      else if (pm.kind === 'xml-delete') next = text.slice(0, at) + text.slice(at + pm.length);
      else next = text.slice(0, at) + text.slice(at, at + pm.length).repeat(2) + text.slice(at + pm.length);
      parts = parts.map((p, k) => (k === i ? { name: p.name, data: Buffer.from(next, 'utf8') } : p));
      continue;
    }
    bytes ??= zip(parts);
    const at = (m as { at: number }).at % (bytes.length + 1);
    if (m.kind === 'flip' && at < bytes.length) {
      bytes = Buffer.from(bytes);
      bytes[at] = m.value;
    } else if (m.kind === 'cut') bytes = bytes.subarray(0, at);
    else if (m.kind === 'splice') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
  }
  return bytes ?? zip(parts);
}

/** What was read is plain data: JSON round-trips it unchanged and every cell has a sane shape. */
function checkModel(model: WorkbookModel) {
  expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  for (const sheet of model.sheets)
    for (const row of sheet.rows) {
      expect(Number.isInteger(row.r) && row.r >= 0 && row.r < 1_048_576).toBe(true);
      for (const cell of row.cells) {
        expect(Number.isInteger(cell.c) && cell.c >= 0 && cell.c < 16_384).toBe(true);
        expect(['s', 'n', 'd', 'b', 'e']).toContain(cell.t);
      }
    }
}

describe('fuzz: mutated workbooks', () => {
  it('are read or refused with an ExcelReadError, in-process (fixed seed)', () => {
    let read = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (b, ms) => {
        const base = bases[b % bases.length]!;
        const bytes = mutate(base, ms);
        let model: WorkbookModel;
        try {
          model = readWorkbookBytes(bytes, base.name);
        } catch (err) {
          if (!(err instanceof ExcelReadError)) throw err;
          expect(err.message.startsWith(`${base.name}: `)).toBe(true);
          refused++;
          return;
        }
        read++;
        checkModel(model);
        for (const target of IMPORT_TARGETS) {
          const a = analyzeWorkbook(model, target, { today: '2025-06-01' });
          if (a.ok) JSON.stringify(a.table);
          else expect(a.reason.length).toBeGreaterThan(0);
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      }),
      { seed: SEED, numRuns: 600 },
    );
    console.log(`fuzz in-process: ${read} read, ${refused} refused (seed ${SEED})`);
    expect(read).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  }, 60_000);

  it('are read or refused through the worker, which always answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (b, ms) => {
        const base = bases[b % bases.length]!;
        try {
          checkModel(await readWorkbook(mutate(base, ms), base.name));
        } catch (err) {
          if (!(err instanceof ExcelReadError)) throw err;
          expect(['DAMAGED', 'UNSAFE', 'TOO_LARGE', 'NOT_A_WORKBOOK', 'ZIP_BOMB', 'UNSUPPORTED', 'ENCRYPTED']).toContain(err.code);
        }
      }),
      { seed: SEED + 1, numRuns: 40 },
    );
  }, 60_000);
});
