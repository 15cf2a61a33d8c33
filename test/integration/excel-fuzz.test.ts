// Fuzz: mutated workbooks (bytes flipped, cut, spliced; XML parts edited with hostile tokens and
// re-zipped with correct checksums so the damage reaches the parsers) must each be read or refused
// with an ExcelReadError — never another exception, a hang or a changed Object.prototype — and what is
// read must be plain, JSON-safe data that detection and normalization handle. Fixed seed, bounded runs.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { readWorkbook } from '../../electron/core/excel/capped-worker.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { IMPORT_TARGETS } from '../../electron/common/excel/fields.js';
import type { WorkbookModel } from '../../electron/common/excel/model.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { unzip } from '../fixtures/excel/zip.js';
import { mutate, mutation } from '../fixtures/excel/mutate.js';

const SEED = 20250401;
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

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
    // ~8 s alone; a machine loaded 10× over (CI beside other work) took more than 60.
  }, 180_000);

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
